"""Free text is cleaned one way everywhere: no control characters, one kind of newline."""

from django.http import QueryDict
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from waymark.web.text import clean_text


def test_nul_and_other_control_characters_are_dropped_and_tabs_and_newlines_kept():
    assert clean_text("a\x00b\x07c\x1bd\x7fe\x9bf") == "abcdef"
    assert clean_text("one\ttwo\nthree") == "one\ttwo\nthree"


def test_every_kind_of_newline_becomes_one():
    assert clean_text("a\r\nb\rc\x85d\u2028e\u2029f") == "a\nb\nc\nd\ne\nf"


def test_space_around_the_text_is_trimmed_and_letters_of_any_script_kept():
    assert clean_text("  \x00 Hyvää yötä, ¿qué tal? 🙂\r\n") == "Hyvää yötä, ¿qué tal? 🙂"


@given(st.text())
def test_what_is_left_has_no_control_character_and_cleaning_again_changes_nothing(text):
    cleaned = clean_text(text)
    assert not any(
        (ord(ch) < 0x20 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F for ch in cleaned
    )
    assert "\r" not in cleaned
    assert clean_text(cleaned) == cleaned


def test_a_lone_surrogate_sent_by_a_client_arrives_as_a_replacement_character():
    # Why clean_text needs no step for them: Django decodes form data with replacement.
    assert QueryDict("a=x%ED%A0%80y")["a"] == "x\ufffd\ufffd\ufffdy"
    body = b'--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\xed\xa0\x80y\r\n--b--\r\n'
    request = RequestFactory().generic(
        "POST", "/", body, content_type="multipart/form-data; boundary=b"
    )
    assert request.POST["a"] == "x\ufffd\ufffd\ufffdy"
