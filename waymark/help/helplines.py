"""Helplines by country, read from content/<lang>/helplines.yaml. Pure: no requests."""

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from waymark.web.content import (
    ContentError,
    Problem,
    key_lines,
    read_yaml_file,
    relative,
)

KINDS = ("prevention", "crisis")
REQUIRED = ("id", "organisation", "country", "kind", "for", "source", "last_verified")
FILE_NAME = "helplines.yaml"


@dataclass(frozen=True)
class Helpline:
    id: str
    organisation: str
    country: str
    kind: str
    for_whom: str
    source: str
    last_verified: datetime.date
    phone: str = ""
    phone_note: str = ""
    also: str = ""
    website: str = ""
    confidentiality: str = ""


@dataclass(frozen=True)
class Helplines:
    emergency: str
    verification_note: str
    lines: tuple[Helpline, ...]

    def of_kind(self, kind: str) -> tuple[Helpline, ...]:
        return tuple(line for line in self.lines if line.kind == kind)


def _parse(path: Path, root: Path) -> tuple[Helplines | None, list[Problem]]:
    name, text, data, problems = read_yaml_file(path, root)
    if problems:
        return None, problems
    lines_of = key_lines(text)
    if not isinstance(data, dict) or not isinstance(data.get("helplines"), list):
        return None, [Problem(name, 1, "expected a mapping with a list under 'helplines'")]
    helplines, seen = [], set()
    for index, item in enumerate(data["helplines"]):
        line = lines_of.get(str(item.get("id")) if isinstance(item, dict) else "", 1)
        if not isinstance(item, dict):
            problems.append(Problem(name, line, f"helpline {index + 1} is not a mapping"))
            continue
        missing = [key for key in REQUIRED if not item.get(key)]
        if missing:
            problems.append(Problem(name, line, f"helpline {index + 1} misses {missing}"))
            continue
        if item["id"] in seen:
            problems.append(Problem(name, line, f"duplicate id {item['id']!r}"))
        seen.add(item["id"])
        if item["kind"] not in KINDS:
            problems.append(Problem(name, line, f"kind must be one of {KINDS}"))
        if not isinstance(item["last_verified"], datetime.date):
            problems.append(Problem(name, line, "last_verified must be a date (YYYY-MM-DD)"))
            continue
        if not (item.get("phone") or item.get("website")):
            problems.append(Problem(name, line, "a helpline needs a phone or a website"))
        helplines.append(
            Helpline(
                id=item["id"],
                organisation=item["organisation"],
                country=item["country"],
                kind=item["kind"],
                for_whom=item["for"].strip(),
                source=item["source"],
                last_verified=item["last_verified"],
                phone=str(item.get("phone", "")),
                phone_note=item.get("phone_note", ""),
                also=item.get("also", ""),
                website=item.get("website", ""),
                confidentiality=(item.get("confidentiality") or "").strip(),
            )
        )
    emergency = (data.get("emergency") or {}).get("text", "").strip()
    if not emergency:
        problems.append(Problem(name, 1, "missing emergency.text"))
    if problems:
        return None, problems
    return Helplines(emergency, (data.get("verification_note") or "").strip(), tuple(helplines)), []


def check(root: Path) -> list[Problem]:
    problems = []
    for language_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        path = language_dir / FILE_NAME
        if path.exists():
            problems.extend(_parse(path, root)[1])
        elif language_dir.name == "en":
            problems.append(Problem(relative(path, root), 1, "English helplines are missing"))
    return problems


@cache
def helplines_for(language: str) -> Helplines:
    """The language's own list if it has one, else the English list."""
    root = settings.WAYMARK_CONTENT_DIR
    path = root / language / FILE_NAME
    if not path.exists():
        path = root / "en" / FILE_NAME
    loaded, problems = _parse(path, root)
    if problems:
        raise ContentError(problems)
    return loaded
