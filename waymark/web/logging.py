"""Log records that cannot carry who made a request, nor what they typed."""

import logging
import traceback

WITHHELD = "(message withheld: it may hold what a person typed)"


class PrivacyFilter(logging.Filter):
    """Drops the request Django attaches to its records.

    A formatter or handler (an e-mail to admins, an error tracker) could otherwise print the
    request's headers, address or POST body. What is left is the message, the level and the
    traceback: enough to fix a fault, nothing about the person.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        return True


class PrivacyFormatter(logging.Formatter):
    """Prints tracebacks with every frame but without exception messages.

    An exception's message is where a person's words end up (`invalid literal for int():
    'what they typed'`); the type and the lines are what a developer needs.
    """

    def formatException(self, ei) -> str:
        chain, seen = [], set()
        error = ei[1]
        while error is not None and id(error) not in seen:
            seen.add(id(error))
            chain.append(error)
            error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
        lines = []
        for error in reversed(chain):
            lines.append("Traceback (most recent call last):\n")
            lines.extend(traceback.format_tb(error.__traceback__))
            kind = type(error)
            lines.append(f"{kind.__module__}.{kind.__qualname__}: {WITHHELD}\n")
        return "".join(lines).rstrip("\n")
