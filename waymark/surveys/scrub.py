"""Removes links, e-mail addresses and onion addresses from free text before it is stored.

The site must never carry a pointer to abuse material, and an e-mail address would identify
a respondent. What is removed is replaced by MARKER. Written to err on the side of removing
too much: "went.to bed" loses "went.to", which costs a word, not a child's safety.
The text is read, and kept, in Unicode compatibility form (NFKC) without invisible characters:
fullwidth letters and dots become ASCII ones, so an address typed on a Japanese keyboard, or
broken up with zero-width spaces, is recognised.

One anonymous submission holds up to 4,000 characters per field, so no pattern may read the
same text over and over: each starts only where a run of its characters starts (a lookbehind
or a word boundary), reads runs possessively (`++`) and has few alternatives to try. Words
joined by dots and "at"s are read whole, once, and judged in Python: no pattern searches back
through them for where an address ends.
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
IPV4 = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b(?::\d++)?(?:/\S*)?")


def normalised(text: str) -> str:
    """The text as a reader sees it: compatibility characters folded, look-alike dots as "."."""
    return unicodedata.normalize("NFKC", text).translate(LOOK_ALIKE_DOTS)


def is_tld(label: str) -> bool:
    # "evil.com-now" still shows "evil.com" to a reader: a hyphen or underscore ends the domain.
    name = re.split("[-_]", label, maxsplit=1)[0].lower()
    return (len(name) == 2 and name.isascii() and name.isalpha()) or name in GENERIC_TLDS


def host_names(text: str) -> Iterator[tuple[int, int]]:
    """Where each host name is: labels joined by dots, a top-level domain after the first."""
    start = 0
    while chain := HOST.search(text, start):
        start = chain.end()
        labels = [label["label"] for label in LABEL.finditer(text, *chain.span())]
        # All of it and its path, not only up to the domain: "evil.com.so" may be either.
        if any(is_tld(label) for label in labels[1:]):
            start = AFTER_ADDRESS.match(text, start).end()
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
                removed_up_to = AFTER_ADDRESS.match(text, ends[-1]).end()
                start = max(start, removed_up_to)
                yield starts[0], removed_up_to


def replaced(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with each span, given in order and apart, replaced by MARKER."""
    pieces, kept_from = [], 0
    for start, end in spans:
        pieces += [text[kept_from:start], MARKER]
        kept_from = end
    pieces.append(text[kept_from:])
    return "".join(pieces)


def scrub(text: str) -> str:
    """The text with every link, e-mail and onion address replaced by MARKER."""
    text = normalised(text)
    for pattern in (SCHEME, ONION_V3, ONION, EMAIL):
        text = pattern.sub(MARKER, text)
    text = replaced(text, spelled_out_emails(text))
    # After the e-mail addresses, so that "anna at host dot com" goes whole.
    text = replaced(text, host_names(text))
    for pattern in (WWW, IPV4):
        text = pattern.sub(MARKER, text)
    return text
