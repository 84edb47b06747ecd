"""Reads one page file or one YAML block into model objects, noting every problem.

A `Reader` collects problems (file and line) and the internal links it met, so that
waymark/program/content.py can check them once every chapter is known. Pure.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from waymark.program import markdown, model
from waymark.web.content import Problem, key_lines, load_yaml

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FENCE = re.compile(r"^(`{3,}|~{3,})\s*([^\s`]*)\s*$")
REQUIRED = {
    "callout": ("text",),
    "fact": ("text", "source"),
    "factors": ("items",),
    "figure": ("id", "survey", "question", "answer", "statement", "fallback"),
    "exercise": ("id", "number", "title", "why", "questions"),
    "summary": ("id", "title", "gathers", "questions"),
    "survey-link": ("survey", "title", "text"),
    "crisis": ("text",),
    "chapter-list": ("title",),
}
FALLBACK_KEYS = ("percent", "n", "year", "source")
# A fact's source names its study, the year and how many people it counts.
SOURCE_YEAR = re.compile(r"\b(19|20)\d\d\b")
SOURCE_N = re.compile(r"\bN = \d")


@dataclass
class Reader:
    """Problems and internal links met while reading one language's files."""

    root: Path
    problems: list[Problem] = field(default_factory=list)
    links: list[tuple[str, markdown.Link]] = field(default_factory=list)
    # (path, line, kind, value) of ids that name something elsewhere: surveys, gathered forms.
    references: list[tuple[str, int, str, str]] = field(default_factory=list)
    page_paths: dict[tuple[str, str], str] = field(default_factory=dict)

    def name(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def problem(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def markdown(self, text, path: str, line: int, inline: bool = False) -> str:
        if not isinstance(text, str):
            self.problem(path, line, "expected text here")
            return ""
        rendered = markdown.render(text, line, inline=inline)
        self.links.extend((path, link) for link in rendered.links)
        for where, message in rendered.outside:
            self.problem(path, where, message)
        return rendered.html

    def identifier(self, value, path: str, line: int, what: str) -> str:
        if isinstance(value, bool):
            self.problem(path, line, f"{what} id must be text: put quotes around it")
            return ""
        if not isinstance(value, str) or not ID.match(value):
            self.problem(
                path, line, f"{what} id {value!r} must be lower-case words joined by hyphens"
            )
            return str(value)
        return value

    def mapping(self, text: str, path: str, first_line: int, what: str) -> dict | None:
        data, problems = load_yaml(text, path, first_line)
        self.problems.extend(problems)
        if problems:
            return None
        if not isinstance(data, dict):
            self.problem(path, first_line, f"{what} must be a set of `key: value` lines")
            return None
        return data

    def missing(self, data: dict, keys, path: str, line: int, what: str) -> bool:
        absent = [key for key in keys if data.get(key) in (None, "", [])]
        for key in absent:
            self.problem(path, line, f"{what} is missing the required key `{key}`")
        return bool(absent)


def key_line(text: str, key: str, first_line: int) -> int:
    """The line of `key:` in a YAML text (its first occurrence), or the text's first line."""
    pattern = re.compile(rf"^\s*(-\s*)?{re.escape(key)}\s*:")
    for number, line in enumerate(text.splitlines(), start=first_line):
        if pattern.match(line):
            return number
    return first_line


def questions(reader: Reader, raw, text: str, path: str, first_line: int):
    """The `questions:` of an exercise, a summary or the self-check."""
    line = key_line(text, "questions", first_line)
    if not isinstance(raw, list):
        reader.problem(path, line, "`questions` must be a list")
        return ()
    lines = key_lines(text, first_line)
    result = []
    for item in raw:
        if not isinstance(item, dict):
            reader.problem(path, line, "each question must be a set of `key: value` lines")
            continue
        where = lines.get(str(item.get("id")), line)
        if reader.missing(item, ("id", "type", "label"), path, where, "a question"):
            continue
        qid = reader.identifier(item["id"], path, where, "question")
        kind = item["type"]
        if kind not in model.QUESTION_TYPES:
            known = ", ".join(model.QUESTION_TYPES)
            reader.problem(path, where, f"unknown question type {kind!r} (known: {known})")
            continue
        options = _options(reader, item, kind, path, where)
        crisis = tuple(str(c) for c in item.get("crisis") or ())
        for option_id in crisis:
            if option_id not in {o.id for o in options}:
                reader.problem(path, where, f"crisis names an unknown option {option_id!r}")
        about = str(item.get("crisis_about") or "both")
        if about not in model.CRISIS_NUMBERS:
            known = ", ".join(model.CRISIS_NUMBERS)
            reader.problem(path, where, f"`crisis_about` must be one of {known}")
        result.append(
            model.Question(
                id=qid,
                type=kind,
                label=str(item["label"]),
                help=str(item.get("help") or ""),
                options=options,
                other=bool(item.get("other")) and kind == "checklist",
                min_label=str(item.get("min_label") or ""),
                max_label=str(item.get("max_label") or ""),
                crisis=crisis,
                crisis_about=about,
                starts_from=tuple(str(s) for s in item.get("starts_from") or ()),
            )
        )
    return tuple(result)


def _options(reader: Reader, item: dict, kind: str, path: str, line: int):
    if kind not in ("checklist", "choice"):
        return ()
    raw = item.get("options")
    if not isinstance(raw, list) or not raw:
        reader.problem(path, line, f"a {kind} question needs `options`")
        return ()
    options, seen = [], set()
    for option in raw:
        if not isinstance(option, dict) or reader.missing(
            option, ("id", "label"), path, line, "an option"
        ):
            continue
        option_id = reader.identifier(option["id"], path, line, "option")
        if option_id in seen:
            reader.problem(path, line, f"option id {option_id!r} appears twice")
        seen.add(option_id)
        options.append(model.Option(option_id, str(option["label"])))
    return tuple(options)


def page(reader: Reader, file: Path, chapter_id: str) -> model.Page | None:
    path = reader.name(file)
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        reader.problem(path, 1, "a page starts with front matter between two `---` lines")
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        reader.problem(path, 1, "the front matter is never closed with `---`")
        return None
    front = reader.mapping("".join(lines[1:end]), path, 2, "the front matter")
    if front is None or reader.missing(front, ("id", "title"), path, 1, "the page"):
        return None
    page_id = reader.identifier(front["id"], path, key_line("".join(lines[1:end]), "id", 2), "page")
    blocks = _body(reader, lines, end + 1, path, chapter_id, page_id)
    return model.Page(page_id, str(front["title"]), chapter_id, tuple(blocks))


def _body(reader, lines, start, path, chapter_id, page_id) -> list:
    """Markdown between fenced blocks becomes text; each fenced block is read as YAML."""
    blocks: list[model.Block] = []
    text: list[str] = []
    text_line = start + 1
    index = start
    while index < len(lines):
        fence = FENCE.match(lines[index].rstrip("\n"))
        if not fence:
            text.append(lines[index])
            index += 1
            continue
        marker, kind = fence[1], fence[2]
        close = next(
            (
                i
                for i in range(index + 1, len(lines))
                if lines[i].strip().startswith(marker[0] * len(marker))
                and not lines[i].strip().strip(marker[0])
            ),
            None,
        )
        if close is None:
            reader.problem(path, index + 1, f"the `{kind or 'fenced'}` block is never closed")
            break
        _text_block(reader, blocks, text, path, text_line)
        block = _block(reader, kind, "".join(lines[index + 1 : close]), path, index + 1)
        if block is not None:
            blocks.append(_placed(block, chapter_id, page_id))
        index = close + 1
        text, text_line = [], index + 1
    _text_block(reader, blocks, text, path, text_line)
    return blocks


def _text_block(reader, blocks, text, path, line) -> None:
    if "".join(text).strip():
        blocks.append(model.Text(reader.markdown("".join(text), path, line)))


def _placed(block, chapter_id, page_id):
    if isinstance(block, model.Exercise | model.SummaryForm):
        return type(block)(**{**block.__dict__, "chapter_id": chapter_id, "page_id": page_id})
    return block


def _block(reader: Reader, kind: str, text: str, path: str, fence_line: int):
    if kind not in REQUIRED:
        known = ", ".join(sorted(REQUIRED))
        reader.problem(path, fence_line, f"unknown block type {kind!r} (known: {known})")
        return None
    first = fence_line + 1
    data = reader.mapping(text, path, first, f"a `{kind}` block")
    if data is None or reader.missing(data, REQUIRED[kind], path, fence_line, f"`{kind}`"):
        return None

    def md(key, inline=False):
        value = data.get(key)
        return reader.markdown(value, path, key_line(text, key, first), inline) if value else ""

    def ident(key, what):
        return reader.identifier(data[key], path, key_line(text, key, first), what)

    if kind == "callout":
        return model.Callout(md("text"), str(data.get("title") or ""))
    if kind == "fact":
        source = str(data["source"])
        if not (SOURCE_YEAR.search(source) and SOURCE_N.search(source)):
            reader.problem(
                path,
                key_line(text, "source", first),
                "a fact's source names the study, its year and N, as in "
                "'Nurmi et al., Scientific Reports, 2024, N = 11,470'",
            )
        return model.Fact(md("text"), source)
    if kind == "crisis":
        about = str(data.get("about") or "both")
        if about not in model.CRISIS_NUMBERS:
            known = ", ".join(model.CRISIS_NUMBERS)
            reader.problem(path, key_line(text, "about", first), f"`about` must be one of {known}")
            about = "both"
        return model.Crisis(md("text"), about)
    if kind == "chapter-list":
        return model.ChapterList(str(data["title"]))
    if kind == "survey-link":
        survey = ident("survey", "survey")
        reader.references.append((path, fence_line, "survey", survey))
        return model.SurveyLink(survey, str(data["title"]), md("text"))
    if kind == "factors":
        return _factors(reader, data, text, path, first)
    if kind == "figure":
        return _figure(reader, data, text, path, first, ident)
    items = questions(reader, data["questions"], text, path, first)
    if kind == "exercise":
        number = data["number"]
        if not isinstance(number, int) or isinstance(number, bool):
            reader.problem(path, key_line(text, "number", first), "`number` must be a number")
            number = 0
        return model.Exercise(
            ident("id", "exercise"),
            number,
            str(data["title"]),
            str(data["why"]),
            md("intro"),
            items,
            "",
            "",
        )
    gathers = data["gathers"] if isinstance(data["gathers"], list) else []
    if not gathers:
        reader.problem(path, key_line(text, "gathers", first), "`gathers` must list exercises")
    for form_id in gathers:
        reader.references.append((path, key_line(text, "gathers", first), "gathers", form_id))
    return model.SummaryForm(
        ident("id", "summary"),
        str(data["title"]),
        md("intro"),
        tuple(str(g) for g in gathers),
        items,
        "",
        "",
    )


def _factors(reader, data, text, path, first):
    def items(raw, line):
        if not isinstance(raw, list):
            reader.problem(path, line, "`items` and `sub` must be lists")
            return ()
        result = []
        for item in raw:
            if not isinstance(item, dict) or not item.get("text"):
                reader.problem(path, line, "each factor needs `text`")
                continue
            result.append(
                model.Factor(
                    str(item["text"]),
                    str(item.get("detail") or ""),
                    items(item.get("sub") or [], line),
                )
            )
        return tuple(result)

    return model.Factors(
        items(data["items"], key_line(text, "items", first)),
        str(data.get("title") or ""),
        str(data.get("intro") or ""),
    )


def _figure(reader, data, text, path, first, ident):
    fallback = data["fallback"]
    line = key_line(text, "fallback", first)
    if not isinstance(fallback, dict) or reader.missing(
        fallback, FALLBACK_KEYS, path, line, "the figure's `fallback`"
    ):
        return None
    numbers = (fallback["percent"], fallback["n"], fallback["year"])
    if not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers):
        reader.problem(path, line, "`percent`, `n` and `year` must be numbers")
        return None
    survey = ident("survey", "survey")
    reader.references.append((path, first, "survey", survey))
    return model.Figure(
        ident("id", "figure"),
        survey,
        str(data["question"]),
        str(data["answer"]),
        str(data["statement"]),
        model.Fallback(
            fallback["percent"], int(fallback["n"]), int(fallback["year"]), str(fallback["source"])
        ),
    )
