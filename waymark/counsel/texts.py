"""The operator's texts for "Talk to a person", and the words that bring crisis help at once.

content/<lang>/counsel.yaml holds, per language: who answers, what not to write, what the
counsellors must do under the operator's law, and the crisis words. A message is checked
against the crisis words of every language (people write in the language they think in,
whatever the page's language). A phrase ending in "*" matches any word it begins ("suicid*":
suicide, suicidal). Loaded once at start (`install`); `check` lists problems with file and
line for `manage.py check_content`. Pure: no requests, no templates, no settings.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from waymark.web.content import ContentError, Problem, read_yaml_file, relative

REFERENCE = "en"
FILE_NAME = "counsel.yaml"
TEXTS = ("who_answers", "not_to_write", "legal")
# The same two kinds of help as the self-check: crisis lines, and services that help people
# who fear they might harm a child.
CRISIS_KINDS = ("self-harm", "harm-to-child")
SHORTEST_PHRASE = 3


@dataclass(frozen=True)
class Texts:
    who_answers: str
    not_to_write: str
    legal: str
    crisis: dict[str, tuple[str, ...]]


def normalised(text: str) -> str:
    """Lower case, compatibility forms (fullwidth letters), one kind of apostrophe."""
    return unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")


def _phrase_pattern(phrase: str) -> str:
    stem = phrase.removesuffix("*")
    words = r"\s+".join(re.escape(word) for word in normalised(stem).split())
    return words + (r"\w*" if phrase.endswith("*") else "")


def _paragraphs(text: str) -> str:
    """Paragraphs apart by one blank line, each on one line: the file's line breaks are only
    where the editor's window ended."""
    return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip()))


def _line_where(text: str, matches) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if matches(line.strip()):
            return number
    return 1


def _key_line(text: str, key: str) -> int:
    return _line_where(text, lambda line: line.startswith(f"{key}:"))


def _item_line(text: str, item) -> int:
    return _line_where(text, lambda line: line.removeprefix("-").strip().strip("'\"") == str(item))


def _read_crisis(data, text: str, name: str) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    problems: list[Problem] = []
    found: dict[str, tuple[str, ...]] = {}
    crisis_line = _key_line(text, "crisis")
    if not isinstance(data, dict):
        return {}, [Problem(name, crisis_line, "`crisis` must map each kind to a list of words")]
    for kind in data:
        if kind not in CRISIS_KINDS:
            problems.append(Problem(name, _key_line(text, kind), f"unknown crisis kind {kind!r}"))
    for kind in CRISIS_KINDS:
        phrases = data.get(kind)
        if not isinstance(phrases, list) or not phrases:
            problems.append(Problem(name, crisis_line, f"`crisis` needs a list for {kind!r}"))
            continue
        seen: set[str] = set()
        for phrase in phrases:
            line = _item_line(text, phrase)
            if not isinstance(phrase, str) or "*" in phrase.removesuffix("*"):
                problems.append(Problem(name, line, f"{phrase!r} is not a word or phrase"))
                continue
            letters = re.sub(r"\W", "", phrase)
            if len(letters) < SHORTEST_PHRASE:
                problems.append(
                    Problem(name, line, f"{phrase!r} is too short: it would match everywhere")
                )
            elif normalised(phrase) in seen:
                problems.append(Problem(name, line, f"{phrase!r} appears twice"))
            seen.add(normalised(phrase))
        found[kind] = tuple(p for p in phrases if isinstance(p, str))
    return found, problems


def _read(path: Path, root: Path) -> tuple[Texts | None, list[Problem]]:
    name, text, data, problems = read_yaml_file(path, root)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(name, 1, "the file must hold the texts and `crisis`")]
    for key in data:
        if key not in (*TEXTS, "crisis"):
            problems.append(Problem(name, _key_line(text, key), f"unknown key {key!r}"))
    for key in TEXTS:
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(Problem(name, _key_line(text, key), f"`{key}` needs a text"))
    crisis, crisis_problems = _read_crisis(data.get("crisis"), text, name)
    problems += crisis_problems
    if problems:
        return None, problems
    return Texts(**{key: _paragraphs(data[key]) for key in TEXTS}, crisis=crisis), []


def load(content_root: Path) -> tuple[dict[str, Texts], list[Problem]]:
    """Each language's texts: English must exist, and so must the file of every language
    that has a program of its own (a reader in that language reads these texts too)."""
    content_root = Path(content_root)
    found: dict[str, Texts] = {}
    problems: list[Problem] = []
    languages = sorted(p.parent.name for p in content_root.glob("*/program.yaml"))
    if REFERENCE not in languages:
        languages.append(REFERENCE)
    for language in languages:
        path = content_root / language / FILE_NAME
        if not path.is_file():
            problems.append(Problem(relative(path, content_root), 1, "the file is missing"))
            continue
        texts, file_problems = _read(path, content_root)
        problems += file_problems
        if texts is not None:
            found[language] = texts
    return found, sorted(problems)


def check(content_root: Path) -> list[Problem]:
    return load(content_root)[1]


_installed: dict[str, Texts] = {}
_crisis_patterns: dict[str, re.Pattern] = {}


def install(content_root: Path) -> None:
    """Loads the files once; a broken file stops the start with every problem listed."""
    found, problems = load(content_root)
    if problems:
        raise ContentError(problems)
    _installed.clear()
    _installed.update(found)
    _crisis_patterns.clear()
    for kind in CRISIS_KINDS:
        phrases = sorted({p for texts in found.values() for p in texts.crisis[kind]}, key=len)
        alternatives = "|".join(_phrase_pattern(p) for p in reversed(phrases))
        _crisis_patterns[kind] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _ensure_installed() -> None:
    if not _installed:
        from django.conf import settings

        install(settings.WAYMARK_CONTENT_DIR)


def for_language(language: str | None) -> Texts:
    """The texts in the reader's language, or in English where the language has none."""
    _ensure_installed()
    code = (language or REFERENCE).split("-")[0]
    return _installed.get(code) or _installed[REFERENCE]


def crisis_in(text: str) -> tuple[str, ...]:
    """The kinds of crisis help the words of a text call for, in CRISIS_KINDS order."""
    _ensure_installed()
    plain = normalised(text)
    return tuple(kind for kind in CRISIS_KINDS if _crisis_patterns[kind].search(plain))
