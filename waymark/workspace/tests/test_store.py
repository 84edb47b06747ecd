"""Records are sealed where they lie; only the session that holds the key opens them."""

import base64

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from conftest import answer, keep_work, read
from waymark import crypto
from waymark.workspace import records, workspaces
from waymark.workspace.models import SealedRecord, SessionRecord, Workspace
from waymark.workspace.sessions import SessionStore, row_id
from waymark.workspace.store import DATA_KEY, store_for, unlocked_from

pytestmark = pytest.mark.django_db
SENTINEL = "my-sentinel-answer-ZQX"


def test_answers_come_back_and_a_second_write_replaces_the_first(client):
    answer(client, "answer", "ex5", {"text": "first"})
    answer(client, "answer", "ex5", {"text": SENTINEL})
    answer(client, "answer", "ex6", {"text": "other"})
    answer(client, "diary", "d1", {"urge": 4})
    assert read(client, "answer") == {"ex5": {"text": SENTINEL}, "ex6": {"text": "other"}}
    assert read(client, "diary") == {"d1": {"urge": 4}}
    assert SealedRecord.objects.count() == 3


def test_the_table_shows_neither_the_answers_nor_what_was_answered(client):
    answer(client, "answer", "ex5-yourself", {"text": SENTINEL})
    row = SealedRecord.objects.get()
    stored = repr([row.kind, row.record_id, bytes(row.sealed), row.version])
    assert SENTINEL not in stored
    assert "ex5" not in stored
    assert "answer" not in stored
    # Padding hides how long the answer was.
    assert len(bytes(row.sealed)) - 28 == records.PAD_BLOCK


def test_a_ciphertext_moved_to_another_row_fails(client):
    answer(client, "answer", "ex5", {"text": SENTINEL})
    answer(client, "answer", "ex6", {"text": "other"})
    unlocked = unlocked_from(client.session)
    five, six = SealedRecord.objects.order_by("id")
    SealedRecord.objects.filter(pk=six.pk).update(sealed=bytes(five.sealed))
    with pytest.raises(crypto.InvalidTag):
        workspaces.get_record(unlocked, "answer", "ex6")


def test_a_tampered_record_is_refused_not_decrypted_to_garbage(client):
    answer(client, "answer", "ex5", {"text": SENTINEL})
    row = SealedRecord.objects.get()
    changed = bytearray(bytes(row.sealed))
    changed[20] ^= 0x01
    SealedRecord.objects.filter(pk=row.pk).update(sealed=bytes(changed))
    with pytest.raises(crypto.InvalidTag):
        read(client, "answer")


def test_records_written_in_an_older_format_still_open(client):
    answer(client, "answer", "ex5", {"text": "new"})
    unlocked = unlocked_from(client.session)
    ktag, rtag, sealed = records.seal_record(
        unlocked.data_key, unlocked.workspace_id, "answer", "ex4", {"text": "old"}, version=1
    )
    SealedRecord.objects.create(
        workspace_id=unlocked.workspace_id, kind=ktag, record_id=rtag, sealed=sealed, version=1
    )
    assert read(client, "answer") == {"ex4": {"text": "old"}, "ex5": {"text": "new"}}
    # Claiming the newer version for an old row breaks its seal.
    SealedRecord.objects.filter(version=1).update(version=2)
    with pytest.raises(crypto.InvalidTag):
        read(client, "answer")


def test_without_the_cookie_the_session_table_and_secret_key_open_nothing(client):
    answer(client, "answer", "ex5", {"text": SENTINEL})
    cookie = client.cookies["wm_session"].value
    data_key = client.session[DATA_KEY]
    row = SessionRecord.objects.get()
    # Everything the server holds: the row, its id, SECRET_KEY. Try each as a key.
    candidates = [
        row.id.encode(),
        settings.SECRET_KEY.encode(),
        settings.WAYMARK_LOOKUP_PEPPER.encode(),
    ]
    for secret in candidates:
        key = crypto.subkey(secret, "waymark session payload v1")
        with pytest.raises(crypto.InvalidTag):
            crypto.open_sealed(key, bytes(row.payload), row.id.encode())
    assert data_key.encode() not in bytes(row.payload)
    assert base64.urlsafe_b64decode(data_key) not in bytes(row.payload)
    # With the cookie, it opens: the row is the person's, not ours.
    assert SessionStore(cookie).load()[DATA_KEY] == data_key
    assert row.id == row_id(cookie)


def test_keeping_my_work_keeps_everything_already_answered(client, fast_kdf):
    answer(client, "answer", "ex5", {"text": SENTINEL})
    workspace_id = unlocked_from(client.session).workspace_id
    keep_work(client)
    assert read(client, "answer") == {"ex5": {"text": SENTINEL}}
    assert unlocked_from(client.session).workspace_id == workspace_id
    assert Workspace.objects.get().lookup


def test_another_person_finds_none_of_my_answers(client, django_user_model):
    from django.test import Client

    answer(client, "answer", "ex5", {"text": SENTINEL})
    stranger = Client()
    stranger.get(reverse("workspace:home"))
    assert read(stranger, "answer") == {}
    answer(stranger, "answer", "ex5", {"text": "theirs"})
    assert read(client, "answer") == {"ex5": {"text": SENTINEL}}


def test_writing_after_the_workspace_was_deleted_elsewhere_starts_anew(client):
    answer(client, "answer", "ex5", {"text": "gone"})
    Workspace.objects.all().delete()
    assert read(client, "answer") == {}
    answer(client, "answer", "ex6", {"text": "kept"})
    assert read(client, "answer") == {"ex6": {"text": "kept"}}


def test_deleting_a_record_removes_its_row(client):
    answer(client, "answer", "ex5", {"text": "a"})
    request_session = client.session
    workspaces.write_records(unlocked_from(request_session), "answer", {"ex5": None})
    assert not SealedRecord.objects.exists()


def _store(client):
    request = RequestFactory().get("/")
    request.session = client.session
    return store_for(request)


def test_many_records_are_written_and_taken_back_in_one_go(client, django_assert_num_queries):
    answer(client, "answer", "ex1", {"text": "old"})
    answer(client, "answer", "ex2", {"text": "goes"})
    store = _store(client)
    changes = {f"ex{n}": {"text": f"{SENTINEL}-{n}"} for n in range(3, 11)}
    # The session, then one transaction (a savepoint here, as tests run inside one): the
    # workspace's day of use, one upsert for all writes and one delete for all deletions.
    with django_assert_num_queries(6):
        store.write("answer", {**changes, "ex1": {"text": "new"}, "ex2": None})
    assert read(client, "answer") == {**changes, "ex1": {"text": "new"}}
    # Each row sealed exactly as a single write seals it: padded, current format.
    rows = SealedRecord.objects.all()
    assert {row.version for row in rows} == {records.RECORD_VERSION}
    assert {len(bytes(row.sealed)) - 28 for row in rows} == {records.PAD_BLOCK}
    assert SENTINEL not in repr([bytes(row.sealed) for row in rows])
    with django_assert_num_queries(0):
        store.write("answer", {})


def test_taking_answers_back_after_the_workspace_was_deleted_starts_nothing(client):
    answer(client, "answer", "ex5", {"text": "gone"})
    Workspace.objects.all().delete()
    store = _store(client)
    store.write("answer", {"ex5": None, "ex6": None})
    assert not Workspace.objects.exists()
    store.write("answer", {"ex5": None, "ex6": {"text": "kept"}})
    assert store.all("answer") == {"ex6": {"text": "kept"}}
