"""A reader's conversation with the counsellors: writing, replying, notes, states. No request.

The reader acts from their open workspace (an `Unlocked`); counsellors act with the team key
in their session. Every write runs in one transaction with the conversation row locked, so a
double submit, a reload or two counsellors at once neither duplicate a message nor give two
the same place. The same text sent again on the same day as the last message is taken for a
resend and stored once.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from waymark.counsel import sealed
from waymark.counsel.models import Conversation, Message
from waymark.counsel.texts import crisis_in
from waymark.staff.models import Team, TeamKey
from waymark.web.scrub import scrub
from waymark.workspace import workspaces
from waymark.workspace.workspaces import Unlocked, today

# The most a message, reply or note may hold, in characters as the writer sees them.
LONGEST = 4000
# The reader's own record of what they have read, kept sealed in their workspace.
READ_KIND, READ_ID = "counsel", "read"
Status = Conversation.Status
Kind = Message.Kind


class LimitReached(Exception):
    """The workspace has sent as many messages today as a day allows."""


class Gone(Exception):
    """The workspace or conversation no longer exists (deleted elsewhere, or expired)."""


class NoTeamKey(Exception):
    """The counselling team has no key (nobody could read it): nothing is stored."""


def enabled() -> bool:
    return settings.WAYMARK_COUNSEL_ENABLED


def available() -> bool:
    """Whether a message can be received: the operator turned it on, and a counsellor holds
    the team key (without one nobody could ever read it)."""
    return enabled() and TeamKey.objects.filter(team=Team.COUNSEL).exists()


def conversation_language(language: str) -> str:
    counsellors = settings.WAYMARK_COUNSEL_LANGUAGES
    return language if language in counsellors else counsellors[0]


@dataclass(frozen=True)
class Prepared:
    """A reader's text as it will be sent: scrubbed, with what it calls for."""

    text: str
    removed: bool
    crisis: tuple[str, ...]


def problem_with(text: str) -> str:
    """What is wrong with a message, reply or note as written, or "" when nothing is."""
    if not text:
        return _("Please write your message first.")
    if len(text) > LONGEST:
        return ngettext(
            "Please shorten this to %(limit)s character or fewer. It has %(count)s now.",
            "Please shorten this to %(limit)s characters or fewer. It has %(count)s now.",
            LONGEST,
        ) % {"limit": LONGEST, "count": len(text)}
    return ""


def prepare(cleaned: str) -> Prepared:
    scrubbed = scrub(cleaned)
    return Prepared(scrubbed, scrubbed != cleaned, crisis_in(cleaned))


@dataclass(frozen=True)
class Shown:
    """One message as its reader (the person or the team) sees it."""

    id: str
    kind: str
    day: date
    text: str
    removed: bool = False
    crisis: tuple[str, ...] = ()
    author: str = ""
    position: int = 0
    unreadable: bool = False


def of_workspace(unlocked: Unlocked) -> Conversation | None:
    return (
        Conversation.objects.select_related("workspace")
        .filter(workspace_id=unlocked.workspace_id)
        .first()
    )


def sent_today(conversation: Conversation) -> int:
    return Message.objects.filter(conversation=conversation, kind=Kind.READER, day=today()).count()


def _add(conversation, kind, value, reader_key, author=None) -> Message:
    """Seals and stores the next message. Call it with the conversation row locked.
    Raises NoTeamKey."""
    message = Message(
        conversation=conversation,
        position=conversation.last_position + 1,
        kind=kind,
        day=today(),
        author=author,
    )
    place = sealed.message_place(conversation.id, message.id, kind, message.position)
    message.for_team = sealed.for_team(value, *place)
    if message.for_team is None:
        raise NoTeamKey
    if reader_key is not None:
        message.for_reader = sealed.for_reader(reader_key, value, *place)
    message.save(force_insert=True)
    conversation.last_position = message.position
    return message


def _last(conversation) -> Message | None:
    return Message.objects.filter(
        conversation=conversation, position=conversation.last_position
    ).first()


