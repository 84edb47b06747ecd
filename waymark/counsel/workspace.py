"""The conversation's place in the workspace: its panel ("1 new reply") and its workbook part.

Named in settings.WAYMARK_WORKSPACE_PANELS and WAYMARK_WORKBOOK_SECTIONS, so the workspace
shows them without knowing this app.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from waymark.counsel import conversations, shares
from waymark.workspace.panels import Panel
from waymark.workspace.workbook import WorkbookEntry, WorkbookSection


def panels(store) -> list[Panel]:
    if not conversations.enabled():
        return []
    title, link = _("Talk to a person"), reverse("counsel:home")
    conversation = conversations.of_workspace(store.unlocked) if store.saved else None
    if conversation is not None:
        count = conversations.new_replies(store, conversation)
        news = ngettext(
            "%(count)d new reply from a counsellor.",
            "%(count)d new replies from a counsellor.",
            count,
        ) % {"count": count}
        return [Panel(title, link, _("Read and write messages"), news=news if count else "")]
    if not conversations.available():
        return []
    if store.saved:
        text = _(
            "A counsellor of this service can read what you write and reply. You stay anonymous."
        )
    else:
        text = _(
            "You can write to a counsellor once you keep your work with a passphrase: their "
            "replies wait for you in your workspace."
        )
    return [Panel(title, link, _("Write to a counsellor"), text=text)]


def _who(message) -> str:
    return _("You") if message.kind == conversations.Kind.READER else _("Counsellor")


def workbook_sections(store) -> list[WorkbookSection]:
    """The whole conversation in words, and what was shared. Kept even if the operator has
    since turned counselling off: it is the person's own."""
    conversation = conversations.of_workspace(store.unlocked) if store.saved else None
    if conversation is None:
        return []
    entries = [
        WorkbookEntry(f"{date_format(message.day)}, {_who(message)}", message.text)
        for message in conversations.for_reader(store.unlocked, conversation)
    ]
    entries += [
        WorkbookEntry(
            _("Shared with the counsellors on %(day)s") % {"day": date_format(shared.day)},
            shared.title,
        )
        for shared in shares.for_reader(store.unlocked, conversation)
    ]
    return [WorkbookSection(_("Messages with a counsellor"), tuple(entries))]
