"""Every kind of page is valid HTML, as the Nu HTML checker (vnu) reads it."""

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, require
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


def test_every_kind_of_page_is_valid_html(client, tmp_path):
    require(VNU.exists() and shutil.which("java") is not None, "vnu-jar (npm ci) and Java")
    files = []
    for number, (name, html) in enumerate(_pages(client).items()):
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
