"""Once a week a person looks back; saving a week again replaces it."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from conftest import read
from waymark.diary.entries import CHECKIN as CHECKIN_KIND
from waymark.diary.entries import week_id

pytestmark = pytest.mark.django_db
CHECKIN = "/en/diary/check-in/"


def _answers(**changes) -> dict:
    data = {
        "week": week_id(timezone.localdate()),
        "hours": "2.5",
        "lapse_days": "1",
        "urge": "6",
        "confidence": "5",
    }
    data.update(changes)
    return data


def test_no_viewing_this_week_gets_a_warm_acknowledgement(client):
    response = client.post(CHECKIN, _answers(hours="0", lapse_days="0"))
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Your check-in for this week is saved" in page.text
    assert "No time spent viewing this week. That is a real achievement" in page.text
    assert 'value="0"' in page.text


def test_a_second_check_in_for_the_same_week_replaces_the_first(client):
    client.post(CHECKIN, _answers(hours="4"))
    client.post(CHECKIN, _answers(hours="1", confidence="8"))
    patterns = client.get("/en/diary/patterns/").text
    table = patterns[patterns.index('id="checkins"') :]
    assert len(re.findall(r"<th scope=\"row\">Week of", table)) == 2  # one row in each table
    assert "<td>1</td>" in table
    assert "<td>4</td>" not in table


def test_bad_answers_are_explained_and_kept(client):
    response = client.post(CHECKIN, _answers(hours="200", lapse_days="9", urge="", week="1999-W01"))
    assert response.status_code == 200
    assert "A week has 168 hours" in response.text
    assert 'value="200"' in response.text
    assert "Please choose a number of days from 0 to 7." in response.text
    assert "Please choose a number from 0 to 10." in response.text
    assert "Please choose one of the options shown." in response.text
    assert 'value="5" checked' in response.text  # confidence kept
    assert "Your check-in for this week is saved" not in response.text


def test_only_this_week_and_last_week_are_offered(client):
    page = client.get(CHECKIN).text
    today = timezone.localdate()
    weeks = re.findall(r'name="week" id="id_week-\d" value="([^"]+)"', page)
    assert weeks == [week_id(today), week_id(today - timezone.timedelta(days=7))]


def test_another_person_sees_none_of_the_check_ins(client):
    client.post(CHECKIN, _answers(hours="0"))
    stranger = Client()
    assert "Your check-in for this week is saved" not in stranger.get(CHECKIN).text
    assert "Hours spent viewing each week" not in stranger.get("/en/diary/patterns/").text


def test_a_finnish_reader_may_type_hours_with_a_decimal_comma(client):
    this_week = week_id(timezone.localdate())
    response = client.post("/fi/diary/check-in/", _answers(hours="2,5"))
    assert response.status_code == 302
    assert read(client, CHECKIN_KIND)[this_week]["hours"] == 2.5


def test_an_english_reader_types_hours_with_a_decimal_point(client):
    this_week = week_id(timezone.localdate())
    response = client.post(CHECKIN, _answers(hours="1.5"))
    assert response.status_code == 302
    assert read(client, CHECKIN_KIND)[this_week]["hours"] == 1.5
