"""A cache for the pages that are the same for everyone, in front of Django.

Most readers of the program are anonymous: no cookie, a GET, a page of text that changes only
when the content files change (and they are read once, at start). Rendering such a page again
for each of them costs milliseconds of CPU that a small NGO server does not have. A view marks a
response as public with `public_page`; this WSGI wrapper keeps the finished bytes and answers
the next cookie-less GET for that path without entering Django.

What can never be cached: a request with any cookie (it may carry a session), a query string, a
method other than GET or HEAD, a Host that ALLOWED_HOSTS does not name (Django answers it with
400), a response that sets a cookie or that the view did not mark.
"""

import time
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.http.request import split_domain_port, validate_host

MARK = "X-Waymark-Public"
MAX_ENTRIES = 2_000
# Pages quote live survey figures, which may move; text changes only with a restart.
MAX_AGE_SECONDS = 300


def public_page(view: Callable) -> Callable:
    """Marks what the view returns as the same for every cookie-less visitor."""

    @wraps(view)
    def marked(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not request.COOKIES:
            response[MARK] = "1"
        return response

    return marked


class PublicPageCache:
    def __init__(self, app: Callable):
        self.app = app
        self.pages: dict[str, tuple[float, str, list[tuple[str, str]], bytes]] = {}

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        cacheable = (
            environ.get("REQUEST_METHOD") in ("GET", "HEAD")
            and not environ.get("HTTP_COOKIE")
            and not environ.get("QUERY_STRING")
            and _allowed_host(environ)
        )
        if not cacheable:
            return self._without_mark(environ, start_response)
        key = environ.get("PATH_INFO", "")
        hit = self.pages.get(key)
        if hit is not None and hit[0] > time.monotonic():
            _expires, status, headers, body = hit
            start_response(status, headers)
            return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]

        captured: dict = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return start_response(status, _strip_mark(headers), exc_info)

        result = self.app(environ, capture)
        headers = captured.get("headers", [])
        marked = any(name == MARK for name, _ in headers)
        sets_cookie = any(name.lower() == "set-cookie" for name, _ in headers)
        if not marked or sets_cookie or environ["REQUEST_METHOD"] != "GET":
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        if len(self.pages) < MAX_ENTRIES or key in self.pages:
            expires = time.monotonic() + MAX_AGE_SECONDS
            self.pages[key] = (expires, captured["status"], _strip_mark(headers), body)
        return [body]

    def _without_mark(self, environ, start_response):
        def strip(status, headers, exc_info=None):
            return start_response(status, _strip_mark(headers), exc_info)

        return self.app(environ, strip)


def _allowed_host(environ: dict) -> bool:
    """Whether Django would serve this Host: else it must reach Django, which refuses it."""
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    domain, _port = split_domain_port(host)
    return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)


def _strip_mark(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, value) for name, value in headers if name != MARK]
