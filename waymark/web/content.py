"""What every content file reader shares: problems with file and line, and YAML with lines.

Each app reads its own files (program chapters, surveys, diary words, helplines) and reports
what is wrong as `Problem`s. `manage.py check_content` runs every checker named in
settings.WAYMARK_CONTENT_CHECKS; each is a function taking the content folder and returning
a list of problems. Pure: no requests, no models, no templates.
"""

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def load_yaml(text: str, path: str, first_line: int = 1) -> tuple[object, list[Problem]]:
    """Parses YAML safely; a syntax error becomes a Problem at the line it points to."""
    try:
        return yaml.safe_load(text), []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + (mark.line if mark is not None else 0)
        reason = getattr(error, "problem", None) or str(error)
        return None, [Problem(path, line, f"YAML cannot be read: {reason}")]


def read_yaml_file(path: Path, root: Path) -> tuple[str, str, object, list[Problem]]:
    """A content file's name (relative to the content folder), text, data and YAML problems."""
    name = relative(path, root)
    text = path.read_text(encoding="utf-8")
    data, problems = load_yaml(text, name)
    return name, text, data, problems


def key_lines(text: str, first_line: int = 1) -> dict[str, int]:
    """The line of each `id: value` in a YAML text, so problems can point at an item."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=first_line):
        stripped = line.strip().lstrip("- ").strip()
        if stripped.startswith("id:"):
            value = stripped[3:].strip().strip("'\"")
            lines.setdefault(value, number)
    return lines


def check_all(root: Path) -> list[Problem]:
    """Every problem the checkers of settings.WAYMARK_CONTENT_CHECKS find in `root`."""
    problems = []
    for dotted in settings.WAYMARK_CONTENT_CHECKS:
        problems.extend(import_string(dotted)(root))
    return sorted(problems)


@cache
def checked_once(root: Path) -> tuple[Problem, ...]:
    """check_all, run once per process: a process reads its content once, at start, and
    publishes a change only when restarted."""
    return tuple(check_all(root))


CHECKING_ENV = "WAYMARK_CHECKING_CONTENT"


def load_at_start(install) -> None:
    """Loads an app's content as the app starts, so broken content stops the server.

    `manage.py check_content` sets CHECKING_ENV first: it must start even with broken files,
    to list every problem with its file and line instead of stopping at the first app.
    """
    if os.environ.get(CHECKING_ENV):
        return
    install()
