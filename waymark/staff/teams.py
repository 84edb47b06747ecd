"""Team keys: one piece of code for every team that receives sealed text (SECURITY.md 20).

A team (researchers, counsellors) has an X25519 key pair. Anything meant for the team is
sealed to its public key (`seal_for_team`), which the server may do at any time, with nobody
signed in. The private key is never stored as such: each member has a key pair of their own
whose private half is wrapped under their password (Argon2id), and the team's private key is
sealed to each member's public half (a share). Signing in opens the member's own key, then
their shares, and keeps the team keys in their session, which is itself sealed under a key
only their cookie carries. A database dump, logs and the server's settings open nothing.

Giving a new member access needs someone who already holds the team key: they seal it to
the newcomer's public key from the team page. The first member of a team founds its key.
"""

import base64
import os

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from waymark import crypto
from waymark.staff.models import StaffKey, Team, TeamKey, TeamKeyShare

SESSION_KEYS = "wm_team_keys"
ROLE_PERMISSIONS: dict[str, str] = {
    Team.RESEARCH: "staff.research_team",
    Team.COUNSEL: "staff.counsel_team",
}
# Not a team (it holds no key): the operator page, for whoever runs the service.
OPERATOR = "staff.operator"


class NoTeamKey(Exception):
    """The signed-in person holds no key for this team (no role, or not given access yet)."""


def may(user, permission: str) -> bool:
    """An active member of staff with the permission (a superuser has every one)."""
    return bool(user.is_active and user.is_staff and user.has_perm(permission))


def has_role(user, team: str) -> bool:
    return may(user, ROLE_PERMISSIONS[team])


def teams_of(user) -> list[str]:
    return [team for team in Team.values if has_role(user, team)]


def members(team: str):
    """Active staff with the team's role (as `has_role` decides), by user name, in one query."""
    from django.contrib.auth import get_user_model

    app_label, codename = ROLE_PERMISSIONS[team].split(".")
    granted = {"codename": codename, "content_type__app_label": app_label}
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(**{f"user_permissions__{k}": v for k, v in granted.items()})
            | Q(**{f"groups__permissions__{k}": v for k, v in granted.items()})
        )
        .distinct()
        .order_by("username")
    )


def _kdf_params() -> crypto.KdfParams:
    from django.conf import settings

    return crypto.KdfParams(
        memory_kib=settings.WAYMARK_ARGON2_MEMORY_KIB,
        iterations=settings.WAYMARK_ARGON2_ITERATIONS,
        lanes=settings.WAYMARK_ARGON2_LANES,
    )


def _own_key_bound(user_id: int, params: crypto.KdfParams) -> bytes:
    return crypto.bound_to(
        "waymark staff key", user_id, params.memory_kib, params.iterations, params.lanes
    )


def _share_bound(team: str, user_id: int) -> bytes:
    return crypto.bound_to("waymark team key share", team, user_id)


@sensitive_variables()
def new_own_key(user_id: int, password: str) -> tuple[bytes, dict]:
    """A new key pair for a member: (private key, StaffKey fields with it wrapped under
    `password`). Slow (Argon2id): call it where a slow derivation may run (the derivation
    pool, a command)."""
    private, public = crypto.new_key_pair()
    params, salt = _kdf_params(), os.urandom(crypto.SALT_BYTES)
    kek = crypto.derive_kek(password, salt, params)
    return private, {
        "public_key": public,
        "wrapped_private_key": crypto.seal(kek, private, _own_key_bound(user_id, params)),
        "kdf_salt": salt,
        "kdf_params": params.as_dict(),
    }


@sensitive_variables()
def open_own_key(key: StaffKey, password: str) -> bytes | None:
    """The member's private key, or None when the password no longer opens it (it was set
    anew by an administrator). Slow (Argon2id)."""
    params = crypto.KdfParams.from_dict(key.kdf_params)
    kek = crypto.derive_kek(password, bytes(key.kdf_salt), params)
    try:
        return crypto.open_sealed(
            kek, bytes(key.wrapped_private_key), _own_key_bound(key.user_id, params)
        )
    except crypto.InvalidTag:
        return None


def replace_own_key(user, fields: dict) -> None:
    """Store a member's new key pair. Shares sealed to the old one can no longer be opened:
    they go, and a colleague gives access again."""
    with transaction.atomic():
        TeamKeyShare.objects.filter(user=user).delete()
        StaffKey.objects.update_or_create(user=user, defaults=fields)


