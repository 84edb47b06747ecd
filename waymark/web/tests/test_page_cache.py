"""Anonymous readers get the same page faster; nobody ever gets somebody else's page."""

from wsgiref.util import setup_testing_defaults

import pytest
from django.core.wsgi import get_wsgi_application

from waymark.web import page_cache
from waymark.web.page_cache import MARK, PublicPageCache

pytestmark = pytest.mark.django_db


class CountingDjango:
    """The real Django application, counting how often a request reaches it."""

    def __init__(self):
        self.app = get_wsgi_application()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.app(environ, start_response)


def visit(app, path, method="GET", **extra):
    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "SERVER_NAME": "testserver", **extra}
    setup_testing_defaults(environ)
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


@pytest.fixture
def django_app():
    return CountingDjango()


def test_a_cookie_less_reader_gets_the_page_from_the_cache_with_all_its_headers(django_app):
    cache = PublicPageCache(django_app)
    first = visit(cache, "/en/help/")
    second = visit(cache, "/en/help/")
    assert django_app.calls == 1
    assert first == second
    status, headers, body = second
    assert status.startswith("200")
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert MARK not in headers
    assert b"Get help now" in body


def test_anyone_with_a_cookie_a_query_or_a_post_goes_to_django_every_time(django_app):
    cache = PublicPageCache(django_app)
    visit(cache, "/en/help/")
    visit(cache, "/en/help/", HTTP_COOKIE="wm_session=abc")
    visit(cache, "/en/help/", QUERY_STRING="saved=ex5-yourself")
    visit(cache, "/en/help/", method="POST")
    assert django_app.calls == 4
    _status, headers, _body = visit(cache, "/en/help/", HTTP_COOKIE="wm_session=abc")
    assert MARK not in headers


def test_pages_that_are_personal_or_set_a_cookie_are_never_kept(django_app):
    cache = PublicPageCache(django_app)
    for _ in range(2):
        visit(cache, "/en/diary/new/")  # a form: sets the CSRF cookie
        visit(cache, "/en/no-such-page/")
    assert django_app.calls == 4
    assert cache.pages == {}


def test_a_kept_page_is_rendered_again_after_it_expires(django_app, monkeypatch):
    cache = PublicPageCache(django_app)
    visit(cache, "/en/help/")
    now = page_cache.time.monotonic()
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: now + page_cache.MAX_AGE_SECONDS + 1)
    visit(cache, "/en/help/")
    assert django_app.calls == 2
