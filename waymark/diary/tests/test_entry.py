"""A person notes a moment, changes it, deletes it; bad input is explained, never lost."""

import re

import pytest
from django.test import Client

from waymark.diary.tests.helpers import NEW, entry_form, entry_ids, fresh_entry_id

pytestmark = pytest.mark.django_db


def test_a_saved_entry_appears_in_the_diary_in_plain_words(client):
    response = client.post(NEW, entry_form(client, situation_note="kitchen table"))
    assert response.status_code == 302
    saved = client.get(response["Location"])
    assert "Your entry is saved" in saved.text
    home = client.get("/en/diary/")
    assert "Alone at home: kitchen table" in home.text
    assert "Urge 7 of 10" in home.text


def test_sending_the_same_form_twice_keeps_one_entry(client):
    data = entry_form(client)
    client.post(NEW, data)
    client.post(NEW, {**data, "urge": "8"})
    (only,) = entry_ids(client)
    assert only == data["entry_id"]
    assert "Urge 8 of 10" in client.get("/en/diary/").text


def test_an_urge_of_eleven_is_explained_and_the_rest_is_kept(client):
    data = entry_form(client, urge="11", thoughts="my own words")
    response = client.post(NEW, data)
    assert response.status_code == 200
    assert "Please choose a number from 0 to 10." in response.text
    assert 'href="#id_urge"' in response.text
    assert "my own words</textarea>" in response.text
    assert re.search(r'value="lonely"\s+checked', response.text)
    assert 'value="alone-at-home" checked' in response.text
    assert entry_ids(client) == []


def test_missing_answers_are_named_next_to_their_questions(client):
    data = entry_form(client, thoughts="kept", situation_note="also kept")
    for name in ("part", "situation", "urge", "acted"):
        data.pop(name)
    response = client.post(NEW, data)
    assert response.status_code == 200
    for name in ("part", "situation", "urge", "acted"):
        assert f'id="id_{name}-error"' in response.text, name
        assert f'aria-describedby="id_{name}-error"' in response.text or (
            f"id_{name}-hint id_{name}-error" in response.text
        )
    assert "kept</textarea>" in response.text
    assert 'value="also kept"' in response.text


def test_another_day_needs_a_date_that_is_not_in_the_future(client):
    response = client.post(NEW, entry_form(client, day="date", date=""))
    assert "Please give the date" in response.text
    response = client.post(NEW, entry_form(client, day="date", date="2999-01-01"))
    assert "This date is in the future" in response.text
    assert 'value="2999-01-01"' in response.text


def test_a_long_text_is_explained_and_kept(client):
    long_text = "word " * 600
    response = client.post(NEW, entry_form(client, thoughts=long_text))
    assert "Please keep this under 1000 characters (you wrote 2999)" in response.text
    assert long_text.strip() in response.text


def test_a_nul_or_other_control_character_in_a_note_is_dropped_and_the_entry_saved(client):
    data = entry_form(client, situation_note="kitchen\x00 table\x07", thoughts="Just\x00 once")
    response = client.post(NEW, data)
    assert response.status_code == 302
    home = client.get("/en/diary/").text
    assert "Alone at home: kitchen table" in home
    chain = client.get(f"/en/diary/entries/{data['entry_id']}/chain/").text
    assert "Just once" in chain


def test_an_enormous_text_is_refused_before_the_form_and_nothing_is_saved(client):
    response = client.post(NEW, entry_form(client, thoughts="x" * 100_000))
    assert response.status_code == 400
    assert "too long" in response.text
    assert entry_ids(client) == []


def test_acting_on_the_urge_leads_to_a_calm_page_that_points_to_staying_on_track(client):
    response = client.post(NEW, entry_form(client, acted="partly"))
    page = client.get(response["Location"])
    assert "You noted that you acted on the urge" in page.text
    assert "does not wipe out the progress" in page.text
    assert 'href="/en/staying-on-track/after-a-lapse/"' in page.text
    assert 'href="/en/staying-on-track/"' in page.text
    calm = client.post(NEW, entry_form(client, acted="no"))
    assert "staying-on-track" not in client.get(calm["Location"]).text


