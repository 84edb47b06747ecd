"""Survey files (`content/<lang>/surveys/<survey-id>.yaml`) read into immutable definitions.

A survey is a list of pages; a page holds questions; a question may be shown only when an
earlier answer matches (`show_if`). Ids (survey, page, question, option) are stable forever:
responses and aggregate counters are keyed by them, and every language uses the same ids.
`check(content_root)` reports every problem with its file and line; `surveys_for(lang)`
gives the loaded surveys, read once per process. Pure: no requests, models or templates.
"""

import re
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

ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
CHOICE_TYPES = frozenset({"single", "multiple", "likert"})
TEXT_TYPES = frozenset({"short_text", "long_text"})
QUESTION_TYPES = CHOICE_TYPES | TEXT_TYPES | {"scale", "number"}
# Counters are kept per number value, so a number question must have a small range.
MAX_NUMBER_RANGE = 200
OTHER = "other"
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 4000


# What an answer may disclose, each with its own help: `crisis: self-harm` (or `true`) or
# `crisis: harm-to-child` on an option.
CRISIS_ABOUT = ("self-harm", "harm-to-child")


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    # Choosing it shows help for what it discloses at the top of the very next page.
    crisis: str = ""


@dataclass(frozen=True)
class Condition:
    question: str
    among: frozenset[str]

    def holds(self, answers: dict) -> bool:
        value = answers.get(self.question)
        if value is None:
            return False
        chosen = value.get("chosen") if isinstance(value, dict) else value
        if isinstance(chosen, list):
            return bool(self.among.intersection(chosen))
        return str(chosen) in self.among


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    label: str
    help: str = ""
    required: bool = False
    options: tuple[Option, ...] = ()
    other: bool = False
    min_label: str = ""
    max_label: str = ""
    min: int = 0
    max: int = 10
    show_if: Condition | None = None

    @property
    def answer_ids(self) -> tuple[str, ...]:
        """Every answer a counter may be kept for, in the order they are shown."""
        if self.type in CHOICE_TYPES:
            ids = tuple(option.id for option in self.options)
            return (*ids, OTHER) if self.other else ids
        if self.type in {"scale", "number"}:
            return tuple(str(value) for value in range(self.min, self.max + 1))
        return ()

    @property
    def is_text(self) -> bool:
        return self.type in TEXT_TYPES

    def option_label(self, answer_id: str) -> str:
        for option in self.options:
            if option.id == answer_id:
                return option.label
        return answer_id

    def crisis_about(self, chosen) -> list[str]:
        """What the chosen option ids disclose, in the order of the options."""
        return [option.crisis for option in self.options if option.crisis and option.id in chosen]

    def visible(self, answers: dict) -> bool:
        return self.show_if is None or self.show_if.holds(answers)


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    intro: str
    questions: tuple[Question, ...]

    def visible_questions(self, answers: dict) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.visible(answers))


@dataclass(frozen=True)
class Survey:
    id: str
    title: str
    summary: str
    purpose: str
    minutes: int
    pages: tuple[Page, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for page in self.pages for q in page.questions)

    def question(self, question_id: str) -> Question | None:
        for question in self.questions:
            if question.id == question_id:
                return question
        return None

    def shape(self) -> tuple:
        """Everything that must be the same in every language: the ids and their types."""
        return tuple(
            (
                page.id,
                tuple(
                    (q.id, q.type, tuple(o.id for o in q.options), q.other, q.min, q.max)
                    for q in page.questions
                ),
            )
            for page in self.pages
        )


SURVEY_KEYS = frozenset({"id", "title", "summary", "purpose", "minutes", "pages"})
PAGE_KEYS = frozenset({"id", "title", "intro", "questions"})
QUESTION_KEYS = frozenset(
    {"id", "type", "label", "help", "required", "options", "other", "min_label", "max_label"}
    | {"min", "max", "show_if"}
)
OPTION_KEYS = frozenset({"id", "label", "crisis"})


