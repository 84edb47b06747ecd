"""Stored responses: anonymous rows, counters that always match them, and safe figures."""

import io
from collections import Counter
from datetime import date
from fractions import Fraction

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waymark.surveys import sealed_text
from waymark.surveys.answers import counted
from waymark.surveys.definitions import get_survey
from waymark.surveys.figures import (
    PUBLISH_EVERY,
    coarse_percent,
    cross_tab,
    figure_from_counts,
    live_figure,
    suppress,
    suppress_table,
    with_totals,
)
from waymark.surveys.models import (
    AnswerCount,
    QuestionCount,
    Response,
    UsedSubmission,
    WaitingResponse,
)
from waymark.surveys.responses import expire, new_token, record_response
from waymark.surveys.tests.helpers import HELP_US, after_the_hour, typed_text

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
    kept = {"id", "survey_id", "language", "month", "answers", "sealed_text"}
    assert names == kept | {"text_review"}
    waiting = {field.name for field in WaitingResponse._meta.get_fields()}
    assert waiting == kept | {"hour", "held_day"}
    for model in (Response, WaitingResponse):
        assert not any(field.is_relation for field in model._meta.get_fields())
        assert model._meta.get_field("id").get_internal_type() == "UUIDField"
    record_response(survey(), "en", {"q-first-age": {"chosen": "13-17"}}, new_token())
    assert WaitingResponse.objects.get().hour is not None
    after_the_hour()
    assert not WaitingResponse.objects.exists()
    row = Response.objects.get()
    assert len(row.month) == 7
    assert row.month[4] == "-"


def test_a_response_is_counted_only_once_its_hour_is_over():
    record_response(survey(), "en", {"q-first-age": {"chosen": "13-17"}}, new_token())
    after_the_hour(hours=0)
    assert not QuestionCount.objects.exists()
    assert not Response.objects.exists()
    after_the_hour()
    assert QuestionCount.objects.get(question_id="q-first-age").respondents == 1
    after_the_hour(hours=2)  # settling again finds nothing more to count
    assert QuestionCount.objects.get(question_id="q-first-age").respondents == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(answers_strategy(), min_size=1, max_size=8))
def test_counters_always_equal_a_recount_of_the_responses(batch):
    for answers in batch:
        record_response(survey(), "en", answers, new_token())
    after_the_hour()
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


def test_free_text_is_scrubbed_before_it_is_stored(research_client):
    record_response(
        survey(),
        "en",
        {
            "q-anything-else": {"text": "look at abcdefghijklmnop.onion or mail x@y.org"},
            "q-feelings-after": {"chosen": ["other"], "other": "see https://example.com"},
        },
        new_token(),
    )
    after_the_hour()
    stored = str(typed_text(research_client, Response.objects.get()))
    assert "onion" not in stored
    assert "x@y.org" not in stored
    assert "example.com" not in stored
    assert stored.count("[removed]") == 3


def test_free_text_is_sealed_for_the_research_team_and_choices_stay_countable(
    research_client, make_staff, database_dump
):
    said = "Nobody at home knows, sentinel-sealed-3f"
    record_response(
        survey(),
        "en",
        {
            "q-anything-else": {"text": said},
            "q-feelings-after": {"chosen": ["shame", "other"], "other": "numb, sentinel-other"},
        },
        new_token(),
    )
    waiting = WaitingResponse.objects.get()
    assert waiting.answers == {
        "q-anything-else": {},
        "q-feelings-after": {"chosen": ["shame", "other"]},
    }
    after_the_hour()
    row = Response.objects.get()
    assert row.text_review == "pending"
    assert typed_text(research_client, row) == {
        "q-anything-else": {"text": said},
        "q-feelings-after": {"other": "numb, sentinel-other"},
    }
    assert QuestionCount.objects.get(question_id="q-anything-else").respondents == 1
    dump = database_dump()
    assert "sentinel-sealed-3f" not in dump
    assert "sentinel-other" not in dump
    # Staff outside the research team cannot open it, even signed in.
    outsider = Client()
    make_staff("sam").sign_in(outsider)
    with pytest.raises(sealed_text.NoTeamKey):
        typed_text(outsider, row)


