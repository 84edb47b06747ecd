"""A reader writes to the counsellors from their kept workspace, and what stops them kindly."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import answer
from waymark.counsel.models import Conversation, Message
from waymark.counsel.tests.conftest import HOME, WRITE, conversation_of, reader, write
from waymark.staff.models import TeamKey

pytestmark = pytest.mark.django_db


def rows() -> tuple[int, int]:
    return Conversation.objects.count(), Message.objects.count()


def test_before_the_first_message_the_page_says_who_answers_when_and_what_they_must_do(
    counsellor, fast_kdf, settings
):
    settings.WAYMARK_COUNSEL_REPLY_DAYS = 4
    settings.WAYMARK_COUNSEL_LANGUAGES = ["en", "fi"]
    page = reader().get(HOME).text
    assert "The counsellors of the service that runs this site answer you" in page
    assert "A counsellor replies within 4 working days." in page
    assert "in these languages: English, suomi." in page
    assert "no names, no places" in page
    assert "a specific plan to harm a child who could be identified" in page
    assert "This site stores no address and cannot trace anyone" in page
    assert f'href="{WRITE}"' in page


def test_the_texts_come_in_the_readers_language(counsellor, fast_kdf):
    page = reader().get("/fi/messages/").text
    assert "Sinulle vastaavat tätä sivustoa ylläpitävän palvelun neuvojat" in page


def test_without_a_kept_workspace_a_person_is_told_how_and_nothing_is_stored(counsellor):
    visitor = Client()
    answer(visitor, "answer", "q5-describe", {"value": "unsaved"})
    for response in (visitor.get(HOME), visitor.get(WRITE), write(visitor, "Hello")):
        assert response.status_code == 200
        assert "keep your work with a passphrase first" in response.text
    assert rows() == (0, 0)


def test_before_any_counsellor_holds_a_key_nobody_can_be_written_to(fast_kdf):
    person = reader()
    assert "Nobody can receive messages here yet" in person.get(HOME).text
    assert "Nobody can receive messages here yet" in write(person, "Hello").text
    assert rows() == (0, 0)


def test_without_a_team_key_any_more_the_text_is_kept_and_nothing_is_stored(counsellor, fast_kdf):
    person = reader()
    write(person, "Sent while a key existed.")
    TeamKey.objects.all().delete()
    response = write(person, "Sent after the key went.")
    assert "Nobody can receive messages here at the moment" in response.text
    assert "Sent after the key went." in response.text
    assert rows() == (1, 1)


def test_a_message_is_sent_and_shown_with_its_day_and_the_wait(counsellor, fast_kdf):
    person = reader()
    response = write(person, "I want to stop, and I do not know where to begin.")
    assert response.status_code == 302 and response["Location"] == HOME + "#latest"
    page = person.get(HOME).text
    assert "I do not know where to begin." in page
    assert timezone.now().strftime("%-d %B %Y") in page
    assert "A counsellor replies within 3 working days" in page
    conversation = conversation_of(person)
    assert conversation.status == "waiting"
    assert conversation.waiting_since == timezone.now().date()


def test_an_empty_or_too_long_message_is_shown_again_with_what_was_typed(counsellor, fast_kdf):
    person = reader()
    empty = write(person, "  \x00 ")
    assert empty.status_code == 200 and "Please write your message first." in empty.text
    long = "word " * 900
    too_long = write(person, long)
    assert too_long.status_code == 200
    assert "Please shorten this to 4000 characters or fewer. It has 4499 now." in too_long.text
    assert long.strip()[:200] in too_long.text
    assert rows() == (0, 0)


def test_links_and_identifiers_are_removed_and_the_reader_is_told(counsellor, fast_kdf):
    person = reader()
    write(person, "Write me at anna@example.org or +358 40 123 4567, see example.onion/x")
    page = person.get(HOME).text
    assert "anna@example.org" not in page and "123 4567" not in page
    assert page.count("[removed]") == 3
    assert "was removed before this was stored" in page


def test_crisis_words_bring_the_crisis_help_with_numbers_at_once(counsellor, fast_kdf):
    person = reader()
    person.post(WRITE, {"text": "Some nights I think I should end my life."})
    page = person.get(HOME).text
    assert "If you are thinking of hurting yourself" in page
    assert 'href="tel:116123"' in page
    write(person, "And I am afraid I could hurt a child.")
    page = person.get(HOME).text
    assert "If you fear you might harm a child" in page
    assert "If you are thinking of hurting yourself" not in page


def test_crisis_help_shows_even_when_the_message_must_be_fixed_first(counsellor, fast_kdf):
    response = write(reader(), "haluan kuolla " + "x" * 4000)
    assert "Please shorten this" in response.text
    assert "If you are thinking of hurting yourself" in response.text


def test_sending_twice_or_reloading_stores_the_message_once(counsellor, fast_kdf):
    person = reader()
    for _ in range(3):
        write(person, "The same words, sent again.")
    assert Message.objects.count() == 1
    write(person, "Something new.")
    assert Message.objects.count() == 2


def test_a_day_allows_only_so_many_messages_and_the_next_day_more(
    counsellor, fast_kdf, settings, monkeypatch
):
    settings.WAYMARK_COUNSEL_MESSAGES_PER_DAY = 2
    person = reader()
    write(person, "One.")
    write(person, "Two.")
    refused = write(person, "Three, with my words kept.")
    assert refused.status_code == 200
    assert "You have sent 2 messages today, as many as one day allows." in refused.text
    assert "Three, with my words kept." in refused.text
    assert Message.objects.count() == 2
    assert "You can write again tomorrow" in person.get(HOME).text
    real = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real() + timedelta(days=1))
    assert write(person, "Three, the next day.").status_code == 302
    assert Message.objects.count() == 3


def test_another_workspace_has_its_own_limit_and_its_own_conversation(
    counsellor, fast_kdf, settings
):
    settings.WAYMARK_COUNSEL_MESSAGES_PER_DAY = 1
    first, second = reader(), reader()
    write(first, "From the first person.")
    write(second, "From the second person.")
    assert Conversation.objects.count() == 2
    assert "From the first person." not in second.get(HOME).text


def test_switched_off_every_reader_page_is_not_found(counsellor, fast_kdf, settings):
    person = reader()
    write(person, "Before it was switched off.")
    settings.WAYMARK_COUNSEL_ENABLED = False
    for path in (HOME, WRITE, reverse("counsel:about"), reverse("counsel:shares")):
        assert person.get(path).status_code == 404
    assert write(person, "After.").status_code == 404
    assert "Talk to a person" not in person.get(reverse("workspace:home")).text
    assert Message.objects.count() == 1


def test_the_messages_page_takes_few_queries(counsellor, fast_kdf, django_assert_num_queries):
    person = reader()
    write(person, "A first message.")
    person.get(HOME)
    # Session, conversation with its workspace, the messages, the shares, today's count,
    # the read mark.
    with django_assert_num_queries(6):
        assert person.get(HOME).status_code == 200
