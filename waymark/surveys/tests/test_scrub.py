"""Links, e-mail and onion addresses typed into a survey never reach the database."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waymark.surveys.definitions import LONG_TEXT_MAX
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


@pytest.mark.parametrize(
    "address",
    [
        "somesite.xxx/abc",
        "site.porn",
        "example.sex",
        "foo.cam/bar",
        "abc.moe/x",
        "pics.adult",
        "my.shop",
        "the.store/x",
        "a.blog",
        "b.cloud",
        "c.art",
        "d.tech",
        "e.world",
        "f.today",
        "g.news",
        "h.media",
        "i.one",
        "j.zip",
        "k.mov",
    ],
)
def test_a_link_to_an_adult_or_a_new_top_level_domain_is_removed(address):
    assert scrub(f"see {address} now") == f"see {MARKER} now"


@pytest.mark.parametrize("address", ["goo.gl/abc", "x.cx/abc", "short.ly", "a.qq"])
def test_a_link_to_any_two_letter_country_code_is_removed(address):
    assert scrub(f"see {address} now") == f"see {MARKER} now"


@pytest.mark.parametrize(
    "address",
    [
        "evil\uff0ecom/x",  # fullwidth full stop
        "evil\u3002com",  # ideographic full stop
        "evil\uff61com",  # halfwidth ideographic full stop
        "abcdefghijklmnop\uff0eonion",
        "anna\uff20example\uff0ecom",  # fullwidth commercial at
        "\uff45\uff56\uff49\uff4c.com",  # fullwidth letters
        "evil\u200b.com/x",  # a zero-width space inside
        "ev\u00adil.\u200dcom",  # a soft hyphen and a zero-width joiner
    ],
)
def test_an_address_typed_with_look_alike_characters_is_removed(address):
    assert scrub(f"see {address} now") == f"see {MARKER} now"


def test_text_is_kept_with_fullwidth_characters_made_plain():
    assert scrub("\uff28\uff45\uff4c\uff50 me") == "Help me"


@pytest.mark.parametrize("address", ["bücher.de", "müller@bücher.de", "пример.com"])
def test_an_address_with_letters_of_another_script_is_removed(address):
    assert scrub(f"see {address} now") == f"see {MARKER} now"


def test_a_path_after_an_address_written_after_at_goes_with_it():
    assert "videos" not in scrub("look at evil.xxx/videos/1 there")


@pytest.mark.parametrize(
    "text",
    [
        "I feel at home at night. Then at work it starts again.",
        "I stopped. No more. Help me, please.",
        "e.g. this, i.e. that, 3.5 hours",
        "Responsibilities matter to me.",
        "I went to bed at 11. Then I woke up.",
        "It was 3.5 hours",
        "e.g. at night",
        "at 5 a.m. and again at 10 p.m.",
        "the U.S. and the U.K.",
        "I waited...so long. Version 2.0 of me.",
        "Dot and I talked at 9.",
        "Kiitos. Se auttoi.",
        "Sí, me ayudó.Así que sigo.",
    ],
)
def test_ordinary_sentences_are_left_alone(text):
    assert scrub(text) == text


@pytest.mark.parametrize(
    "piece", ["a.", "a-a.", "a", "a@", "a dot ", "a at b dot ", "-", ".", "x" * 56]
)
def test_a_long_answer_that_only_looks_like_addresses_is_kept(piece):
    text = (piece * LONG_TEXT_MAX)[:LONG_TEXT_MAX]
    assert scrub(text) == text


words = st.text(alphabet=string.ascii_letters + " ,!?'", max_size=40)
labels = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=12)
tlds = st.sampled_from(["com", "org", "net", "onion", "ru", "io", "to", "xxx", "porn", "moe"])
country_codes = st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=2)
dots = st.sampled_from([".", "\uff0e", "\u3002", "\uff61"])


@given(words, labels, labels, tlds | country_codes, dots, words)
def test_any_address_inside_any_text_is_gone(before, name, host, tld, dot, after):
    for address in [
        f"https://{host}{dot}{tld}/{name}",
        f"{name}@{host}{dot}{tld}",
        f"www{dot}{host}{dot}{tld}",
        f"{host}{dot}{tld}",
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