def test_a_person_changes_an_entry_and_the_day_can_move(client):
    data = entry_form(client)
    client.post(NEW, data)
    edit = f"/en/diary/entries/{data['entry_id']}/edit/"
    form = client.get(edit)
    assert 'value="today" checked' in form.text
    assert "Just this once</textarea>" in form.text
    response = client.post(edit, {**data, "day": "yesterday", "urge": "2", "entry_id": "x"})
    assert response.status_code == 302
    assert entry_ids(client) == [data["entry_id"]]
    assert "Urge 2 of 10" in client.get("/en/diary/").text
    assert 'value="yesterday" checked' in client.get(edit).text


def test_deleting_asks_first_and_a_repeated_delete_is_harmless(client):
    data = entry_form(client)
    client.post(NEW, data)
    delete = f"/en/diary/entries/{data['entry_id']}/delete/"
    assert "Delete this entry?" in client.get(delete).text
    assert entry_ids(client) == [data["entry_id"]]
    assert client.post(delete).status_code == 302
    assert client.post(delete).status_code == 302
    assert entry_ids(client) == []
    assert client.get(delete).status_code == 404


def test_another_person_sees_none_of_the_entries(client):
    data = entry_form(client, thoughts="private-sentinel-words")
    client.post(NEW, data)
    stranger = Client()
    entry = data["entry_id"]
    for url in ("edit", "chain", "delete", "saved"):
        assert stranger.get(f"/en/diary/entries/{entry}/{url}/").status_code == 404, url
    assert stranger.post(f"/en/diary/entries/{entry}/edit/", data).status_code == 404
    stranger.post(f"/en/diary/entries/{entry}/delete/")
    for url in ("/en/diary/", "/en/diary/patterns/"):
        assert "private-sentinel-words" not in stranger.get(url).text
        assert "Alone at home" not in stranger.get(url).text
    assert entry_ids(client) == [entry]


def test_a_form_with_a_forged_record_id_is_refused(client):
    response = client.post(NEW, entry_form(client, entry_id="../../etc"))
    assert "This form is out of date" in response.text
    assert entry_ids(client) == []


def test_the_diary_home_needs_few_queries_however_many_entries(
    client, django_assert_max_num_queries
):
    for _ in range(15):
        client.post(NEW, entry_form(client))
    with django_assert_max_num_queries(4):
        response = client.get("/en/diary/")
    assert response.text.count("See it as a chain") == 15


def test_only_get_and_post_are_answered_and_a_get_never_changes_anything(client):
    assert client.put(NEW).status_code == 405
    assert client.get("/en/diary/entries/nothing-here-at-all/delete/").status_code == 404
    assert fresh_entry_id(client) != fresh_entry_id(client)


def test_an_entry_is_unreadable_in_a_database_dump(client, database_dump):
    sentinel = "sentinel-4f1c9e-thought"
    client.post(NEW, entry_form(client, thoughts=sentinel, situation_note=sentinel + "-place"))
    assert sentinel in client.get("/en/diary/").text
    dump = database_dump()
    assert dump
    assert sentinel not in dump
    assert "alone-at-home" not in dump


def test_every_place_to_step_in_links_to_an_exercise_that_exists(client):
    data = entry_form(client)
    client.post(NEW, data)
    page = client.get(f"/en/diary/entries/{data['entry_id']}/chain/").text
    links = set(re.findall(r'href="(/en/exercise/[^"]+)"', page))
    assert len(links) == 5
    for link in links:
        assert client.get(link, follow=True).status_code == 200, link


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "Monday 2 March 2026"),
        ("fi", "maanantai 2. maaliskuuta 2026"),
        ("es", "lunes 2 de marzo de 2026"),
    ],
)
def test_the_day_of_an_entry_is_written_the_way_the_reader_s_language_writes_dates(
    client, language, written
):
    client.post(NEW, entry_form(client, day="date", date="2026-03-02"))
    assert written in client.get(f"/{language}/diary/").text
