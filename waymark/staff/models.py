"""Staff accounts' keys, team keys, second factors and sign-in delays.

Staff are named people with accounts; nothing here is about the people who use the program.
"""

import time
from base64 import b32encode
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin
from django_otp.oath import TOTP

from waymark import crypto


class Team(models.TextChoices):
    """A team shares one key pair: what is meant for the team is sealed to its public key."""

    RESEARCH = "research", _("Research")
    COUNSEL = "counsel", _("Counselling")


class StaffKey(models.Model):
    """A staff member's own key pair. Team keys are sealed to the public half; the private
    half is kept wrapped under a key derived from their password, so only their sign-in
    opens it (the model of GlobaLeaks' recipients)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    public_key = models.BinaryField()
    wrapped_private_key = models.BinaryField()
    kdf_salt = models.BinaryField()
    kdf_params = models.JSONField()

    def __str__(self) -> str:
        return "staff key"


class TeamKey(models.Model):
    """A team's public key. Its private key exists only sealed to each member (TeamKeyShare)
    and, while a member is signed in, inside their sealed session."""

    team = models.CharField(primary_key=True, max_length=16, choices=Team)
    public_key = models.BinaryField()

    class Meta:
        # The roles: a staff member with one of the first two belongs to that team; the
        # operator role opens the operator page and belongs to no team.
        permissions = [
            ("research_team", "Researcher: research figures, free-text review and exports"),
            ("counsel_team", "Counsellor: conversations with readers"),
            ("operator", "Operator: version, content check, counts and daily jobs"),
        ]

    def __str__(self) -> str:
        return f"{self.team} team key"


class TeamKeyShare(models.Model):
    """A team's private key sealed to one member's public key."""

    team_key = models.ForeignKey(TeamKey, on_delete=models.CASCADE, related_name="shares")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sealed_private_key = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team_key", "user"], name="one_share_per_member")
        ]

    def __str__(self) -> str:
        return "team key share"


class SignInDelay(models.Model):
    """Failed sign-ins of one staff account, and when the next attempt may run.

    Counted per account, never per address: nothing here says who tried."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    failures = models.PositiveIntegerField(default=0)
    retry_after = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return "sign-in delay"


def _totp_key() -> bytes:
    return crypto.subkey(settings.WAYMARK_TOTP_KEY.encode(), "waymark totp secret v1")


def _totp_bound(user_id: int) -> bytes:
    return crypto.bound_to("waymark totp secret", user_id)


def sealed_totp_secret(user_id: int, secret: bytes) -> bytes:
    return crypto.seal(_totp_key(), secret, _totp_bound(user_id))


class TOTPDevice(ThrottlingMixin, Device):
    """A TOTP second factor whose secret is sealed under WAYMARK_TOTP_KEY.

    django-otp's own device keeps the secret in plain hex, so a copy of the database would
    give every second factor away. Verification follows django-otp's TOTPDevice."""

    sealed_secret = models.BinaryField()
    step = models.PositiveSmallIntegerField(default=30)
    t0 = models.BigIntegerField(default=0)
    digits = models.PositiveSmallIntegerField(default=6)
    tolerance = models.PositiveSmallIntegerField(default=1)
    drift = models.SmallIntegerField(default=0)
    # The time step of the last code accepted: a code is never accepted twice.
    last_t = models.BigIntegerField(default=-1)

    class Meta(Device.Meta):
        verbose_name = "TOTP device"

    def set_secret(self, secret: bytes) -> None:
        self.sealed_secret = sealed_totp_secret(self.user_id, secret)

    @property
    def secret(self) -> bytes:
        return crypto.open_sealed(_totp_key(), bytes(self.sealed_secret), _totp_bound(self.user_id))

    def config_url(self, issuer: str) -> str:
        """The otpauth:// address an authenticator app reads (from a QR code)."""
        label = quote(f"{issuer}:{self.user.get_username()}")
        query = urlencode(
            {
                "secret": b32encode(self.secret).decode(),
                "algorithm": "SHA1",
                "digits": self.digits,
                "period": self.step,
                "issuer": issuer,
            }
        )
        return f"otpauth://totp/{label}?{query}"

    def verify_token(self, token) -> bool:
        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        try:
            number = int(str(token).strip())
        except ValueError:
            number = None
        verified = False
        if number is not None:
            totp = TOTP(self.secret, self.step, self.t0, self.digits, self.drift)
            totp.time = time.time()
            verified = totp.verify(number, self.tolerance, self.last_t + 1)
        if verified:
            self.last_t, self.drift = totp.t(), totp.drift
            self.throttle_reset(commit=False)
            self.save()
        else:
            self.throttle_increment(commit=True)
        return verified

    def get_throttle_factor(self) -> int:
        return 1
