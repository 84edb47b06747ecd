"""The downloadable workbook gathers sections that other apps provide.

Workspace cannot know the program or the diary (they use it, not the other way round), so
each names a provider in settings.WAYMARK_WORKBOOK_SECTIONS: a function taking the person's
AnswerStore and returning WorkbookSections.
"""

from dataclasses import dataclass, field

from django.conf import settings

from waymark.web.providers import from_each


@dataclass(frozen=True)
class WorkbookEntry:
    label: str
    answer: str


@dataclass(frozen=True)
class WorkbookSection:
    title: str
    entries: tuple[WorkbookEntry, ...] = field(default_factory=tuple)
    intro: str = ""


def workbook_sections(store) -> list[WorkbookSection]:
    return [s for part in from_each(settings.WAYMARK_WORKBOOK_SECTIONS, store) for s in part]
