"""A person with a saved workspace follows every link on the site: every page opens, and no
address ever carries their passphrase or anything they wrote (SECURITY.md 16)."""

import html
import io
import itertools
import os
import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from conftest import STAFF_PASSWORD, StaffMember
from tests.walk import walk
from waymark.diary.tests.helpers import NEW as NEW_DIARY_ENTRY
from waymark.diary.tests.helpers import entry_form
from waymark.staff.models import TOTPDevice

pytestmark = pytest.mark.django_db

SENTINEL = "crawl-sentinel-3c9a"


def a_counsellor_exists() -> StaffMember:
    """As after `create_staff_user --counsellor`: the counselling team has its key."""
    if not get_user_model().objects.filter(username="walk-counsellor").exists():
        with mock.patch.dict(os.environ, {"WAYMARK_WALK_PASSWORD": STAFF_PASSWORD}):
            call_command(
                "create_staff_user",
                "walk-counsellor",
                "--counsellor",
                "--password-env",
                "WAYMARK_WALK_PASSWORD",
                stdout=io.StringIO(),
            )
    device = TOTPDevice.objects.get(user__username="walk-counsellor")
    return StaffMember(device.user, device)


def signed_in_counsellor() -> Client:
    """The counsellor who holds the team key, signed in with password and code."""
    counsellor = Client()
    assert a_counsellor_exists().sign_in(counsellor).status_code == 302
    return counsellor


def person_with_a_saved_workspace() -> tuple[Client, str]:
    """A person who answered an exercise, noted a moment, kept their work, wrote to a
    counsellor and shared the exercise with them: every page and form is theirs to reach."""
    person = Client()
    person.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": SENTINEL})
    person.post(NEW_DIARY_ENTRY, entry_form(person, thoughts=SENTINEL))
    person.post(reverse("workspace:save"))
    shown = person.get(reverse("workspace:save")).text
    phrase = html.unescape(re.search(r'id="passphrase">([^<]+)<', shown).group(1)).strip()
    person.post(reverse("workspace:passphrase-confirm"), {"passphrase": phrase})
    a_counsellor_exists()
    person.post(reverse("counsel:write"), {"text": SENTINEL})
    person.post(reverse("counsel:share"), {"item": "ex5-yourself"})
    return person, phrase


def test_every_link_opens_and_no_address_carries_a_secret():
    person, phrase = person_with_a_saved_workspace()
    secrets = [SENTINEL, *(f"{a}+{b}" for a, b in itertools.pairwise(phrase.split()))]
    secrets += [f"{a}%20{b}" for a, b in itertools.pairwise(phrase.split())]
    visits = list(walk(person, "/en/"))
    broken = [(v.path, v.status) for v in visits if v.status not in (200, 302, 303)]
    assert len(visits) > 80, len(visits)
    assert not broken, broken
    for visit in visits:
        assert not any(secret.lower() in visit.path.lower() for secret in secrets), visit.path
