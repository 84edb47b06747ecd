"""Removes links, e-mail addresses and onion addresses from free text before it is stored.

The site must never carry a pointer to abuse material, and an e-mail address would identify
a respondent. What is removed is replaced by MARKER. Written to err on the side of removing
too much: "went.to bed" loses "went.to", which costs a word, not a child's safety.
Pure: tests call `scrub` directly.
"""

import re

MARKER = "[removed]"

# Top-level domains common in links people paste. ".onion" is handled on its own as well.
TLDS = (
    "com|net|org|info|biz|io|co|me|tv|cc|to|ws|su|ru|de|uk|nl|fr|es|it|pl|se|no|fi|dk|ch|at|be|"
    "cz|ua|by|kz|jp|cn|kr|in|br|ar|mx|ca|us|au|nz|eu|xyz|top|club|site|online|link|app|dev|page|"
    "live|pw|tk|ml|ga|cf|gq|is|li|ly|gg|im|sh|ai|vip|win|onion|i2p|bit|lol|fun|space|website"
)
DOT = r"(?:\s*\.\s*|\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|\s+dot\s+|\s*\bdot\b\s*)"
# Inside an address a dot has no space around it unless it is spelled out: "late. Then"
# is a sentence, "host dot com" is not.
TIGHT_DOT = r"(?:\.|\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|\s+dot\s+)"
AT = r"(?:\s*@\s*|\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*|\s+at\s+)"
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"

PATTERNS = [
    # Anything with a scheme: http://, https://, ftp://, ... and hxxp:// style disguises.
    re.compile(r"\b[a-z][a-z0-9+.-]{1,15}\s*:\s*/\s*/\S*", re.IGNORECASE),
    # A v3 onion address even without ".onion" (56 base32 characters are never a word).
    re.compile(r"\b[a-z2-7]{56}\b(?:" + DOT + r"onion\b)?\S*", re.IGNORECASE),
    # Onion names written with any kind of "dot".
    re.compile(r"\b[a-z2-7]{16,56}" + DOT + r"onion\b\S*", re.IGNORECASE),
    # Plain e-mail addresses first, so the disguised form below cannot split one.
    re.compile(r"[a-z0-9._%+-]+@" + LABEL + r"(?:\." + LABEL + r")+", re.IGNORECASE),
    # Disguised ones: "name at host dot com", "first dot last [at] host [dot] com".
    re.compile(
        r"\b[a-z0-9_%+-]+(?:"
        + TIGHT_DOT
        + r"[a-z0-9_%+-]+)*"
        + AT
        + LABEL
        + r"(?:"
        + TIGHT_DOT
        + LABEL
        + r")*"
        + TIGHT_DOT
        + r"[a-z]{2,}\b",
        re.IGNORECASE,
    ),
    # Host names with a known top-level domain, with or without a path after them.
    re.compile(
        r"\b" + LABEL + r"(?:" + TIGHT_DOT + LABEL + r")*" + TIGHT_DOT + r"(?:" + TLDS + r")\b"
        r"(?:[/:?#]\S*)?",
        re.IGNORECASE,
    ),
    # www. anything (after host names, so "www dot site dot com" goes whole).
    re.compile(r"\bwww\d{0,3}" + TIGHT_DOT + r"\S+", re.IGNORECASE),
    # Bare IPv4 addresses, with an optional port and path.
    re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b(?::\d+)?(?:/\S*)?"),
]


def scrub(text: str) -> str:
    """The text with every link, e-mail and onion address replaced by MARKER."""
    for pattern in PATTERNS:
        text = pattern.sub(MARKER, text)
    return text
