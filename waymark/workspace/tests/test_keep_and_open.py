"""Keep my work with a passphrase, and come back with it (SECURITY.md 2, 4, 7, 14, 15)."""

import itertools

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from conftest import answer, keep_work, read
from waymark.web import derivations
from waymark.workspace import workspaces
from waymark.workspace.models import SealedRecord, SessionRecord, Workspace
from waymark.workspace.sessions import SessionStore
from waymark.workspace.views import PENDING

pytestmark = pytest.mark.django_db
SENTINEL = "the-answer-sentinel-QWZ"
OPEN = reverse("workspace:open")


def test_the_passphrase_is_shown_once_and_must_be_typed_back(client, fast_kdf):
    client.post(reverse("workspace:save"))
    page = client.get(reverse("workspace:save"))
    assert page["Cache-Control"] == "no-store"
    assert "no way to recover it" in page.text
    shown = page.text.split('id="passphrase">')[1].split("<")[0]
    assert len(shown.split()) == 7
    # Reloading shows the same words, and a second click makes no new ones.
    client.post(reverse("workspace:save"))
    assert shown in client.get(reverse("workspace:save")).text
    for typed in ("wrong", "päivää yötä"):
        mismatch = client.post(reverse("workspace:passphrase-confirm"), {"passphrase": typed})
        assert mismatch.status_code == 200
        assert "That is not the passphrase shown" in mismatch.text
        assert 'aria-invalid="true"' in mismatch.text
        assert typed in mismatch.text
    assert not Workspace.objects.filter(lookup__isnull=False).exists()
    done = client.post(
        reverse("workspace:passphrase-confirm"), {"passphrase": shown.upper() + "\n"}
    )
    assert done.status_code == 302
    assert PENDING not in client.session
    assert Workspace.objects.get().lookup


def test_the_passphrase_never_appears_in_a_url(client, fast_kdf):
    phrase = keep_work(client)
    answer(client, "answer", "ex5", {"text": SENTINEL})
    page = client.get(reverse("workspace:home"))
    for word_pair in itertools.pairwise(phrase.split()):
        assert "+".join(word_pair) not in page.text
        assert "%20".join(word_pair) not in page.text
    assert 'action="' + OPEN + '"' in client.get(OPEN).text


def test_coming_back_with_the_passphrase_finds_my_answers_on_another_device(client, fast_kdf):
    answer(client, "answer", "ex5", {"text": SENTINEL})
    phrase = keep_work(client)
    other_device = Client()
    response = other_device.post(OPEN, {"passphrase": "  " + phrase.title() + " "})
    assert response.status_code == 302
    assert read(other_device, "answer") == {"ex5": {"text": SENTINEL}}
    assert "Your work is kept" in other_device.get(response["Location"]).text


def test_a_wrong_passphrase_opens_nothing_and_says_so_calmly(client, derivations):
    keep_work(client)
    stranger = Client()
    wrong = "abacus abdomen abdominal abide abiding ablaze able"
    response = stranger.post(OPEN, {"passphrase": wrong})
    assert response.status_code == 200
    assert "These words do not open a workspace" in response.text
    assert read(stranger, "answer") == {}
    # A typo in a real passphrase finds no workspace either: the very same answer.
    other = stranger.post(OPEN, {"passphrase": "not even words"})
    assert other.text.count("These words do not open a workspace") == 2
    finnish = stranger.post(OPEN, {"passphrase": "päivää yötä ääkköset"})
    assert "These words do not open a workspace" in finnish.text
    # Only keeping the work derived a key: a guess takes no place in the derivation line.
    assert derivations == [64 * 1024]


def test_an_enormous_passphrase_sent_as_multipart_never_reaches_argon2(client, derivations):
    body = "--x\r\nContent-Disposition: form-data; name=passphrase\r\n\r\n" + "a" * 3_000_000
    response = client.post(OPEN, data=body, content_type="multipart/form-data; boundary=x")
    assert response.status_code == 400
    assert derivations == []


def test_opening_gives_a_new_session_key(client, fast_kdf):
    phrase = keep_work(client)
    client.post(reverse("workspace:logout"))
    client.get(reverse("workspace:home"))
    answer(client, "answer", "ex9", {"text": "before opening"})
    before = client.cookies["wm_session"].value
    client.post(OPEN, {"passphrase": phrase})
    after = client.cookies["wm_session"].value
    assert after != before
    assert not SessionStore().exists(before)
    # What was answered before opening is carried into the workspace.
    assert read(client, "answer") == {"ex9": {"text": "before opening"}}
    assert Workspace.objects.count() == 1


def test_an_overlong_passphrase_never_reaches_argon2(client, derivations):
    response = client.post(OPEN, {"passphrase": "word " * 41})
    assert response.status_code == 200
    assert "longer than any passphrase" in response.text
    assert derivations == []


