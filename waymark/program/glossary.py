"""One word for each key term in a language: content/<lang>/glossary.yaml, and its check.

Each term names the word to use and the variants to avoid. Every text file of that language
(chapters, self-check, surveys, diary words, helplines) is searched for the variants, at the
start of a word, in any case, with a line break wherever the variant has a space; each one
found is a Problem with its file and line. Pure: no requests, no models.
"""

import re
from pathlib import Path

from waymark.web.content import Problem, read_yaml_file

FILE_NAME = "glossary.yaml"
TEXT_FILES = ("*.md", "*.yaml")


def _variant(text: str) -> re.Pattern:
    words = (re.escape(word) for word in text.split())
    return re.compile(r"(?<!\w)" + r"\s+".join(words), re.IGNORECASE)


def _terms(path: Path, root: Path) -> tuple[list[tuple[str, str, re.Pattern]], list[Problem]]:
    name, _text, data, problems = read_yaml_file(path, root)
    if problems:
        return [], problems
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, list):
        return [], [Problem(name, 1, "expected a list under 'terms'")]
    found = []
    for item in terms:
        ok = isinstance(item, dict) and item.get("term") and item.get("use")
        avoid = item.get("avoid") if ok else None
        if not ok or not isinstance(avoid, list) or not avoid:
            problems.append(Problem(name, 1, "each term needs 'term', 'use' and a list 'avoid'"))
            continue
        found += [(str(item["term"]), str(item["use"]), _variant(str(v))) for v in avoid]
    return found, problems


def check(root: Path) -> list[Problem]:
    """Every use of an avoided variant in a language that has a glossary."""
    problems: list[Problem] = []
    for glossary in sorted(root.glob(f"*/{FILE_NAME}")):
        terms, found = _terms(glossary, root)
        problems += found
        files = sorted(
            path
            for pattern in TEXT_FILES
            for path in glossary.parent.rglob(pattern)
            if path != glossary
        )
        for path in files:
            text = path.read_text(encoding="utf-8")
            for term, use, variant in terms:
                for match in variant.finditer(text):
                    line = text.count("\n", 0, match.start()) + 1
                    problems.append(
                        Problem(
                            str(path.relative_to(root.parent)),
                            line,
                            f"'{match[0]}': write '{use}' for '{term}' "
                            f"({glossary.relative_to(root.parent)})",
                        )
                    )
    return problems
