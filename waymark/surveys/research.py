"""What researchers see: per-question summaries, cross-tabs and CSV exports.

Per-question figures come from the counters; cross-tabs and the response export read the
responses. Every count from 1 to settings.WAYMARK_MIN_COUNT - 1 is suppressed wherever
numbers are aggregated (figures.suppress). Every export is written to the audit log, and
carries a response's free text only once a reviewer has read and released it.
"""

import csv
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from waymark.surveys import charts, sealed_text
from waymark.surveys.answers import FREE_TEXT_KEYS
from waymark.surveys.definitions import OTHER, Question, Survey
from waymark.surveys.figures import CrossTab, cross_tab, percent, suppress
from waymark.surveys.models import AnswerCount, ExportLog, QuestionCount, Response, TextReview

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    answer_id: str
    label: str
    count: int | None
    percent: float | None


@dataclass(frozen=True)
class QuestionSummary:
    question: Question
    respondents: int | None
    rows: tuple[Row, ...]
    chart: str


def _label(question: Question, answer_id: str) -> str:
    if answer_id == OTHER:
        return _("Something else")
    return question.option_label(answer_id)


def summaries(survey: Survey, minimum: int | None = None) -> list[QuestionSummary]:
    """Each question's respondents and answer counts from the counters, small cells hidden."""
    minimum = settings.WAYMARK_MIN_COUNT if minimum is None else minimum
    counts: dict[str, dict[str, int]] = {}
    for question_id, answer_id, count in AnswerCount.objects.filter(
        survey_id=survey.id
    ).values_list("question_id", "answer_id", "count"):
        counts.setdefault(question_id, {})[answer_id] = count
    totals = dict(
        QuestionCount.objects.filter(survey_id=survey.id).values_list("question_id", "respondents")
    )
    result = []
    for question in survey.questions:
        total = totals.get(question.id, 0)
        shown_total = total if total >= minimum else None
        rows: tuple[Row, ...] = ()
        if question.answer_ids:
            raw = {
                answer_id: counts.get(question.id, {}).get(answer_id, 0)
                for answer_id in question.answer_ids
            }
            hidden = suppress(raw, minimum) if shown_total else dict.fromkeys(raw)
            rows = tuple(
                Row(a, _label(question, a), hidden[a], percent(hidden[a], shown_total))
                for a in question.answer_ids
            )
        bars = [
            charts.Bar(
                row.label,
                row.percent,
                _("hidden: fewer than %(n)s") % {"n": minimum}
                if row.count is None
                else f"{row.percent} % ({row.count})",
            )
            for row in rows
        ]
        description = (
            _("%(n)s people answered.") % {"n": shown_total}
            if shown_total
            else _("Fewer than %(n)s people answered; the figures are hidden.") % {"n": minimum}
        )
        chart = (
            charts.bar_chart(f"chart-{question.id}", question.label, description, bars)
            if bars
            else ""
        )
        result.append(QuestionSummary(question, shown_total, rows, chart))
    return result


def choice_questions(survey: Survey) -> list[Question]:
    return [q for q in survey.questions if q.answer_ids and q.type != "number"]


def survey_cross_tab(survey: Survey, first: Question, second: Question) -> CrossTab:
    answer_sets = Response.objects.filter(survey_id=survey.id).values_list("answers", flat=True)
    return cross_tab(
        answer_sets.iterator(),
        first.id,
        second.id,
        first.answer_ids,
        second.answer_ids,
        settings.WAYMARK_MIN_COUNT,
    )


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _columns(survey: Survey) -> list[tuple[str, Question, str]]:
    columns = []
    for question in survey.questions:
        if question.is_text:
            columns.append((question.id, question, "text"))
        else:
            columns.append((question.id, question, "chosen"))
            if question.other:
                columns.append((f"{question.id}--other", question, "other"))
    return columns


# What an export shows instead of free text no reviewer has released.
UNRELEASED_TEXT = {TextReview.PENDING: "[awaiting review]", TextReview.WITHHELD: "[withheld]"}


