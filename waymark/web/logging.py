"""Log lines that cannot carry who made a request, what they asked for, nor what they typed.

Django's request and security loggers name the path, the Host and the Origin of a request they
refuse; gunicorn names the client's address and the raw request line. Both go through here:
a refused request becomes one short line that says what was wrong ("WARNING django.security.
DisallowedHost rejected request: 400 Bad Request (DisallowedHost)"), with no traceback; a
server error keeps its traceback, every frame but no exception message. A flood of bad
requests writes a line each, never a traceback.
"""

import contextlib
import logging
import sys
import traceback
from http import HTTPStatus

from gunicorn import glogging

WITHHELD = "(message withheld: it may hold what a person typed)"
FORMAT = "%(levelname)s %(name)s %(message)s"
SECURITY_LOGGERS = "django.security."


class PrivacyFilter(logging.Filter):
    """Drops the request Django attaches to its records, and says of a response only its status.

    A formatter or handler (an e-mail to admins, an error tracker) could otherwise print the
    request's headers, address or POST body. Django gives every record about a response its
    `status_code` (and logs a refused request's kind to `django.security.<kind>`); the status,
    the exception's type and a server error's frames are enough to fix a fault.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        status = getattr(record, "status_code", None)
        if status is not None or record.name.startswith(SECURITY_LOGGERS):
            _only_the_status(record, status)
        return True


def _only_the_status(record: logging.LogRecord, status: int | None) -> None:
    words = []
    if status is not None:
        words.append(str(status))
        with contextlib.suppress(ValueError):
            words.append(HTTPStatus(status).phrase)
    if record.exc_info and record.exc_info[0]:
        words.append(f"({record.exc_info[0].__name__})")
    if not words:  # a security record about no response, such as a session that was forged
        words.append(record.name.removeprefix(SECURITY_LOGGERS))
    record.args = (" ".join(words),)
    if status is not None and status >= 500:
        record.msg = "server error: %s"
        return
    record.msg = "rejected request: %s"
    record.exc_info = record.exc_text = record.stack_info = None
    record.levelno, record.levelname = logging.WARNING, "WARNING"


class PrivacyFormatter(logging.Formatter):
    """Prints tracebacks with every frame but without exception messages.

    An exception's message is where a person's words end up (`invalid literal for int():
    'what they typed'`); the type and the lines are what a developer needs.
    """

    def __init__(self, fmt: str = FORMAT, *args, **kwargs):
        super().__init__(fmt, *args, **kwargs)

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


class GunicornPrivacyFilter(logging.Filter):
    """gunicorn's records, less what they say about a request.

    gunicorn writes "Invalid request from ip=<address>: <the raw request line>" while it
    handles one of its own parse errors: the line becomes the error's type. "Error handling
    request <method> <path>" loses its arguments and keeps its traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        handling = sys.exc_info()[1]
        if handling is not None and type(handling).__module__ == "gunicorn.http.errors":
            record.msg, record.args = "rejected request: %s", (type(handling).__name__,)
            record.exc_info = record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        elif record.exc_info and record.args:
            record.msg, record.args = str(record.msg).split("%", 1)[0].rstrip(" :"), ()
        return True


class GunicornLogger(glogging.Logger):
    """gunicorn's error log in Waymark's format, through the filter and formatter above.

    Named by `logger_class` in gunicorn.conf.py. gunicorn keeps no access log there.
    """

    error_fmt = FORMAT

    def setup(self, cfg) -> None:
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.setFormatter(PrivacyFormatter())
            handler.addFilter(GunicornPrivacyFilter())
