"""Removes links, addresses, phone numbers and ids from free text before it is stored.

The site must never carry a pointer to abuse material, nor a way to reach or identify a
respondent. What is removed is replaced by MARKER. Written to err on the side of removing too
much: "went.to bed" loses "went.to", which costs a word, not a child's safety.
The text is read, and kept, in Unicode compatibility form (NFKC) without invisible characters:
fullwidth letters, digits and dots become ASCII ones, so an address typed on a Japanese
keyboard, or broken up with zero-width spaces, is recognised.

What is removed:
- links, with or without a scheme, to any two-letter or common top-level domain (so also
  "t.me/name", "wa.me/number", "signal.me/#...", "discord.gg/code"); IPv4 addresses;
- e-mail and onion addresses, also spelled out ("anna at host dot com");
- "@name"; the id after a messenger's name and a colon or an id word ("kik: name",
  "snap: name", "wickr me: name", "threema id ABCD1234"; the messenger's name stays, as
  "on telegram every night" is how people name the app); Session ids (05 and 64 hex digits);
- payment addresses: Bitcoin (1..., 3..., bc1...), Litecoin (L..., M..., ltc1...), Ethereum
  (0x and 40 hex digits), Monero (95 or 106 characters starting with 4 or 8), IBANs (a country
  code, two check digits, letters and digits grouped by four or not, 15 characters or more);
- phone numbers, and any other long number (an account, a case, an id): a run of digits
  joined by single spaces, dots, dashes, slashes, colons or brackets, with or without a leading
  "+" or "00", that holds 7 digits or more ("+358 40 123 4567", "(555) 123-4567", "0401234567").
  The digits of dates, times, years and round numbers ("12.3.2024", "2024-03-12", "22.00-02.00",
  "2015-2020", "1 000 000") do not count when they start the run ("in 2019 150 times") or when
  no other group in it has three digits ("I was 15 2010-2015"); "040 123 2019" goes. In a run
  that starts with "+" every digit counts: phone numbers are written that way, dates are not.
  Ordinary numbers stay: "3 times", "10 years", "0-10", "1,360", "50 %", "2-3 hours a day".
  Seven small numbers with only spaces between them ("1 2 3 4 5 6 7") are taken for one.

What cannot be recognised: an identifier spelled out in words ("oh four oh, one two three"),
broken up by words or commas ("040 123, then 4567"), or a user name with nothing that marks it as
one ("my kik is anna99", "anna99 on snap"); a phone number shorter than 7 digits; a payment
address of another kind.

One anonymous submission holds up to 4,000 characters per field, so no pattern may read the
same text over and over: each starts only where a run of its characters starts (a lookbehind
or a word boundary), reads runs possessively (`++`) and has few alternatives to try. Words
joined by dots and "at"s, and runs of digits, are read whole, once, and judged in Python: no
pattern searches back through them for where an address ends (bench/scrub.py).
Pure: tests call `scrub` directly.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import pairwise

MARKER = "[removed]"

# NFKC already turns the fullwidth full stop (U+FF0E) into "." and the halfwidth ideographic
# one (U+FF61) into the ideographic one (U+3002), which it leaves alone.
# Invisible characters typed inside an address to break it up ("evil\u200b.com") are dropped:
# zero-width spaces and joiners, the word joiner, the soft hyphen, the byte-order mark.
LOOK_ALIKE_DOTS = str.maketrans(
    {"\u3002": ".", "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None}
    | {"\u00ad": None, "\ufeff": None}
)

# Any two-letter label is taken for a country code (.to, .gl, .cx, ...). These are the longer
# top-level domains a pasted link is likely to end in.
GENERIC_TLDS = frozenset(
    # The original ones, and the old generic ones that are easy to recognise.
    {"com", "net", "org", "info", "biz", "edu", "gov", "mil", "int"}
    | {"mobi", "name", "pro", "tel", "asia", "cat", "coop", "jobs", "travel"}
    | {"aero", "museum", "xyz", "top", "club", "site", "online", "website", "link"}
    | {"app", "dev", "page", "live", "vip", "win", "lol", "fun", "space"}
    # New generic ones registered most, cheaply or for abuse.
    | {"shop", "store", "blog", "cloud", "art", "tech", "world", "today", "news"}
    | {"media", "one", "zip", "mov", "life", "work", "email", "host", "ltd"}
    | {"icu", "buzz", "click", "quest", "bond", "cyou", "sbs", "cfd", "rest"}
    | {"monster", "group", "chat", "social", "fans", "digital", "network"}
    # For adults, children and sharing pictures or video: where abuse material is offered.
    | {"xxx", "porn", "sex", "sexy", "adult", "cam", "webcam", "dating", "gay", "moe"}
    | {"kids", "baby", "photo", "photos", "pics", "gallery", "video", "stream", "download", "tube"}
    # Outside the public root: Tor, I2P, Namecoin, Lokinet.
    | {"onion", "i2p", "bit", "loki"}
)

BRACKETED_DOT = r"\s*+[\[\(\{<]\s*+(?:dot|\.)\s*+[\]\)\}>]\s*+"
# Inside an address a dot has no space around it unless it is spelled out: "late. Then" is a
# sentence, "host dot com" is not, nor is "host dot dot com". (One "dot" more at most: a start
# in a long run of them must not read the whole run again.)
DOT = rf"(?:\.|{BRACKETED_DOT}|\s++dot(?:\s++dot\b)?\s++)"
# Around an onion name any dot will do: "name . onion" cannot be a sentence.
ONION_DOT = rf"(?:\s*+\.\s*+|{BRACKETED_DOT}|\s++dot\s++)"
# "at" written any way, "at at" too.
AT = r"(?:\s*+@\s*+|\s*+[\[\(\{<]\s*+(?:at|@)\s*+[\]\)\}>]\s*+|\s++at(?:\s++at\b)?\s++)"
# What may follow an address and still point somewhere: a port, a path, a query.
PATH = r"(?:[/:?#]\S*)?"

# Anything with a scheme: http://, https://, ftp://, ... and hxxp:// style disguises.
SCHEME = re.compile(r"\b[a-z][a-z0-9+.-]{1,15}\s*+:\s*+/\s*+/\S*", re.IGNORECASE)
# A v3 onion address even without ".onion" (56 base32 characters are never a word).
ONION_V3 = re.compile(rf"\b[a-z2-7]{{56}}\b(?:{ONION_DOT}onion\b)?\S*", re.IGNORECASE)
# Onion names written with any kind of dot.
ONION = re.compile(rf"\b[a-z2-7]{{16,56}}{ONION_DOT}onion\b\S*", re.IGNORECASE)
# Plain e-mail addresses, before the spelled-out ones, so that those cannot split one. Names
# and labels in any script: "müller@bücher.de".
EMAIL = re.compile(rf"(?<![\w.%+-])[\w.%+-]++@[\w-]++(?:\.[\w-]++)++{PATH}", re.IGNORECASE)
# Words joined by dots and "at"s, however written: "first dot last [at] host [dot] com".
WORDS = re.compile(rf"(?<![\w%+-])[\w%+-]++(?:(?:{DOT}|{AT})[\w%+-]++)++", re.IGNORECASE)
# Each word of those, and the "at" after it, if one follows; a joiner only before a word, as there.
WORD_AND_AT = re.compile(
    rf"(?P<word>[\w%+-]++)(?:(?:(?P<at>{AT})|{DOT})(?=[\w%+-]))?", re.IGNORECASE
)
# What ends an e-mail domain: letters of any script, up to the end of a word ("com", not "co2").
EMAIL_TLD = re.compile(r"[^\W\d_]{2,}\b")
# Labels in any script joined by dots, however written: "www.example.com", "host [dot] com",
# "bücher.de".
HOST = re.compile(rf"(?<![\w-])[\w-]++(?:{DOT}[\w-]++)++", re.IGNORECASE)
LABEL = re.compile(rf"(?P<label>[\w-]++)(?:{DOT}(?=[\w-]))?", re.IGNORECASE)
AFTER_ADDRESS = re.compile(PATH)
# www. anything (after host names, so "www dot site dot com" goes whole).
WWW = re.compile(rf"\bwww\d{{0,3}}{DOT}\S+", re.IGNORECASE)
# Bare IPv4 addresses, with an optional port and path.
IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\d|\.\d)(?::\d++)?(?:/\S*)?")

# A user name as messengers write them: "anna_b", "anna.b99", "name#1234", "user:server",
# "user@server".
HANDLE = r"\w++(?:[.:#@-]++\w++)*+"
# "@name": after the e-mail addresses, which have a name before the "@" ("anna@host" is kept
# as a name and a word). A digit before it is no name: "0401234567@anna".
AT_HANDLE = re.compile(rf"(?<![^\W\d]|@)@++{HANDLE}")
# Messengers (and their short names) whose ids people pass on as "kik: name".
MESSENGERS = (
    r"telegram|tg|whatsapp|wa|signal|snapchat|snap|sc|kik|wickr(?:\s*+me)?|threema|discord"
    "|instagram|insta|ig|tiktok|skype|wechat|viber|icq|jabber|xmpp|tox|briar|teleguard|simplex"
    "|reddit|twitter|facebook|fb"
)
# The messenger's name, then an id word ("threema id ABCD1234", "wickr me: name") or a colon
# ("kik: name"): a name alone is how people mention the app ("on telegram every night"),
# so only what is marked as an id goes. The name is kept, its id removed.
MESSENGER_ID = re.compile(
    rf"\b(?:{MESSENGERS})"
    r"(?:\s*+(?:id|user\s*+name|username|handle|nick(?:name)?|number)\b(?:\s*+[:=])?"
    r"|\s*+[:=])"
    rf"\s*+(?P<id>@?{HANDLE})",
    re.IGNORECASE,
)
# A Session messenger id: 66 hex characters starting with 05.
SESSION_ID = re.compile(r"\b05[0-9a-f]{64}\b", re.IGNORECASE)

BASE58 = "[1-9A-HJ-NP-Za-km-z]"
COIN_ADDRESS = re.compile(
    # Bitcoin and Litecoin in bech32 ("bc1q...", "ltc1q...", testnet "tb1...").
    r"\b(?i:(?:bc|tb|ltc)1[ac-hj-np-z02-9]{8,87})\b"
    # Ethereum (and the coins that use its addresses): 0x and 40 hex digits.
    r"|\b0[xX][0-9a-fA-F]{40}\b"
    # Bitcoin legacy (1...) and P2SH (3...), Litecoin legacy (L..., M...).
    rf"|\b[13LM]{BASE58}{{25,34}}\b"
    # Monero: 95 characters starting with 4 (or 8 for a subaddress); 106 when integrated.
    rf"|\b[48]{BASE58}{{94}}(?:{BASE58}{{11}})?\b"
)
# An IBAN: a country code, two check digits and up to 30 letters and digits, written in
# groups of four or not at all. What follows one may be read as a last group ("then"):
# groups without a digit at the end are given back (see `ibans`).
IBAN = re.compile(
    r"\b[A-Z]{2}\d\d(?P<groups>(?:[ \t]?[A-Z0-9]{4}){2,7}+(?:[ \t]?[A-Z0-9]{1,3})?+)",
    re.IGNORECASE,
)
IBAN_GROUP = re.compile(r"[ \t]?[A-Z0-9]{1,4}", re.IGNORECASE)
IBAN_SHORTEST = 15

# Phone numbers. Between two groups of digits: one separator at most, a space on either side.
PHONE_GAP = r"[ \t]?+(?:[-./:\u2010-\u2015\u2212]|\)[-.]?|\(|)[ \t]?+"
PHONE_RUN = re.compile(rf"(?<!\d)(?:\+[ \t]?\(?|\(\+?)?\d++(?:{PHONE_GAP}\d++)*+")
PHONE_DIGITS = 7
YEAR = r"(?:1[89]|20)\d\d"
DAY_OR_MONTH = r"[0-3]?\d"


def whole_piece(pattern: str) -> re.Pattern:
    """The pattern as a whole piece of a run: "06.12.34.56.78" holds no date and no time."""
    return re.compile(rf"(?<![\d.:/])(?:{pattern})(?![\d:/]|\.\d)")


# Dates, times, years and round numbers: "12.3.2024", "12. 3. 2024", "12/31/24", "31-12-2024",
# "2024-03-12", "22.00", "14:30", "2015", "1 000 000", "2.500.000", "10000000". A two-digit
# year only after a dot or a slash, which no piece may follow: "04-12-30" is part of a number.
NOT_PHONE = whole_piece(
    rf"{DAY_OR_MONTH}(?P<sep>[./]|\.[ \t]){DAY_OR_MONTH}(?P=sep)(?:{YEAR}|\d\d)"
    rf"|{DAY_OR_MONTH}-{DAY_OR_MONTH}-{YEAR}"
    rf"|{YEAR}(?P<iso>[-./]){DAY_OR_MONTH}(?P=iso){DAY_OR_MONTH}"
    r"|[0-2]?\d[.:][0-5]\d"
    rf"|{YEAR}|[1-9]\d?(?:[ .]\d00)?(?:[ .]000)++|[1-9]\d?0{{5,}}"
)
LONG_PIECE = re.compile(r"\d{3}")


def normalised(text: str) -> str:
    """The text as a reader sees it: compatibility characters folded, look-alike dots as "."."""
    return unicodedata.normalize("NFKC", text).translate(LOOK_ALIKE_DOTS)


def is_tld(label: str) -> bool:
    # "evil.com-now" still shows "evil.com" to a reader: a hyphen or underscore ends the domain.
    name = re.split("[-_]", label, maxsplit=1)[0].lower()
    return (len(name) == 2 and name.isascii() and name.isalpha()) or name in GENERIC_TLDS


def _address_end(text: str, at: int) -> int:
    """Where an address that reaches `at` ends: after its path, if it has one."""
    path = AFTER_ADDRESS.match(text, at)
    return path.end() if path else at


def host_names(text: str) -> Iterator[tuple[int, int]]:
    """Where each host name is: labels joined by dots, a top-level domain after the first."""
    start = 0
    while chain := HOST.search(text, start):
        start = chain.end()
        labels = [label["label"] for label in LABEL.finditer(text, *chain.span())]
        # All of it and its path, not only up to the domain: "evil.com.so" may be either.
        if any(is_tld(label) for label in labels[1:]):
            start = _address_end(text, start)
            yield chain.start(), start


def spelled_out_emails(text: str) -> Iterator[tuple[int, int]]:
    """Where each e-mail address is: a name, an "at", a domain ending in a label of letters."""
    start = 0
    while chain := WORDS.search(text, start):
        # The words between one "at" and the next: the domain of one, the name of the next.
        runs: list[list[tuple[int, int]]] = [[]]
        for word in WORD_AND_AT.finditer(text, *chain.span()):
            runs[-1].append(word.span("word"))
            if word["at"]:
                runs.append([])
        start = chain.end()
        removed_up_to = chain.start()
        for name, domain in pairwise(runs):
            starts = [begin for begin, _ in name if begin >= removed_up_to]
            ends = [end for begin, end in domain[1:] if EMAIL_TLD.match(text, begin)]
            if starts and ends:
                # "look at evil.com/videos" reads as an e-mail too: its path goes with it.
                removed_up_to = _address_end(text, ends[-1])
                start = max(start, removed_up_to)
                yield starts[0], removed_up_to


def digit_count(text: str) -> int:
    return sum(ch.isdecimal() for ch in text)


def ibans(text: str) -> Iterator[tuple[int, int]]:
    """Where each IBAN is: as long as the shortest one, words read after it given back."""
    for match in IBAN.finditer(text):
        groups = list(IBAN_GROUP.finditer(text, *match.span("groups")))
        while groups and not digit_count(groups[-1][0]):
            groups.pop()
        end = groups[-1].end() if groups else match.start("groups")
        if len("".join(text[match.start() : end].split())) >= IBAN_SHORTEST:
            yield match.start(), end


def phone_digits(run: str) -> int:
    """How many digits of a run may be a phone number's (see the module's docstring)."""
    if "+" in run:
        return digit_count(run)
    leading = 0
    for piece in NOT_PHONE.finditer(run):
        if digit_count(run[leading : piece.start()]):
            break
        leading = piece.end()
    rest = run[leading:]
    others = NOT_PHONE.sub(" ", rest)
    # "15 2010-2015" is an age and years; "040 123 2019" is a phone number.
    return digit_count(rest if LONG_PIECE.search(others) else others)


def phone_numbers(text: str) -> Iterator[tuple[int, int]]:
    for run in PHONE_RUN.finditer(text):
        # An IPv4 address is left whole for IPV4, which takes its port and path too.
        if phone_digits(run[0]) >= PHONE_DIGITS and not IPV4.fullmatch(run[0]):
            # "(040 123 4567)": the closing bracket goes with the opening one.
            closes = run[0].count("(") > run[0].count(")") and text.startswith(")", run.end())
            yield run.start(), run.end() + closes


def messenger_ids(text: str) -> Iterator[tuple[int, int]]:
    for match in MESSENGER_ID.finditer(text):
        yield match.span("id")


def replaced(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with each span, given in order and apart, replaced by MARKER."""
    pieces, kept_from = [], 0
    for start, end in spans:
        pieces += [text[kept_from:start], MARKER]
        kept_from = end
    pieces.append(text[kept_from:])
    return "".join(pieces)


def scrub(text: str) -> str:
    """The text with every link, address, phone number and id replaced by MARKER."""
    text = normalised(text)
    for pattern in (SCHEME, ONION_V3, ONION, EMAIL):
        text = pattern.sub(MARKER, text)
    text = replaced(text, spelled_out_emails(text))
    # After the e-mail addresses, so that "anna at host dot com" goes whole; "t.me/name",
    # "wa.me/number", "discord.gg/code" and "signal.me/#..." go here as any link does.
    text = WWW.sub(MARKER, replaced(text, host_names(text)))
    # After the links, so that "telegram: t.me/name" goes whole.
    text = replaced(text, messenger_ids(text))
    for pattern in (AT_HANDLE, SESSION_ID, COIN_ADDRESS):
        text = pattern.sub(MARKER, text)
    text = replaced(text, ibans(text))
    # Once the digits of every address above are gone, each run of numbers is judged whole:
    # before IPV4, which would take "23.45.67.89" out of "(01) 23.45.67.89".
    text = replaced(text, phone_numbers(text))
    return IPV4.sub(MARKER, text)
