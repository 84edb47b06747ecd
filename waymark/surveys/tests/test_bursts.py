"""One client sending many responses fast changes no figure: a burst is held until staff decide.

Every response is accepted; the responses of an hour with more than
WAYMARK_SURVEY_BURST_PER_HOUR of them are held out of every count and public figure, by day,
and a researcher releases (counts) or discards (deletes) each day's batch.
"""

import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from waymark.surveys.definitions import get_survey
from waymark.surveys.figures import live_figure
from waymark.surveys.models import AnswerCount, QuestionCount, Response, WaitingResponse
from waymark.surveys.responses import new_token, record_response
from waymark.surveys.tests.helpers import HELP_US, walk

pytestmark = pytest.mark.django_db

FIGURE_PAGE = "/en/why-people-use/what-lies-underneath/"
HONEST_FIGURE = "about 75 % of 20 respondents said they had sexual thoughts"


@pytest.fixture
def clock(monkeypatch):
    """Django's clock from 01:00 today, moved on by whole hours as a test tells it to: a
    story's hours all fall on one day."""
    real = timezone.now
    began = real()
    start = began.replace(hour=1, minute=0, second=0, microsecond=0)
    moved = {"hours": 0}
    monkeypatch.setattr(
        timezone, "now", lambda: start + (real() - began) + timedelta(hours=moved["hours"])
    )

    def later(hours: int = 1) -> None:
        moved["hours"] += hours
        cache.clear()  # the program page's figure, kept for minutes, as when they have passed

    return later


def answered(thoughts: str) -> dict[int, dict]:
    """The form data of the research survey's pages, its needed questions answered."""
    return {
        1: {"q-first-age": "18-24"},
        3: {"q-before-thoughts": thoughts, "q-before-masturbation": "not-sure"},
    }


def counters() -> tuple[list, list]:
    answers = AnswerCount.objects.values_list("question_id", "answer_id", "count", "published")
    totals = QuestionCount.objects.values_list(
        "question_id", "respondents", "published_respondents"
    )
    return sorted(answers), sorted(totals)


@pytest.fixture
def honest_figure(settings, clock) -> None:
    """Twenty honest people answered in an earlier hour; the program shows their figure."""
    settings.WAYMARK_MIN_COUNT = 20
    survey = get_survey(HELP_US)
    for n in range(20):
        answer = {"q-before-thoughts": {"chosen": "yes" if n % 4 else "no"}}
        record_response(survey, "en", answer, new_token())
    clock()
    assert HONEST_FIGURE in Client().get(FIGURE_PAGE).text


def a_burst(n: int = 60) -> None:
    """One client sends `n` complete responses, consent to "Send", as fast as it can."""
    sender = Client()
    for _ in range(n):
        assert walk(sender, HELP_US, answered("no"))["Location"].endswith("/thanks/")


def held_page(client) -> str:
    return client.get(reverse("staff-research-held", args=[HELP_US])).content.decode()


def test_sixty_responses_in_a_minute_move_no_figure_and_no_counter(honest_figure, clock):
    before = counters()
    a_burst(60)
    # The next honest person, from anywhere, takes the survey as usual.
    honest = Client()
    sent = walk(honest, HELP_US, answered("yes"))
    assert "Thank you" in honest.get(sent["Location"]).content.decode()
    assert counters() == before

    clock()  # the hour is over

    assert HONEST_FIGURE in Client().get(FIGURE_PAGE).text
    assert counters() == before
    assert Response.objects.count() == 20
    held = WaitingResponse.objects.all()
    assert held.count() == 61
    assert {row.hour for row in held} == {None}
    assert live_figure(HELP_US, "q-before-thoughts", "no").percent == 25


def test_an_hour_within_the_rate_is_counted_as_usual(honest_figure, clock):
    a_burst(3)
    clock()
    Client().get(FIGURE_PAGE)  # the first reader after the hour
    assert QuestionCount.objects.get(question_id="q-before-thoughts").respondents == 23
    assert not WaitingResponse.objects.exists()


