"""Every kind of page is valid HTML, as the Nu HTML checker (vnu) reads it."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from conftest import ROOT, keep_work, require
from waymark.counsel.models import Conversation
from waymark.diary.tests.helpers import NEW as NEW_DIARY_ENTRY
from waymark.diary.tests.helpers import entry_form
from waymark.program.content import program_for

pytestmark = pytest.mark.django_db
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _pages(client) -> dict[str, str]:
    client.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": "x", "q5-selfesteem": "4"})
    client.post(NEW_DIARY_ENTRY, entry_form(client))
    program = program_for("en")
    paths = [f"/en/{c.id}/{p.id}/" for c in program.chapters for p in c.pages]
    paths += [
        "/en/",
        "/fi/",
        "/en/self-check/",
        "/en/help/",
        "/en/help/privacy/",
        "/en/diary/",
        "/en/diary/new/",
        "/en/diary/patterns/",
        "/en/diary/check-in/",
        "/en/workspace/",
        "/en/workspace/open/",
        "/en/workspace/workbook/print/",
        "/en/surveys/",
        "/en/surveys/motivation-to-change/",
        "/en/no-such-page/",
        "/staff/",
    ]
    pages = {path: client.get(path).text for path in paths}
    # Forms shown again with their errors.
    pages["exercise with errors"] = client.post(
        "/en/exercise/ex5-yourself/answer/", {"q5-selfesteem": "11"}
    ).text
    pages["diary with errors"] = client.post(NEW_DIARY_ENTRY, {"urge": "11"}).text
    pages["workbook download"] = client.get("/en/workspace/workbook/download.html").text
    return pages


def _counsel_pages(client, staff) -> dict[str, str]:
    """Talk to a person, from both sides, with its errors and a crisis box."""
    keep_work(client)
    pages = {"messages before the first": client.get("/en/messages/").text}
    pages["message with errors and crisis help"] = client.post(
        "/en/messages/write/", {"text": "I want to die " + "x" * 4000}
    ).text
    client.post("/en/messages/write/", {"text": "Hello, see example.org"})
    client.post("/en/messages/share/add/", {"item": "ex5-yourself"})
    for path in ("/en/messages/", "/en/messages/about/", "/en/messages/share/"):
        pages[path] = client.get(path).text
    conversation = f"/staff/counsel/{Conversation.objects.get().id}/"
    staff.post("/staff/counsel/replies/", {"language": "en", "title": "Hi", "text": "Hello."})
    staff.post(conversation + "note/", {"note": "A note."})
    for path in ("/staff/counsel/", conversation, "/staff/counsel/load/"):
        pages[path] = staff.get(path).text
    pages["saved replies with errors"] = staff.post("/staff/counsel/replies/", {"title": ""}).text
    pages["reply with errors"] = staff.post(conversation + "reply/", {"action": "send"}).text
    return pages


def test_every_kind_of_page_is_valid_html(client, tmp_path, make_staff):
    require(VNU.exists() and shutil.which("java") is not None, "vnu-jar (npm ci) and Java")
    files = []
    counsellor = Client()
    make_staff("sam", "counsel").sign_in(counsellor)
    pages = {**_pages(client), **_counsel_pages(Client(), counsellor)}
    for number, (name, html) in enumerate(pages.items()):
        path: Path = tmp_path / f"page{number}.html"
        path.write_text(html)
        files.append((str(path), name))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "text", *[f for f, _ in files]],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = result.stderr + result.stdout
    for path, name in files:
        report = report.replace(path, name)
    assert result.returncode == 0, report
