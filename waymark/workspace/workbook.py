"""The downloadable workbook gathers sections that other apps provide.

Workspace cannot know the program or the diary (they use it, not the other way round), so
each names a provider in settings.WAYMARK_WORKBOOK_SECTIONS: a function taking the person's
AnswerStore and returning WorkbookSections.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string


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
    sections: list[WorkbookSection] = []
    for dotted in settings.WAYMARK_WORKBOOK_SECTIONS:
        sections.extend(import_string(dotted)(store))
    return sections
