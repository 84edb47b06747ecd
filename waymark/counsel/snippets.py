"""Saved replies: texts a counsellor starts a reply from, one language each, sealed for the
team like everything else the counselling team writes."""

from dataclasses import dataclass

from waymark.counsel import sealed
from waymark.counsel.models import Snippet, new_id

LONGEST_TITLE = 100


@dataclass(frozen=True)
class Opened:
    id: str
    language: str
    title: str
    text: str


def add(session, language: str, title: str, text: str) -> bool:
    """False when the team has no key yet. The same reply saved twice (a double submit) is
    kept once. Raises teams.NoTeamKey."""
    if any((s.title, s.text) == (title, text) for s in opened(session, language)):
        return True
    snippet_id = new_id()
    value = {"title": title, "text": text}
    for_team = sealed.for_team(value, *sealed.snippet_place(snippet_id, language))
    if for_team is None:
        return False
    Snippet.objects.create(id=snippet_id, language=language, for_team=for_team)
    return True


def opened(session, language: str | None = None) -> list[Opened]:
    """Saved replies, by language and title; only one language's when given.
    Raises teams.NoTeamKey."""
    rows = Snippet.objects.all() if language is None else Snippet.objects.filter(language=language)
    found = []
    for row in rows:
        value = sealed.open_for_team(
            session, row.for_team, *sealed.snippet_place(row.id, row.language)
        )
        if value is None:
            continue  # saved under an earlier team key: it can only be written again
        found.append(Opened(row.id, row.language, value["title"], value["text"]))
    return sorted(found, key=lambda s: (s.language, s.title.casefold(), s.id))


def delete(snippet_id: str) -> bool:
    return bool(Snippet.objects.filter(id=snippet_id).delete()[0])
