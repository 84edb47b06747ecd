"""The diary's part of the downloadable workbook: every entry and check-in in plain words."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from waymark.diary.describe import describe, hours_text, week_text
from waymark.diary.entries import CHECKIN, ENTRY, checkins_from, entries_from
from waymark.diary.vocabulary import for_language
from waymark.workspace.workbook import WorkbookEntry, WorkbookSection


def _entry_text(item) -> str:
    entry = item.entry
    lines = [_("Where: %(situation)s") % {"situation": item.situation}]
    if item.emotions:
        lines.append(_("Feelings: %(feelings)s") % {"feelings": ", ".join(item.emotions)})
    lines.append(_("Urge strength: %(urge)d of 10") % {"urge": entry.urge})
    if entry.thoughts:
        lines.append(_("Thoughts: %(thoughts)s") % {"thoughts": entry.thoughts})
    if item.actions:
        lines.append(_("What I did: %(actions)s") % {"actions": "; ".join(item.actions)})
    lines.append(_("Acted on the urge: %(acted)s") % {"acted": item.acted})
    if entry.urge_after is not None:
        lines.append(_("Urge strength afterwards: %(urge)d of 10") % {"urge": entry.urge_after})
    return "\n".join(lines)


def sections(store) -> list[WorkbookSection]:
    vocabulary = for_language(get_language())
    entries = entries_from(store.all(ENTRY))
    checkins = checkins_from(store.all(CHECKIN))
    found = []
    if entries:
        found.append(
            WorkbookSection(
                title=_("Urge diary"),
                intro=_("Your diary entries, newest first."),
                entries=tuple(
                    WorkbookEntry(item.when, _entry_text(item))
                    for item in (describe(entry, vocabulary) for entry in entries)
                ),
            )
        )
    if checkins:
        found.append(
            WorkbookSection(
                title=_("Weekly check-ins"),
                intro=_("Your answers, oldest week first."),
                entries=tuple(
                    WorkbookEntry(
                        week_text(c.week),
                        "\n".join(
                            [
                                _("Hours spent viewing: %(hours)s") % {"hours": hours_text(c)},
                                _("Days I acted on an urge: %(days)d") % {"days": c.lapse_days},
                                _("Average urge strength: %(urge)d of 10") % {"urge": c.urge},
                                _("Confidence to keep going: %(confidence)d of 10")
                                % {"confidence": c.confidence},
                            ]
                        ),
                    )
                    for c in checkins
                ),
            )
        )
    return found
