"""The diary's part of the downloadable workbook: every entry and check-in in plain words."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from waymark.diary import report
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


PATTERNS = "diary-patterns"


def _table_text(figure: report.Figure) -> str:
    """A figure's table in words, a row a line: "In bed at night — Entries: 4"."""
    return "\n".join(
        f"{row[0]} — "
        + "; ".join(
            f"{header}: {cell}" for header, cell in zip(figure.headers[1:], row[1:], strict=True)
        )
        for row in figure.rows
    )


def shareable(store) -> dict[str, WorkbookSection]:
    """What a person may share with a counsellor: the patterns page's tables, not the entries."""
    vocabulary = for_language(get_language())
    figures = report.entry_figures(entries_from(store.all(ENTRY)), vocabulary)
    figures += report.checkin_figures(checkins_from(store.all(CHECKIN)))
    if not figures:
        return {}
    entries = tuple(WorkbookEntry(figure.title, _table_text(figure)) for figure in figures)
    return {PATTERNS: WorkbookSection(_("Urge diary: your patterns"), entries)}