def _share(team_key: TeamKey, member, team_private: bytes) -> None:
    own = StaffKey.objects.filter(user=member).first()
    if own is None:
        return
    TeamKeyShare.objects.update_or_create(
        team_key=team_key,
        user=member,
        defaults={
            "sealed_private_key": crypto.seal_to(
                bytes(own.public_key), team_private, _share_bound(team_key.team, member.pk)
            )
        },
    )


def found_team(team: str, first_member) -> bytes:
    """Makes the team's key pair, with the first member as its only holder.

    Also when a team key exists that nobody holds any more: what was sealed to it could not
    be opened by anyone, and a new key lets the team start again."""
    private, public = crypto.new_key_pair()
    with transaction.atomic():
        TeamKey.objects.filter(team=team).delete()
        team_key = TeamKey.objects.create(team=team, public_key=public)
        _share(team_key, first_member, private)
    return private


@sensitive_variables()
def open_shares(user, own_private: bytes) -> dict[str, bytes]:
    """The team private keys this member holds, by team, founding a team that has no key
    holder yet. Shares of a team whose role the member has lost are deleted."""
    opened = {}
    for share in TeamKeyShare.objects.filter(user=user).select_related("team_key"):
        team = share.team_key.team
        if not has_role(user, team):
            share.delete()
            continue
        try:
            opened[team] = crypto.open_sealed_to(
                own_private, bytes(share.sealed_private_key), _share_bound(team, user.pk)
            )
        except crypto.InvalidTag:
            share.delete()
    for team in teams_of(user):
        if team not in opened and not TeamKeyShare.objects.filter(team_key__team=team).exists():
            opened[team] = found_team(team, user)
    return opened


def keep_in_session(session, team_keys: dict[str, bytes]) -> None:
    session[SESSION_KEYS] = {
        team: base64.urlsafe_b64encode(key).decode() for team, key in team_keys.items()
    }


def _key_from_session(session, team: str) -> bytes:
    encoded = session.get(SESSION_KEYS, {}).get(team)
    if encoded is None:
        raise NoTeamKey
    return base64.urlsafe_b64decode(encoded)


def holds_key(session, team: str) -> bool:
    return team in session.get(SESSION_KEYS, {})


def give_access(session, team: str, member) -> bool:
    """Seals the team key, from the giver's session, to a member who has the role."""
    if not has_role(member, team):
        return False
    team_key = TeamKey.objects.filter(team=team).first()
    if team_key is None:
        return False
    _share(team_key, member, _key_from_session(session, team))
    return TeamKeyShare.objects.filter(team_key=team_key, user=member).exists()


def seal_for_team(team: str, plaintext: bytes, associated_data: bytes) -> bytes | None:
    """Sealed for the team's members alone; None when the team has no key yet."""
    public = TeamKey.objects.filter(team=team).values_list("public_key", flat=True).first()
    if public is None:
        return None
    return crypto.seal_to(bytes(public), plaintext, associated_data)


def open_for_team(session, team: str, sealed: bytes, associated_data: bytes) -> bytes:
    """Raises NoTeamKey without the key, crypto.InvalidTag if the seal is not the team's."""
    return crypto.open_sealed_to(_key_from_session(session, team), sealed, associated_data)


def _drop_lost_shares(sender, instance, action, **kwargs) -> None:
    # Removing a role removes the member's share at once, not at their next sign-in.
    if action in ("post_remove", "post_clear") and hasattr(instance, "has_perm"):
        instance = type(instance).objects.get(pk=instance.pk)  # has_perm caches permissions
        lost = [team for team in Team.values if not has_role(instance, team)]
        TeamKeyShare.objects.filter(user=instance, team_key__team__in=lost).delete()


def connect_signals() -> None:
    from django.contrib.auth import get_user_model

    m2m_changed.connect(
        _drop_lost_shares,
        sender=get_user_model().user_permissions.through,
        dispatch_uid="waymark-staff-drop-lost-shares",
    )


def counts() -> list[tuple[str, int]]:
    """For the operator page (settings.WAYMARK_OPERATOR_COUNTS): how many, never who."""
    from django.contrib.auth import get_user_model

    staff = list(get_user_model().objects.filter(is_active=True, is_staff=True))
    return [
        (_("Staff members"), len(staff)),
        *(
            (
                _("Members of the team: %(team)s") % {"team": label},
                sum(has_role(m, team) for m in staff),
            )
            for team, label in Team.choices
        ),
        (_("Operators"), sum(may(member, OPERATOR) for member in staff)),
    ]
