"""Counsellors: the inbox oldest first, replies, notes, hand-overs, saved replies, the load
view, and everyone who may not see any of it."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from waymark.counsel.models import Conversation, Message, Share, Snippet
from waymark.counsel.tests.conftest import conversation_of, reader, staff_page, write

pytestmark = pytest.mark.django_db
INBOX = reverse("staff-counsel")
SNIPPETS = reverse("staff-counsel-snippets")
LOAD = reverse("staff-counsel-load")


def waiting_since(person, days: int) -> Conversation:
    conversation = conversation_of(person)
    day = timezone.now().date() - timedelta(days=days)
    Conversation.objects.filter(id=conversation.id).update(waiting_since=day)
    return conversation


def test_the_inbox_lists_waiting_conversations_oldest_first_with_days_waiting(counsellor, fast_kdf):
    newer, older, answered = reader(), reader(), reader()
    for person in (newer, older, answered):
        write(person, "Hello.")
    newer_one, older_one = waiting_since(newer, 1), waiting_since(older, 5)
    counsellor.client.post(
        staff_page(conversation_of(answered), "reply"), {"action": "send", "reply": "Hi."}
    )
    page = counsellor.client.get(INBOX).text
    waiting = page.split("Waiting for a reply</h2>")[1].split("Other open conversations")[0]
    assert waiting.index(older_one.id) < waiting.index(newer_one.id)
    assert "5 days" in waiting and "1 day" in waiting
    assert conversation_of(answered).id not in waiting
    assert conversation_of(answered).id in page.split("Other open conversations")[1]
    # Nothing anyone wrote is on the inbox.
    assert "Hello." not in page


def test_a_counsellor_reads_the_message_and_replies(counsellor, fast_kdf):
    person = reader()
    write(person, "Where do I start?")
    conversation = conversation_of(person)
    page = counsellor.client.get(staff_page(conversation)).text
    assert "Where do I start?" in page
    response = counsellor.client.post(
        staff_page(conversation, "reply"), {"action": "send", "reply": "With the first chapter."}
    )
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.status == "answered" and conversation.waiting_since is None
    reply = Message.objects.get(kind="reply")
    assert reply.author == counsellor.user
    assert "Reply by sam" in counsellor.client.get(staff_page(conversation)).text


def test_an_empty_or_huge_reply_is_shown_again_and_changes_nothing(counsellor, fast_kdf):
    person = reader()
    write(person, "Hello.")
    conversation = conversation_of(person)
    for text, expected in (("", "Please write your message first."), ("y" * 4001, "4001 now")):
        response = counsellor.client.post(
            staff_page(conversation, "reply"), {"action": "send", "reply": text}
        )
        assert response.status_code == 200 and expected in response.text
    assert "y" * 4001 in response.text
    assert Message.objects.count() == 1
    conversation.refresh_from_db()
    assert conversation.status == "waiting"


def test_a_double_submitted_reply_or_note_is_kept_once(counsellor, fast_kdf):
    person = reader()
    write(person, "Hello.")
    conversation = conversation_of(person)
    for _ in range(2):
        counsellor.client.post(
            staff_page(conversation, "reply"), {"action": "send", "reply": "Hi."}
        )
    for _ in range(2):
        counsellor.client.post(staff_page(conversation, "note"), {"note": "Seems calm."})
    assert Message.objects.filter(kind="reply").count() == 1
    assert Message.objects.filter(kind="note").count() == 1


def test_hand_over_to_a_colleague_and_back_to_the_team(counsellor, make_staff, fast_kdf):
    nina = make_staff("nina", "counsel")
    make_staff("rita", "research")
    person = reader()
    write(person, "Hello.")
    conversation = conversation_of(person)
    page = counsellor.client.get(staff_page(conversation)).text
    assert f'<option value="{nina.user.pk}">nina</option>' in page
    assert "rita" not in page
    counsellor.client.post(staff_page(conversation, "hand-over"), {"member": nina.user.pk})
    conversation.refresh_from_db()
    assert conversation.assigned_to == nina.user
    assert "nina" in counsellor.client.get(INBOX).text
    counsellor.client.post(staff_page(conversation, "hand-over"), {"member": ""})
    conversation.refresh_from_db()
    assert conversation.assigned_to is None


@pytest.mark.parametrize("member", ["rita", "9999", "x", "\x00", "9" * 400, "\u0661"])
def test_hand_over_to_someone_outside_the_team_is_not_found(
    counsellor, make_staff, fast_kdf, member
):
    rita = make_staff("rita", "research")
    person = reader()
    write(person, "Hello.")
    conversation = conversation_of(person)
    chosen = rita.user.pk if member == "rita" else member
    response = counsellor.client.post(staff_page(conversation, "hand-over"), {"member": chosen})
    assert response.status_code == 404
    conversation.refresh_from_db()
    assert conversation.assigned_to is None


def test_needs_no_reply_and_close_take_it_off_the_waiting_list(counsellor, fast_kdf):
    first, second = reader(), reader()
    write(first, "Thanks!")
    write(second, "Bye.")
    counsellor.client.post(staff_page(conversation_of(first), "status"), {"status": "no-reply"})
    counsellor.client.post(staff_page(conversation_of(second), "status"), {"status": "closed"})
    page = counsellor.client.get(INBOX).text
    assert "No conversation is waiting for a reply." in page
    assert conversation_of(first).id in page and conversation_of(second).id not in page
    response = counsellor.client.post(
        staff_page(conversation_of(first), "status"), {"status": "waiting"}
    )
    assert response.status_code == 404
    assert conversation_of(first).status == "no-reply"


def test_a_wrong_or_unknown_conversation_id_is_not_found(counsellor, fast_kdf):
    person = reader()
    write(person, "Hello.")
    for address in (
        "/staff/counsel/" + "0" * 32 + "/",
        "/staff/counsel/../1/",
        "/staff/counsel/x/",
    ):
        assert counsellor.client.get(address).status_code == 404
    unknown = "0" * 32
    for action in ("reply", "note", "status", "hand-over"):
        address = reverse(f"staff-counsel-{action}", args=[unknown])
        data = {"action": "send", "reply": "Hi", "note": "n", "status": "closed", "member": ""}
        assert counsellor.client.post(address, data).status_code == 404
    assert Message.objects.count() == 1


def test_staff_without_the_counsellor_role_find_nothing(make_staff, counsellor, fast_kdf):
    person = reader()
    write(person, "Only for counsellors.")
    conversation = conversation_of(person)
    rita = make_staff("rita", "research")
    researcher = Client()
    rita.sign_in(researcher)
    pages = [INBOX, LOAD, SNIPPETS, staff_page(conversation)]
    for address in pages:
        assert researcher.get(address, follow=True).status_code == 404
    response = researcher.post(
        staff_page(conversation, "reply"), {"action": "send", "reply": "Sneaky"}
    )
    assert response.status_code == 404
    assert "Conversations" not in researcher.get(reverse("staff-team")).text
    anonymous = Client()
    for address in pages:
        response = anonymous.get(address)
        assert response.status_code == 302 and response["Location"] == reverse("staff-login")
    assert Message.objects.count() == 1


def test_a_new_counsellor_without_the_key_sees_days_but_no_words(counsellor, make_staff, fast_kdf):
    person = reader()
    write(person, "Words only key holders read.")
    conversation = conversation_of(person)
    nina = make_staff("nina", "counsel")
    newcomer = Client()
    nina.sign_in(newcomer)
    inbox = newcomer.get(INBOX).text
    assert "You do not hold the counselling team" in inbox and conversation.id in inbox
    page = newcomer.get(staff_page(conversation)).text
    assert "Words only key holders read." not in page
    newcomer.post(staff_page(conversation, "reply"), {"action": "send", "reply": "Hi"})
    newcomer.post(staff_page(conversation, "note"), {"note": "n"})
    assert Message.objects.count() == 1


def test_saved_replies_by_language_start_a_reply(counsellor, fast_kdf, settings):
    settings.WAYMARK_COUNSEL_LANGUAGES = ["en", "fi"]
    client = counsellor.client
    client.post(SNIPPETS, {"language": "en", "title": "Welcome", "text": "Thank you for writing."})
    client.post(SNIPPETS, {"language": "en", "title": "Welcome", "text": "Thank you for writing."})
    client.post(SNIPPETS, {"language": "fi", "title": "Tervetuloa", "text": "Kiitos viestistä."})
    assert Snippet.objects.count() == 2
    person = reader()
    write(person, "Hello.")
    conversation = conversation_of(person)
    page = client.get(staff_page(conversation)).text
    assert "Welcome" in page and "Tervetuloa" not in page
    welcome = Snippet.objects.get(language="en")
    shown = client.post(
        staff_page(conversation, "reply"),
        {"action": "insert", "snippet": welcome.id, "reply": "Hello,"},
    )
    assert shown.status_code == 200
    assert "Hello,\n\nThank you for writing.</textarea>" in shown.text
    assert Message.objects.count() == 1
    client.post(reverse("staff-counsel-snippet-delete", args=[welcome.id]))
    assert "Thank you for writing." not in client.get(SNIPPETS).text


def test_a_saved_reply_needs_a_title_a_text_and_a_counsellor_language(counsellor, fast_kdf):
    page = counsellor.client.post(SNIPPETS, {"language": "xx", "title": "", "text": "Kept"})
    assert page.status_code == 200
    assert "Please choose one of the languages shown." in page.text
    assert "Please give the saved reply a short title." in page.text
    assert "Kept</textarea>" in page.text
    assert not Snippet.objects.exists()


def test_the_load_view_shows_counts_and_days_only(counsellor, fast_kdf):
    first, second = reader(), reader()
    write(first, "Load sentence one.")
    write(second, "Load sentence two.")
    waiting_since(first, 4)
    counsellor.client.post(
        staff_page(conversation_of(second), "reply"), {"action": "send", "reply": "Reply words."}
    )
    page = counsellor.client.get(LOAD).text
    assert "<dt>Conversations waiting for a reply</dt><dd>1</dd>" in page
    assert "4 days" in page
    rows = page.split("<tbody>")[1].split("</tbody>")[0]
    assert rows.count("<tr>") == 8 and rows.endswith("<td>1</td></tr>")
    for words in ("Load sentence", "Reply words"):
        assert words not in page


def test_the_counsellor_pages_take_few_queries(counsellor, fast_kdf, django_assert_num_queries):
    for number in range(3):
        person = reader()
        write(person, f"Message {number}.")
    conversation = conversation_of(person)
    counsellor.client.post(SNIPPETS, {"language": "en", "title": "Hi", "text": "Hello."})
    person.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": "Shared."})
    person.post(reverse("counsel:share"), {"item": "ex5-yourself"})
    assert Share.objects.count() == 1
    for action, data in (("reply", {"action": "send", "reply": "Hi."}), ("note", {"note": "N"})):
        counsellor.client.post(staff_page(conversation, action), data)
    # Session, user, second factor and the two kinds of permission: 5 on every staff page;
    # then each page's own, however many conversations, messages and shares there are.
    pages = ((INBOX, 7), (staff_page(conversation), 10), (LOAD, 7), (SNIPPETS, 6))
    for address, queries in pages:
        with django_assert_num_queries(queries):
            assert counsellor.client.get(address).status_code == 200
