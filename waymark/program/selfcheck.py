"""The self-check: kept as one entry per day, shown side by side, with crisis help first.

Records of kind "self-check" keyed by the day (YYYY-MM-DD): `{"day": ..., "answers": {question
id: {"value": ...}}}`. A second check on the same day replaces the first, so a reload or a
double submit never makes two. Pure.
"""

from dataclasses import dataclass
from datetime import date

from waymark.program import answers, model

KIND = "self-check"


@dataclass(frozen=True)
class Row:
    question: model.Question
    cells: tuple[str, ...]


def entry(submission: answers.Submission, day: date) -> dict:
    kept = {qid: value for qid, value in submission.values.items() if value is not None}
    return {"day": day.isoformat(), "answers": kept}


def entries(records: dict[str, dict]) -> list[dict]:
    """Every check the person kept, oldest first."""
    return [records[day] for day in sorted(records)]


ABOUTS = ("self-harm", "harm-to-child")


def needs_crisis_help(check: model.SelfCheck, entry: dict | None) -> list[str]:
    """What this check's answers say the person may be thinking of: self-harm, harm-to-child.

    Each gets its own help, in the order of the questions that raised it. An answer to the
    retired question that asked about both at once raises both.
    """
    found: list[str] = []
    for question in (check.questions + check.retired) if entry else ():
        record = entry["answers"].get(question.id)
        if record and str(record.get("value")) in question.crisis:
            about = ABOUTS if question.crisis_about == "both" else (question.crisis_about,)
            found += [item for item in about if item not in found]
    return found


def _cell(question: model.Question, record: dict | None) -> str:
    if question.type == "scale" and record:
        return str(record["value"])
    return answers.display(question, record)


def shown_questions(check: model.SelfCheck, kept: list[dict]) -> tuple[model.Question, ...]:
    """Today's questions, and any retired one that some kept day answered."""
    answered = {qid for item in kept for qid in item["answers"]}
    return check.questions + tuple(q for q in check.retired if q.id in answered)


def table(check: model.SelfCheck, kept: list[dict]) -> list[Row]:
    """One row per question, one column per day; a scale shows just its number."""
    return [
        Row(question, tuple(_cell(question, item["answers"].get(question.id)) for item in kept))
        for question in shown_questions(check, kept)
    ]
