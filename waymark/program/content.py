"""Loads the program from content/<lang>/ once, and checks it.

`check(content_root)` lists every problem with file and line (used by `manage.py
check_content`). `load(content_root)` returns one immutable Program per language that has its
own program files, or raises ContentError. The app loads it at start (ProgramConfig.ready);
`program_for(language)` hands it to views, falling back to English for a language whose
program has not been translated. Pure: no requests, no views, no templates.
"""

import re
from pathlib import Path

from waymark import links
from waymark.program import glossary, markdown, model, parse
from waymark.web.content import ContentError, Problem, key_lines

REFERENCE = "en"
# Chapter ids are URL parts; these are taken by the program's own pages.
RESERVED = {"exercise", "answer", "self-check", "summary", "continue"}
WORDS_PER_MINUTE = 200
# About how long a person takes to answer one question, by type, in minutes; an exercise's
# time is rounded up to whole five minutes.
ANSWER_MINUTES = {"long_text": 2, "short_text": 1, "checklist": 1, "scale": 0.5, "choice": 0.5}

_programs: dict[str, model.Program] | None = None


def _languages(root: Path) -> list[str]:
    found = sorted(p.name for p in root.iterdir() if (p / "program.yaml").is_file())
    return sorted(found, key=lambda lang: lang != REFERENCE)


def read(lang_dir: Path, root: Path) -> tuple[model.Program | None, list[Problem]]:
    """One language's program and its problems (the program is None if any)."""
    reader = parse.Reader(root)
    program = _read_program(reader, lang_dir)
    if program is not None:
        _check_links(reader, program, root)
        _check_starting_points(reader, program)
    problems = sorted(set(reader.problems))
    return (None if problems else program), problems


def _top_file(reader: parse.Reader, lang_dir: Path, name: str, required: tuple[str, ...]):
    """A language's top-level YAML file as (data, text, path), or None after a problem."""
    file = lang_dir / name
    path = reader.name(file)
    if not file.is_file():
        reader.problem(path, 1, f"{name} is missing")
        return None
    text = file.read_text(encoding="utf-8")
    data = reader.mapping(text, path, 1, name)
    if data is None or reader.missing(data, required, path, 1, name):
        return None
    return data, text, path


def _read_program(reader: parse.Reader, lang_dir: Path) -> model.Program | None:
    found = _top_file(reader, lang_dir, "program.yaml", ("title", "chapters"))
    if found is None:
        return None
    data, text, path = found
    folders: dict[str, Path] = {}
    for folder in sorted((lang_dir / "chapters").glob("*/")):
        chapter_file = folder / "chapter.yaml"
        folders[folder.name.split("-", 1)[-1] if folder.name[:1].isdigit() else folder.name] = (
            folder
        )
        if not chapter_file.is_file():
            reader.problem(reader.name(folder), 1, "this chapter folder has no chapter.yaml")
    chapters, seen = [], set()
    listed = [str(c) for c in data["chapters"]] if isinstance(data["chapters"], list) else []
    for chapter_id in listed:
        line = parse.key_line(text, "chapters", 1)
        if chapter_id in seen:
            reader.problem(path, line, f"chapter {chapter_id!r} is listed twice")
            continue
        seen.add(chapter_id)
        if chapter_id in RESERVED:
            reader.problem(path, line, f"chapter id {chapter_id!r} is reserved; choose another")
        chapter_folder = folders.get(chapter_id)
        if chapter_folder is None or not (chapter_folder / "chapter.yaml").is_file():
            reader.problem(
                path, line, f"chapter {chapter_id!r} has no folder chapters/NN-{chapter_id}"
            )
            continue
        chapter = _chapter(reader, chapter_folder, chapter_id)
        if chapter is not None:
            chapters.append(chapter)
    for name, folder in folders.items():
        if name not in seen and (folder / "chapter.yaml").is_file():
            reader.problem(reader.name(folder / "chapter.yaml"), 1, "not listed in program.yaml")
    self_check = _self_check(reader, lang_dir)
    _check_unique(reader, chapters, self_check, reader.name(lang_dir / "self-check.yaml"))
    _check_addresses(reader, chapters)
    if self_check is None:
        return None
    return model.Program.build(lang_dir.name, str(data["title"]), chapters, self_check)


