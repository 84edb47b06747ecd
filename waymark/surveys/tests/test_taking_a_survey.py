"""A person takes a survey through the Django test client: consent, pages, back, sending."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from waymark.surveys.models import Response
from waymark.surveys.tests.helpers import (
    HELP_US,
    MOTIVATION,
    after_the_hour,
    page_url,
    start,
    token_on,
    typed_text,
    walk,
)

pytestmark = pytest.mark.django_db


def test_the_list_shows_both_surveys_and_the_consent_page_says_what_is_kept(client):
    listing = client.get(reverse("surveys:list")).content.decode()
    assert "Motivation to change" in listing
    assert "The way out: Waymark&#x27;s research survey" in listing
    consent = client.get(reverse("surveys:detail", args=[HELP_US])).content.decode()
    for promise in [
        "cannot be linked to you or to your workspace",
        "phone numbers, messenger names and payment addresses",
        "sealed so that only the research team can read it",
        "stop at any time",
        "the month",
    ]:
        assert promise in consent


def test_an_unknown_survey_is_not_found(client):
    assert client.get(reverse("surveys:detail", args=["nope"])).status_code == 404


def test_a_page_before_consent_leads_back_to_the_consent_page(client):
    response = client.get(page_url(HELP_US, 2))
    assert response["Location"] == reverse("surveys:detail", args=[HELP_US])


def test_a_missing_answer_is_shown_next_to_the_field_with_the_rest_kept(client):
    start(client, MOTIVATION)
    response = client.post(
        page_url(MOTIVATION, 1),
        {
            "action": "next",
            "q-help-barriers": ["shame", "other"],
            "q-help-barriers--other": "my own words",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please check your answers" in html
    assert 'id="f-q-sought-help-error"' in html
    assert "Please answer this question." in html
    assert 'value="shame" checked' in html
    assert 'value="my own words"' in html
    assert 'aria-describedby=" f-q-sought-help-error"' in html or "f-q-sought-help-error" in html


def test_a_number_out_of_range_keeps_what_was_typed(client):
    walk(
        client,
        MOTIVATION,
        {1: {"q-sought-help": "no"}, 3: {"q-want-to-stop": "8", "q-tried-to-stop": "yes"}},
        follow_to_end=False,
    )
    response = client.post(page_url(MOTIVATION, 4), {"action": "next", "q-longest-break": "999"})
    html = response.content.decode()
    assert "Please give a number from 0 to 200." in html
    assert 'value="999"' in html
    assert 'aria-invalid="true"' in html


def test_conditions_show_and_skip_pages_on_the_server(client):
    start(client, MOTIVATION)
    # "No" to looking for help: the page about where one looked is skipped.
    response = client.post(page_url(MOTIVATION, 1), {"action": "next", "q-sought-help": "no"})
    assert response["Location"] == page_url(MOTIVATION, 3)
    assert client.get(page_url(MOTIVATION, 2))["Location"] == page_url(MOTIVATION, 3)
    # Back, and a different answer: now it is shown.
    client.post(page_url(MOTIVATION, 3), {"action": "back"})
    response = client.post(
        page_url(MOTIVATION, 1), {"action": "next", "q-sought-help": "yes-not-received"}
    )
    assert response["Location"] == page_url(MOTIVATION, 2)
    assert "Where did you look for help?" in client.get(page_url(MOTIVATION, 2)).content.decode()


def test_an_answer_hidden_by_a_changed_answer_is_not_stored(client):
    walk(
        client,
        MOTIVATION,
        {1: {"q-sought-help": "yes-received"}, 2: {"q-help-where": ["doctor"]}},
        follow_to_end=False,
    )
    client.post(page_url(MOTIVATION, 1), {"action": "next", "q-sought-help": "no"})
    response = walk(
        client,
        MOTIVATION,
        {
            1: {"q-sought-help": "no"},
            3: {"q-want-to-stop": "9"},
            5: {"q-help-wanted": ["medication"]},
        },
    )
    assert response["Location"].endswith("/thanks/")
    after_the_hour(MOTIVATION)
    answers = Response.objects.get().answers
    assert "q-help-where" not in answers
    assert answers["q-want-to-stop"] == {"chosen": "9"}


def test_a_nul_or_other_control_character_in_free_text_is_dropped_and_the_response_is_sent(
    research_client,
):
    # PostgreSQL's jsonb refuses a NUL: kept, it would make the whole response fail at "Send".
    response = walk(
        Client(),
        MOTIVATION,
        {
            1: {
                "q-sought-help": "no",
                "q-help-barriers": "other",
                "q-help-barriers--other": "Not\x00 knowing\x1b where",
            },
            3: {"q-want-to-stop": "9"},
            5: {"q-help-wanted": ["medication"], "q-easier": "Time\x00 alone,\r\nquiet\x7f"},
        },
    )
    assert response["Location"].endswith("/thanks/")
    after_the_hour(MOTIVATION)
    typed = typed_text(research_client, Response.objects.get())
    assert typed["q-help-barriers"] == {"other": "Not knowing where"}
    assert typed["q-easier"] == {"text": "Time alone,\nquiet"}


def test_a_finnish_reader_takes_the_survey_in_finnish_and_counts_with_everyone_else(client):
    answers = {
        1: {"q-sought-help": "no"},
        3: {"q-want-to-stop": "9"},
        5: {"q-help-wanted": ["medication"]},
    }
    with override("fi"):
        consent = client.get(reverse("surveys:detail", args=[MOTIVATION])).content.decode()
        assert "Motivaatio muutokseen" in consent
        walk(client, MOTIVATION, answers, stop_at=3)
        assert "Kuinka paljon haluat" in client.get(page_url(MOTIVATION, 3)).content.decode()
        finished = walk(client, MOTIVATION, answers)
    assert finished["Location"].startswith("/fi/")
    walk(client, MOTIVATION, answers)
    after_the_hour(MOTIVATION)
    assert [r.answers["q-sought-help"] for r in Response.objects.all()] == [{"chosen": "no"}] * 2


def test_back_keeps_the_answers_of_both_pages(client):
    walk(client, MOTIVATION, {1: {"q-sought-help": "no"}}, follow_to_end=False)
    client.post(page_url(MOTIVATION, 3), {"action": "back", "q-want-to-stop": "4"})
    assert 'value="no" checked' in client.get(page_url(MOTIVATION, 1)).content.decode()
    assert 'value="4" checked' in client.get(page_url(MOTIVATION, 3)).content.decode()


def test_a_double_submit_records_one_response(client):
    walk(
        client,
        MOTIVATION,
        {1: {"q-sought-help": "no"}, 3: {"q-want-to-stop": "9"}},
        follow_to_end=False,
    )
    last = client.get(page_url(MOTIVATION, 5))
    data = {"action": "next", "q-help-wanted": "anonymous-chat", "submission": token_on(last)}
    first = client.post(page_url(MOTIVATION, 5), data)
    again = client.post(page_url(MOTIVATION, 5), data)
    assert first["Location"] == again["Location"] == reverse("surveys:thanks", args=[MOTIVATION])
    after_the_hour(MOTIVATION)
    assert Response.objects.count() == 1


def test_a_retried_request_from_another_connection_records_nothing_more(client, django_db_blocker):
    walk(
        client,
        MOTIVATION,
        {1: {"q-sought-help": "no"}, 3: {"q-want-to-stop": "9"}},
        follow_to_end=False,
    )
    last = client.get(page_url(MOTIVATION, 5))
    data = {"action": "next", "q-help-wanted": "none", "submission": token_on(last)}
    session_cookie = client.cookies["wm_session"].value
    client.post(page_url(MOTIVATION, 5), data)
    # The same request again, as a browser retrying it would send it.
    client.cookies["wm_session"] = session_cookie
    client.post(page_url(MOTIVATION, 5), data)
    after_the_hour(MOTIVATION)
    assert Response.objects.count() == 1


def test_a_self_harm_answer_brings_crisis_help_on_the_very_next_page(client):
    response = walk(
        client,
        HELP_US,
        {
            1: {"q-first-age": "13-17"},
            3: {"q-before-thoughts": "no", "q-before-masturbation": "no"},
            7: {"q-self-harm": "sometimes"},
        },
        stop_at=8,
    )
    assert response["Location"] == page_url(HELP_US, 8)
    html = client.get(page_url(HELP_US, 8)).content.decode()
    box = html[html.index('class="crisis"') : html.index("</section>")]
    assert "thoughts of hurting yourself" in box
    assert 'href="tel:116123"' in box  # the numbers themselves, not only a link


def test_an_answer_disclosing_contact_with_a_child_brings_support_to_stop_first(client):
    walk(
        client,
        HELP_US,
        {
            1: {"q-first-age": "13-17"},
            3: {"q-before-thoughts": "no", "q-before-masturbation": "no"},
            7: {"q-sought-contact": "yes", "q-self-harm": "no"},
        },
        stop_at=8,
    )
    html = client.get(page_url(HELP_US, 8)).content.decode()
    box = html[html.index('class="crisis"') : html.index("</section>")]
    assert "You told us about contact with a child" in box
    assert 'href="tel:08081000900"' in box  # a service that helps people stop
    assert "thoughts of hurting yourself" not in html


def test_without_a_self_harm_answer_there_is_no_crisis_box(client):
    walk(
        client,
        HELP_US,
        {
            1: {"q-first-age": "13-17"},
            3: {"q-before-thoughts": "no", "q-before-masturbation": "no"},
            7: {"q-self-harm": "no"},
        },
        stop_at=8,
    )
    assert "Find crisis help now" not in client.get(page_url(HELP_US, 8)).content.decode()


def test_stopping_removes_the_answers_and_stores_nothing(client):
    walk(client, MOTIVATION, {1: {"q-sought-help": "no"}}, follow_to_end=False)
    response = client.post(reverse("surveys:stop", args=[MOTIVATION]))
    assert response["Location"] == reverse("surveys:stopped", args=[MOTIVATION])
    assert client.get(page_url(MOTIVATION, 3))["Location"] == reverse(
        "surveys:detail", args=[MOTIVATION]
    )
    assert Response.objects.count() == 0


def test_someone_else_sees_none_of_another_persons_answers(client, django_user_model):
    from django.test import Client

    walk(
        client,
        MOTIVATION,
        {
            1: {
                "q-sought-help": "no",
                "q-help-barriers": "other",
                "q-help-barriers--other": "SENTINEL-OTHER",
            }
        },
        follow_to_end=False,
    )
    stranger = Client()
    start(stranger, MOTIVATION)
    assert "SENTINEL-OTHER" not in stranger.get(page_url(MOTIVATION, 1)).content.decode()


def test_every_state_change_needs_a_post(client):
    assert client.get(reverse("surveys:start", args=[MOTIVATION])).status_code == 405
    assert client.get(reverse("surveys:stop", args=[MOTIVATION])).status_code == 405


def test_a_question_page_needs_few_queries(client, django_assert_max_num_queries):
    walk(client, MOTIVATION, {1: {"q-sought-help": "no"}}, follow_to_end=False)
    with django_assert_max_num_queries(3):
        client.get(page_url(MOTIVATION, 3))
    with django_assert_max_num_queries(4):
        client.post(page_url(MOTIVATION, 3), {"action": "next", "q-want-to-stop": "5"})


def test_sending_needs_few_queries(client, django_assert_max_num_queries):
    walk(
        client,
        MOTIVATION,
        {1: {"q-sought-help": "no"}, 3: {"q-want-to-stop": "9"}},
        follow_to_end=False,
    )
    last = client.get(page_url(MOTIVATION, 5))
    # The session, the token, the response, counters (create-if-missing, add, read), savepoints;
    # on PostgreSQL two more: the counter rows are locked in one order first (no deadlocks).
    with django_assert_max_num_queries(15):
        client.post(
            page_url(MOTIVATION, 5),
            {"action": "next", "q-help-wanted": "none", "submission": token_on(last)},
        )