class _Reader:
    """Turns one parsed file into a Survey, collecting problems instead of stopping."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.lines = key_lines(text)
        self.problems: list[Problem] = []

    def problem(self, item_id: object, message: str) -> None:
        line = self.lines.get(str(item_id), 1) if item_id is not None else 1
        self.problems.append(Problem(self.path, line, message))

    def text(self, data: dict, key: str, owner: object, required: bool = True) -> str:
        value = data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problem(owner, f"'{key}' must be text.")
            return ""
        if required and not value.strip():
            self.problem(owner, f"'{key}' is missing.")
        return value.strip()

    def keys(self, data: dict, allowed: frozenset[str], owner: object) -> None:
        unknown = sorted(str(key) for key in data if key not in allowed)
        if unknown:
            self.problem(
                owner,
                f"Unknown keys {unknown} (a label with a comma needs quotes); "
                f"allowed: {sorted(allowed)}.",
            )

    def ident(self, data: object, owner: object, what: str) -> str:
        value = data.get("id") if isinstance(data, dict) else None
        if not isinstance(value, str) or not ID.match(value):
            self.problem(
                value if isinstance(value, str) else owner,
                f"{what} needs an id of lower-case letters, digits and hyphens, not {value!r}.",
            )
            return ""
        return value

    def survey(self, data: object, expected_id: str) -> Survey | None:
        if not isinstance(data, dict):
            self.problem(None, "A survey file must be a mapping with id, title and pages.")
            return None
        survey_id = self.ident(data, None, "The survey")
        self.keys(data, SURVEY_KEYS, survey_id)
        if survey_id and survey_id != expected_id:
            self.problem(survey_id, f"The id '{survey_id}' must match the file name.")
        minutes = data.get("minutes", 0)
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            self.problem(survey_id, "'minutes' must be a whole number above 0.")
            minutes = 1
        raw_pages = data.get("pages")
        if not isinstance(raw_pages, list) or not raw_pages:
            self.problem(survey_id, "A survey needs a list of pages.")
            raw_pages = []
        seen: dict[str, Question] = {}
        page_ids: set[str] = set()
        pages = []
        for raw in raw_pages:
            page = self.page(raw, seen)
            if page is None:
                continue
            if page.id in page_ids:
                self.problem(page.id, f"The page id '{page.id}' is used twice.")
            page_ids.add(page.id)
            pages.append(page)
            seen.update({q.id: q for q in page.questions})
        return Survey(
            id=survey_id,
            title=self.text(data, "title", survey_id),
            summary=self.text(data, "summary", survey_id),
            purpose=self.text(data, "purpose", survey_id),
            minutes=minutes,
            pages=tuple(pages),
        )

    def page(self, data: object, earlier: dict[str, "Question"]) -> Page | None:
        page_id = self.ident(data, None, "A page")
        if not isinstance(data, dict):
            return None
        self.keys(data, PAGE_KEYS, page_id)
        raw_questions = data.get("questions")
        if not isinstance(raw_questions, list) or not raw_questions:
            self.problem(page_id, "A page needs a list of questions.")
            raw_questions = []
        questions = []
        for raw in raw_questions:
            question = self.question(raw, earlier)
            if question is None:
                continue
            if question.id in earlier or any(q.id == question.id for q in questions):
                self.problem(question.id, f"The question id '{question.id}' is used twice.")
            questions.append(question)
        return Page(
            id=page_id,
            title=self.text(data, "title", page_id),
            intro=self.text(data, "intro", page_id, required=False),
            questions=tuple(questions),
        )

    def options(self, data: dict, qid: str) -> tuple[Option, ...]:
        raw = data.get("options")
        if not isinstance(raw, list) or len(raw) < 2:
            self.problem(qid, "A choice question needs at least two options.")
            return ()
        options = []
        for item in raw:
            option_id = self.ident(item, qid, "An option")
            if not option_id:
                continue
            self.keys(item, OPTION_KEYS, qid)
            if option_id == OTHER:
                self.problem(qid, "Use 'other: true' rather than an option with the id 'other'.")
            if any(o.id == option_id for o in options):
                self.problem(qid, f"The option id '{option_id}' is used twice.")
            crisis = item.get("crisis")
            crisis = "self-harm" if crisis is True else crisis or ""
            if crisis and crisis not in CRISIS_ABOUT:
                self.problem(qid, f"'crisis' must be true or one of {list(CRISIS_ABOUT)}.")
                crisis = ""
            options.append(Option(id=option_id, label=self.text(item, "label", qid), crisis=crisis))
        return tuple(options)

    def condition(self, data: object, qid: str, earlier: dict[str, Question]) -> Condition | None:
        if not isinstance(data, dict) or not isinstance(data.get("question"), str):
            self.problem(qid, "'show_if' needs a 'question' and 'is' or 'among'.")
            return None
        target = earlier.get(data["question"])
        if target is None:
            self.problem(
                qid, f"'show_if' names '{data['question']}', which is not on an earlier page."
            )
            return None
        wanted = data.get("among", data.get("is"))
        values = wanted if isinstance(wanted, list) else [wanted]
        values = [str(v) for v in values if v is not None and not isinstance(v, bool)]
        if not values:
            self.problem(qid, "'show_if' needs the answers that show this question.")
            return None
        unknown = [v for v in values if v not in target.answer_ids]
        if unknown:
            self.problem(qid, f"'show_if' names answers that '{target.id}' has not: {unknown}.")
        return Condition(question=target.id, among=frozenset(values))

    def question(self, data: object, earlier: dict[str, Question]) -> Question | None:
        qid = self.ident(data, None, "A question")
        if not isinstance(data, dict):
            return None
        self.keys(data, QUESTION_KEYS, qid)
        kind = data.get("type")
        if kind not in QUESTION_TYPES:
            self.problem(qid, f"The type must be one of {sorted(QUESTION_TYPES)}, not {kind!r}.")
            return None
        required = data.get("required", False)
        if not isinstance(required, bool):
            self.problem(qid, "'required' must be true or false.")
            required = False
        fields: dict = {}
        if kind in CHOICE_TYPES:
            fields["options"] = self.options(data, qid)
            fields["other"] = data.get("other") is True and kind != "likert"
        if kind == "scale":
            fields["min_label"] = self.text(data, "min_label", qid)
            fields["max_label"] = self.text(data, "max_label", qid)
        if kind == "number":
            low, high = data.get("min"), data.get("max")
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high)):
                self.problem(qid, "A number question needs whole-number 'min' and 'max'.")
                low, high = 0, 1
            elif not 0 < high - low <= MAX_NUMBER_RANGE:
                self.problem(qid, f"'max' must be above 'min' by at most {MAX_NUMBER_RANGE}.")
                low, high = 0, 1
            fields["min"], fields["max"] = low, high
        if "show_if" in data:
            fields["show_if"] = self.condition(data["show_if"], qid, earlier)
        return Question(
            id=qid,
            type=kind,
            label=self.text(data, "label", qid),
            help=self.text(data, "help", qid, required=False),
            required=required,
            **fields,
        )


def read_survey(path: Path, root: Path) -> tuple[Survey | None, list[Problem]]:
    name, text, data, problems = read_yaml_file(path, root)
    if problems:
        return None, problems
    reader = _Reader(name, text)
    survey = reader.survey(data, path.stem)
    return survey, reader.problems


def _read_all(root: Path) -> tuple[dict[str, dict[str, Survey]], list[Problem]]:
    by_language: dict[str, dict[str, Survey]] = {}
    problems: list[Problem] = []
    for folder in sorted(root.glob("*/surveys")):
        surveys: dict[str, Survey] = {}
        for path in sorted(folder.glob("*.yaml")):
            survey, found = read_survey(path, root)
            problems.extend(found)
            if survey is not None:
                surveys[survey.id] = survey
        by_language[folder.parent.name] = surveys
    reference = by_language.get(settings.LANGUAGE_CODE, {})
    for language, surveys in by_language.items():
        for survey_id, survey in surveys.items():
            path = relative(root / language / "surveys" / f"{survey_id}.yaml", root)
            original = reference.get(survey_id)
            if original is None:
                problems.append(Problem(path, 1, f"No survey '{survey_id}' in the reference."))
            elif survey.shape() != original.shape():
                problems.append(
                    Problem(path, 1, "Pages, questions and options must match the reference.")
                )
    return by_language, problems


def check(content_root: Path) -> list[Problem]:
    """Every problem in every language's survey files."""
    return _read_all(Path(content_root))[1]


@cache
def _loaded(root: Path) -> dict[str, dict[str, Survey]]:
    surveys, problems = _read_all(root)
    if problems:
        raise ContentError(problems)
    return surveys


def surveys_for(language: str | None = None) -> dict[str, Survey]:
    """The surveys in a language, falling back to the reference language's text."""
    loaded = _loaded(Path(settings.WAYMARK_CONTENT_DIR))
    reference = loaded.get(settings.LANGUAGE_CODE, {})
    own = loaded.get(language or settings.LANGUAGE_CODE, {})
    return {survey_id: own.get(survey_id, survey) for survey_id, survey in reference.items()}


def get_survey(survey_id: str, language: str | None = None) -> Survey | None:
    return surveys_for(language).get(survey_id)
