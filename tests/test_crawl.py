"""A person with a saved workspace follows every link on the site: every page opens, and no
address ever carries their passphrase or anything they wrote (SECURITY.md 16)."""

import html
import itertools
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from waymark.diary.tests.helpers import NEW as NEW_DIARY_ENTRY
from waymark.diary.tests.helpers import entry_form

pytestmark = pytest.mark.django_db

SENTINEL = "crawl-sentinel-3c9a"
LINK = re.compile(r'<a [^>]*href="([^"]+)"')
MOST_PAGES = 400


def _person_with_a_saved_workspace() -> tuple[Client, str]:
    person = Client()
    person.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": SENTINEL})
    person.post(NEW_DIARY_ENTRY, entry_form(person, thoughts=SENTINEL))
    person.post(reverse("workspace:save"))
    shown = person.get(reverse("workspace:save")).text
    phrase = html.unescape(re.search(r'id="passphrase">([^<]+)<', shown).group(1)).strip()
    person.post(reverse("workspace:passphrase-confirm"), {"passphrase": phrase})
    return person, phrase


def test_every_link_opens_and_no_address_carries_a_secret():
    person, phrase = _person_with_a_saved_workspace()
    secrets = [SENTINEL, *(f"{a}+{b}" for a, b in itertools.pairwise(phrase.split()))]
    secrets += [f"{a}%20{b}" for a, b in itertools.pairwise(phrase.split())]
    seen, queue, broken = set(), deque(["/en/"]), []
    while queue and len(seen) < MOST_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = person.get(path)
        if response.status_code not in (200, 302):
            broken.append((path, response.status_code))
            continue
        if response.status_code == 302 or "text/html" not in response["Content-Type"]:
            continue
        for href in LINK.findall(response.text):
            address = urldefrag(html.unescape(href))[0]
            parts = urlsplit(address)
            if parts.scheme or parts.netloc or not address.startswith("/"):
                continue  # another site (helplines, quick exit) or tel:
            if not address.startswith("/static/"):
                queue.append(address)
    assert len(seen) > 80, len(seen)
    assert not broken, broken
    for address in seen:
        assert not any(secret.lower() in address.lower() for secret in secrets), address
