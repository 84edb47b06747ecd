"""A person takes the self-check now and later, sees both side by side, and gets help at once."""

from datetime import date

import pytest
from django.test import Client

from waymark.workspace.store import store_for

pytestmark = pytest.mark.django_db


def test_results_are_kept_by_day_and_shown_side_by_side(client, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda: date(2026, 1, 5))
    client.post("/en/self-check/", {"sc-how-often": "most-days", "sc-urge-strength": "8"})
    monkeypatch.setattr(timezone, "localdate", lambda: date(2026, 2, 9))
    response = client.post("/en/self-check/", {"sc-how-often": "once", "sc-urge-strength": "3"})
    assert response["Location"] == "/en/self-check/results/"
    html = client.get("/en/self-check/results/").text
    assert html.index("2026-01-05") < html.index("2026-02-09")
    assert "On most days" in html
    assert "Once" in html
    assert "<td>8</td>" in html
    assert "<td>3</td>" in html
    assert 'class="crisis"' not in html


def test_a_second_check_on_the_same_day_replaces_the_first(client):
    client.post("/en/self-check/", {"sc-urge-strength": "9"})
    client.post("/en/self-check/", {"sc-urge-strength": "2"})
    html = client.get("/en/self-check/results/").text
    assert "<td>2</td>" in html
    assert "<td>9</td>" not in html


def crisis_boxes(html: str) -> list[str]:
    main = html[html.index('<main id="main"') :]
    boxes = main.split('<section class="crisis"')[1:]
    assert all(main.index(box) < main.index("<h1>") for box in boxes)  # help comes first
    return [box[: box.index("</section>")] for box in boxes]


@pytest.mark.parametrize("answer", ["yes", "sometimes"])
def test_thoughts_of_self_harm_bring_crisis_lines_first(client, answer):
    response = client.post("/en/self-check/", {"sc-harm-self": answer}, follow=True)
    (box,) = crisis_boxes(response.text)
    assert "thoughts of hurting yourself" in box
    assert 'href="tel:116123"' in box
    assert 'href="/en/help/"' in box
    assert "harm a child" not in box


@pytest.mark.parametrize("answer", ["yes", "sometimes"])
def test_fear_of_harming_a_child_brings_help_to_stop_first(client, answer):
    response = client.post("/en/self-check/", {"sc-harm-child": answer}, follow=True)
    (box,) = crisis_boxes(response.text)
    assert "afraid you might harm a child" in box
    assert 'href="tel:08081000900"' in box  # Stop It Now, with its number shown
    assert "thoughts of hurting yourself" not in box


def test_both_answers_bring_both_helps_each_with_its_own_numbers(client):
    html = client.post(
        "/en/self-check/", {"sc-harm-self": "yes", "sc-harm-child": "sometimes"}, follow=True
    ).text
    self_harm, harm_to_child = crisis_boxes(html)
    assert "tel:116123" in self_harm
    assert "tel:08081000900" in harm_to_child


def test_a_finnish_reader_sees_finnish_numbers_first(client):
    html = client.post("/fi/self-check/", {"sc-harm-self": "yes"}, follow=True).text
    (box,) = crisis_boxes(html)
    assert box.index("09 2525 0111") < box.index("116 123")


def test_an_answer_kept_before_the_question_was_split_still_shows_and_brings_both_helps(
    client,
):
    client.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": "Something"})
    # The last check was saved when one question asked about harming oneself or a child.
    store = store_for(client.get("/en/").wsgi_request)
    store.put(
        "self-check", "2026-01-05", {"day": "2026-01-05", "answers": {"sc-harm": {"value": "yes"}}}
    )
    html = client.get("/en/self-check/results/").text
    assert "an earlier question that asked about both at once" in html
    assert len(crisis_boxes(html)) == 2


def test_no_thoughts_of_harm_shows_no_crisis_box(client):
    answers = {"sc-harm-self": "no", "sc-harm-child": "no"}
    html = client.post("/en/self-check/", answers, follow=True).text
    assert 'class="crisis"' not in html


def test_an_empty_or_wrong_self_check_is_shown_again_with_a_message(client):
    response = client.post("/en/self-check/", {})
    assert response.status_code == 200
    assert "Please answer at least one question." in response.text
    response = client.post("/en/self-check/", {"sc-urge-strength": "12", "sc-confidence": "6"})
    assert "Please choose one number from 0 to 10." in response.text
    assert 'value="6" checked' in response.text


def test_nobody_else_sees_a_persons_results(client):
    client.post("/en/self-check/", {"sc-harm-self": "yes", "sc-urge-strength": "7"})
    html = Client().get("/en/self-check/results/").text
    assert "You have no self-check results yet." in html
    assert 'class="crisis"' not in html


def test_the_results_page_takes_few_queries(client, django_assert_max_num_queries):
    client.post("/en/self-check/", {"sc-urge-strength": "7"})
    with django_assert_max_num_queries(3):
        client.get("/en/self-check/results/")
