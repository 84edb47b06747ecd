"""Helplines by country, from content/en/helplines.yaml. Pure: no requests.

Facts (numbers, websites, sources, the day they were checked) live in the English file only,
so an operator corrects a number once. content/<lang>/helplines.yaml gives the words in
another language, entry by entry under the same ids; a language without one shows English.
"""

import datetime
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from waymark.web.content import (
    ContentError,
    Problem,
    key_lines,
    read_yaml_file,
    relative,
)

# prevention: for people worried about their own sexual thoughts or behaviour; crisis: for
# anyone in emotional crisis; survivors: for people harmed by sexual abuse and their families.
KINDS = ("prevention", "crisis", "survivors")
REQUIRED = ("id", "organisation", "country", "kind", "for", "source", "last_verified")
FILE_NAME = "helplines.yaml"
REFERENCE = "en"
# The words a translation gives for an entry: YAML key -> Helpline field.
TEXT_FIELDS = {
    "country": "country",
    "for": "for_whom",
    "phone_note": "phone_note",
    "also": "also",
    "confidentiality": "confidentiality",
}


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
    # The languages whose readers live where this service is: they see it first.
    languages: tuple[str, ...] = ()

    @property
    def site(self) -> str:
        """The website's name without scheme or path, short enough for a phone's width."""
        return urlsplit(self.website).netloc.removeprefix("www.")


@dataclass(frozen=True)
class Helplines:
    emergency: str
    verification_note: str
    lines: tuple[Helpline, ...]
    language: str = REFERENCE

    def of_kind(self, kind: str) -> tuple[Helpline, ...]:
        """The services of one kind, those of the reader's own countries first."""
        return self.local(kind) + self.elsewhere(kind)

    def local(self, kind: str) -> tuple[Helpline, ...]:
        return tuple(
            line for line in self.lines if line.kind == kind and self.language in line.languages
        )

    def elsewhere(self, kind: str) -> tuple[Helpline, ...]:
        return tuple(
            line for line in self.lines if line.kind == kind and self.language not in line.languages
        )


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
        languages = item.get("languages") or []
        if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
            problems.append(Problem(name, line, "languages must be a list such as [fi]"))
            languages = []
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
                languages=tuple(languages),
            )
        )
    emergency = (data.get("emergency") or {}).get("text", "").strip()
    if not emergency:
        problems.append(Problem(name, 1, "missing emergency.text"))
    if problems:
        return None, problems
    return Helplines(emergency, (data.get("verification_note") or "").strip(), tuple(helplines)), []


def _text(value) -> str:
    return str(value or "").strip()


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith(f"{key}:"):
            return number
    return 1


def _translate(english: Helplines, path: Path, root: Path) -> tuple[Helplines | None, list]:
    """The English list in the words of a translation file, checked against English."""
    name, text, data, problems = read_yaml_file(path, root)
    if problems:
        return None, problems
    if not isinstance(data, dict) or not isinstance(data.get("helplines"), dict):
        return None, [Problem(name, 1, "expected a mapping with helpline ids under 'helplines'")]
    given = data["helplines"]
    for unknown in given.keys() - {line.id for line in english.lines}:
        problems.append(Problem(name, _line_of(text, unknown), f"unknown helpline id {unknown!r}"))
    lines = []
    for line in english.lines:
        words = given.get(line.id)
        if not isinstance(words, dict):
            problems.append(Problem(name, 1, f"helpline {line.id!r} is missing or not a mapping"))
            continue
        at = _line_of(text, line.id)
        needed = {key for key, field in TEXT_FIELDS.items() if getattr(line, field)}
        if facts := words.keys() - TEXT_FIELDS.keys():
            problems.append(
                Problem(name, at, f"{line.id}: {sorted(facts)} come from the English file only")
            )
        if missing := sorted(key for key in needed if not _text(words.get(key))):
            problems.append(Problem(name, at, f"{line.id}: misses {missing}"))
        if extra := sorted(key for key in words.keys() & TEXT_FIELDS.keys() - needed):
            problems.append(Problem(name, at, f"{line.id}: {extra} are empty in English"))
        lines.append(replace(line, **{TEXT_FIELDS[k]: _text(words.get(k)) for k in needed}))
    emergency = _text((data.get("emergency") or {}).get("text"))
    if not emergency:
        problems.append(Problem(name, 1, "missing emergency.text"))
    note = _text(data.get("verification_note"))
    if english.verification_note and not note:
        problems.append(Problem(name, 1, "missing verification_note"))
    if problems:
        return None, problems
    return Helplines(emergency, note, tuple(lines)), []


def _load(root: Path, language: str) -> tuple[Helplines | None, list[Problem]]:
    english_path = root / REFERENCE / FILE_NAME
    if not english_path.exists():
        return None, [Problem(relative(english_path, root), 1, "English helplines are missing")]
    english, problems = _parse(english_path, root)
    path = root / language / FILE_NAME
    if english is None or language == REFERENCE or not path.exists():
        loaded = english
    else:
        loaded, problems = _translate(english, path, root)
    return (replace(loaded, language=language) if loaded else None), problems


def check(root: Path) -> list[Problem]:
    problems = _load(root, REFERENCE)[1]
    if problems:
        return problems
    for language_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if language_dir.name != REFERENCE:
            problems.extend(_load(root, language_dir.name)[1])
    return problems


@cache
def helplines_for(language: str) -> Helplines:
    """The helplines in the language's own words if it has them, else in English."""
    loaded, problems = _load(settings.WAYMARK_CONTENT_DIR, language)
    if problems:
        raise ContentError(problems)
    return loaded
