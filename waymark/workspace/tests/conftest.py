"""What the workspace stories need: a person with answers, a person who kept their work."""

import html
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse

from waymark import crypto
from waymark.workspace.store import store_for

PASSPHRASE_ON_PAGE = re.compile(r'<p class="passphrase" id="passphrase">([^<]+)</p>')


@pytest.fixture
def derivations(monkeypatch):
    """Every Argon2id run, by its memory cost in KiB."""
    runs: list[int] = []
    real = crypto.Argon2id

    def counted(**kwargs):
        runs.append(kwargs["memory_cost"])
        return real(**kwargs)

    monkeypatch.setattr(crypto, "Argon2id", counted)
    return runs


def answer(client, kind: str, record_id: str, value: dict) -> None:
    """Write through store_for on a request carrying this client's own session."""
    request = RequestFactory().get("/")
    request.session = client.session
    store_for(request).put(kind, record_id, value)
    request.session.save()
    client.cookies["wm_session"] = request.session.session_key


def read(client, kind: str) -> dict:
    request = RequestFactory().get("/")
    request.session = client.session
    return store_for(request).all(kind)


def keep_work(client) -> str:
    """Take a passphrase as a person does: ask for it, read it, type it back."""
    client.post(reverse("workspace:save"))
    shown = client.get(reverse("workspace:save")).text
    phrase = html.unescape(PASSPHRASE_ON_PAGE.search(shown).group(1))
    response = client.post(reverse("workspace:passphrase-confirm"), {"passphrase": phrase})
    assert response.status_code == 302, response.text
    return phrase
