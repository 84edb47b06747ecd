"""An operator rotates SECRET_KEY (docs/deploy.md, "Rotating the secret key"): nobody loses
their work, and staff stay signed in while the old key is a fallback. The lookup pepper is
different: a new one finds no saved workspace, which is why it can never rotate.
"""

import secrets

import pytest
from django.contrib.auth import get_user
from django.test import Client, RequestFactory
from django.urls import reverse

from conftest import answer, keep_work, read

pytestmark = pytest.mark.django_db
SENTINEL = "rotation-sentinel answer"
OPEN = reverse("workspace:open")


def _open_elsewhere(phrase: str):
    other_device = Client()
    return other_device, other_device.post(OPEN, {"passphrase": phrase})


def test_after_a_new_secret_key_a_saved_workspace_opens_with_its_passphrase(client, settings):
    answer(client, "answer", "ex5", {"text": SENTINEL})
    phrase = keep_work(client)

    settings.SECRET_KEY = secrets.token_urlsafe(50)

    other_device, response = _open_elsewhere(phrase)
    assert response.status_code == 302
    assert read(other_device, "answer")["ex5"] == {"text": SENTINEL}


def test_a_visit_under_way_keeps_its_answers_and_its_form_token_across_a_new_secret_key(
    settings,
):
    person = Client(enforce_csrf_checks=True)
    answer(person, "answer", "ex5", {"text": SENTINEL})
    person.get(OPEN)
    token = person.cookies["wm_csrf"].value

    settings.SECRET_KEY = secrets.token_urlsafe(50)

    assert read(person, "answer")["ex5"] == {"text": SENTINEL}
    # Django's form tokens are random, not signed with SECRET_KEY: the form still sends.
    response = person.post(OPEN, {"passphrase": "no such words", "csrfmiddlewaretoken": token})
    assert response.status_code == 200


def _signed_in(client) -> bool:
    request = RequestFactory().get("/")
    request.session = client.session
    return get_user(request).is_authenticated


def test_staff_stay_signed_in_while_the_old_key_is_a_fallback_and_not_after(
    client, settings, django_user_model
):
    client.force_login(django_user_model.objects.create_user("alex", is_staff=True))
    old = settings.SECRET_KEY

    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = secrets.token_urlsafe(50), [old]
    assert _signed_in(client)

    settings.SECRET_KEY_FALLBACKS = []
    assert not _signed_in(client)


def test_a_new_lookup_pepper_finds_no_saved_workspace(client, settings):
    answer(client, "answer", "ex5", {"text": SENTINEL})
    phrase = keep_work(client)

    settings.WAYMARK_LOOKUP_PEPPER = secrets.token_urlsafe(50)

    _, response = _open_elsewhere(phrase)
    assert "These words do not open a workspace" in response.text
