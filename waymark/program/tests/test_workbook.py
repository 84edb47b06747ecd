"""The workbook carries the person's exercises, Summary Form and self-checks, in words."""

import pytest

from waymark.program.workbook import sections
from waymark.workspace.store import store_for

pytestmark = pytest.mark.django_db


def test_the_workbook_holds_answers_with_their_questions_and_option_labels(client):
    client.post(
        "/en/exercise/ex5-yourself/answer/",
        {"q5-feelings": ["lonely"], "q5-feelings--other": "tired"},
    )
    client.post("/en/exercise/summary-form/answer/", {"qsum-changefirst": "Go for walks"})
    client.post("/en/self-check/", {"sc-urge-strength": "6"})
    request = client.get("/en/").wsgi_request
    found = {section.title: section for section in sections(store_for(request))}
    chapter = found["Chapter 5: Why do some people use CSAM and others don't?"]
    answers = {entry.label: entry.answer for entry in chapter.entries}
    assert answers["Exercise 5: Yourself. Which of these describe you lately?"] == (
        "I often feel lonely; Something else: tired"
    )
    assert answers["Summary Form. What do you want to change first?"] == "Go for walks"
    self_check = found["Self-check"]
    assert any(e.answer.startswith("6 on a scale") for e in self_check.entries)
