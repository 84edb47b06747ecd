"""Exercise 15, "My plan", starts from what the person already wrote in exercises 3, 10 and 14."""

import pytest

pytestmark = pytest.mark.django_db
PLAN = "/en/staying-on-track/my-plan/"


def answer(client, exercise: str, data: dict) -> None:
    response = client.post(f"/en/exercise/{exercise}/answer/", data)
    assert response.status_code == 302, response.content


def test_an_empty_plan_starts_from_earlier_answers_and_says_where_they_came_from(client):
    answer(client, "ex3-three-viewpoints", {"q3-my-reason": "I want to be someone I respect."})
    answer(
        client,
        "ex10-step-in",
        {
            "q10-alternatives": ["go-outside", "call-someone"],
            "q10-alternatives--other": "play the piano",
            "q10-first-move": "Put the phone in the kitchen.",
            "q10-after-lapse": "Stop, breathe, write down what happened.",
        },
    )
    answer(client, "ex14-warning-signs", {"q14-early": "Staying up late.", "q14-late": "Alone."})
    html = client.get(PLAN).text
    plan = html[html.index('id="ex15-my-plan"') :]
    assert "I want to be someone I respect." in plan
    assert "Staying up late.\n\nAlone." in plan
    assert 'value="go-outside" checked' in plan
    assert 'value="call-someone" checked' in plan
    assert 'value="play the piano"' in plan
    assert 'value="Put the phone in the kitchen."' in plan
    assert "Stop, breathe, write down what happened." in plan
    assert "Filled in from your answers to Exercise 3: Three viewpoints." in plan
    assert "Exercise 10: Where I step in and what I do instead" in plan
    assert "They are not kept until you choose" in plan


def test_a_suggestion_is_kept_only_when_saved_and_then_the_plan_is_the_persons_own(client):
    answer(client, "ex3-three-viewpoints", {"q3-my-reason": "For the children."})
    answer(client, "ex15-my-plan", {"q15-reasons": "For the children, and for me."})
    answer(client, "ex3-three-viewpoints", {"q3-my-reason": "A new reason."})
    plan = client.get(PLAN).text
    assert "For the children, and for me." in plan
    assert "A new reason." not in plan
    assert "Filled in from" not in plan


def test_with_nothing_written_earlier_the_plan_starts_blank(client):
    plan = client.get(PLAN).text
    assert "Filled in from" not in plan
    assert "To start you off" not in plan


def test_the_check_names_a_starting_point_that_is_not_a_question_elsewhere(tree):
    from waymark.program.content import check

    tree.replace(
        "content/en/chapters/02-finish/01-last.md",
        "    type: scale\n",
        "    type: scale\n    starts_from: [q1-text, q9-nowhere]\n",
    )
    messages = [p.message for p in check(tree.root)]
    assert "starts_from names 'q9-nowhere', not a question elsewhere" in messages
    assert "starts_from: 'q1-text' is a long_text, 'qs-scale' a scale" in messages
