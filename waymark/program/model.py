"""The program as read from its content files: immutable, validated, ready to show.

Markdown is already HTML here. Links inside it still carry their internal targets
(`chapter:good-life`, `help:now`); they become real URLs for the reader's language when a
page is shown (waymark/program/templatetags/program.py).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

QUESTION_TYPES = ("long_text", "short_text", "checklist", "scale", "choice")
# Most characters a person may type into one field; more is refused with a message.
TEXT_LIMITS = {"long_text": 5000, "short_text": 300, "other": 300}
SCALE = range(0, 11)


@dataclass(frozen=True)
class Option:
    id: str
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    label: str
    help: str = ""
    options: tuple[Option, ...] = ()
    other: bool = False
    min_label: str = ""
    max_label: str = ""
    # Option ids that mean the person may be in danger: crisis help is shown at once,
    # for what `crisis_about` names (a key of CRISIS_NUMBERS).
    crisis: tuple[str, ...] = ()
    crisis_about: str = "both"
    # Earlier questions whose answers fill this one in while its form is still empty.
    starts_from: tuple[str, ...] = ()

    @property
    def is_text(self) -> bool:
        return self.type in ("long_text", "short_text")

    @property
    def max_length(self) -> int:
        return TEXT_LIMITS.get(self.type, TEXT_LIMITS["other"])

    def option_label(self, option_id: str) -> str:
        for option in self.options:
            if option.id == option_id:
                return option.label
        return option_id


@dataclass(frozen=True)
class Text:
    html: str
    type: str = "text"


@dataclass(frozen=True)
class Callout:
    html: str
    title: str = ""
    type: str = "callout"


@dataclass(frozen=True)
class Fact:
    html: str
    source: str
    type: str = "fact"


@dataclass(frozen=True)
class Factor:
    text: str
    detail: str = ""
    sub: tuple["Factor", ...] = ()


@dataclass(frozen=True)
class Factors:
    items: tuple[Factor, ...]
    title: str = ""
    intro: str = ""
    type: str = "factors"


@dataclass(frozen=True)
class Fallback:
    percent: float
    n: int
    year: int
    source: str


@dataclass(frozen=True)
class Figure:
    id: str
    survey: str
    question: str
    answer: str
    statement: str
    fallback: Fallback
    type: str = "figure"


@dataclass(frozen=True)
class Exercise:
    id: str
    number: int
    title: str
    why: str
    intro_html: str
    questions: tuple[Question, ...]
    chapter_id: str
    page_id: str
    type: str = "exercise"

    @property
    def question_ids(self) -> frozenset[str]:
        return frozenset(q.id for q in self.questions)


@dataclass(frozen=True)
class SummaryForm:
    """The page that gathers earlier exercises' answers and asks its own questions."""

    id: str
    title: str
    intro_html: str
    gathers: tuple[str, ...]
    questions: tuple[Question, ...]
    chapter_id: str
    page_id: str
    type: str = "summary"

    @property
    def question_ids(self) -> frozenset[str]:
        return frozenset(q.id for q in self.questions)


@dataclass(frozen=True)
class SurveyLink:
    survey: str
    title: str
    html: str
    type: str = "survey-link"


# Which helpline numbers a crisis box shows, in order (waymark/help/templatetags).
CRISIS_NUMBERS = {
    "self-harm": "crisis",
    "harm-to-child": "prevention",
    "both": "crisis prevention",
}


@dataclass(frozen=True)
class ChapterList:
    """Every chapter with its reading time, as computed when the content was loaded."""

    title: str
    type: str = "chapter-list"


@dataclass(frozen=True)
class Crisis:
    html: str
    # What the box is about: self-harm, harm-to-child or both; it shows those numbers.
    about: str = "both"
    type: str = "crisis"

    @property
    def numbers(self) -> str:
        return CRISIS_NUMBERS[self.about]


Block = (
    Text
    | Callout
    | Fact
    | Factors
    | Figure
    | Exercise
    | SummaryForm
    | SurveyLink
    | Crisis
    | ChapterList
)
Form = Exercise | SummaryForm


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    chapter_id: str
    blocks: tuple[Block, ...]

    @property
    def forms(self) -> tuple[Form, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Exercise | SummaryForm))


@dataclass(frozen=True)
class Chapter:
    id: str
    number: int
    title: str
    summary: str
    what_next_html: str
    pages: tuple[Page, ...]
    # Computed from the words and the questions when the content is loaded, never typed.
    minutes: int
    exercise_minutes: int = 0

    @property
    def forms(self) -> tuple[Form, ...]:
        return tuple(form for page in self.pages for form in page.forms)


@dataclass(frozen=True)
class SelfCheck:
    title: str
    intro_html: str
    questions: tuple[Question, ...]
    # Questions no longer asked: earlier days' answers to them are still shown.
    retired: tuple[Question, ...] = ()


def _frozen(mapping: dict) -> Mapping:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Program:
    language: str
    title: str
    chapters: tuple[Chapter, ...]
    self_check: SelfCheck
    _chapters: Mapping = field(default_factory=dict, repr=False, compare=False)
    _forms: Mapping = field(default_factory=dict, repr=False, compare=False)
    _questions: Mapping = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, language, title, chapters, self_check) -> "Program":
        forms = {form.id: form for chapter in chapters for form in chapter.forms}
        questions = {q.id: q for form in forms.values() for q in form.questions}
        questions.update({q.id: q for q in self_check.questions + self_check.retired})
        return cls(
            language=language,
            title=title,
            chapters=tuple(chapters),
            self_check=self_check,
            _chapters=_frozen({c.id: c for c in chapters}),
            _forms=_frozen(forms),
            _questions=_frozen(questions),
        )

    def chapter(self, chapter_id: str) -> Chapter | None:
        return self._chapters.get(chapter_id)

    def page(self, chapter_id: str, page_id: str) -> Page | None:
        chapter = self.chapter(chapter_id)
        if chapter is None:
            return None
        return next((p for p in chapter.pages if p.id == page_id), None)

    def form(self, form_id: str) -> Form | None:
        return self._forms.get(form_id)

    def question(self, question_id: str) -> Question | None:
        return self._questions.get(question_id)

    def form_of(self, question_id: str) -> Form | None:
        """The exercise or Summary Form that asks this question."""
        return next((f for f in self._forms.values() if question_id in f.question_ids), None)

    @property
    def forms(self) -> tuple[Form, ...]:
        return tuple(self._forms.values())

    def neighbours(self, chapter_id: str, page_id: str) -> tuple[Page | None, Page | None]:
        """The pages before and after this one, across chapter boundaries."""
        pages = [page for chapter in self.chapters for page in chapter.pages]
        keys = [(p.chapter_id, p.id) for p in pages]
        index = keys.index((chapter_id, page_id))
        before = pages[index - 1] if index > 0 else None
        after = pages[index + 1] if index + 1 < len(pages) else None
        return before, after