def responses_csv(survey: Survey, session) -> str:
    """One line per response (in random order: the ids are random), free text scrubbed and
    shown only when a reviewer released it. Raises sealed_text.NoTeamKey without the
    research key."""
    out = io.StringIO()
    writer = csv.writer(out)
    columns = _columns(survey)
    writer.writerow(["month", "language", *(name for name, _q, _k in columns)])
    rows = Response.objects.filter(survey_id=survey.id).order_by("id")
    fields = ("id", "month", "language", "answers", "sealed_text", "text_review")
    for response_id, month, language, answers, sealed, review in rows.values_list(
        *fields
    ).iterator():
        texts = sealed_text.opened(session, survey.id, response_id, sealed)
        line = [month, language]
        for _name, question, key in columns:
            if key in FREE_TEXT_KEYS:
                value = texts.get(question.id, {}).get(key)
                if value and review in UNRELEASED_TEXT:
                    value = UNRELEASED_TEXT[review]
            else:
                value = answers.get(question.id, {}).get(key)
            line.append(_cell(";".join(value) if isinstance(value, list) else value))
        writer.writerow(line)
    return out.getvalue()


@dataclass(frozen=True)
class TextToReview:
    response_id: str
    texts: tuple[tuple[str, str], ...]  # (question label, text)


REVIEW_BATCH = 20


def _waiting(survey: Survey):
    return Response.objects.filter(survey_id=survey.id, text_review=TextReview.PENDING)


def waiting_for_review(survey: Survey) -> int:
    """How many responses' free text awaits a reviewer."""
    return _waiting(survey).count()


def texts_to_review(survey: Survey, session) -> list[TextToReview]:
    """A batch of responses whose free text awaits a reviewer, each text with its question.
    Raises sealed_text.NoTeamKey without the research key."""
    batch = []
    rows = _waiting(survey).order_by("id").values_list("id", "sealed_text")[:REVIEW_BATCH]
    for response_id, sealed in rows:
        texts = []
        for question_id, typed in sealed_text.opened(
            session, survey.id, response_id, sealed
        ).items():
            question = survey.question(question_id)
            label = question.label if question else question_id
            texts += [(label, typed[key]) for key in FREE_TEXT_KEYS if typed.get(key)]
        batch.append(TextToReview(str(response_id), tuple(texts)))
    return batch


def review_text(survey: Survey, response_id: str, release: bool) -> bool:
    """Releases a response's free text for export, or withholds it for good. A decision is
    made once: False when there was nothing awaiting review under that id."""
    decided = TextReview.RELEASED if release else TextReview.WITHHELD
    try:
        return bool(_waiting(survey).filter(id=response_id).update(text_review=decided))
    except ValidationError:
        return False


def summary_csv(survey: Survey) -> str:
    """The per-question counts, with suppressed cells left empty and marked."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["question", "answer", "count", "respondents", "suppressed"])
    for summary in summaries(survey):
        for row in summary.rows:
            writer.writerow(
                [
                    summary.question.id,
                    row.answer_id,
                    "" if row.count is None else row.count,
                    "" if summary.respondents is None else summary.respondents,
                    "yes" if row.count is None else "no",
                ]
            )
    return out.getvalue()


EXPORTS = {"responses": responses_csv, "summary": lambda survey, session: summary_csv(survey)}


def export(survey: Survey, kind: str, username: str, session) -> str:
    """The CSV text of one export, logged with who, the day and the survey. Raises
    sealed_text.NoTeamKey when the export needs the research key and the session has none."""
    text = EXPORTS[kind](survey, session)
    ExportLog.objects.create(
        username=username, day=timezone.now().date(), survey_id=survey.id, kind=kind
    )
    return text


@dataclass(frozen=True)
class TableRow:
    label: str
    cells: tuple[int | None, ...]
    total: int | None


def cross_tab_rows(table: CrossTab, first: Question, second: Question) -> dict:
    """The cross-tab laid out for a template: header labels, rows and the totals line."""
    return {
        "columns": [_label(second, c) for c in table.columns],
        "rows": [
            TableRow(
                _label(first, r),
                tuple(table.cells[r][c] for c in table.columns),
                table.row_totals[r],
            )
            for r in table.rows
        ],
        "totals": TableRow(
            _("All"), tuple(table.column_totals[c] for c in table.columns), table.total
        ),
    }