@transaction.atomic
def send(unlocked: Unlocked, prepared: Prepared, language: str) -> Conversation:
    """The reader's message, sealed for them and for the team; the conversation waits for a
    reply. Raises LimitReached, NoTeamKey, or Gone when the workspace no longer exists."""
    pair = workspaces.key_pair(unlocked)
    if pair is None:
        raise Gone
    private, public = pair
    conversation, _created = Conversation.objects.select_for_update().get_or_create(
        workspace_id=unlocked.workspace_id,
        defaults={"language": conversation_language(language)},
    )
    last = _last(conversation)
    value = {"text": prepared.text, "removed": prepared.removed, "crisis": list(prepared.crisis)}
    if last is not None and last.kind == Kind.READER and last.day == today():
        place = sealed.message_place(conversation.id, last.id, last.kind, last.position)
        if sealed.open_for_reader(private, last.for_reader, *place)["text"] == prepared.text:
            return conversation
    if sent_today(conversation) >= settings.WAYMARK_COUNSEL_MESSAGES_PER_DAY:
        raise LimitReached
    _add(conversation, Kind.READER, value, public)
    if conversation.status != Status.WAITING or conversation.waiting_since is None:
        conversation.status, conversation.waiting_since = Status.WAITING, today()
    conversation.save()
    return conversation


def for_reader(unlocked: Unlocked, conversation: Conversation) -> list[Shown]:
    """The messages and replies, oldest first, opened with the workspace's own key."""
    private, _public = workspaces.key_pair(unlocked, conversation.workspace)
    shown = []
    for message in conversation.messages.exclude(kind=Kind.NOTE).order_by("position"):
        place = sealed.message_place(conversation.id, message.id, message.kind, message.position)
        value = sealed.open_for_reader(private, message.for_reader, *place)
        shown.append(_shown(message, value))
    return shown


def _shown(message: Message, value: dict, author: str = "") -> Shown:
    return Shown(
        message.id,
        message.kind,
        message.day,
        value["text"],
        removed=value.get("removed", False),
        crisis=tuple(value.get("crisis", ())),
        author=author,
        position=message.position,
        unreadable=value.get("unreadable", False),
    )


def read_position(store) -> int:
    return (store.get(READ_KIND, READ_ID) or {}).get("position", 0)


def mark_read(store, conversation: Conversation) -> None:
    if read_position(store) != conversation.last_position:
        store.put(READ_KIND, READ_ID, {"position": conversation.last_position})


def new_replies(store, conversation: Conversation) -> int:
    return conversation.messages.filter(kind=Kind.REPLY, position__gt=read_position(store)).count()


# The team's side.

# What stands for a seal the team key does not open.
UNREADABLE = {"text": "", "unreadable": True}


def for_team(session, conversation: Conversation) -> list[Shown]:
    """Every message, reply and note, oldest first. Raises teams.NoTeamKey."""
    shown = []
    messages = conversation.messages.select_related("author").order_by("position")
    for message in messages:
        place = sealed.message_place(conversation.id, message.id, message.kind, message.position)
        value = sealed.open_for_team(session, message.for_team, *place) or UNREADABLE
        author = message.author.get_username() if message.author else ""
        shown.append(_shown(message, value, author))
    return shown


def _locked(conversation_id: str) -> Conversation:
    found = (
        Conversation.objects.select_for_update()
        .select_related("workspace")
        .filter(id=conversation_id)
        .first()
    )
    if found is None:
        raise Gone
    return found


def _resent(session, conversation, kind, author, text) -> bool:
    last = _last(conversation)
    if last is None or last.kind != kind or last.author_id != author.pk or last.day != today():
        return False
    place = sealed.message_place(conversation.id, last.id, last.kind, last.position)
    return (sealed.open_for_team(session, last.for_team, *place) or UNREADABLE)["text"] == text


@transaction.atomic
def reply(session, conversation_id: str, author, text: str) -> None:
    """A counsellor's reply, sealed for the reader and the team. Raises Gone, NoTeamKey."""
    conversation = _locked(conversation_id)
    if _resent(session, conversation, Kind.REPLY, author, text):
        return
    reader_key = bytes(conversation.workspace.public_key)
    _add(conversation, Kind.REPLY, {"text": text}, reader_key, author)
    conversation.status, conversation.waiting_since = Status.ANSWERED, None
    conversation.save()


@transaction.atomic
def note(session, conversation_id: str, author, text: str) -> None:
    """A private note for the team: it has no reader's side at all. Raises Gone, NoTeamKey."""
    conversation = _locked(conversation_id)
    if _resent(session, conversation, Kind.NOTE, author, text):
        return
    _add(conversation, Kind.NOTE, {"text": text}, None, author)
    conversation.save()


def set_status(conversation_id: str, status: str) -> bool:
    """No reply needed, or closed: the conversation leaves the waiting list."""
    if status not in (Status.NO_REPLY, Status.CLOSED):
        return False
    return bool(
        Conversation.objects.filter(id=conversation_id).update(status=status, waiting_since=None)
    )


def hand_over(conversation_id: str, member) -> bool:
    """To one counsellor, or (member None) back to the whole team."""
    return bool(Conversation.objects.filter(id=conversation_id).update(assigned_to=member))
