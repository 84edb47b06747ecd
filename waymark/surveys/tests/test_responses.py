"""Stored responses: anonymous rows, counters that always match them, and safe figures."""

from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waymark.surveys.answers import counted
from waymark.surveys.definitions import get_survey
from waymark.surveys.figures import (
    PUBLISH_EVERY,
    coarse_percent,
    figure_from_counts,
    live_figure,
    suppress,
)
from waymark.surveys.models import (
    AnswerCount,
    QuestionCount,
    Response,
    UsedSubmission,
)
from waymark.surveys.responses import expire, new_token, record_response
from waymark.surveys.tests.helpers import HELP_US

pytestmark = pytest.mark.django_db


def survey():
    return get_survey(HELP_US)


def answers_strategy():
    """Random but valid answers to the research survey, some questions left out."""
    parts = {}
    for question in survey().questions:
        if question.is_text:
            value = st.builds(lambda t: {"text": t}, st.text(min_size=1, max_size=30))
        elif question.type == "multiple":
            value = st.builds(
                lambda ids: {"chosen": sorted(ids)},
                st.sets(st.sampled_from(question.answer_ids), min_size=1),
            )
        else:
            value = st.builds(lambda i: {"chosen": i}, st.sampled_from(question.answer_ids))
        parts[question.id] = st.one_of(st.none(), value)
    return st.fixed_dictionaries(parts).map(lambda d: {k: v for k, v in d.items() if v})


def test_a_response_row_has_nothing_that_could_link_it_to_a_person():
    names = {field.name for field in Response._meta.get_fields()}
    assert names == {"id", "survey_id", "language", "month", "answers"}
    assert not any(field.is_relation for field in Response._meta.get_fields())
    assert Response._meta.get_field("id").get_internal_type() == "UUIDField"
    record_response(survey(), "en", {"q-first-age": {"chosen": "13-17"}}, new_token())
    row = Response.objects.get()
    assert len(row.month) == 7 and row.month[4] == "-"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(answers_strategy(), min_size=1, max_size=8))
def test_counters_always_equal_a_recount_of_the_responses(batch):
    for answers in batch:
        record_response(survey(), "en", answers, new_token())
    expected_answers: Counter = Counter()
    expected_questions: Counter = Counter()
    for row in Response.objects.filter(survey_id=HELP_US):
        questions, pairs = counted(survey(), row.answers)
        expected_questions.update(questions)
        expected_answers.update(pairs)
    stored_answers = Counter(
        {
            (q, a): n
            for q, a, n in AnswerCount.objects.filter(survey_id=HELP_US).values_list(
                "question_id", "answer_id", "count"
            )
            if n
        }
    )
    stored_questions = Counter(
        dict(
            QuestionCount.objects.filter(survey_id=HELP_US).values_list(
                "question_id", "respondents"
            )
        )
    )
    assert stored_answers == expected_answers
    assert +stored_questions == expected_questions


def test_free_text_is_scrubbed_before_it_is_stored():
    record_response(
        survey(),
        "en",
        {
            "q-anything-else": {"text": "look at abcdefghijklmnop.onion or mail x@y.org"},
            "q-feelings-after": {"chosen": ["other"], "other": "see https://example.com"},
        },
        new_token(),
    )
    stored = str(Response.objects.get().answers)
    assert "onion" not in stored and "x@y.org" not in stored and "example.com" not in stored
    assert stored.count("[removed]") == 3


def test_the_same_token_records_once():
    token = new_token()
    assert record_response(survey(), "en", {"q-first-age": {"chosen": "under-13"}}, token)
    assert not record_response(survey(), "en", {"q-first-age": {"chosen": "under-13"}}, token)
    assert Response.objects.count() == 1
    assert QuestionCount.objects.get(question_id="q-first-age").respondents == 1


def test_a_live_figure_stays_hidden_below_the_minimum_and_then_appears(settings):
    settings.WAYMARK_MIN_COUNT = 20
    for n in range(19):
        answer = "yes" if n % 2 else "no"
        record_response(survey(), "en", {"q-before-thoughts": {"chosen": answer}}, new_token())
    assert live_figure(HELP_US, "q-before-thoughts", "yes") is None
    record_response(survey(), "en", {"q-before-thoughts": {"chosen": "yes"}}, new_token())
    figure = live_figure(HELP_US, "q-before-thoughts", "yes")
    assert (figure.percent, figure.respondents) == (50, 20)


def test_one_new_answer_does_not_change_the_public_figure(settings):
    settings.WAYMARK_MIN_COUNT = 10
    for _ in range(PUBLISH_EVERY * 3):
        record_response(survey(), "en", {"q-before-thoughts": {"chosen": "no"}}, new_token())
    before = live_figure(HELP_US, "q-before-thoughts", "yes")
    for _ in range(PUBLISH_EVERY - 1):
        record_response(survey(), "en", {"q-before-thoughts": {"chosen": "yes"}}, new_token())
        assert live_figure(HELP_US, "q-before-thoughts", "yes") == before
    record_response(survey(), "en", {"q-before-thoughts": {"chosen": "yes"}}, new_token())
    after = live_figure(HELP_US, "q-before-thoughts", "yes")
    assert (after.percent, after.respondents) == (25, 40)


def test_an_unknown_question_has_no_figure():
    assert live_figure(HELP_US, "q-nothing", "yes") is None


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_coarse_percentages_are_multiples_of_five_and_near_the_truth(count, total):
    count = min(count, total)
    shown = coarse_percent(count, total)
    assert shown % 5 == 0
    assert abs(shown - 100 * count / total) <= 2.5


def test_figures_round_the_number_of_respondents_down():
    assert figure_from_counts(30, 57, 50).respondents == 50
    assert figure_from_counts(30, 49, 50) is None


def test_a_single_small_cell_takes_its_smallest_neighbour_with_it():
    assert suppress({"a": 3, "b": 60, "c": 80, "d": 0}, 50) == {
        "a": None,
        "b": None,
        "c": 80,
        "d": 0,
    }
    assert suppress({"a": 3, "b": 4, "c": 80}, 50) == {"a": None, "b": None, "c": 80}


def test_expiry_deletes_old_responses_and_keeps_the_counts(settings):
    for month in ["2020-01", "2020-02"]:
        Response.objects.create(survey_id=HELP_US, language="en", month=month, answers={})
    UsedSubmission.objects.create(digest="old", month="2020-01")
    record_response(survey(), "en", {"q-first-age": {"chosen": "40-plus"}}, new_token())
    settings.WAYMARK_SURVEY_RETENTION_DAYS = 30
    call_command("expire_survey_responses", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Response.objects.values_list("month", flat=True)) != []
    assert not Response.objects.filter(month__startswith="2020").exists()
    assert not UsedSubmission.objects.filter(digest="old").exists()
    assert QuestionCount.objects.get(question_id="q-first-age").respondents == 1


def test_expiry_keeps_the_whole_month_that_is_still_inside_the_window():
    Response.objects.create(survey_id=HELP_US, language="en", month="2024-03", answers={})
    Response.objects.create(survey_id=HELP_US, language="en", month="2024-02", answers={})
    assert expire(20, today=date(2024, 3, 15)) == 0  # part of February is inside
    assert expire(20, today=date(2024, 3, 25)) == 1
    assert list(Response.objects.values_list("month", flat=True)) == ["2024-03"]
