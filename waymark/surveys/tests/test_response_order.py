"""A copy of the database does not tell who answered after whom within a month."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection

from waymark.surveys.definitions import get_survey
from waymark.surveys.models import AnswerCount, Response, WaitingResponse
from waymark.surveys.responses import new_token, record_response, shuffle_recent
from waymark.surveys.tests.helpers import HELP_US, after_the_hour

pytestmark = pytest.mark.django_db

ANSWERS = ["13-17", "18-24", "25-39", "40-plus", "under-13", "not-sure"]


def stored_order(model=Response) -> list[str]:
    """The first-age answers in the order the database keeps the rows."""
    position = "rowid" if connection.vendor == "sqlite" else "ctid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT answers FROM {model._meta.db_table} ORDER BY {position}")  # noqa: S608
        rows = [
            Response._meta.get_field("answers").from_db_value(a, None, connection)
            for (a,) in cursor.fetchall()
        ]
    return [row["q-first-age"]["chosen"] for row in rows]


def test_an_hour_s_responses_are_counted_in_an_order_that_says_nothing():
    survey = get_survey(HELP_US)
    written = [ANSWERS[n % len(ANSWERS)] for n in range(18)]
    for answer in written:
        record_response(survey, "en", {"q-first-age": {"chosen": answer}}, new_token())
    assert stored_order(WaitingResponse) == written
    after_the_hour()
    assert stored_order() != written  # the same order again: a chance of 1 in 18!/(3!^6)
    assert sorted(stored_order()) == sorted(written)


def test_recent_responses_are_written_again_in_an_order_that_says_nothing():
    survey = get_survey(HELP_US)
    # Five hours of five responses each: the rows lie in blocks, one block an hour.
    written = [answer for answer in ANSWERS[:5] for _ in range(5)]
    for hour, answer in enumerate(ANSWERS[:5]):
        for _ in range(5):
            record_response(survey, "en", {"q-first-age": {"chosen": answer}}, new_token())
        after_the_hour(hours=hour + 1)
    counts = sorted(AnswerCount.objects.values_list("answer_id", "count"))
    assert stored_order() == written

    assert shuffle_recent() == 25

    assert stored_order() != written  # the same order again: a chance of 1 in 25!/(5!^5)
    assert sorted(stored_order()) == sorted(written)
    assert sorted(AnswerCount.objects.values_list("answer_id", "count")) == counts


def test_held_responses_are_written_again_in_an_order_that_says_nothing(settings):
    settings.WAYMARK_SURVEY_BURST_PER_HOUR = 2
    survey = get_survey(HELP_US)
    written = [ANSWERS[n % len(ANSWERS)] for n in range(18)]
    for answer in written:
        record_response(survey, "en", {"q-first-age": {"chosen": answer}}, new_token())
    after_the_hour()
    # Held as they came (PostgreSQL's update may have moved a few rows within its pages).
    held = stored_order(WaitingResponse)

    assert shuffle_recent() == 18

    assert stored_order(WaitingResponse) != written
    assert stored_order(WaitingResponse) != held
    assert sorted(stored_order(WaitingResponse)) == sorted(written)
    assert set(WaitingResponse.objects.values_list("hour", "held_day")) == {
        (None, WaitingResponse.objects.first().held_day)
    }


def test_older_months_are_left_as_they_are():
    survey = get_survey(HELP_US)
    record_response(survey, "en", {"q-first-age": {"chosen": "18-24"}}, new_token())
    after_the_hour()
    Response.objects.update(month="2026-01")
    assert shuffle_recent(date(2026, 12, 2)) == 0
    assert Response.objects.get().month == "2026-01"


def test_the_daily_command_also_shuffles(capsys):
    call_command("daily")
    assert "in a random order" in capsys.readouterr().out
