"""What the server hears about a person, and what it keeps: nothing that identifies them."""

import pytest
from django.test import Client

SENTINEL_AGENT = "SentinelBrowser/9.9 (agent-7f3a)"
SENTINEL_REFERER = "https://referer-sentinel.example/page-7f3a"
SENTINEL_ADDRESS = "203.0.113.77"


def _identifying_headers():
    return {
        "user-agent": SENTINEL_AGENT,
        "referer": SENTINEL_REFERER,
        "x-forwarded-for": SENTINEL_ADDRESS,
    }


@pytest.mark.django_db
def test_a_visit_that_goes_wrong_leaves_no_address_agent_or_referrer_in_the_log(captured_log):
    client = Client(REMOTE_ADDR=SENTINEL_ADDRESS)
    headers = _identifying_headers()
    assert client.get("/en/no-such-page/", headers=headers).status_code == 404
    strict = Client(enforce_csrf_checks=True, REMOTE_ADDR=SENTINEL_ADDRESS)
    assert strict.post("/staff/", {}, headers=headers).status_code == 403
    text = captured_log.getvalue()
    assert "Not Found" in text
    assert "Forbidden" in text  # the log did record the faults
    for sentinel in (SENTINEL_AGENT, SENTINEL_REFERER, SENTINEL_ADDRESS, "agent-7f3a"):
        assert sentinel not in text


@pytest.mark.django_db
def test_no_view_can_read_who_is_asking(rf):
    from waymark.web.middleware import UNKNOWN_ADDRESS, PrivacyAndSecurityHeadersMiddleware

    seen = {}

    def view(request):
        seen.update(request.META)
        from django.http import HttpResponse

        return HttpResponse("ok")

    request = rf.get("/en/", headers=_identifying_headers(), REMOTE_ADDR=SENTINEL_ADDRESS)
    PrivacyAndSecurityHeadersMiddleware(view)(request)
    assert seen["REMOTE_ADDR"] == UNKNOWN_ADDRESS
    assert SENTINEL_AGENT not in str(seen)
    assert SENTINEL_REFERER not in str(seen)
    assert SENTINEL_ADDRESS not in str(seen)


@pytest.mark.django_db
def test_a_form_without_its_token_or_from_another_site_is_refused():
    client = Client(enforce_csrf_checks=True)
    client.get("/staff/")
    token = client.cookies["wm_csrf"].value
    login = {"username": "x", "password": "y", "csrfmiddlewaretoken": token}
    assert client.post("/staff/", {"username": "x"}).status_code == 403
    foreign = client.post("/staff/", login, headers={"origin": "http://evil.example"})
    assert foreign.status_code == 403
    assert "Please send the form again" in foreign.text


@pytest.mark.django_db
def test_a_same_origin_form_with_a_null_origin_still_works_over_plain_http():
    """Referrer-Policy: no-referrer makes browsers send `Origin: null` on their own forms."""
    client = Client(enforce_csrf_checks=True)
    client.get("/staff/")
    token = client.cookies["wm_csrf"].value
    response = client.post(
        "/staff/",
        {"username": "x", "password": "y", "csrfmiddlewaretoken": token},
        headers={"origin": "null", "sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 200  # the login form again, with its error; not a 403
    cross = client.post(
        "/staff/",
        {"username": "x", "password": "y", "csrfmiddlewaretoken": token},
        headers={"origin": "null", "sec-fetch-site": "cross-site"},
    )
    assert cross.status_code == 403


@pytest.mark.django_db
def test_a_three_megabyte_post_is_refused_with_a_readable_page(client):
    response = client.post(
        "/staff/",
        data="a=" + "x" * 3_000_000,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "too long" in response.text


def test_cookies_are_http_only_strict_and_end_with_the_browser(settings):
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == settings.CSRF_COOKIE_SAMESITE == "Strict"
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_ENGINE != "django.contrib.sessions.backends.signed_cookies"
    assert settings.FILE_UPLOAD_HANDLERS == []


def test_the_source_never_reads_the_address_of_a_person():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readers = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "REMOTE_ADDR" in path.read_text() and "tests" not in path.parts
    ]
    assert readers == ["web/middleware.py"]
