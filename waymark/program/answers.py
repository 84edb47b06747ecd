"""A person's answers: reading them from a form, checking them, and showing them again.

Answers are records of kind "answer" keyed by question id, each `{"value": ...}` (a checklist
also keeps `"other"`). An empty answer deletes the record, so a person can take an answer back.
Pure: takes the posted data (anything with `get` and `getlist`) and the model.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from waymark.program import model
from waymark.web.text import clean_text

ANSWER = "answer"
PROGRESS = "progress"
PROGRESS_ID = "program"
OTHER_SUFFIX = "--other"


@dataclass(frozen=True)
class Field:
    """One question as the form shows it: what is there now and what is wrong with it."""

    question: model.Question
    text: str = ""
    selected: tuple[str, ...] = ()
    other: str = ""
    error: str = ""
    # Where a suggested first answer came from, e.g. "Exercise 3: Three viewpoints".
    origin: str = ""

    @property
    def scale_value(self) -> str:
        return self.selected[0] if self.selected else ""


@dataclass
class Submission:
    values: dict[str, dict | None] = field(default_factory=dict)
    fields: list[Field] = field(default_factory=list)

    @property
    def errors(self) -> list[Field]:
        return [f for f in self.fields if f.error]


def _too_long(text: str, limit: int) -> str:
    if len(text) <= limit:
        return ""
    return ngettext(
        "Please shorten this to %(limit)s character or fewer. It has %(count)s now.",
        "Please shorten this to %(limit)s characters or fewer. It has %(count)s now.",
        limit,
    ) % {"limit": limit, "count": len(text)}


def read_form(questions, data) -> Submission:
    """What a person sent for these questions: the values to keep, or what to fix."""
    submission = Submission()
    for question in questions:
        value, current = _read_one(question, data)
        submission.fields.append(current)
        if not current.error:
            submission.values[question.id] = value
    return submission


def _read_one(question: model.Question, data) -> tuple[dict | None, Field]:
    if question.is_text:
        text = clean_text(data.get(question.id, ""))
        error = _too_long(text, question.max_length)
        return ({"value": text} if text else None), Field(question, text=text, error=error)
    chosen = tuple(v for v in map(clean_text, data.getlist(question.id)) if v)
    if question.type == "scale":
        error = ""
        if len(chosen) > 1 or (chosen and chosen[0] not in {str(n) for n in model.SCALE}):
            error = _("Please choose one number from 0 to 10.")
        value = {"value": int(chosen[0])} if chosen and not error else None
        return value, Field(question, selected=chosen[:1], error=error)
    known = {option.id for option in question.options}
    error = ""
    if any(option not in known for option in chosen):
        error = _("Please choose from the options shown.")
    if question.type == "choice":
        if len(chosen) > 1:
            error = _("Please choose only one option.")
        value = {"value": chosen[0]} if chosen and not error else None
        return value, Field(question, selected=chosen, error=error)
    other = clean_text(data.get(question.id + OTHER_SUFFIX, "")) if question.other else ""
    error = error or _too_long(other, model.TEXT_LIMITS["other"])
    value = {"value": list(chosen), "other": other} if chosen or other else None
    return value, Field(question, selected=chosen, other=other, error=error)


def fields(questions, records: dict[str, dict]) -> list[Field]:
    """The form as the person left it, from their saved answers."""
    result = []
    for question in questions:
        record = records.get(question.id)
        value = record.get("value") if record else None
        if value is None or value == "":
            result.append(Field(question))
        elif question.is_text:
            result.append(Field(question, text=str(value)))
        elif question.type == "checklist":
            result.append(
                Field(question, selected=tuple(value), other=str(record.get("other", "")))
            )
        else:
            result.append(Field(question, selected=(str(value),)))
    return result


def form_name(form: model.Form) -> str:
    if isinstance(form, model.Exercise):
        return _("Exercise %(number)s: %(title)s") % {"number": form.number, "title": form.title}
    return form.title


def form_fields(program: model.Program, form: model.Form, records: dict) -> list[Field]:
    """The form as the person left it. One they have not begun starts from their answers to
    the questions its own questions name in `starts_from`: suggested, not saved."""
    if is_answered(form, records):
        return fields(form.questions, records)
    result = []
    for question in form.questions:
        sources = [(s, records[s]) for s in question.starts_from if records.get(s)]
        if not sources:
            result.append(Field(question))
            continue
        if question.type == "checklist":
            known = {option.id for option in question.options}
            chosen = [v for _, record in sources for v in record.get("value") or [] if v in known]
            other = "; ".join(record["other"] for _, record in sources if record.get("other"))
            start = {"value": list(dict.fromkeys(chosen)), "other": other}
        else:
            start = {"value": "\n\n".join(str(record["value"]) for _, record in sources)}
        origin = ", ".join(dict.fromkeys(form_name(program.form_of(s)) for s, _ in sources))
        result.append(replace(fields([question], {question.id: start})[0], origin=origin))
    return result


def display(question: model.Question, record: dict | None) -> str:
    """An answer in words, as the Summary Form and the workbook show it."""
    if not record or (record.get("value") in (None, "", []) and not record.get("other")):
        return ""
    value = record["value"]
    if question.type == "scale":
        return _("%(value)s on a scale from 0 (%(low)s) to 10 (%(high)s)") % {
            "value": value,
            "low": question.min_label,
            "high": question.max_label,
        }
    if question.type == "choice":
        return question.option_label(str(value))
    if question.type == "checklist":
        labels = [question.option_label(option) for option in value]
        if record.get("other"):
            labels.append(_("Something else: %(text)s") % {"text": record["other"]})
        return "; ".join(labels)
    return str(value)


def gathered(program: model.Program, summary: model.SummaryForm, records: dict) -> list[dict]:
    """The exercises a Summary Form brings together, in its order (the plan first): each
    with the answers given, in words, and how many of its questions are still open."""
    result = []
    for exercise_id in summary.gathers:
        exercise = program.form(exercise_id)
        shown = [(q, display(q, records.get(q.id))) for q in exercise.questions]
        given = [(q, text) for q, text in shown if text]
        result.append({"exercise": exercise, "answers": given, "open": len(shown) - len(given)})
    return result


def is_answered(form: model.Form, records: dict[str, dict]) -> bool:
    return any(question.id in records for question in form.questions)


def chapter_status(chapter: model.Chapter, records: dict[str, dict], visited: set[str]) -> str:
    """done, started or not-started: from the exercises answered, else the pages read."""
    forms = chapter.forms
    if forms:
        answered = [is_answered(form, records) for form in forms]
        if all(answered):
            return "done"
        if any(answered):
            return "started"
    keys = [f"{chapter.id}/{page.id}" for page in chapter.pages]
    if not forms and keys[-1] in visited:
        return "done"
    return "started" if any(key in visited for key in keys) else "not-started"


def visit(progress: dict | None, chapter_id: str, page_id: str) -> dict | None:
    """The new progress record after reading a page, or None when nothing changed."""
    progress = progress or {"last": None, "visited": []}
    key = f"{chapter_id}/{page_id}"
    if progress.get("last") == key and key in progress.get("visited", []):
        return None
    visited = list(progress.get("visited", []))
    if key not in visited:
        visited.append(key)
    return {"last": key, "visited": visited}
