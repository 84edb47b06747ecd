"""An entry and a check-in in plain words, for the pages and the workbook. Pure."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from waymark.diary.entries import OTHER, CheckIn, Entry, week_start
from waymark.diary.vocabulary import Vocabulary


@dataclass(frozen=True)
class Described:
    entry: Entry
    when: str
    situation: str
    emotions: list[str]
    actions: list[str]
    acted: str


def acted_label(acted: str) -> str:
    return {"no": _("No"), "partly": _("Partly"), "yes": _("Yes")}.get(acted, acted)


def label(vocabulary: Vocabulary, list_name: str, word_id: str) -> str:
    if word_id == OTHER:
        return _("Something else")
    return vocabulary.label(list_name, word_id)


def day_text(day) -> str:
    return f"{date_format(day, 'l')} {date_format(day)}"


def describe(entry: Entry, vocabulary: Vocabulary) -> Described:
    situation = label(vocabulary, "situations", entry.situation)
    if entry.situation_note:
        situation = f"{situation}: {entry.situation_note}"
    actions = [label(vocabulary, "actions", action) for action in entry.actions]
    if entry.action_other:
        actions.append(entry.action_other)
    return Described(
        entry=entry,
        when=_("%(day)s, %(part)s")
        % {"day": day_text(entry.day), "part": vocabulary.label("parts_of_day", entry.part)},
        situation=situation,
        emotions=[label(vocabulary, "emotions", emotion) for emotion in entry.emotions],
        actions=actions,
        acted=acted_label(entry.acted),
    )


def week_text(week: str) -> str:
    return _("Week of %(day)s") % {"day": date_format(week_start(week))}


def hours_text(checkin: CheckIn) -> str:
    return f"{checkin.hours:g}"
