"""Reading one survey page's form data into answers, with errors and what was typed kept.

An answer is a small dict: `{"chosen": "id"}` (single, Likert, scale and number questions,
the value as text), `{"chosen": ["id", ...]}` (multiple choice), plus `"other": text` when
"something else" is picked, or `{"text": "..."}` for text questions. Form fields are named by
question id; the "something else" box is `<question id>--other`. Pure: `data` is anything
with `get` and `getlist` (a QueryDict or a MultiValueDict in tests).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from waymark.surveys.definitions import (
    LONG_TEXT_MAX,
    OTHER,
    SHORT_TEXT_MAX,
    Page,
    Question,
    Survey,
)
from waymark.web.scrub import scrub
from waymark.web.text import clean_text

OTHER_SUFFIX = "--other"


@dataclass
class Field:
    """One question as the page shows it: what is chosen or typed, and any error."""

    question: Question
    chosen: list[str] = field(default_factory=list)
    other: str = ""
    text: str = ""
    error: str = ""

    @property
    def name(self) -> str:
        return self.question.id

    @property
    def other_name(self) -> str:
        return self.question.id + OTHER_SUFFIX


def field_from_answer(question: Question, answer: dict | None) -> Field:
    answer = answer or {}
    chosen = answer.get("chosen", [])
    return Field(
        question=question,
        chosen=chosen if isinstance(chosen, list) else [chosen],
        other=answer.get("other", ""),
        text=answer.get("text", ""),
    )


def _read(question: Question, data) -> tuple[Field, dict | None]:
    """The field as typed and the answer it makes (None when left empty or wrong)."""
    if question.is_text:
        limit = LONG_TEXT_MAX if question.type == "long_text" else SHORT_TEXT_MAX
        text = clean_text(data.get(question.id) or "")
        typed = Field(question, text=text)
        if len(text) > limit:
            typed.error = _("Please keep this under %(limit)s characters.") % {"limit": limit}
            return typed, None
        return typed, ({"text": text} if text else None)

    values = [v for v in data.getlist(question.id) if v]
    other = clean_text(data.get(question.id + OTHER_SUFFIX) or "")
    typed = Field(question, chosen=values, other=other)
    if question.type == "number":
        raw = values[0].strip() if values else ""
        typed.chosen = [raw] if raw else []
        if not raw:
            return typed, None
        try:
            number = int(raw)
        except ValueError:
            typed.error = _("Please write a whole number, such as 3.")
            return typed, None
        if not question.min <= number <= question.max:
            typed.error = _("Please give a number from %(min)s to %(max)s.") % {
                "min": question.min,
                "max": question.max,
            }
            return typed, None
        return typed, {"chosen": str(number)}

    allowed = set(question.answer_ids)
    if any(value not in allowed for value in values) or (
        question.type != "multiple" and len(values) > 1
    ):
        typed.chosen = [v for v in values if v in allowed][:1]
        typed.error = _("Please choose from the answers shown.")
        return typed, None
    if len(other) > SHORT_TEXT_MAX:
        typed.error = _("Please keep this under %(limit)s characters.") % {"limit": SHORT_TEXT_MAX}
        return typed, None
    if not values:
        if other:
            typed.error = _("You wrote something under “Something else”: please tick it too.")
        return typed, None
    answer: dict = {"chosen": values if question.type == "multiple" else values[0]}
    if OTHER in values and other:
        answer["other"] = other
    return typed, answer


def read_page(page: Page, data, answers: dict) -> tuple[list[Field], dict, bool]:
    """The page's fields, the answers they give, and whether every field is valid.

    `answers` are the earlier pages' answers: they decide which questions are shown.
    """
    fields, given, valid = [], {}, True
    for question in page.visible_questions(answers):
        typed, answer = _read(question, data)
        if answer is None and question.required and not typed.error:
            typed.error = _("Please answer this question.")
        if typed.error:
            valid = False
        elif answer is not None:
            given[question.id] = answer
        fields.append(typed)
    return fields, given, valid


def page_fields(page: Page, answers: dict) -> list[Field]:
    return [field_from_answer(q, answers.get(q.id)) for q in page.visible_questions(answers)]


def merge(survey: Survey, answers: dict, page: Page, given: dict) -> dict:
    """Earlier answers with this page's replaced, minus any that a changed answer now hides."""
    merged = {k: v for k, v in answers.items() if k not in {q.id for q in page.questions}}
    merged.update(given)
    return shown_answers(survey, merged)


def shown_answers(survey: Survey, answers: dict) -> dict:
    """Only the answers to questions a person would now be shown, in survey order."""
    kept: dict = {}
    for question in survey.questions:
        if question.id in answers and question.visible(kept):
            kept[question.id] = answers[question.id]
    return kept


def visible_pages(survey: Survey, answers: dict) -> list[int]:
    """Indexes of the pages that show at least one question, given these answers."""
    return [i for i, page in enumerate(survey.pages) if page.visible_questions(answers)]


def needs_crisis_help(survey: Survey, answers: dict) -> list[str]:
    """What these answers disclose (self-harm, harm-to-child), each shown its own help."""
    found: list[str] = []
    for question in survey.questions:
        if question.id in answers:
            chosen = answers[question.id].get("chosen")
            chosen = chosen if isinstance(chosen, list) else [chosen]
            found += [item for item in question.crisis_about(chosen) if item not in found]
    return found


FREE_TEXT_KEYS = ("text", "other")


def free_texts(answers: dict) -> list[tuple[str, str]]:
    """(question id, text) for each piece of free text a person typed, in answer order."""
    return [
        (question_id, answer[key])
        for question_id, answer in answers.items()
        for key in FREE_TEXT_KEYS
        if answer.get(key)
    ]


def scrubbed(answers: dict) -> dict:
    """The answers with links, addresses, phone numbers and ids removed from every free text."""
    clean = {}
    for question_id, answer in answers.items():
        answer = dict(answer)
        for key in FREE_TEXT_KEYS:
            if key in answer:
                answer[key] = scrub(answer[key])
        clean[question_id] = answer
    return clean


def counted(survey: Survey, answers: dict) -> tuple[list[str], list[tuple[str, str]]]:
    """The questions answered, and each (question, answer) pair a counter is kept for."""
    questions, pairs = [], []
    for question in survey.questions:
        answer = answers.get(question.id)
        if answer is None:
            continue
        questions.append(question.id)
        chosen = answer.get("chosen")
        if chosen is None:
            continue
        for answer_id in chosen if isinstance(chosen, list) else [chosen]:
            pairs.append((question.id, answer_id))
    return questions, pairs
