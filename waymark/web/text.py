"""The one cleaning every piece of free text gets before anything else reads it.

A NUL byte is refused by PostgreSQL (in text and in jsonb), so one typed into a survey would
make the person's whole response fail at "Send"; other control characters show nothing to a
reader and only hide what sits between them. Newlines arrive as CRLF from a text area, or as
CR, NEL or a Unicode line or paragraph separator when pasted: all become "\n", so a limit on
length counts what a person sees. Lone surrogates need no step here: Django decodes form data
with replacement, so they arrive as U+FFFD (tested in waymark/web/tests/test_text.py).
Pure: the exercises, the surveys and the diary call `clean_text` on what was posted.
"""

import re

NEWLINES = re.compile("\r\n|[\r\x85\u2028\u2029]")
# C0 and C1 control characters, DEL too, except tab and newline.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """The text without control characters, with "\n" for every newline, trimmed."""
    return CONTROLS.sub("", NEWLINES.sub("\n", text)).strip()
