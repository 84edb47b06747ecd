"""Sealed at rest on both sides: a copy of the database and the logs shows no message, reply,
note, share or saved reply, and no seal opens anywhere but where it belongs."""

import pytest
from django.urls import reverse

from waymark import crypto
from waymark.counsel import conversations
from waymark.counsel.models import Message
from waymark.counsel.tests.conftest import conversation_of, reader, staff_page, write

pytestmark = pytest.mark.django_db

SENTENCES = {
    "message": "My sentinel message about the late evenings, cq7.",
    "reply": "A sentinel reply about a plan for evenings, rk2.",
    "note": "A sentinel team note: follow up on sleep, nt5.",
    "share": "A sentinel answer shared with the team, sh9.",
    "snippet": "A sentinel saved reply for everyone, sn4.",
}


def test_a_dump_and_the_logs_hold_no_sentence_of_either_side(
    counsellor, fast_kdf, database_dump, captured_log
):
    person = reader()
    person.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": SENTENCES["share"]})
    write(person, SENTENCES["message"])
    person.post(reverse("counsel:share"), {"item": "ex5-yourself"})
    conversation = conversation_of(person)
    client = counsellor.client
    client.post(staff_page(conversation, "reply"), {"action": "send", "reply": SENTENCES["reply"]})
    client.post(staff_page(conversation, "note"), {"note": SENTENCES["note"]})
    client.post(
        reverse("staff-counsel-snippets"),
        {"language": "en", "title": "Sentinel", "text": SENTENCES["snippet"]},
    )
    for page in (client.get(staff_page(conversation)), person.get(reverse("counsel:home"))):
        assert SENTENCES["message"] in page.text
    dump = database_dump()
    for kind, sentence in SENTENCES.items():
        for fragment in (sentence, sentence.split(",")[-1].strip(" .")):
            assert fragment.lower() not in dump, kind
            assert fragment not in captured_log.getvalue(), kind


def test_a_seal_moved_to_another_message_or_made_a_reply_does_not_open(counsellor, fast_kdf):
    person = reader()
    write(person, "First.")
    write(person, "Second.")
    conversation = conversation_of(person)
    first, second = Message.objects.order_by("position")
    Message.objects.filter(id=second.id).update(for_team=first.for_team)
    client = counsellor.client
    page = client.get(staff_page(conversation)).text
    assert "First." in page and "Second." not in page
    assert "cannot be read" in page
    Message.objects.filter(id=second.id).update(for_team=second.for_team, kind="reply")
    shown = conversations.for_team(client.session, conversation)
    assert [m.unreadable for m in shown] == [False, True]


def test_the_readers_side_opens_only_in_their_own_workspace(counsellor, fast_kdf):
    mine, theirs = reader(), reader()
    write(mine, "Mine alone.")
    write(theirs, "Theirs.")
    my_message = Message.objects.get(conversation=conversation_of(mine))
    Message.objects.filter(conversation=conversation_of(theirs)).update(
        for_reader=my_message.for_reader
    )
    with pytest.raises(crypto.InvalidTag):
        theirs.get(reverse("counsel:home"))


def test_messages_are_padded_so_a_row_does_not_show_their_length(counsellor, fast_kdf):
    person = reader()
    write(person, "Short.")
    write(person, "A good deal longer than the first one, but under one block.")
    short, longer = Message.objects.order_by("position")
    assert len(bytes(short.for_team)) == len(bytes(longer.for_team))
    assert len(bytes(short.for_reader)) == len(bytes(longer.for_reader))
