"""Conversations between a kept workspace and the counsellors, sealed on both sides.

Every text is stored twice, never in the clear: sealed to the workspace's own public key (the
reader's side, which only their open workspace reads) and sealed to the counselling team's
public key (the team's side, which only a signed-in counsellor holding the team key reads).
A team note has only the team's side. What the rows show: that a workspace talks with the
team, the day of each message, who wrote it (the reader, or which counsellor), the order,
and the conversation's state. Ids are random, so no id tells who wrote before whom.
Deleting the workspace deletes all of it (the foreign key cascades).
"""

import re
import secrets

from django.conf import settings
from django.db import models

from waymark.workspace.models import Workspace

ID = re.compile(r"[0-9a-f]{32}")


def new_id() -> str:
    return secrets.token_hex(16)


def is_id(value: str) -> bool:
    """Whether a posted value can be one of these ids (checked before any query sees it)."""
    return bool(ID.fullmatch(value))


class Conversation(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting"  # the reader's last message awaits a counsellor
        ANSWERED = "answered"
        NO_REPLY = "no-reply"  # a counsellor marked the last message as needing no reply
        CLOSED = "closed"  # ended by the counsellors; writing again opens it

    id = models.CharField(primary_key=True, max_length=32, default=new_id)
    workspace = models.OneToOneField(
        Workspace, on_delete=models.CASCADE, related_name="conversation"
    )
    language = models.CharField(max_length=8)
    status = models.CharField(max_length=10, choices=Status, default=Status.WAITING)
    # The day of the oldest message still waiting for a reply; empty when none waits.
    waiting_since = models.DateField(null=True, db_index=True)
    # The counsellor it was handed to; empty: anyone in the team.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Positions of messages so far; the next one takes this plus one.
    last_position = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return "conversation"


class Message(models.Model):
    class Kind(models.TextChoices):
        READER = "reader"
        REPLY = "reply"
        NOTE = "note"  # a counsellor's private note for the team: never the reader's

    id = models.CharField(primary_key=True, max_length=32, default=new_id)
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=8, choices=Kind)
    day = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    for_reader = models.BinaryField(null=True)
    for_team = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "position"], name="one_position")
        ]

    def __str__(self) -> str:
        return "message"


class Share(models.Model):
    """A copy of something the reader chose to show the counsellors, as it was that day.

    Which item it is travels inside both seals; the reader withdraws it by deleting the row."""

    id = models.CharField(primary_key=True, max_length=32, default=new_id)
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="shares")
    day = models.DateField()
    for_reader = models.BinaryField()
    for_team = models.BinaryField()

    def __str__(self) -> str:
        return "share"


class Snippet(models.Model):
    """A counsellor's saved reply, in one language, sealed for the team."""

    id = models.CharField(primary_key=True, max_length=32, default=new_id)
    language = models.CharField(max_length=8)
    for_team = models.BinaryField()

    def __str__(self) -> str:
        return "snippet"
