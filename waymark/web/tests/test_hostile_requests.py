"""What one hostile client can send: odd paths, odd methods, a Host not ours (SECURITY.md 12).

Each gets a calm answer from this site, never a 500, never a link to somewhere else."""

import io
import re
from urllib.parse import unquote

import pytest
from django.core.wsgi import get_wsgi_application
from django.test import Client

from waymark.web.page_cache import PublicPageCache

pytestmark = pytest.mark.django_db
HREF = re.compile(r'href="([^"]*)"')


def served(path: str, host: str = "testserver", app=None) -> tuple[str, bytes]:
    """What the WSGI application answers to exactly this path and Host.

    The test client would read "//evil.example/" as another host; a real server hands the
    path to the application as it came."""
    captured = {}
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": unquote(path),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
    }
    app = app or get_wsgi_application()
    body = b"".join(app(environ, lambda status, headers, e=None: captured.update(status=status)))
    return captured["status"], body


@pytest.mark.parametrize(
    "path", ["//evil.example/", "//evil.example/en/", "//[", "/%2F%5B", "/en//evil.example/x/"]
)
def test_a_strange_path_gets_the_not_found_page_with_links_on_this_site_only(path):
    status, body = served(path)
    assert status.startswith("404"), status
    for href in HREF.findall(body.decode()):
        assert href.startswith(("/", "#")), href
        assert not href.startswith("//"), href


def test_the_language_links_of_a_real_page_point_to_the_same_page(client):
    page = client.get("/en/help/privacy/").text
    assert 'href="/fi/help/privacy/"' in page
    assert 'href="/es/help/privacy/"' in page


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_only_reading_and_posting_are_served(client, method):
    response = client.generic(method, "/en/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")


def test_a_host_not_allowed_gets_400_on_every_path_cached_or_not():
    cached = PublicPageCache(get_wsgi_application())
    assert served("/en/help/", app=cached)[0].startswith("200")
    assert served("/en/help/", app=cached)[0].startswith("200")  # now from the cache
    for host in ("evil.example", "evil.example:80", "testserver.evil.example", "[::"):
        for path in ("/en/help/", "/nothing/", "//evil.example/"):
            status, body = served(path, host=host, app=cached)
            assert status.startswith("400"), (host, path, status)
            assert b"evil" not in body


def test_quick_exit_tells_the_browser_to_forget_the_site_and_ends_the_session(client, settings):
    client.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": "something"})
    assert client.cookies["wm_session"].value
    response = client.get("/en/help/exit/")
    assert response.status_code == 303
    assert response["Location"] == settings.WAYMARK_QUICK_EXIT_URL
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert response["Referrer-Policy"] == "no-referrer"
    from waymark.workspace.models import SessionRecord

    assert not SessionRecord.objects.exists()
    page = Client().get("/fi/").text
    assert 'class="quick-exit" href="/fi/help/exit/"' in page
