"""Links, addresses, phone numbers and ids typed into a survey never reach the database."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waymark.surveys.definitions import LONG_TEXT_MAX
from waymark.web.scrub import MARKER, scrub

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


@pytest.mark.parametrize(
    "number",
    [
        "+358 40 123 4567",
        "+44 (0)20 7946 0958",
        "+1 (555) 123-4567",
        "+34 612 34 56 78",
        "0044 20 7946 0958",
        "00358401234567",
        "(555) 123-4567",
        "555.123.4567",
        "040 123 4567",
        "040-123 45 67",
        "0401234567",
        "06 12 34 56 78",
        "06.12.34.56.78",
        "612 345 678",
        "030/1234567",
        "020 7946 2019",
        "+49 30 2020 1999",
        "\uff10\uff14\uff10 \uff11\uff12\uff13 \uff14\uff15\uff16\uff17",  # fullwidth digits
    ],
)
def test_a_phone_number_is_removed_however_it_is_written(number):
    assert scrub(f"call me on {number} tonight") == f"call me on {MARKER} tonight"


def test_a_phone_number_in_brackets_goes_with_its_brackets():
    assert scrub("my number (040 123 4567) is new") == f"my number {MARKER} is new"
    assert scrub("tel:+358401234567") == f"tel:{MARKER}"


@pytest.mark.parametrize(
    "text",
    [
        "I did it 3 times in 10 years.",
        "On a scale of 0-10 it was an 8, now 7/10 at most.",
        "In 2021, 1,360 people answered; 50 % of them said yes.",
        "It started on 12.3.2024 and again on 12. 3. 2024, 31-12-2024 and 2024-03-12.",
        "On 12/31/24 3 times, and in 2019 3 times.",
        "I was 13 in 2010-2011 and I am 34 now, 1.80 m and 80 kg.",
        "2-3 hours a day, 5-6 days a week, from 22.00-02.00 or 22:00-02:00.",
        "Between 2015-2020 and 1.1.2020-31.12.2020 it got worse.",
        "2024-03-12 14:30 was the last time.",
        "I saw over 1 000 000 images, maybe 2.500.000 or 10000000.",
        "Call 112 or the helpline 116 111.",
        "Version 2.0 of me, 3.5 hours, 1.2.3.4.5 steps.",
        "Hyvää yötä: 3 kertaa, 10 vuotta, 2021.",
        "Sí, 2 o 3 veces al día, desde 2019.",
    ],
)
def test_ordinary_sentences_with_numbers_are_left_alone(text):
    assert scrub(text) == text


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("kik: anna99, then nothing", f"kik: {MARKER}, then nothing"),
        ("Snap: anna_b.", f"Snap: {MARKER}."),
        ("telegram: @anna", f"telegram: {MARKER}"),
        ("telegram: t.me/anna now", f"telegram: {MARKER} now"),
        ("wickr me: anna.b ok", f"wickr me: {MARKER} ok"),
        ("threema id ABCD1234 ok", f"threema id {MARKER} ok"),
        ("Threema ID: ABCD1234", f"Threema ID: {MARKER}"),
        ("discord: anna#1234 ok", f"discord: {MARKER} ok"),
        ("snapchat username anna_b", f"snapchat username {MARKER}"),
        ("write @anna_99 there", f"write {MARKER} there"),
        ("write @@anna there", f"write {MARKER} there"),
        ("@user:matrix.org", f"{MARKER}:{MARKER}"),
        ("see t.me/anna_b", f"see {MARKER}"),
        ("see telegram.me/joinchat/AbC", f"see {MARKER}"),
        ("see wa.me/358401234567", f"see {MARKER}"),
        ("see signal.me/#eu/abc-DEF_1", f"see {MARKER}"),
        ("see discord.gg/abcd", f"see {MARKER}"),
        (f"session 05{'ab12' * 16} ok", f"session {MARKER} ok"),
    ],
)
def test_a_messenger_handle_id_or_link_is_removed(text, cleaned):
    assert scrub(text) == cleaned


@pytest.mark.parametrize(
    "text",
    [
        "I found it on telegram every night, then on discord.",
        "Signal me when you can; snap me back to reality.",
        "My kik is gone, and so is my old session.",
        "I was @ home, at my worst.",
    ],
)
def test_a_messenger_named_without_an_id_is_left_alone(text):
    assert scrub(text) == text


@pytest.mark.parametrize(
    "address",
    [
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",  # Bitcoin legacy
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",  # Bitcoin P2SH
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",  # Bitcoin bech32
        "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ",
        "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",  # taproot
        "0x52908400098527886E0F7030069857D2E4169EE7",  # Ethereum
        "LaMT348PWRnrqeeWArpwQPbuanpXDZGEUz",  # Litecoin legacy
        "MGxNPPB7eBoWPUaprtX9v9CXJZoD2465zN",  # Litecoin P2SH
        "ltc1qg82v5cz2j9qgx7qkzlp6tx0ez2ef6hsuqdyruu",  # Litecoin bech32
        # Monero
        "4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge",
        "DE89 3704 0044 0532 0130 00",  # IBAN in groups
        "DE89370400440532013000",
        "fi21 1234 5600 0007 85",
        "GB29 NWBK 6016 1331 9268 19",
        "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
    ],
)
def test_a_payment_address_is_removed(address):
    assert scrub(f"send to {address} today") == f"send to {MARKER} today"


def test_words_read_as_a_last_group_of_an_iban_are_given_back():
    assert scrub("BE68 5390 0754 7034 then send") == f"{MARKER} then send"
    assert scrub("AB12 THIS WORD HERE") == "AB12 THIS WORD HERE"


# Ordinary words around an identifier, in the languages Waymark speaks.
ordinary = st.lists(
    st.sampled_from(
        [
            "I",
            "felt",
            "alone,",
            "never",
            "again!",
            "night",
            "help?",
            "it's",
            "kids",
            "stop",
            "Dear",
            "me",
            "yksin",
            "häpeä",
            "aina.",
            "ayuda",
            "noche",
            "sí,",
            "¿por",
            "qué?",
        ]
    ),
    min_size=1,
    max_size=6,
).map(" ".join)


def chars(alphabet: str, size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=size, max_size=size)


def digit_groups(sizes: list[int]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*(chars(string.digits, n) for n in sizes)).map(list)


# National numbers as countries group them: the trunk 0, then the area or mobile code.
national_formats = st.sampled_from(
    [[3, 3, 4], [3, 4, 4], [2, 2, 2, 2, 2], [3, 2, 2, 2], [3, 3, 3], [4, 6], [3, 7], [4, 3, 3]]
)


@st.composite
def phone_numbers(draw) -> str:
    how = draw(st.sampled_from(["national", "brackets", "plus", "double zero", "us"]))
    if how == "us":
        # North American numbers have no trunk 0: (NXX) NXX-XXXX.
        area, exchange, line = draw(digit_groups([2, 3, 4]))
        return f"({draw(st.sampled_from('23456789'))}{area}) {exchange}-{line}"
    first, *rest = draw(national_formats.flatmap(digit_groups))
    separator = draw(st.sampled_from([" ", "-", ".", "", " - ", "/"]))
    if how == "national":
        return separator.join(["0" + first[1:], *rest])
    if how == "brackets":
        return f"(0{first[1:]}) " + separator.join(rest)
    # Written from abroad: a country code instead of the trunk 0.
    prefix = "+" if how == "plus" else "00"
    return f"{prefix}{draw(st.integers(1, 998))} " + separator.join([first[1:] or "9", *rest])


handles = st.from_regex(r"[a-z][a-z0-9_]{2,19}", fullmatch=True)
hex_digits = "0123456789abcdef"
base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
bech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


# Each (what stays, the identifier): a messenger's name stays, the id after it goes.
messenger_ids = st.one_of(
    st.tuples(st.sampled_from(["kik: ", "snap: ", "telegram: ", "Kik:", "wickr me: "]), handles),
    st.tuples(st.just("telegram: "), handles.map("@{}".format)),
    st.tuples(st.just("threema id "), st.from_regex(r"[A-Z0-9]{8}", fullmatch=True)),
    st.tuples(st.just(""), handles.map("@{}".format)),
    st.tuples(st.just(""), handles.map("t.me/{}".format)),
    st.tuples(st.just(""), handles.map("telegram.me/{}".format)),
    st.tuples(st.just(""), st.from_regex(r"wa\.me/[1-9][0-9]{7,13}", fullmatch=True)),
    st.tuples(st.just(""), st.from_regex(r"signal\.me/#eu/[A-Za-z0-9_-]{10,40}", fullmatch=True)),
    st.tuples(st.just(""), st.from_regex(r"discord\.gg/[A-Za-z0-9]{2,10}", fullmatch=True)),
    st.tuples(st.just(""), chars(hex_digits, 64).map("05{}".format)),
)
payment_addresses = st.one_of(
    st.tuples(st.sampled_from("13"), st.integers(25, 33).flatmap(lambda n: chars(base58, n))),
    st.tuples(st.just("bc1q"), chars(bech32, 38)),
    st.tuples(st.just("bc1p"), chars(bech32, 58)),
    st.tuples(st.just("0x"), chars(hex_digits + "ABCDEF", 40)),
    st.tuples(st.just("4"), st.sampled_from("123456789AB"), chars(base58, 93)),
    st.tuples(st.just("8"), chars(base58, 94)),
    st.tuples(st.sampled_from("LM"), chars(base58, 33)),
    st.tuples(st.just("ltc1q"), chars(bech32, 38)),
).map("".join)


@st.composite
def ibans(draw) -> str:
    country = draw(st.from_regex(r"[A-Z]{2}", fullmatch=True))
    bank = draw(st.sampled_from(["", "NWBK", "ABNA", "MALT"]))
    size = draw(st.integers(11 - len(bank), 30 - len(bank)))
    iban = f"{country}{draw(chars(string.digits, 2))}{bank}{draw(chars(string.digits, size))}"
    if draw(st.booleans()):
        iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


@given(
    ordinary,
    messenger_ids | (phone_numbers() | payment_addresses | ibans()).map(lambda i: ("", i)),
    ordinary,
)
def test_any_identifier_inside_ordinary_words_is_removed_and_the_words_survive(
    before, identifier, after
):
    kept, removed = identifier
    assert scrub(f"{before} {kept}{removed} {after}") == f"{before} {kept}{MARKER} {after}"


@given(st.lists(phone_numbers() | payment_addresses | ibans(), min_size=1, max_size=5))
def test_identifiers_one_after_another_are_all_removed(identifiers):
    cleaned = scrub(", ".join(identifiers))
    assert cleaned == ", ".join([MARKER] * len(identifiers))


@given(st.text(alphabet="0123456789 +-./:()@#_abcdikmotx", max_size=120))
def test_scrubbing_digits_and_signs_twice_changes_nothing_more(text):
    once = scrub(text)
    assert scrub(once) == once
