"""A counsellor's reply waits in the reader's workspace; deleting the workspace ends it all."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from waymark.counsel.models import Conversation, Message, Share
from waymark.counsel.tests.conftest import HOME, conversation_of, reader, staff_page, write
from waymark.workspace.models import Workspace

pytestmark = pytest.mark.django_db
WORKSPACE = reverse("workspace:home")
OPEN = reverse("workspace:open")


def reply(counsellor, person, text: str):
    return counsellor.client.post(
        staff_page(conversation_of(person), "reply"), {"action": "send", "reply": text}
    )


def test_a_reply_shows_as_new_on_the_workspace_page_until_it_is_read(counsellor, fast_kdf):
    person = reader()
    write(person, "Is it normal to feel this ashamed?")
    assert "new repl" not in person.get(WORKSPACE).text
    reply(counsellor, person, "Yes, many people feel that at first.")
    reply(counsellor, person, "And it does not have to stop you.")
    assert "2 new replies from a counsellor." in person.get(WORKSPACE).text
    page = person.get(HOME).text
    assert "Yes, many people feel that at first." in page
    assert "And it does not have to stop you." in page
    assert "new repl" not in person.get(WORKSPACE).text


def test_the_reply_is_read_in_another_browser_with_the_passphrase_alone(counsellor, fast_kdf):
    person = reader()
    write(person, "I will be back on another device.")
    reply(counsellor, person, "Your reply is waiting here.")
    person.post(reverse("workspace:logout"))
    elsewhere = Client()
    elsewhere.post(OPEN, {"passphrase": person.phrase})
    assert "1 new reply from a counsellor." in elsewhere.get(WORKSPACE).text
    assert "Your reply is waiting here." in elsewhere.get(HOME).text


def test_the_workbook_download_holds_the_conversation(counsellor, fast_kdf):
    person = reader()
    write(person, "A message for my own records.")
    reply(counsellor, person, "A reply for them too.")
    for name in ("workspace:download-text", "workspace:download-html"):
        text = person.get(reverse(name)).content.decode()
        assert "Messages with a counsellor" in text
        assert "A message for my own records." in text and "A reply for them too." in text


def test_deleting_the_workspace_deletes_the_conversation_replies_and_shares(counsellor, fast_kdf):
    person = reader()
    person.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": "Shared words"})
    write(person, "Soon I will delete everything.")
    person.post(reverse("counsel:share"), {"item": "ex5-yourself"})
    reply(counsellor, person, "That is your choice.")
    conversation = conversation_of(person)
    bystander = reader()
    write(bystander, "I stay.")
    person.post(reverse("workspace:delete"))
    assert not Conversation.objects.filter(id=conversation.id).exists()
    assert not Message.objects.filter(conversation_id=conversation.id).exists()
    assert not Share.objects.exists()
    assert counsellor.client.get(staff_page(conversation)).status_code == 404
    assert Message.objects.count() == 1


def test_an_expired_workspace_takes_its_conversation_with_it(counsellor, fast_kdf, monkeypatch):
    person = reader()
    write(person, "Then I stopped coming back.")
    real = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real() + timedelta(days=181))
    call_command("daily", stdout=io.StringIO())
    assert not Workspace.objects.exists()
    assert not Conversation.objects.exists() and not Message.objects.exists()


def test_a_team_note_never_reaches_the_reader(counsellor, fast_kdf):
    person = reader()
    write(person, "A question.")
    conversation = conversation_of(person)
    counsellor.client.post(staff_page(conversation, "note"), {"note": "Ask about sleep next."})
    assert "Ask about sleep next." in counsellor.client.get(staff_page(conversation)).text
    note = Message.objects.get(kind="note")
    assert note.for_reader is None
    assert "Ask about sleep next." not in person.get(HOME).text
    assert "new repl" not in person.get(WORKSPACE).text
    download = person.get(reverse("workspace:download-text")).content.decode()
    assert "Ask about sleep next." not in download


def test_writing_after_a_close_opens_the_conversation_again(counsellor, fast_kdf):
    person = reader()
    write(person, "Thank you, that is all.")
    conversation = conversation_of(person)
    counsellor.client.post(staff_page(conversation, "status"), {"status": "closed"})
    assert "The counsellors closed this conversation" in person.get(HOME).text
    write(person, "I am back.")
    conversation.refresh_from_db()
    assert conversation.status == "waiting"
    assert conversation.waiting_since == timezone.now().date()


def test_the_reader_is_told_when_their_message_needs_no_reply(counsellor, fast_kdf):
    person = reader()
    write(person, "Just saying thanks.")
    counsellor.client.post(staff_page(conversation_of(person), "status"), {"status": "no-reply"})
    assert "found it needs no reply" in person.get(HOME).text


def test_the_workspace_page_takes_few_more_queries_with_a_conversation(
    counsellor, fast_kdf, django_assert_num_queries
):
    person = reader()
    write(person, "Counting.")
    person.get(WORKSPACE)
    # Session, then the conversation, the read mark and the count of replies after it.
    with django_assert_num_queries(4):
        assert person.get(WORKSPACE).status_code == 200
