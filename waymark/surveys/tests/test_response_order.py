"""A copy of the database does not tell who answered after whom within a month."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection

from waymark.surveys.definitions import get_survey
from waymark.surveys.models import AnswerCount, Response
from waymark.surveys.responses import new_token, record_response, shuffle_recent
from waymark.surveys.tests.helpers import HELP_US

pytestmark = pytest.mark.django_db

ANSWERS = ["13-17", "18-24", "25-39", "40-plus", "under-13", "not-sure"]


def stored_order() -> list[str]:
    """The first-age answers in the order the database keeps the rows."""
    position = "rowid" if connection.vendor == "sqlite" else "ctid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT answers FROM surveys_response ORDER BY {position}")  # noqa: S608
        rows = [
            Response._meta.get_field("answers").from_db_value(a, None, connection)
            for (a,) in cursor.fetchall()
        ]
    return [row["q-first-age"]["chosen"] for row in rows]


def test_recent_responses_are_written_again_in_an_order_that_says_nothing():
    survey = get_survey(HELP_US)
    written = [ANSWERS[n % len(ANSWERS)] for n in range(30)]
    for answer in written:
        record_response(survey, "en", {"q-first-age": {"chosen": answer}}, new_token())
    counts = sorted(AnswerCount.objects.values_list("answer_id", "count"))
    assert stored_order() == written

    assert shuffle_recent() == 30

    assert stored_order() != written  # the same order again: a chance of 1 in 30!/(5!^6)
    assert sorted(stored_order()) == sorted(written)
    assert sorted(AnswerCount.objects.values_list("answer_id", "count")) == counts


def test_older_months_are_left_as_they_are():
    survey = get_survey(HELP_US)
    record_response(survey, "en", {"q-first-age": {"chosen": "18-24"}}, new_token())
    Response.objects.update(month="2026-01")
    assert shuffle_recent(date(2026, 12, 2)) == 0
    assert Response.objects.get().month == "2026-01"


def test_the_daily_expiry_command_also_shuffles(capsys):
    call_command("expire_survey_responses")
    assert "in a random order" in capsys.readouterr().out