def test_without_a_research_team_free_text_is_not_kept():
    record_response(survey(), "en", {"q-anything-else": {"text": "kept nowhere"}}, new_token())
    after_the_hour()
    row = Response.objects.get()
    assert row.sealed_text is None
    assert row.text_review == "none"
    assert row.answers == {"q-anything-else": {}}


def test_the_same_token_records_once():
    token = new_token()
    assert record_response(survey(), "en", {"q-first-age": {"chosen": "under-13"}}, token)
    assert not record_response(survey(), "en", {"q-first-age": {"chosen": "under-13"}}, token)
    after_the_hour()
    assert Response.objects.count() == 1
    assert QuestionCount.objects.get(question_id="q-first-age").respondents == 1


def test_a_live_figure_stays_hidden_below_the_minimum_and_then_appears(settings):
    settings.WAYMARK_MIN_COUNT = 20
    for n in range(19):
        answer = "yes" if n % 2 else "no"
        record_response(survey(), "en", {"q-before-thoughts": {"chosen": answer}}, new_token())
    after_the_hour()
    assert live_figure(HELP_US, "q-before-thoughts", "yes") is None
    record_response(survey(), "en", {"q-before-thoughts": {"chosen": "yes"}}, new_token())
    after_the_hour()
    figure = live_figure(HELP_US, "q-before-thoughts", "yes")
    assert (figure.percent, figure.respondents) == (50, 20)


def test_one_new_answer_does_not_change_the_public_figure(settings):
    settings.WAYMARK_MIN_COUNT = 10
    settings.WAYMARK_SURVEY_BURST_PER_HOUR = PUBLISH_EVERY * 3
    for _ in range(PUBLISH_EVERY * 3):
        record_response(survey(), "en", {"q-before-thoughts": {"chosen": "no"}}, new_token())
    after_the_hour()
    before = live_figure(HELP_US, "q-before-thoughts", "yes")
    for _ in range(PUBLISH_EVERY - 1):
        record_response(survey(), "en", {"q-before-thoughts": {"chosen": "yes"}}, new_token())
        after_the_hour()
        assert live_figure(HELP_US, "q-before-thoughts", "yes") == before
    record_response(survey(), "en", {"q-before-thoughts": {"chosen": "yes"}}, new_token())
    after_the_hour()
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


def test_the_reviewers_cross_tab_cannot_be_undone_by_subtraction():
    # Row A: x 10, y 60, z 100; row B: 100 each. Hiding A,x, A,y and B,x only, with the totals
    # shown, gave A,y = 160 - 100 from column y and then A,x = 170 - 60 - 100 from row A.
    counts = {("A", "x"): 10, ("A", "y"): 60, ("A", "z"): 100}
    counts |= {("B", column): 100 for column in "xyz"}
    answer_sets = [
        {"first": {"chosen": row}, "second": {"chosen": column}}
        for (row, column), n in counts.items()
        for _ in range(n)
    ]
    table = cross_tab(answer_sets, "first", "second", ("A", "B"), ("x", "y", "z"), 50)
    # A rectangle of four hidden cells: every row and column sum has two unknowns in it.
    assert table.cells == {
        "A": {"x": None, "y": None, "z": 100},
        "B": {"x": None, "y": None, "z": 100},
    }
    assert table.row_totals == {"A": 170, "B": 300}
    assert table.column_totals == {"x": 110, "y": 160, "z": 200}
    assert table.total == 470


def test_a_cross_tab_with_one_row_hides_the_same_cells_in_its_column_totals():
    answer_sets = [{"first": {"chosen": "A"}, "second": {"chosen": "x"}}] * 10
    answer_sets += [{"first": {"chosen": "A"}, "second": {"chosen": "y"}}] * 60
    table = cross_tab(answer_sets, "first", "second", ("A",), ("x", "y", "z"), 50)
    assert table.cells == {"A": {"x": None, "y": None, "z": 0}}
    assert table.column_totals == {"x": None, "y": None, "z": 0}
    assert (table.row_totals, table.total) == ({"A": 70}, 70)


