"""The two seals on everything in a conversation: the reader's side and the team's side.

The reader's side is sealed to the workspace's own public key, so a counsellor's reply can be
sealed while the person is away and opened only in their open workspace. The team's side is
sealed to the counselling team's public key (waymark.staff.teams, the one module for team
keys), opened only with the team key in a signed-in counsellor's session. The associated data
names the row, the kind and the place of the text: a seal copied to another row, turned from
a note into a reply or moved in the order fails to open. Plaintexts are JSON padded to whole
blocks, so a row does not show how long a message is.
"""

import json

from waymark import crypto
from waymark.staff import teams
from waymark.staff.models import Team

PAD_BLOCK = 256


def _encode(value: dict) -> bytes:
    plain = json.dumps(value).encode()
    return plain + b" " * (-len(plain) % PAD_BLOCK)


def _where(side: str, place: tuple) -> bytes:
    return crypto.bound_to("waymark counsel v1", side, *place)


def for_reader(public_key: bytes, value: dict, *place) -> bytes:
    return crypto.seal_to(public_key, _encode(value), _where("reader", place))


def open_for_reader(private_key: bytes, sealed: bytes, *place) -> dict:
    """Raises crypto.InvalidTag if the seal is not this workspace's or not for this place."""
    return json.loads(crypto.open_sealed_to(private_key, bytes(sealed), _where("reader", place)))


def for_team(value: dict, *place) -> bytes | None:
    """None when the counselling team has no key yet (nobody could ever read it)."""
    return teams.seal_for_team(Team.COUNSEL, _encode(value), _where("team", place))


def open_for_team(session, sealed: bytes, *place) -> dict | None:
    """None for a seal that does not open: made for a team key that nobody held any more and
    was founded anew (waymark.staff.teams.found_team), or changed in the database. Raises
    teams.NoTeamKey without the team key."""
    try:
        opened = teams.open_for_team(session, Team.COUNSEL, bytes(sealed), _where("team", place))
    except crypto.InvalidTag:
        return None
    return json.loads(opened)


def message_place(conversation_id: str, message_id: str, kind: str, position: int) -> tuple:
    return ("message", conversation_id, message_id, kind, position)


def share_place(conversation_id: str, share_id: str) -> tuple:
    return ("share", conversation_id, share_id)


def snippet_place(snippet_id: str, language: str) -> tuple:
    return ("snippet", snippet_id, language)
