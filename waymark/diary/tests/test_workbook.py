"""The workbook download lists diary entries and check-ins in plain words."""

import pytest
from django.test import RequestFactory
from django.utils import timezone

from waymark.diary.entries import week_id
from waymark.diary.tests.helpers import NEW, entry_form
from waymark.diary.workbook import sections
from waymark.workspace.store import store_for

pytestmark = pytest.mark.django_db


def _store_of(client):
    request = RequestFactory().get("/")
    request.session = client.session
    return store_for(request)


def test_entries_and_check_ins_are_in_the_workbook_in_plain_words(client):
    client.post(NEW, entry_form(client, thoughts="It will not matter", acted="partly"))
    client.post(
        "/en/diary/check-in/",
        {
            "week": week_id(timezone.localdate()),
            "hours": "0",
            "lapse_days": "0",
            "urge": "3",
            "confidence": "9",
        },
    )
    diary, checkins = sections(_store_of(client))
    assert diary.title == "Urge diary"
    (entry,) = diary.entries
    assert "Evening" in entry.label
    assert "Where: Alone at home" in entry.answer
    assert "Feelings: Lonely, Bored" in entry.answer
    assert "Thoughts: It will not matter" in entry.answer
    assert "What I did: Went outside or to a place with other people; Called or messaged" in (
        entry.answer
    )
    assert "Acted on the urge: Partly" in entry.answer
    assert "Urge strength afterwards: 3 of 10" in entry.answer
    (week,) = checkins.entries
    assert week.label.startswith("Week of")
    assert "Hours spent viewing: 0" in week.answer
    assert "Confidence to keep going: 9 of 10" in week.answer


def test_the_downloaded_workbook_carries_the_diary(client):
    client.post(NEW, entry_form(client, thoughts="sentinel-in-the-workbook"))
    body = client.get("/en/workspace/workbook/download.txt").content.decode()
    assert "Urge diary" in body
    assert "sentinel-in-the-workbook" in body


def test_an_empty_diary_adds_nothing(client):
    assert sections(_store_of(client)) == []
