"""Log out, delete everything, and the limits that end a session (SECURITY.md 7, 13, 17, 18)."""

import io
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import answer, keep_work, read
from waymark.workspace.models import SealedRecord, SessionRecord, Workspace

pytestmark = pytest.mark.django_db
OPEN = reverse("workspace:open")


def test_logging_out_wipes_the_session_row(client, fast_kdf):
    phrase = keep_work(client)
    cookie = client.cookies["wm_session"].value
    assert SessionRecord.objects.count() == 1
    response = client.post(reverse("workspace:logout"))
    assert response.status_code == 302
    assert not SessionRecord.objects.exists()
    assert "You are logged out" in client.get(response["Location"]).text
    stale = Client()
    stale.cookies["wm_session"] = cookie
    assert read(stale, "answer") == {}
    assert Client().post(OPEN, {"passphrase": phrase}).status_code == 302


def test_logging_out_of_unsaved_work_removes_it_at_once(client):
    answer(client, "answer", "ex5", {"text": "a"})
    client.post(reverse("workspace:logout"))
    assert not Workspace.objects.exists()
    assert not SealedRecord.objects.exists()


def test_delete_everything_leaves_no_workspace_record_or_session(client, fast_kdf):
    answer(client, "answer", "ex5", {"text": "a"})
    answer(client, "diary", "d1", {"text": "b"})
    phrase = keep_work(client)
    other_device = Client()
    other_device.post(OPEN, {"passphrase": phrase})
    old_cookie = client.cookies["wm_session"].value
    unrelated = Client()
    answer(unrelated, "answer", "ex5", {"text": "someone else"})
    confirm = client.get(reverse("workspace:delete-confirm"))
    assert "cannot be undone" in confirm.text
    response = client.post(reverse("workspace:delete"))
    assert response.status_code == 302
    assert Workspace.objects.count() == 1  # only the unrelated person's
    assert SealedRecord.objects.count() == 1
    # Both sessions that had it open are gone; the unrelated one is not.
    assert SessionRecord.objects.count() == 1
    assert read(unrelated, "answer") == {"ex5": {"text": "someone else"}}
    assert read(other_device, "answer") == {}
    stale = Client()
    stale.cookies["wm_session"] = old_cookie
    assert read(stale, "answer") == {}
    assert "These words do not open" in Client().post(OPEN, {"passphrase": phrase}).text


@pytest.mark.parametrize("name", ["workspace:logout", "workspace:delete"])
def test_log_out_and_delete_need_the_csrf_token_and_our_own_origin(name, fast_kdf):
    person = Client(enforce_csrf_checks=True)
    answer(person, "answer", "ex5", {"text": "a"})
    assert person.post(reverse(name)).status_code == 403
    person.get(reverse("workspace:delete-confirm"))
    token = person.cookies["wm_csrf"].value
    foreign = person.post(
        reverse(name), {"csrfmiddlewaretoken": token}, headers={"origin": "http://evil.example"}
    )
    assert foreign.status_code == 403
    assert read(person, "answer") == {"ex5": {"text": "a"}}
    own = person.post(
        reverse(name), {"csrfmiddlewaretoken": token}, headers={"origin": "http://testserver"}
    )
    assert own.status_code == 302


def test_log_out_and_delete_refuse_a_get(client):
    assert client.get(reverse("workspace:logout")).status_code == 405
    assert client.get(reverse("workspace:delete")).status_code == 405


def test_an_idle_session_locks_and_needs_the_passphrase_again(client, fast_kdf, monkeypatch):
    answer(client, "answer", "ex5", {"text": "a"})
    phrase = keep_work(client)
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 29 * 60)
    assert read(client, "answer") == {"ex5": {"text": "a"}}
    monkeypatch.setattr(time, "time", lambda: real() + 29 * 60 + 31 * 60)
    assert read(client, "answer") == {}
    assert not SessionRecord.objects.exists()
    monkeypatch.setattr(time, "time", real)
    client.post(OPEN, {"passphrase": phrase})
    assert read(client, "answer") == {"ex5": {"text": "a"}}


def test_the_idle_limit_is_configurable(client, settings, monkeypatch):
    settings.WAYMARK_SESSION_IDLE_MINUTES = 5
    answer(client, "answer", "ex5", {"text": "a"})
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 6 * 60)
    assert read(client, "answer") == {}


def test_unused_workspaces_and_ended_sessions_are_deleted_by_the_command(
    client, fast_kdf, monkeypatch
):
    answer(client, "answer", "ex5", {"text": "kept"})
    keep_work(client)
    leftover = Client()
    answer(leftover, "answer", "ex5", {"text": "never saved"})
    real = timezone.now

    def days_later(days):
        monkeypatch.setattr(timezone, "now", lambda: real() + timedelta(days=days))
        call_command("daily", stdout=io.StringIO())

    days_later(2)
    assert Workspace.objects.filter(lookup__isnull=True).count() == 0
    assert Workspace.objects.count() == 1
    assert not SessionRecord.objects.exists()  # a session lasts at most 12 hours
    days_later(180)
    assert Workspace.objects.count() == 1
    days_later(182)
    assert not Workspace.objects.exists()
    assert not SealedRecord.objects.exists()


def test_opening_a_workspace_counts_as_using_it(client, fast_kdf, monkeypatch):
    phrase = keep_work(client)
    real = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real() + timedelta(days=170))
    Client().post(OPEN, {"passphrase": phrase})
    monkeypatch.setattr(timezone, "now", lambda: real() + timedelta(days=340))
    call_command("daily", stdout=io.StringIO())
    assert Workspace.objects.count() == 1
