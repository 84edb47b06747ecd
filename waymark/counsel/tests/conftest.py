"""What the counselling stories need: a reader with a kept workspace, a signed-in counsellor."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import keep_work
from waymark.counsel.models import Conversation

HOME = reverse("counsel:home")
WRITE = reverse("counsel:write")


@pytest.fixture
def counsellor(make_staff):
    """Sam, the first counsellor: he founds the team key. `.client` is signed in."""
    sam = make_staff("sam", "counsel")
    sam.client = Client()
    assert sam.sign_in(sam.client).status_code == 302
    return sam


def reader() -> Client:
    """A person who kept their work with a passphrase; `.phrase` opens it elsewhere."""
    person = Client()
    person.phrase = keep_work(person)
    return person


def write(person: Client, text: str):
    return person.post(WRITE, {"text": text})


def conversation_of(person: Client) -> Conversation:
    from waymark.workspace.store import WORKSPACE

    return Conversation.objects.get(workspace_id=person.session[WORKSPACE])


def staff_page(conversation: Conversation, action: str = "") -> str:
    name = "staff-counsel-conversation" if not action else f"staff-counsel-{action}"
    return reverse(name, args=[conversation.id])
