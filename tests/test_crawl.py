"""A person with a saved workspace follows every link on the site: every page opens, and no
address ever carries their passphrase or anything they wrote (SECURITY.md 16)."""

import html
import itertools
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.walk import walk
from waymark.diary.tests.helpers import NEW as NEW_DIARY_ENTRY
from waymark.diary.tests.helpers import entry_form

pytestmark = pytest.mark.django_db

SENTINEL = "crawl-sentinel-3c9a"


def person_with_a_saved_workspace() -> tuple[Client, str]:
    person = Client()
    person.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": SENTINEL})
    person.post(NEW_DIARY_ENTRY, entry_form(person, thoughts=SENTINEL))
    person.post(reverse("workspace:save"))
    shown = person.get(reverse("workspace:save")).text
    phrase = html.unescape(re.search(r'id="passphrase">([^<]+)<', shown).group(1)).strip()
    person.post(reverse("workspace:passphrase-confirm"), {"passphrase": phrase})
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
