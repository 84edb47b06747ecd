"""Figures from Waymark's own surveys, safe to show to anyone.

`live_figure(survey, question, answer)` is what program pages call: "about X % of N
respondents". It reads two counter rows, never the responses. Three things keep one person's
answer from showing: nothing below settings.WAYMARK_MIN_COUNT respondents; the counters it
reads change only each time PUBLISH_EVERY more people have answered; and the percentage is
rounded to the nearest PERCENT_STEP and N down to a multiple of PUBLISH_EVERY.

The statistics helpers below are pure and used by the research views as well.
"""

from dataclasses import dataclass

from django.conf import settings

PUBLISH_EVERY = 10
PERCENT_STEP = 5


@dataclass(frozen=True)
class Figure:
    percent: int
    respondents: int


def coarse_percent(count: int, total: int, step: int = PERCENT_STEP) -> int:
    """count/total as a percentage, rounded half up to the nearest `step`."""
    if total <= 0:
        return 0
    return ((200 * count + step * total) // (2 * step * total)) * step


def coarse_respondents(total: int, step: int = PUBLISH_EVERY) -> int:
    return (total // step) * step


def figure_from_counts(count: int, total: int, minimum: int) -> Figure | None:
    if total < max(minimum, 1):
        return None
    return Figure(percent=coarse_percent(count, total), respondents=coarse_respondents(total))


def live_figure(survey_id: str, question_id: str, answer_id: str) -> Figure | None:
    """The public figure for one answer, or None when too few have answered to show it."""
    # Imported here so the pure helpers in this module load without the ORM.
    from waymark.surveys.models import AnswerCount, QuestionCount

    total = (
        QuestionCount.objects.filter(survey_id=survey_id, question_id=question_id)
        .values_list("published_respondents", flat=True)
        .first()
    )
    if not total or total < settings.WAYMARK_MIN_COUNT:
        return None
    count = (
        AnswerCount.objects.filter(
            survey_id=survey_id, question_id=question_id, answer_id=answer_id
        )
        .values_list("published", flat=True)
        .first()
    )
    return figure_from_counts(count or 0, total, settings.WAYMARK_MIN_COUNT)


def suppress(counts: dict[str, int], minimum: int) -> dict[str, int | None]:
    """Counts with every cell from 1 to minimum - 1 hidden (None).

    When exactly one cell would be hidden, the next smallest non-zero one is hidden too, so
    the hidden one cannot be worked out from a total.
    """
    shown: dict[str, int | None] = dict(counts)
    small = [key for key, value in counts.items() if 0 < value < minimum]
    if len(small) == 1:
        others = sorted(
            (value, key) for key, value in counts.items() if value >= minimum and key != small[0]
        )
        if others:
            small.append(others[0][1])
    for key in small:
        shown[key] = None
    return shown


def percent(count: int | None, total: int | None) -> float | None:
    if count is None or not total:
        return None
    return round(100 * count / total, 1)


@dataclass(frozen=True)
class CrossTab:
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    # cells[row][column]; None where the count is suppressed.
    cells: dict[str, dict[str, int | None]]
    row_totals: dict[str, int | None]
    column_totals: dict[str, int | None]
    total: int | None


def _ids(answer: dict | None) -> list[str]:
    chosen = (answer or {}).get("chosen")
    if chosen is None:
        return []
    return chosen if isinstance(chosen, list) else [chosen]


def cross_tab(
    answer_sets,
    first: str,
    second: str,
    rows: tuple[str, ...],
    columns: tuple[str, ...],
    minimum: int,
) -> CrossTab:
    """Counts of respondents by their answers to two questions, small cells suppressed.

    `answer_sets` is any iterable of response answer dicts. Respondents who answered only
    one of the two are left out.
    """
    raw = {row: dict.fromkeys(columns, 0) for row in rows}
    for answers in answer_sets:
        for row in _ids(answers.get(first)):
            for column in _ids(answers.get(second)):
                if row in raw and column in raw[row]:
                    raw[row][column] += 1
    cells = {row: suppress(raw[row], minimum) for row in rows}
    # A cell hidden in its row may still be exposed by its column: suppress columns too.
    for column in columns:
        hidden = suppress({row: raw[row][column] for row in rows}, minimum)
        for row in rows:
            if hidden[row] is None:
                cells[row][column] = None
    row_totals = suppress({row: sum(raw[row].values()) for row in rows}, minimum)
    column_totals = suppress(
        {column: sum(raw[row][column] for row in rows) for column in columns}, minimum
    )
    grand = sum(sum(values.values()) for values in raw.values())
    return CrossTab(
        rows=rows,
        columns=columns,
        cells=cells,
        row_totals=row_totals,
        column_totals=column_totals,
        total=grand if grand >= minimum else None,
    )