def _chapter(reader: parse.Reader, folder: Path, chapter_id: str) -> model.Chapter | None:
    file = folder / "chapter.yaml"
    path = reader.name(file)
    text = file.read_text(encoding="utf-8")
    data = reader.mapping(text, path, 1, "chapter.yaml")
    required = ("id", "number", "title", "summary")
    if data is None or reader.missing(data, required, path, 1, "chapter.yaml"):
        return None
    if data["id"] != chapter_id:
        reader.problem(
            path,
            parse.key_line(text, "id", 1),
            f"id {data['id']!r} does not match the folder name and program.yaml ({chapter_id!r})",
        )
    pages: list[model.Page] = []
    seen: dict[str, str] = {}
    for page_file in sorted(folder.glob("*.md")):
        page = parse.page(reader, page_file, chapter_id)
        if page is None:
            continue
        if page.id in seen:
            reader.problem(
                reader.name(page_file), 2, f"page id {page.id!r} is also used by {seen[page.id]}"
            )
            continue
        seen[page.id] = page_file.name
        reader.page_paths[(chapter_id, page.id)] = reader.name(page_file)
        pages.append(page)
    if not pages:
        reader.problem(path, 1, "this chapter has no pages (NN-<page-id>.md files)")
        return None
    what_next = data.get("what_next") or ""
    what_next_html = reader.markdown(what_next, path, parse.key_line(text, "what_next", 1))
    return model.Chapter(
        id=chapter_id,
        number=data["number"] if isinstance(data["number"], int) else 0,
        title=str(data["title"]),
        summary=str(data["summary"]),
        what_next_html=what_next_html,
        pages=tuple(pages),
        minutes=_minutes(pages, what_next_html),
        exercise_minutes=_exercise_minutes(pages),
    )


def _minutes(pages, what_next_html: str) -> int:
    """Reading time from the words a person reads; exercises take their own time."""
    total = markdown.words(what_next_html)
    for page in pages:
        for block in page.blocks:
            if isinstance(block, model.Factors):
                parts = [block.title, block.intro]
                stack = list(block.items)
                while stack:
                    item = stack.pop()
                    parts += [item.text, item.detail]
                    stack.extend(item.sub)
                total += markdown.words(" ".join(parts))
            elif hasattr(block, "html"):
                total += markdown.words(block.html)
    return max(1, round(total / WORDS_PER_MINUTE))