def rank(equations: list[list[Fraction]]) -> int:
    rows = [list(equation) for equation in equations]
    found = 0
    for column in range(len(rows[0]) if rows else 0):
        pivot = next((r for r in range(found, len(rows)) if rows[r][column]), None)
        if pivot is None:
            continue
        rows[found], rows[pivot] = rows[pivot], rows[found]
        for r in range(len(rows)):
            if r != found and rows[r][column]:
                factor = rows[r][column] / rows[found][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[found], strict=True)]
        found += 1
    return found


def worked_out(table: list[list[int]], hidden: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The hidden positions that follow from the shown ones by adding and subtracting.

    Each row and column, totals included, says its cells minus its total make 0; a hidden
    count is determined when its own equation is a combination of those.
    """
    unknowns = sorted(hidden)
    last_row, last_column = len(table) - 1, len(table[0]) - 1
    lines = [[(i, j) for j in range(last_column + 1)] for i in range(last_row + 1)]
    lines += [[(i, j) for i in range(last_row + 1)] for j in range(last_column + 1)]
    equations = []
    for line in lines:
        total = line[-1]
        equations.append([Fraction(-1 if u == total else 1 if u in line else 0) for u in unknowns])
    known = rank(equations)
    return {
        u for u in unknowns if rank([*equations, [Fraction(v == u) for v in unknowns]]) == known
    }


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda width: st.lists(
            st.lists(st.integers(0, 200), min_size=width, max_size=width), min_size=1, max_size=5
        )
    )
)
def test_no_suppressed_cross_tab_count_can_be_worked_out_from_what_is_shown(counts):
    table = with_totals(counts, len(counts[0]))
    hidden = suppress_table(table, 50)
    positions = [(i, j) for i in range(len(table)) for j in range(len(table[0]))]
    # Everything shown, totals included, is nobody or at least the minimum.
    assert all(table[i][j] == 0 or table[i][j] >= 50 for i, j in positions if (i, j) not in hidden)
    # A row or column whose total is shown has no hidden count or at least two.
    last_row, last_column = len(table) - 1, len(table[0]) - 1
    for i in range(last_row + 1):
        if (i, last_column) not in hidden:
            assert sum((i, j) in hidden for j in range(last_column)) != 1
    for j in range(last_column + 1):
        if (last_row, j) not in hidden:
            assert sum((i, j) in hidden for i in range(last_row)) != 1
    # Nor does any longer chain of sums give a hidden count away.
    assert worked_out(table, hidden) == set()


def test_expiry_deletes_old_responses_and_keeps_the_counts(settings):
    for month in ["2020-01", "2020-02"]:
        Response.objects.create(survey_id=HELP_US, language="en", month=month, answers={})
    WaitingResponse.objects.create(
        survey_id=HELP_US, language="en", month="2020-01", answers={}, held_day=date(2020, 1, 9)
    )
    UsedSubmission.objects.create(digest="old", month="2020-01")
    record_response(survey(), "en", {"q-first-age": {"chosen": "40-plus"}}, new_token())
    after_the_hour()
    settings.WAYMARK_SURVEY_RETENTION_DAYS = 30
    call_command("daily", stdout=io.StringIO())
    assert list(Response.objects.values_list("month", flat=True)) != []
    assert not Response.objects.filter(month__startswith="2020").exists()
    assert not WaitingResponse.objects.exists()
    assert not UsedSubmission.objects.filter(digest="old").exists()
    assert QuestionCount.objects.get(question_id="q-first-age").respondents == 1


def test_expiry_keeps_the_whole_month_that_is_still_inside_the_window():
    Response.objects.create(survey_id=HELP_US, language="en", month="2024-03", answers={})
    Response.objects.create(survey_id=HELP_US, language="en", month="2024-02", answers={})
    assert expire(20, today=date(2024, 3, 15)) == 0  # part of February is inside
    assert expire(20, today=date(2024, 3, 25)) == 1
    assert list(Response.objects.values_list("month", flat=True)) == ["2024-03"]
