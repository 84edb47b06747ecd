"""The health check a load balancer polls: "ok" with a working database, 503 without one."""

import pytest

from waymark.web.page_cache import MARK


@pytest.mark.django_db
def test_the_health_check_says_ok_and_nothing_else(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    # Only responses a view marks public enter the page cache in front of Django.
    assert MARK not in response


@pytest.mark.django_db
def test_a_load_balancer_may_poll_over_plain_http_behind_a_tls_site(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/").status_code == 200
    assert client.get("/en/").status_code == 301


@pytest.mark.django_db
def test_the_health_check_has_no_language_prefix_and_takes_no_post(client):
    assert client.get("/en/health/").status_code == 404
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405


ASK_FOR_HEALTH = """
import django
django.setup()
from django.test import Client
response = Client().get("/health/")
print(response.status_code, response.content.decode())
"""


@pytest.mark.parametrize(
    "database",
    [
        "postgres://waymark@127.0.0.1:1/waymark",  # nothing listens on port 1
        "sqlite:////dev/null/waymark.sqlite3",  # a folder that cannot be made
    ],
)
def test_the_health_check_says_unavailable_when_the_database_is_down(run_waymark, database):
    result = run_waymark("-c", ASK_FOR_HEALTH, DATABASE_URL=database)
    assert result.stdout.strip() == "503 unavailable", result.stderr
    assert "server error: 503 Service Unavailable" in result.stderr
