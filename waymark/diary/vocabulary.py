"""The diary's shared words (situations, emotions, things to do instead) and short texts.

They live in content/<lang>/diary.yaml so that an editor changes them without code. English
is the reference; every other language must use exactly the same ids. Loaded once at start
(`install`, called from the app config) and read with `for_language`. Pure: no requests, no
templates, no settings.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from waymark import links
from waymark.web.content import ContentError, Problem, read_yaml_file, relative

REFERENCE = "en"
FILE_NAME = "diary.yaml"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_ON_LINE = re.compile(r"(?:^|[{,\s-])id:\s*[\"']?([^,}\"'\s]+)")

# The code orders entries by these, so they are fixed.
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
# Saved entries and the chapters refer to these ids: an editor may add words, never drop these.
STABLE_IDS = {
    "situations": (
        "alone-at-home",
        "at-night-in-bed",
        "after-conflict",
        "after-work",
        "after-drinking",
        "browsing-adult-porn",
        "online-chat",
        "travelling",
        "weekend-no-plans",
    ),
    "emotions": (
        "lonely",
        "bored",
        "stressed",
        "anxious",
        "sad",
        "angry",
        "ashamed",
        "guilty",
        "rejected",
        "tired",
        "restless",
        "empty",
        "aroused",
        "excited",
    ),
    "actions": (
        "leave-the-device",
        "go-outside",
        "call-someone",
        "physical-exercise",
        "shower",
        "breathing",
        "urge-surfing",
        "write-it-down",
        "read-my-plan",
        "distracting-task",
        "helpline",
        "sleep",
    ),
}
LISTS = ("parts_of_day", "situations", "emotions", "actions")
# The exercises the chain view links to, by the program's exercise ids: each needs a link text.
EXERCISES = links.diary_exercises()
TEXTS = (
    "entry_intro",
    "no_names",
    "saved",
    "lapse_title",
    "lapse",
    "lapse_next",
    "chain_intro",
    "step_in_trigger",
    "step_in_thoughts",
    "step_in_emotion",
    "step_in_urge",
    "step_in_action",
    "checkin_intro",
    "checkin_zero",
    "days_since_intro",
)


@dataclass(frozen=True)
class Word:
    id: str
    label: str


@dataclass(frozen=True)
class Vocabulary:
    parts_of_day: tuple[Word, ...]
    situations: tuple[Word, ...]
    emotions: tuple[Word, ...]
    actions: tuple[Word, ...]
    exercises: dict[str, str]
    texts: dict[str, str]

    def label(self, list_name: str, word_id: str) -> str:
        """The label of a word; a word since removed from the file shows as its id."""
        for word in getattr(self, list_name):
            if word.id == word_id:
                return word.label
        return word_id

    def ids(self, list_name: str) -> tuple[str, ...]:
        return tuple(word.id for word in getattr(self, list_name))

    @property
    def prose(self) -> dict[str, list[str]]:
        """Each text as paragraphs, for templates."""
        return {
            key: [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
            for key, text in self.texts.items()
        }


def _id_lines(text: str) -> dict[str, list[int]]:
    """Every line on which each id is written, in both `- id: x` and `{id: x}` style."""
    found: dict[str, list[int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = ID_ON_LINE.search(line)
        if match:
            found.setdefault(match.group(1), []).append(number)
    return found


def _read(path: Path, root: Path) -> tuple[Vocabulary | None, list[Problem]]:
    name, text, data, problems = read_yaml_file(path, root)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(name, 1, "The file must hold the keys " + ", ".join(LISTS))]
    id_lines = _id_lines(text)
    top_lines = {
        key: number
        for number, line in enumerate(text.splitlines(), start=1)
        for key in (*LISTS, "exercises", "texts")
        if line.startswith(f"{key}:")
    }
    lists: dict[str, tuple[Word, ...]] = {}
    for list_name in LISTS:
        items = data.get(list_name)
        at = top_lines.get(list_name, 1)
        if not isinstance(items, list) or not items:
            problems.append(Problem(name, at, f"`{list_name}` must be a list of id and label"))
            continue
        words: list[Word] = []
        seen: dict[str, int] = {}
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                problems.append(Problem(name, at, f"every item of `{list_name}` needs an id"))
                continue
            word_id, label = item["id"], item.get("label")
            # The n-th time an id is written is its n-th line, so a duplicate points at itself.
            places = id_lines.get(word_id, [])
            line = places[min(seen.get(word_id, 0), len(places) - 1)] if places else at
            seen[word_id] = seen.get(word_id, 0) + 1
            if not ID_PATTERN.match(word_id):
                problems.append(Problem(name, line, f"`{word_id}` is not a lower-case id"))
            if not isinstance(label, str) or not label.strip():
                problems.append(Problem(name, line, f"`{word_id}` needs a label"))
                label = word_id
            if seen[word_id] > 1:
                problems.append(Problem(name, line, f"`{word_id}` appears twice"))
            words.append(Word(word_id, " ".join(str(label).split())))
        lists[list_name] = tuple(words)
    texts = data.get("texts")
    if not isinstance(texts, dict):
        problems.append(Problem(name, top_lines.get("texts", 1), "`texts` is missing"))
        texts = {}
    missing_text = False
    for key in TEXTS:
        if not isinstance(texts.get(key), str) or not texts[key].strip():
            problems.append(Problem(name, top_lines.get("texts", 1), f"text `{key}` is missing"))
            missing_text = True
    exercises = data.get("exercises")
    if not isinstance(exercises, dict):
        exercises = {}
    for key in EXERCISES:
        if not isinstance(exercises.get(key), str) or not exercises[key].strip():
            at = top_lines.get("exercises", 1)
            problems.append(Problem(name, at, f"`exercises` needs a link text for `{key}`"))
            missing_text = True
    if len(lists) != len(LISTS) or missing_text:
        return None, problems
    vocabulary = Vocabulary(
        exercises={key: exercises[key] for key in EXERCISES},
        texts={key: texts[key] for key in TEXTS},
        **lists,
    )
    return vocabulary, problems


def _compare(vocabulary: Vocabulary, reference: Vocabulary | None, name: str) -> list[Problem]:
    """English must keep every stable id; other languages must match English exactly."""
    problems = []
    if vocabulary.ids("parts_of_day") != PARTS_OF_DAY:
        problems.append(
            Problem(name, 1, "`parts_of_day` must be exactly " + ", ".join(PARTS_OF_DAY))
        )
    for list_name in ("situations", "emotions", "actions"):
        ids = vocabulary.ids(list_name)
        if reference is None:
            missing = [i for i in STABLE_IDS[list_name] if i not in ids]
            if missing:
                problems.append(
                    Problem(
                        name,
                        1,
                        f"`{list_name}` misses {', '.join(missing)}: saved entries use them",
                    )
                )
        elif set(ids) != set(reference.ids(list_name)):
            problems.append(
                Problem(name, 1, f"`{list_name}` must use exactly the ids of the English file")
            )
    return problems


def load(content_root: Path) -> tuple[dict[str, Vocabulary], list[Problem]]:
    """Every language's vocabulary, and every problem found in the files."""
    content_root = Path(content_root)
    reference_path = content_root / REFERENCE / FILE_NAME
    if not reference_path.exists():
        return {}, [Problem(relative(reference_path, content_root), 1, "the file is missing")]
    found: dict[str, Vocabulary] = {}
    problems: list[Problem] = []
    reference, reference_problems = _read(reference_path, content_root)
    problems += reference_problems
    if reference is not None:
        problems += _compare(reference, None, relative(reference_path, content_root))
        found[REFERENCE] = reference
    for path in sorted(content_root.glob(f"*/{FILE_NAME}")):
        language = path.parent.name
        if language == REFERENCE:
            continue
        vocabulary, file_problems = _read(path, content_root)
        problems += file_problems
        if vocabulary is not None:
            name = relative(path, content_root)
            problems += _compare(vocabulary, reference, name)
            found[language] = vocabulary
    return found, sorted(problems)


def check(content_root: Path) -> list[Problem]:
    return load(content_root)[1]


_installed: dict[str, Vocabulary] = {}


def install(content_root: Path) -> None:
    """Loads the files once; a broken file stops the start with every problem listed."""
    found, problems = load(content_root)
    if problems:
        raise ContentError(problems)
    _installed.clear()
    _installed.update(found)


def for_language(language: str | None) -> Vocabulary:
    """The words in the reader's language, or in English where no translation exists."""
    if not _installed:
        from django.conf import settings

        install(settings.WAYMARK_CONTENT_DIR)
    code = (language or REFERENCE).split("-")[0]
    return _installed.get(code) or _installed[REFERENCE]
