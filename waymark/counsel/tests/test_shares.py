"""A reader shows the counsellors chosen parts of their work: explicit, listed, withdrawable."""

import pytest
from django.urls import reverse

from waymark.counsel.models import Message, Share
from waymark.counsel.tests.conftest import conversation_of, reader, staff_page, write
from waymark.diary.tests.helpers import NEW as NEW_DIARY_ENTRY
from waymark.diary.tests.helpers import entry_form

pytestmark = pytest.mark.django_db
SHARES = reverse("counsel:shares")
SHARE = reverse("counsel:share")
WITHDRAW = reverse("counsel:withdraw")


def answer_exercise(person, text: str) -> None:
    person.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": text})


def test_nothing_is_shared_until_the_reader_chooses_it(counsellor, fast_kdf):
    person = reader()
    answer_exercise(person, "Private words about myself.")
    write(person, "Hello.")
    page = person.get(SHARES).text
    assert "Exercise 5: Yourself" in page and "Not shared" in page
    assert not Share.objects.exists()
    assert (
        "Private words about myself."
        not in counsellor.client.get(staff_page(conversation_of(person))).text
    )


def test_an_exercise_is_shared_as_a_copy_of_that_day_and_shared_again_to_update(
    counsellor, fast_kdf
):
    person = reader()
    answer_exercise(person, "The first version.")
    write(person, "Hello.")
    assert person.post(SHARE, {"item": "ex5-yourself"}).status_code == 302
    assert "A copy from" in person.get(SHARES).text
    conversation = conversation_of(person)
    assert "The first version." in counsellor.client.get(staff_page(conversation)).text
    answer_exercise(person, "The second version.")
    page = counsellor.client.get(staff_page(conversation)).text
    assert "The first version." in page and "The second version." not in page
    person.post(SHARE, {"item": "ex5-yourself"})
    person.post(SHARE, {"item": "ex5-yourself"})
    assert Share.objects.count() == 1
    page = counsellor.client.get(staff_page(conversation)).text
    assert "The second version." in page and "The first version." not in page


def test_the_summary_form_and_the_diary_patterns_can_be_shared(counsellor, fast_kdf):
    person = reader()
    answer_exercise(person, "Gathered into the summary.")
    person.post("/en/exercise/summary-form/answer/", {"qsum-changefirst": "Sleep earlier."})
    person.post(NEW_DIARY_ENTRY, entry_form(person))
    write(person, "Hello.")
    for item in ("summary-form", "diary-patterns"):
        person.post(SHARE, {"item": item})
    page = counsellor.client.get(staff_page(conversation_of(person))).text
    assert "Summary Form" in page
    assert "Exercise 5: Yourself. " in page and "Gathered into the summary." in page
    assert "Sleep earlier." in page
    assert "Urge diary: your patterns" in page
    assert "Alone at home — Entries: 1" in page
    # The patterns, not the entries themselves.
    assert "Just this once" not in page


def test_a_withdrawn_copy_is_deleted(counsellor, fast_kdf):
    person = reader()
    answer_exercise(person, "Shown, then taken back.")
    write(person, "Hello.")
    person.post(SHARE, {"item": "ex5-yourself"})
    share = Share.objects.get()
    assert person.post(WITHDRAW, {"share": share.id}).status_code == 302
    assert not Share.objects.exists()
    page = counsellor.client.get(staff_page(conversation_of(person))).text
    assert "Shown, then taken back." not in page
    assert "The person has shared nothing." in page


def test_another_persons_share_or_an_unknown_item_is_not_found(counsellor, fast_kdf):
    owner, other = reader(), reader()
    for person in (owner, other):
        answer_exercise(person, "Mine.")
        write(person, "Hello.")
    owner.post(SHARE, {"item": "ex5-yourself"})
    share = Share.objects.get()
    assert other.post(WITHDRAW, {"share": share.id}).status_code == 404
    for made_up in ("x" * 5000, "\x00", share.id.upper()):
        assert other.post(WITHDRAW, {"share": made_up}).status_code == 404
    for item in ("ex6-relationships", "no-such-item", ""):
        assert other.post(SHARE, {"item": item}).status_code == 404
    assert list(Share.objects.all()) == [share]


def test_sharing_needs_a_conversation_first(counsellor, fast_kdf):
    person = reader()
    answer_exercise(person, "Not yet.")
    assert person.get(SHARES)["Location"] == reverse("counsel:home")
    assert person.post(SHARE, {"item": "ex5-yourself"}).status_code == 302
    assert not Share.objects.exists() and not Message.objects.exists()


def test_the_share_page_takes_few_queries(counsellor, fast_kdf, django_assert_num_queries):
    person = reader()
    answer_exercise(person, "Counted.")
    person.post(NEW_DIARY_ENTRY, entry_form(person))
    write(person, "Hello.")
    for item in ("ex5-yourself", "diary-patterns"):
        person.post(SHARE, {"item": item})
    # Session, conversation, its shares, then the person's answers, diary entries and
    # check-ins that the shareable items are made from.
    with django_assert_num_queries(6):
        assert person.get(SHARES).status_code == 200
