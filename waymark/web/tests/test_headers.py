"""Every route answers with the headers that keep a page to itself (SECURITY.md 12)."""

import pytest
from django.templatetags.static import static
from django.urls import URLPattern, URLResolver, get_resolver

EXPECTED_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


def _routes(resolver=None, prefix=""):
    """Every URL in the URL conf that takes no arguments."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = str(entry.pattern)
        if isinstance(entry, URLResolver):
            if "<" not in pattern:
                yield from _routes(entry, prefix + pattern)
        elif isinstance(entry, URLPattern) and "<" not in pattern and "(?P" not in pattern:
            yield "/" + (prefix + pattern).lstrip("^").rstrip("$").replace("\\Z", "")


def assert_page_kept_to_itself(response, route):
    csp = response["Content-Security-Policy"]
    assert csp.startswith(EXPECTED_CSP), route
    assert "unsafe-inline" not in csp
    assert response["Referrer-Policy"] == "no-referrer", route
    assert response["X-Frame-Options"] == "DENY", route
    assert response["X-Content-Type-Options"] == "nosniff", route
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", route
    assert response["Cross-Origin-Resource-Policy"] == "same-origin", route
    assert "camera=()" in response["Permissions-Policy"], route


@pytest.mark.django_db
def test_every_route_sends_the_privacy_and_security_headers(client):
    routes = sorted(set(_routes()))
    assert "/en/" in routes
    assert "/en/help/" in routes
    for route in routes:
        response = client.get(route)
        assert_page_kept_to_itself(response, route)
        assert response["Cache-Control"] == "no-store", route


def test_the_stylesheet_is_sent_with_the_same_headers(client, settings):
    settings.WHITENOISE_USE_FINDERS = True  # nothing collected in tests; WhiteNoise finds it
    response = client.get(static("web/waymark.css"))
    assert response.status_code == 200
    assert_page_kept_to_itself(response, "the stylesheet")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "words"), [("/en/workspace/open/", "That did not work"), ("/fi/workspace/open/", "")]
)
def test_a_long_body_of_any_kind_is_refused_before_any_view(client, path, words):
    body = "--x\r\nContent-Disposition: form-data; name=passphrase\r\n\r\n" + "a" * 3_000_000
    response = client.post(path, data=body, content_type="multipart/form-data; boundary=x")
    assert response.status_code == 400
    assert_page_kept_to_itself(response, path)
    if words:
        assert words in response.text
    else:
        assert '<html lang="fi"' in response.text
        assert "That did not work" not in response.text


@pytest.mark.django_db
def test_the_language_is_in_the_url_and_never_in_a_cookie(client):
    response = client.get("/", headers={"accept-language": "fi"})
    assert response.status_code == 302
    assert response["Location"] == "/fi/"
    page = client.get("/es/")
    assert page.status_code == 200
    assert '<html lang="es"' in page.text
    assert not [c for c in page.cookies if "lang" in c]


def test_hsts_is_sent_only_when_served_over_tls(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/en/help/", secure=True)
    assert "max-age=31536000" in response["Strict-Transport-Security"]
    settings.SECURE_HSTS_SECONDS = 0
    assert "Strict-Transport-Security" not in client.get("/en/help/")
