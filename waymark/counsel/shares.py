"""What a reader shows the counsellors: a copy of one item of their work, as it is that day.

The items come from the apps that keep them (the program's exercises and Summary Form, the
diary's patterns), each named in settings.WAYMARK_COUNSEL_SHAREABLE: a function taking the
person's AnswerStore and returning {item id: WorkbookSection}. A share is a snapshot sealed for
the team; later changes are not seen until the reader shares the item again, which replaces
the copy. Withdrawing deletes it. Nothing else of the workspace ever reaches the team.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction

from waymark.counsel import sealed
from waymark.counsel.models import Conversation, Share, is_id
from waymark.web.providers import from_each
from waymark.workspace import workspaces
from waymark.workspace.workbook import WorkbookSection
from waymark.workspace.workspaces import Unlocked


def shareable(store) -> dict[str, WorkbookSection]:
    return {
        k: v
        for part in from_each(settings.WAYMARK_COUNSEL_SHAREABLE, store)
        for k, v in part.items()
    }


@dataclass(frozen=True)
class Shared:
    id: str
    item: str
    title: str
    day: date
    intro: str = ""
    entries: tuple[tuple[str, str], ...] = ()


def for_reader(unlocked: Unlocked, conversation: Conversation) -> list[Shared]:
    """What the reader has shared, oldest first (by day, then by title)."""
    private, _public = workspaces.key_pair(unlocked, conversation.workspace)
    found = []
    for share in conversation.shares.all():
        place = sealed.share_place(conversation.id, share.id)
        value = sealed.open_for_reader(private, share.for_reader, *place)
        found.append(Shared(share.id, value["item"], value["title"], share.day))
    return sorted(found, key=lambda s: (s.day, s.title))


@transaction.atomic
def share(unlocked: Unlocked, conversation: Conversation, item: str, section) -> bool:
    """Shares a copy of the item, replacing an earlier copy of it. False when the team has
    no key (nothing is stored then)."""
    Conversation.objects.select_for_update().filter(id=conversation.id).first()
    earlier = [s.id for s in for_reader(unlocked, conversation) if s.item == item]
    new = Share(conversation=conversation, day=workspaces.today())
    place = sealed.share_place(conversation.id, new.id)
    entries = [[entry.label, entry.answer] for entry in section.entries]
    team_copy = {"item": item, "title": section.title, "intro": section.intro, "entries": entries}
    new.for_team = sealed.for_team(team_copy, *place)
    if new.for_team is None:
        return False
    public = bytes(conversation.workspace.public_key)
    new.for_reader = sealed.for_reader(public, {"item": item, "title": section.title}, *place)
    Share.objects.filter(id__in=earlier).delete()
    new.save(force_insert=True)
    return True


def withdraw(conversation: Conversation, share_id: str) -> bool:
    """Deletes one of this conversation's shares; False for any other id."""
    if not is_id(share_id):
        return False
    deleted, _ = Share.objects.filter(conversation=conversation, id=share_id).delete()
    return bool(deleted)


def for_team(session, conversation: Conversation) -> list[Shared]:
    """The copies shared with the team, opened with the team key. Raises teams.NoTeamKey."""
    found = []
    for share in conversation.shares.all():
        value = sealed.open_for_team(
            session, share.for_team, *sealed.share_place(conversation.id, share.id)
        )
        if value is None:
            continue  # sealed for an earlier team key: the reader may share it again
        found.append(
            Shared(
                share.id,
                value["item"],
                value["title"],
                share.day,
                value.get("intro", ""),
                tuple((label, answer) for label, answer in value["entries"]),
            )
        )
    return sorted(found, key=lambda s: (s.day, s.title))
