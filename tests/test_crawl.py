"""A person with a saved workspace follows every link on the site: every page opens, and no
address ever carries their passphrase or anything they wrote (SECURITY.md 16)."""

import itertools

import pytest

from conftest import person_with_a_saved_workspace
from tests.walk import walk

pytestmark = pytest.mark.django_db

SENTINEL = "crawl-sentinel-3c9a"


def test_every_link_opens_and_no_address_carries_a_secret():
    person, phrase = person_with_a_saved_workspace(SENTINEL)
    secrets = [SENTINEL, *(f"{a}+{b}" for a, b in itertools.pairwise(phrase.split()))]
    secrets += [f"{a}%20{b}" for a, b in itertools.pairwise(phrase.split())]
    visits = list(walk(person, "/en/"))
    broken = [(v.path, v.status) for v in visits if v.status not in (200, 302, 303)]
    assert len(visits) > 80, len(visits)
    assert not broken, broken
    for visit in visits:
        assert not any(secret.lower() in visit.path.lower() for secret in secrets), visit.path
