"""A person does everything Waymark offers, then someone copies the database and the logs.

With a sentinel in every answer and in the headers a browser sends, the copy must show none of
what the person wrote, nor their passphrase, address, browser or the page they came from.
"""

import html
import itertools
import re

import pytest
from django.test import Client
from django.urls import reverse

from waymark.diary.tests.helpers import NEW as NEW_DIARY_ENTRY
from waymark.diary.tests.helpers import entry_form

pytestmark = pytest.mark.django_db

ANSWER_SENTINEL = "answer-sentinel-8d2e"
DIARY_SENTINEL = "diary-sentinel-61fa"
AGENT = "AgentSentinel/4.2"
REFERER = "https://referer-sentinel.example/x"
ADDRESS = "198.51.100.23"


def test_a_whole_visit_leaves_nothing_readable_in_the_database_or_the_logs(
    captured_log, database_dump, settings
):
    settings.WAYMARK_ARGON2_MEMORY_KIB = 64 * 1024
    person = Client(
        REMOTE_ADDR=ADDRESS,
        headers={"user-agent": AGENT, "referer": REFERER, "x-forwarded-for": ADDRESS},
    )
    person.get("/en/")
    saved = person.post(
        "/en/exercise/ex5-yourself/answer/",
        {"q5-describe": ANSWER_SENTINEL, "q5-selfesteem": "6"},
    )
    assert saved.status_code == 302
    diary = person.post(
        NEW_DIARY_ENTRY, entry_form(person, thoughts=DIARY_SENTINEL, situation_note=DIARY_SENTINEL)
    )
    assert diary.status_code == 302

    person.post(reverse("workspace:save"))
    shown = person.get(reverse("workspace:save")).text
    phrase = html.unescape(re.search(r'id="passphrase">([^<]+)<', shown).group(1)).strip()
    assert (
        person.post(reverse("workspace:passphrase-confirm"), {"passphrase": phrase}).status_code
        == 302
    )
    person.post(reverse("workspace:logout"))

    coming_back = Client(headers={"user-agent": AGENT})
    assert coming_back.post(reverse("workspace:open"), {"passphrase": phrase}).status_code == 302
    assert ANSWER_SENTINEL in coming_back.get("/en/why-people-use/risk-factors-and-yourself/").text
    assert DIARY_SENTINEL in coming_back.get("/en/diary/").text

    copy = database_dump() + "\n" + captured_log.getvalue().lower()
    for secret in (ANSWER_SENTINEL, DIARY_SENTINEL, AGENT.lower(), REFERER, ADDRESS, phrase):
        assert secret.lower() not in copy, secret
    for pair in itertools.pairwise(phrase.lower().split()):
        assert " ".join(pair) not in copy
    # Days are kept, and session rows say only the day after which they are deleted: no
    # time of anything the person did. (Django's own table notes when migrations ran.)
    times = re.findall(r"\d{2}:\d{2}:\d{2}(?:\.\d+)?", database_dump(skip=("django_migrations",)))
    assert times, times
    assert all(t == "00:00:00" for t in times), times


def test_a_crash_while_saving_an_answer_reports_the_fault_but_not_the_answer(
    captured_log, monkeypatch
):
    """SECURITY.md 10: the traceback is logged; what the person typed is not, even when the
    failing code put it into the exception's message."""
    from waymark import crypto

    def broken_seal(key, plaintext, associated_data):
        raise ValueError(f"cannot seal {plaintext!r}")

    monkeypatch.setattr(crypto, "seal", broken_seal)
    person = Client(raise_request_exception=False)
    person.get("/en/")
    response = person.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": ANSWER_SENTINEL})
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    log = captured_log.getvalue()
    assert "Internal Server Error" in log
    assert "ValueError" in log
    assert "broken_seal" in log
    assert ANSWER_SENTINEL not in log
    assert "q5-describe" not in log
    assert "/en/exercise/" not in log  # nor the address of the page
