"""Staff sign in with password and code; floods wait in line, wrong guesses wait longer."""

import pytest
from django.test import Client
from django.urls import reverse

from waymark.staff import signin
from waymark.staff.models import SignInDelay

pytestmark = pytest.mark.django_db
LOGIN = reverse("staff-login")


@pytest.fixture
def rita(make_staff):
    return make_staff("rita", "research")


@pytest.fixture
def hashes(monkeypatch):
    """Every password check the sign-in runs (the slow part a flood would spend)."""
    runs = []
    for name in ("check_password", "make_password"):
        real = getattr(signin, name)

        def counted(*args, real=real, **kwargs):
            runs.append(1)
            return real(*args, **kwargs)

        monkeypatch.setattr(signin, name, counted)
    return runs


def test_a_member_signs_in_with_password_and_code_and_holds_the_team_key(client, rita):
    response = rita.sign_in(client)
    assert response["Location"] == reverse("staff-team")
    page = client.get(reverse("staff-team")).text
    assert "You hold this team's key." in page
    assert client.session["wm_team_keys"].keys() == {"research"}


def test_a_code_is_accepted_once_only(rita):
    code = rita.code()
    assert rita.sign_in(Client(), code=code).status_code == 302
    again = rita.sign_in(Client(), code=code)
    assert again.status_code == 200
    assert "The user name, password or code is not right." in again.text


def test_every_field_is_kept_from_the_browser_memory(client):
    page = client.get(LOGIN).text
    assert page.count('autocomplete="off"') == 3


def test_wrong_guesses_earn_growing_delays_on_the_account_not_the_address(client, rita, hashes):
    for _ in range(signin.FREE_FAILURES):
        assert "is not right" in rita.sign_in(client, password="wrong password 1").text
    delay = SignInDelay.objects.get(user=rita.user)
    assert delay.failures == signin.FREE_FAILURES
    assert delay.retry_after is not None
    checked = len(hashes)
    # While the delay runs, even the right password is not checked: no hash is computed.
    waiting = rita.sign_in(client)
    assert waiting.status_code == 200
    assert "too many wrong attempts" in waiting.text
    assert len(hashes) == checked
    assert "wm_team_keys" not in client.session


def test_delays_grow_and_end(client, rita):
    assert signin.delay_after(signin.FREE_FAILURES - 1).total_seconds() == 0
    first = signin.delay_after(signin.FREE_FAILURES)
    assert signin.delay_after(signin.FREE_FAILURES + 1) == 2 * first
    assert signin.delay_after(100) == signin.LONGEST_DELAY
    SignInDelay.objects.create(user=rita.user, failures=9, retry_after=None)
    assert rita.sign_in(client).status_code == 302
    # Signing in clears the account's record of failures.
    assert not SignInDelay.objects.exists()


def test_an_unknown_name_costs_a_hash_and_leaves_no_row(client, rita, hashes):
    response = client.post(LOGIN, {"username": "nobody", "password": "x" * 20, "code": "123456"})
    assert "The user name, password or code is not right." in response.text
    assert not SignInDelay.objects.exists()
    # A made-up password is hashed like a real check, so the time taken tells nothing.
    assert len(hashes) == 1


def test_when_the_line_is_full_sign_in_is_busy_at_once(client, rita, full_derivation_pool):
    with full_derivation_pool():
        busy = rita.sign_in(client)
    assert busy.status_code == 503
    assert busy["Retry-After"].isdigit()
    assert "Busy, try again in a moment" in busy.text
    assert not SignInDelay.objects.exists()
    assert rita.sign_in(client).status_code == 302


def test_an_overlong_password_is_refused_before_any_hash(client, rita, hashes):
    response = client.post(LOGIN, {"username": "rita", "password": "x" * 201, "code": "1"})
    assert response.status_code == 200
    assert hashes == []
