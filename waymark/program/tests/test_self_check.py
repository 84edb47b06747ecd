"""A person takes the self-check now and later, sees both side by side, and gets help at once."""

from datetime import date

import pytest
from django.test import Client

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
    assert "On most days" in html and "Once" in html
    assert "<td>8</td>" in html and "<td>3</td>" in html
    assert 'class="crisis"' not in html


def test_a_second_check_on_the_same_day_replaces_the_first(client):
    client.post("/en/self-check/", {"sc-urge-strength": "9"})
    client.post("/en/self-check/", {"sc-urge-strength": "2"})
    html = client.get("/en/self-check/results/").text
    assert "<td>2</td>" in html and "<td>9</td>" not in html


@pytest.mark.parametrize("answer", ["yes", "sometimes"])
def test_thoughts_of_harm_bring_crisis_help_first_on_the_results(client, answer):
    response = client.post("/en/self-check/", {"sc-harm": answer}, follow=True)
    html = response.text
    main = html[html.index('<main id="main"') :]
    assert main.index('class="crisis"') < main.index("<h1>")
    crisis = main[main.index('class="crisis"') : main.index("</section>")]
    assert 'href="/en/help/"' in crisis
    assert "thoughts of harming yourself or a child" in crisis


def test_no_thoughts_of_harm_shows_no_crisis_box(client):
    html = client.post("/en/self-check/", {"sc-harm": "no"}, follow=True).text
    assert 'class="crisis"' not in html


def test_an_empty_or_wrong_self_check_is_shown_again_with_a_message(client):
    response = client.post("/en/self-check/", {})
    assert response.status_code == 200
    assert "Please answer at least one question." in response.text
    response = client.post("/en/self-check/", {"sc-urge-strength": "12", "sc-confidence": "6"})
    assert "Please choose one number from 0 to 10." in response.text
    assert 'value="6" checked' in response.text


def test_nobody_else_sees_a_persons_results(client):
    client.post("/en/self-check/", {"sc-harm": "yes", "sc-urge-strength": "7"})
    html = Client().get("/en/self-check/results/").text
    assert "You have no self-check results yet." in html and 'class="crisis"' not in html


def test_the_results_page_takes_few_queries(client, django_assert_max_num_queries):
    client.post("/en/self-check/", {"sc-urge-strength": "7"})
    with django_assert_max_num_queries(3):
        client.get("/en/self-check/results/")
