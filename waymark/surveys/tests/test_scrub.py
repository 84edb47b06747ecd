"""Links, e-mail and onion addresses typed into a survey never reach the database."""

import string

from hypothesis import given
from hypothesis import strategies as st

from waymark.surveys.scrub import MARKER, scrub

ONION_V3 = "vww6ybal4bd7szmgncyruucpgfkqahzddi37ktceo3ah7ngmcopnpyyd"


def test_links_with_and_without_a_scheme_are_removed():
    assert scrub("see https://example.com/a?b=1 now") == f"see {MARKER} now"
    assert scrub("try www.example.org") == f"try {MARKER}"
    assert scrub("it was on example.net/page") == f"it was on {MARKER}"
    assert scrub("hxxp : // disguised") == f"{MARKER} disguised"
    assert scrub("at 10.0.0.1:8080/x") == f"at {MARKER}"


def test_onion_addresses_are_removed_however_they_are_written():
    for text in [
        f"{ONION_V3}.onion",
        f"http://{ONION_V3}.onion/path",
        f"{ONION_V3} dot onion",
        f"{ONION_V3}[dot]onion",
        f"{ONION_V3}",
        "abcdefghijklmnop.onion",
        "abcdefghijklmnop (dot) onion",
    ]:
        assert scrub(f"go to {text} please") == f"go to {MARKER} please", text


def test_e_mail_addresses_are_removed_also_when_spelled_out():
    assert scrub("mail anna.b@example.com") == f"mail {MARKER}"
    assert scrub("anna dot b at gmail dot com") == MARKER
    assert scrub("anna [at] mail [dot] ru") == MARKER


def test_ordinary_sentences_are_left_alone():
    for text in [
        "I feel at home at night. Then at work it starts again.",
        "I stopped. No more. Help me, please.",
        "e.g. this, i.e. that, 3.5 hours",
        "Responsibilities matter to me.",
    ]:
        assert scrub(text) == text


words = st.text(alphabet=string.ascii_letters + " ,!?'", max_size=40)
labels = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=12)
tlds = st.sampled_from(["com", "org", "net", "onion", "ru", "io", "to"])


@given(words, labels, labels, tlds, words)
def test_any_address_inside_any_text_is_gone(before, name, host, tld, after):
    for address in [
        f"https://{host}.{tld}/{name}",
        f"{name}@{host}.{tld}",
        f"www.{host}.{tld}",
        f"{host}.{tld}",
    ]:
        cleaned = scrub(f"{before} {address} {after}")
        assert f"{host}.{tld}" not in cleaned
        assert MARKER in cleaned


@given(st.text(alphabet=string.ascii_lowercase + "234567", min_size=56, max_size=56), words)
def test_any_v3_onion_name_is_gone(name, text):
    assert name not in scrub(f"{text} {name}.onion {text}")


@given(st.text(max_size=200))
def test_scrubbing_twice_changes_nothing_more(text):
    once = scrub(text)
    assert scrub(once) == once