def test_a_three_megabyte_post_is_refused(client):
    response = client.post(OPEN, {"passphrase": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 400


def test_when_the_derivation_line_is_full_the_next_person_is_told_at_once(
    client, fast_kdf, full_derivation_pool
):
    phrase = keep_work(client)
    with full_derivation_pool():
        busy = Client().post(OPEN, {"passphrase": phrase})
        # A guess needs no derivation: it is answered even while the line is full.
        assert Client().post(OPEN, {"passphrase": "a b c d e f g"}).status_code == 200
    assert busy.status_code == 503
    assert busy["Retry-After"].isdigit()
    assert "Busy, try again in a moment" in busy.text
    # The line empties as derivations finish: nothing was spent that the next person needs.
    assert Client().post(OPEN, {"passphrase": phrase}).status_code == 302
    # The line is in memory: nothing about attempts reaches the database.
    assert "unlock" not in " ".join(connection.introspection.table_names())


def test_the_pages_use_few_queries(client, fast_kdf, django_assert_max_num_queries):
    answer(client, "answer", "ex5", {"text": "a"})
    keep_work(client)
    with django_assert_max_num_queries(3):
        assert client.get(reverse("workspace:home")).status_code == 200
    with django_assert_max_num_queries(3):
        client.get(OPEN)
    with django_assert_max_num_queries(12):
        client.post(OPEN, {"passphrase": "a b c d e f g"})
    assert SessionRecord.objects.count() >= 1


def test_raising_the_cost_reaches_an_old_workspace_the_next_time_it_is_opened(
    client, settings, derivations
):
    settings.WAYMARK_ARGON2_ITERATIONS = 1
    answer(client, "answer", "ex5", {"text": SENTINEL})
    phrase = keep_work(client)
    kept = Workspace.objects.get()
    sealed_rows = list(SealedRecord.objects.values_list("sealed", flat=True))
    settings.WAYMARK_ARGON2_ITERATIONS = 2
    derivations.clear()

    later = Client()
    assert later.post(OPEN, {"passphrase": phrase}).status_code == 302
    assert len(derivations) == 2  # open at the old cost, wrap again at the new one
    rewrapped = Workspace.objects.get()
    assert rewrapped.kdf_params == {**kept.kdf_params, "iterations": 2}
    assert bytes(rewrapped.kdf_salt) != bytes(kept.kdf_salt)
    # The same data key, so every record stays exactly as it was and still opens.
    assert list(SealedRecord.objects.values_list("sealed", flat=True)) == sealed_rows
    assert read(later, "answer") == {"ex5": {"text": SENTINEL}}

    derivations.clear()
    again = Client()
    assert again.post(OPEN, {"passphrase": phrase}).status_code == 302
    assert len(derivations) == 1
    assert bytes(Workspace.objects.get().kdf_salt) == bytes(rewrapped.kdf_salt)
    assert read(again, "answer") == {"ex5": {"text": SENTINEL}}


def test_lowering_the_cost_never_wraps_a_workspace_again(client, settings, derivations):
    settings.WAYMARK_ARGON2_ITERATIONS = 2
    phrase = keep_work(client)
    kept = Workspace.objects.get()
    settings.WAYMARK_ARGON2_ITERATIONS = 1
    derivations.clear()
    assert Client().post(OPEN, {"passphrase": phrase}).status_code == 302
    assert len(derivations) == 1
    assert Workspace.objects.get().kdf_params == kept.kdf_params


def test_a_busy_moment_opens_the_workspace_and_leaves_the_rewrap_for_later(
    client, settings, monkeypatch
):
    settings.WAYMARK_ARGON2_ITERATIONS = 1
    answer(client, "answer", "ex5", {"text": SENTINEL})
    phrase = keep_work(client)
    kept = Workspace.objects.get()
    settings.WAYMARK_ARGON2_ITERATIONS = 2
    # The line fills up just after this person's key is derived: enough to open, no place
    # left for the wrap at the new cost.
    places = iter([True])

    def line_then_full(work, *args):
        if next(places, False):
            return derivations.derive(work, *args)
        raise derivations.Busy

    monkeypatch.setattr(workspaces, "derive", line_then_full)
    busy_moment = Client()
    assert busy_moment.post(OPEN, {"passphrase": phrase}).status_code == 302
    assert read(busy_moment, "answer") == {"ex5": {"text": SENTINEL}}
    assert Workspace.objects.get().kdf_params == kept.kdf_params

    monkeypatch.undo()
    assert Client().post(OPEN, {"passphrase": phrase}).status_code == 302
    assert Workspace.objects.get().kdf_params == {**kept.kdf_params, "iterations": 2}


def test_a_key_wrapped_before_canonical_binding_still_opens_and_is_bound_anew(client, fast_kdf):
    from waymark import crypto
    from waymark.workspace import passphrase

    answer(client, "answer", "ex5", {"text": SENTINEL})
    phrase = keep_work(client)
    kept = Workspace.objects.get()
    params = crypto.KdfParams.from_dict(kept.kdf_params)
    kek = crypto.derive_kek(passphrase.normalise(phrase), bytes(kept.kdf_salt), params)
    data_key = crypto.open_sealed(
        kek, bytes(kept.wrapped_key), workspaces._wrap_ad(kept.id, params)
    )
    legacy = crypto.seal(kek, data_key, workspaces._wrap_ad_v1(kept.id, params))
    Workspace.objects.filter(id=kept.id).update(wrapped_key=legacy)

    again = Client()
    assert again.post(OPEN, {"passphrase": phrase}).status_code == 302
    assert read(again, "answer") == {"ex5": {"text": SENTINEL}}
    rebound = bytes(Workspace.objects.get().wrapped_key)
    assert crypto.open_sealed(kek, rebound, workspaces._wrap_ad(kept.id, params)) == data_key