def test_a_researcher_sees_the_held_day_and_its_count_and_nothing_more(
    honest_figure, clock, research_client
):
    a_burst(25)
    html = held_page(research_client)
    assert "25 responses from the current hour will be counted" in html
    clock()
    html = held_page(research_client)
    today = timezone.localdate()
    assert "<td>25</td>" in html
    assert (
        reverse("staff-research-held-decide", args=[HELP_US, today.isoformat(), "release"]) in html
    )
    survey_page = reverse("staff-research-survey", args=[HELP_US])
    assert "25 responses held from bursts await a decision" in research_client.get(survey_page).text


def decide_url(decision: str) -> str:
    return reverse(
        "staff-research-held-decide", args=[HELP_US, timezone.localdate().isoformat(), decision]
    )


def test_releasing_a_day_counts_it_exactly_once(honest_figure, clock, research_client):
    a_burst(25)
    clock()
    asked = research_client.get(decide_url("release")).content.decode()
    assert "25 responses will be counted" in asked
    assert 'name="count" value="25"' in asked

    first = research_client.post(decide_url("release"), {"count": "25"})
    again = research_client.post(decide_url("release"), {"count": "25"})

    assert first["Location"] == again["Location"] == reverse("staff-research-held", args=[HELP_US])
    assert QuestionCount.objects.get(question_id="q-before-thoughts").respondents == 45
    assert AnswerCount.objects.get(question_id="q-before-thoughts", answer_id="no").count == 30
    assert Response.objects.count() == 45
    assert not WaitingResponse.objects.exists()
    assert "Nothing is held." in held_page(research_client)
    clock()
    # Published at the 40th: 15 of them said yes.
    assert "about 40 % of 40 respondents" in Client().get(FIGURE_PAGE).text


def test_discarding_a_day_deletes_it_uncounted(honest_figure, clock, research_client):
    a_burst(25)
    clock()
    before = counters()
    assert "25 responses will be deleted" in research_client.get(decide_url("discard")).text
    research_client.post(decide_url("discard"), {"count": "25"})
    research_client.post(decide_url("discard"), {"count": "25"})
    assert not WaitingResponse.objects.exists()
    assert counters() == before
    assert Response.objects.count() == 20


def test_a_day_that_grew_while_staff_decided_is_asked_about_again(
    honest_figure, clock, research_client
):
    a_burst(25)
    clock()
    asked = research_client.get(decide_url("release")).content.decode()
    assert 'value="25"' in asked
    a_burst(25)
    clock()
    again = research_client.post(decide_url("release"), {"count": "25"})
    assert again.status_code == 200
    assert "changed while you were deciding" in again.text
    assert 'value="50"' in again.text
    assert WaitingResponse.objects.count() == 50


def test_a_day_with_nothing_held_or_not_a_day_asks_nothing(research_client):
    assert research_client.get(decide_url("release"))["Location"] == reverse(
        "staff-research-held", args=[HELP_US]
    )
    bad_day = reverse("staff-research-held-decide", args=[HELP_US, "2026-13-40", "release"])
    assert research_client.get(bad_day).status_code == 404
    assert research_client.get(decide_url("count-twice")).status_code == 404


def test_only_researchers_see_or_decide_about_held_responses(honest_figure, clock, client):
    a_burst(25)
    clock()
    assert client.get(reverse("staff-research-held", args=[HELP_US]))["Location"] == reverse(
        "staff-login"
    )
    assert client.post(decide_url("release"), {"count": "25"})["Location"] == reverse("staff-login")
    assert WaitingResponse.objects.count() == 25


def test_the_daily_command_settles_hours_nobody_came_back_after(settings, clock):
    record_response(get_survey(HELP_US), "en", {"q-first-age": {"chosen": "13-17"}}, new_token())
    clock()
    call_command("daily", stdout=io.StringIO())
    assert not WaitingResponse.objects.exists()
    assert Response.objects.get().month == timezone.now().strftime("%Y-%m")
