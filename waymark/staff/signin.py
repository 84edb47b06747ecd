"""Staff sign-in: password, TOTP code and team keys, bounded like every slow derivation.

The password hash and the unwrapping of the member's own key run together in the derivation
pool (waymark/web/derivations.py): a flood of sign-in posts waits in a short line or is told
"busy", instead of taking the server's memory. An account's failures earn growing delays,
counted on the account (SignInDelay), never by address; while a delay runs, no hash is
computed at all. An unknown user name costs the same hash as a known one.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from waymark.staff import teams
from waymark.staff.models import SignInDelay, StaffKey, TOTPDevice
from waymark.web.derivations import derive

# Failures allowed before delays start, the first delay, and the longest.
FREE_FAILURES = 5
FIRST_DELAY = timedelta(seconds=30)
LONGEST_DELAY = timedelta(hours=1)


class Refused(Exception):
    """Wrong user name, password or code: one answer for all three."""


class Delayed(Exception):
    """This account must wait before its next attempt."""


@dataclass(frozen=True)
class SignedIn:
    user: object
    device: TOTPDevice
    team_keys: dict[str, bytes]
    # The member's own key had to be made anew (their password was set by an administrator):
    # a colleague must give them access to their teams again.
    keys_renewed: bool


def delay_after(failures: int) -> timedelta:
    if failures < FREE_FAILURES:
        return timedelta(0)
    doublings = min(failures - FREE_FAILURES, 16)  # enough to pass the longest delay
    return min(FIRST_DELAY * 2**doublings, LONGEST_DELAY)


def is_delayed(user) -> bool:
    return SignInDelay.objects.filter(user=user, retry_after__gt=timezone.now()).exists()


def _failed(user) -> None:
    with transaction.atomic():
        delay, _ = SignInDelay.objects.select_for_update().get_or_create(user=user)
        SignInDelay.objects.filter(pk=delay.pk).update(failures=F("failures") + 1)
        delay.refresh_from_db()
        wait = delay_after(delay.failures)
        if wait:
            delay.retry_after = timezone.now() + wait
            delay.save(update_fields=["retry_after"])


@sensitive_variables()
def _check(user, password: str, own_key: StaffKey | None):
    """(password right, the member's own private key, new StaffKey fields or None). Slow:
    the password hash, then the member's own key opened, or made anew when the password
    (set by an administrator) no longer opens it, or when there was none yet."""
    if user is None:
        make_password(password)  # the cost of a real check, so timing tells nothing
        return False, None, None
    if not check_password(password, user.password):
        return False, None, None
    private = teams.open_own_key(own_key, password) if own_key is not None else None
    if private is not None:
        return True, private, None
    private, fields = teams.new_own_key(user.pk, password)
    return True, private, fields


@sensitive_variables()
def sign_in(username: str, password: str, code: str) -> SignedIn:
    """Raises Refused, Delayed or derivations.Busy."""
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is not None and is_delayed(user):
        raise Delayed
    own_key = StaffKey.objects.filter(user=user).first() if user is not None else None
    right, private, new_fields = derive(_check, user, password, own_key)
    if user is None:
        raise Refused
    device = None
    if right and user.is_staff:
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
        device = next((d for d in devices if d.verify_token(code)), None)
    if device is None:
        _failed(user)
        raise Refused
    SignInDelay.objects.filter(user=user).delete()
    if new_fields is not None:
        teams.replace_own_key(user, new_fields)
    return SignedIn(
        user,
        device,
        teams.open_shares(user, private),
        keys_renewed=new_fields is not None and own_key is not None,
    )