def _exercise_minutes(pages) -> int:
    total = sum(
        ANSWER_MINUTES[q.type] for page in pages for form in page.forms for q in form.questions
    )
    return -(-int(total) // 5) * 5 if total else 0


def _self_check(reader: parse.Reader, lang_dir: Path) -> model.SelfCheck | None:
    found = _top_file(reader, lang_dir, "self-check.yaml", ("title", "questions"))
    if found is None:
        return None
    data, text, path = found
    intro = reader.markdown(data.get("intro") or "", path, parse.key_line(text, "intro", 1))
    items = parse.questions(reader, data["questions"], text, path, 1)
    retired = data.get("retired_questions") or []
    old = parse.questions(reader, retired, text, path, 1) if retired else ()
    return model.SelfCheck(str(data["title"]), intro, items, old)


def _check_unique(reader, chapters, self_check, self_check_path: str) -> None:
    """Exercise, figure and question ids are unique in the whole program."""
    seen: dict[str, dict[str, str]] = {"form": {}, "figure": {}, "question": {}}

    def note(kind, ident, path):
        if ident in seen[kind]:
            other = seen[kind][ident]
            reader.problem(
                path, _line(reader, path, ident), f"{kind} id {ident!r} is also used in {other}"
            )
        seen[kind].setdefault(ident, path)

    for chapter in chapters:
        for page in chapter.pages:
            path = reader.page_paths[(chapter.id, page.id)]
            for block in page.blocks:
                if isinstance(block, model.Figure):
                    note("figure", block.id, path)
                if isinstance(block, model.Exercise | model.SummaryForm):
                    note("form", block.id, path)
                    for question in block.questions:
                        note("question", question.id, path)
    if self_check is not None:
        for question in self_check.questions + self_check.retired:
            note("question", question.id, self_check_path)


def sensitive_words_in(ident: str, sensitive: list[str]) -> list[str]:
    """The words of an id that begin like one the operator lists as sensitive."""
    words = re.findall(r"[^\W_]+", ident.lower())
    return [word for word in words if any(word.startswith(s) for s in sensitive)]


def _check_addresses(reader, chapters) -> None:
    """Chapter, page and exercise ids are part of addresses, which browser history and
    bookmarks show to anyone with the person's device: none may name the topic."""
    from django.conf import settings

    sensitive = [word.lower() for word in settings.WAYMARK_SENSITIVE_WORDS]
    for chapter in chapters:
        for page in chapter.pages:
            path = reader.page_paths[(chapter.id, page.id)]
            idents = [("page", page.id)] + [("exercise", form.id) for form in page.forms]
            if page is chapter.pages[0]:
                idents.append(("chapter", chapter.id))
            for kind, ident in idents:
                if found := sensitive_words_in(ident, sensitive):
                    reader.problem(
                        path,
                        _line(reader, path, ident),
                        f"{kind} id {ident!r} is part of an address and contains "
                        f"{', '.join(map(repr, found))}, which browser history would show "
                        "(WAYMARK_SENSITIVE_WORDS): choose a neutral id",
                    )


def _line(reader, path: str, ident: str) -> int:
    file = reader.root.parent / path
    if not file.is_file():
        return 1
    return key_lines(file.read_text(encoding="utf-8")).get(ident, 1)


def _check_links(reader: parse.Reader, program: model.Program, root: Path) -> None:
    surveys = root / REFERENCE / "surveys"
    known_surveys = {p.stem for p in surveys.glob("*.yaml")} if surveys.is_dir() else None
    for path, link in reader.links:
        if not _link_exists(program, link, known_surveys):
            target = f"{link.kind}:{link.value}"
            reader.problem(path, link.line, f"broken link: {target!r} does not exist")
    for path, line, kind, value in reader.references:
        if kind == "survey" and known_surveys is not None and value not in known_surveys:
            reader.problem(path, line, f"unknown survey {value!r} (no surveys/{value}.yaml)")
        if kind == "gathers" and not isinstance(program.form(value), model.Exercise):
            reader.problem(path, line, f"the summary gathers an unknown exercise {value!r}")


def _check_starting_points(reader: parse.Reader, program: model.Program) -> None:
    """A question filled in from earlier answers names questions of another form, alike."""
    for form in program.forms:
        path = reader.page_paths[(form.chapter_id, form.page_id)]
        for question in form.questions:
            for source_id in question.starts_from:
                source = program.question(source_id)
                line = _line(reader, path, question.id)
                if source is None or program.form_of(source_id) in (None, form):
                    reader.problem(
                        path, line, f"starts_from names {source_id!r}, not a question elsewhere"
                    )
                elif (source.is_text, source.type == "checklist") != (
                    question.is_text,
                    question.type == "checklist",
                ):
                    reader.problem(
                        path,
                        line,
                        f"starts_from: {source_id!r} is a {source.type}, "
                        f"{question.id!r} a {question.type}",
                    )


def has_target(program: model.Program, kind: str, value: str) -> bool:
    """Whether a link of this kind and value (as in the program's texts) leads somewhere in
    this program, or to a page outside it that the program's texts may name."""
    return _link_exists(program, markdown.Link(kind, value, 1), None)


def _link_exists(program: model.Program, link, known_surveys) -> bool:
    if link.kind == "chapter":
        return program.chapter(link.value) is not None
    if link.kind == "page":
        chapter_id, _, page_id = link.value.partition("/")
        return program.page(chapter_id, page_id) is not None
    if link.kind == "exercise":
        return program.form(link.value) is not None
    if link.kind == "survey":
        return bool(link.value) and (known_surveys is None or link.value in known_surveys)
    return (link.kind, link.value) in links.PROGRAM_TEXT_TARGETS


def _shape(program: model.Program) -> dict[str, tuple]:
    """Every id a translation must keep, by where it lives."""
    shape: dict[str, tuple] = {"chapters": tuple(c.id for c in program.chapters)}
    for chapter in program.chapters:
        shape[f"pages of chapter {chapter.id!r}"] = tuple(p.id for p in chapter.pages)
        for form in chapter.forms:
            shape[f"questions of {form.id!r}"] = tuple(q.id for q in form.questions)
    shape["self-check questions"] = tuple(q.id for q in program.self_check.questions)
    shape["retired self-check questions"] = tuple(q.id for q in program.self_check.retired)
    for form in program.forms:
        for question in form.questions:
            shape[f"options of {question.id!r}"] = tuple(o.id for o in question.options)
    return shape


def _compare(reference: model.Program, translation: model.Program) -> list[Problem]:
    path = str(Path(translation.language) / "program.yaml")
    problems = []
    ours, theirs = _shape(reference), _shape(translation)
    for where in sorted(set(ours) | set(theirs)):
        if ours.get(where) != theirs.get(where):
            problems.append(
                Problem(
                    path,
                    1,
                    f"ids of {where} differ from English: "
                    f"English {list(ours.get(where, ()))}, here {list(theirs.get(where, ()))}",
                )
            )
    return problems


def _read_all(root: Path) -> tuple[dict[str, model.Program | None], list[Problem]]:
    reference, problems = read(root / REFERENCE, root)
    programs: dict[str, model.Program | None] = {REFERENCE: reference}
    for language in _languages(root):
        if language == REFERENCE:
            continue
        translation, found = read(root / language, root)
        problems += found
        if reference is not None and translation is not None:
            problems += _compare(reference, translation)
        programs[language] = translation
    return programs, sorted(problems + glossary.check(root))


def check(content_root) -> list[Problem]:
    return _read_all(Path(content_root))[1]


def programs_read(content_root) -> dict[str, model.Program]:
    """Every language's program that can be read, problems or not (`check` lists those)."""
    programs, _problems = _read_all(Path(content_root))
    return {language: program for language, program in programs.items() if program}


def load(content_root) -> dict[str, model.Program]:
    """Every language's program, or ContentError listing every problem."""
    programs, problems = _read_all(Path(content_root))
    if problems:
        raise ContentError(problems)
    return {language: program for language, program in programs.items() if program}


def install(content_root) -> None:
    """Loads the content for this process; called once at start."""
    global _programs
    _programs = load(content_root)


def program_for(language: str | None) -> model.Program:
    if _programs is None:
        from django.conf import settings

        install(settings.WAYMARK_CONTENT_DIR)
    assert _programs is not None  # noqa: S101 - install() sets it or raises
    return _programs.get(language or REFERENCE) or _programs[REFERENCE]
