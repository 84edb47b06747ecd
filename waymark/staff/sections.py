"""The staff pages apps add (research, counselling, the operator's), by the permission
needed to open them.

Apps register their section when they start (AppConfig.ready); the staff app itself names
no other app's pages.
"""

from dataclasses import dataclass

from django.urls import reverse

from waymark.staff import teams


@dataclass(frozen=True)
class Section:
    permission: str
    url_name: str
    label: str


_sections: list[Section] = []


def register(permission: str, url_name: str, label) -> None:
    section = Section(permission, url_name, label)
    if section not in _sections:
        _sections.append(section)


def for_user(user) -> list[tuple[str, str]]:
    """(address, label) of each section the user may open."""
    return [
        (reverse(section.url_name), str(section.label))
        for section in _sections
        if teams.may(user, section.permission)
    ]
