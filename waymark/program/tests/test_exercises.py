"""A person answers exercises, sees them kept, changes them, and gets help with bad input."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waymark.program.content import program_for

pytestmark = pytest.mark.django_db

PAGE = "/en/why-people-use/risk-factors-and-yourself/"
ANSWER = "/en/exercise/ex5-yourself/answer/"


def test_an_answer_is_saved_and_shown_again_after_a_redirect(client):
    response = client.post(
        ANSWER,
        {
            "q5-describe": "Quiet, careful SENTINEL-5",
            "q5-selfesteem": "4",
            "q5-feelings": ["lonely", "bored"],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == PAGE + "?saved=ex5-yourself#ex5-yourself"
    html = client.get(response["Location"]).text
    assert "Saved. You can change your answers at any time." in html
    assert "Quiet, careful SENTINEL-5</textarea>" in html
    assert 'value="4" checked' in html
    assert 'value="lonely" checked' in html
    assert 'value="bored" checked' in html


def test_a_person_changes_an_answer_and_can_take_one_back(client):
    client.post(ANSWER, {"q5-describe": "First try", "q5-abuse": "no"})
    client.post(ANSWER, {"q5-describe": "Second thoughts"})
    html = client.get(PAGE).text
    assert "Second thoughts</textarea>" in html
    assert "First try" not in html
    assert 'value="no" checked' not in html


def test_a_double_submit_keeps_one_answer(client):
    for _ in range(2):
        client.post(ANSWER, {"q5-strengths": "Patient"})
    html = client.get("/en/summary/summary-form/print/").text
    assert html.count("Patient") == 1


def test_bad_input_is_shown_with_the_errors_and_what_was_typed_kept(client):
    long_text = "x" * 5001
    response = client.post(
        ANSWER,
        {
            "q5-describe": "Kept words",
            "q5-strengths": long_text,
            "q5-selfesteem": "11",
            "q5-feelings": ["lonely", "not-an-option"],
        },
    )
    assert response.status_code == 200
    html = response.text
    assert "Some answers could not be saved yet" in html
    assert "Please shorten this to 5000 characters or fewer. It has 5001 now." in html
    assert "Please choose one number from 0 to 10." in html
    assert "Please choose from the options shown." in html
    assert "Kept words</textarea>" in html
    assert long_text in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="q5-strengths-hint q5-strengths-error"' in html
    # Nothing of a form with errors is kept.
    assert "Kept words" not in client.get(PAGE).text


def test_a_nul_or_other_control_character_is_dropped_and_the_answer_saved(client):
    response = client.post(
        ANSWER,
        {"q5-describe": "Quiet\x00 and\x1b careful\r\nmostly", "q5-feelings": ["lonely"]},
    )
    assert response.status_code == 302
    html = client.get(PAGE).text
    assert "Quiet and careful\nmostly</textarea>" in html


def test_answers_are_only_ever_shown_to_the_person_who_wrote_them(client, django_user_model):
    from django.test import Client

    client.post(ANSWER, {"q5-describe": "Mine alone SENTINEL-6"})
    stranger = Client()
    assert "SENTINEL-6" not in stranger.get(PAGE).text
    assert "SENTINEL-6" not in stranger.get("/en/summary/summary-form/print/").text


def test_a_get_to_the_answer_address_is_refused_and_an_unknown_exercise_is_not_found(client):
    assert client.get(ANSWER).status_code == 405
    assert client.post("/en/exercise/ex99-nothing/answer/", {}).status_code == 404


def test_progress_shows_started_and_done_and_where_to_continue(client):
    client.post(ANSWER, {"q5-describe": "Something"})
    client.get(PAGE)
    html = client.get("/en/").text
    assert "Continue where I left off" in html
    assert f'href="{PAGE}"' in html
    assert '<span class="status started">Started</span>' in html
    program = program_for("en")
    for form in program.chapter("why-people-use").forms:
        text = next(q for q in form.questions if q.is_text)
        client.post(f"/en/exercise/{form.id}/answer/", {text.id: "Done"})
    assert '<span class="status done">Done</span>' in client.get("/en/").text


def test_a_page_with_answers_takes_few_database_queries(client, django_assert_max_num_queries):
    client.post(ANSWER, {"q5-describe": "Something"})
    client.get(PAGE)
    with django_assert_max_num_queries(3):
        assert client.get(PAGE).status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/en/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.post(ANSWER, {"q5-describe": "Again"}).status_code == 302


EIGHT_ANSWERS = {
    "q5-describe": "Careful",
    "q5-strengths": "Patient",
    "q5-selfesteem": "4",
    "q5-feelings": ["lonely"],
    "q5-selfmanagement": ["act-first"],
    "q5-abuse": "no",
    "q5-handling": "Walks",
    "q5-link": "Perhaps",
}


def test_saving_one_or_eight_changed_answers_costs_the_same_few_queries(
    client, django_assert_num_queries
):
    client.post(ANSWER, {"q5-describe": "Something"})
    # The session, the person's records, then one transaction (a savepoint here, as tests
    # run inside one): the workspace's day of use and one upsert for all changed answers.
    with django_assert_num_queries(6):
        assert client.post(ANSWER, {"q5-describe": "Again"}).status_code == 302
    with django_assert_num_queries(6):
        assert client.post(ANSWER, EIGHT_ANSWERS).status_code == 302
    # Taking answers back adds one delete, however many go.
    with django_assert_num_queries(7):
        assert client.post(ANSWER, {"q5-describe": "Changed", "q5-abuse": "yes"}).status_code == 302
    html = client.get(PAGE).text
    assert "Changed</textarea>" in html
    assert 'value="yes" checked' in html
    assert "Patient" not in html
    assert "Walks" not in html
    assert 'value="4" checked' not in html


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    scale=st.text(max_size=5),
    choice=st.text(max_size=12),
    text=st.text(max_size=50),
)
def test_any_input_gets_a_page_never_an_error(client, scale, choice, text):
    response = client.post(
        ANSWER, {"q5-selfesteem": scale, "q5-abuse": choice, "q5-describe": text}
    )
    assert response.status_code in (200, 302)
