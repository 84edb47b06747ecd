"""Figures from Waymark's own surveys, safe to show to anyone.

`live_figure(survey, question, answer)` is what program pages call: "about X % of N
respondents". It reads two counter rows, never the responses, once the survey's hours that
are over have been counted (intake.settle). Three things keep one person's answer from
showing: nothing below settings.WAYMARK_MIN_COUNT respondents; the counters it reads change
only each time PUBLISH_EVERY more people have answered; and the percentage is rounded to the
nearest PERCENT_STEP and N down to a multiple of PUBLISH_EVERY. A burst of responses reaches
no counter at all until staff release it (intake.py).

The statistics helpers below are pure and used by the research views as well.
"""

import heapq
import math
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
    from waymark.surveys.definitions import get_survey
    from waymark.surveys.intake import settle
    from waymark.surveys.models import AnswerCount, QuestionCount

    survey = get_survey(survey_id)
    if survey is None:
        return None
    settle(survey)

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


# A table's rows and columns are the nodes of a graph; the cell at (row, column) joins the two.
Position = tuple[int, int]
Line = tuple[str, int]
ROW, COLUMN = "row", "column"


def with_totals(counts: list[list[int]], width: int) -> list[list[int]]:
    """`counts` as displayed: each row followed by its total, then a row of column totals."""
    rows = [[*row, sum(row)] for row in counts]
    return [*rows, [sum(row[j] for row in rows) for j in range(width + 1)]]


def _crossings(line: Line, height: int, width: int) -> list[tuple[Position, Line]]:
    """Each position on `line` with the other line through it."""
    kind, index = line
    if kind == ROW:
        return [((index, j), (COLUMN, j)) for j in range(width)]
    return [((i, index), (ROW, i)) for i in range(height)]


def _hiding_cost(table: list[list[int]], hidden: set[Position], position: Position) -> int:
    """What hiding one more position loses: its count, nothing if it is already hidden.

    A hidden zero adds nothing to the hidden sum of a line it shares with a small count, so
    that sum would tell how small the count is: zeros cost more than any path without them.
    """
    if position in hidden:
        return 0
    return table[position[0]][position[1]] or 1 + sum(map(sum, table))


def _cheapest_cycle(table: list[list[int]], hidden: set[Position], cell: Position) -> set[Position]:
    """`cell` and the positions on the cheapest path from its column back to its row."""
    height, width = len(table), len(table[0])
    start, goal = (COLUMN, cell[1]), (ROW, cell[0])
    best = {start: 0}
    came_by: dict[Line, tuple[Line, Position]] = {}
    queue = [(0, start)]
    while queue:
        cost, line = heapq.heappop(queue)
        if line == goal:
            break
        if cost > best[line]:
            continue
        for position, other in _crossings(line, height, width):
            through = cost + _hiding_cost(table, hidden, position)
            if position != cell and through < best.get(other, math.inf):
                best[other] = through
                came_by[other] = (line, position)
                heapq.heappush(queue, (through, other))
    path = {cell}
    line = goal
    while line != start:
        line, position = came_by[line]
        path.add(position)
    return path


def suppress_table(table: list[list[int]], minimum: int) -> set[Position]:
    """The positions to hide in `table`, whose last column and last row hold its totals.

    Each row and each column, totals included, is a sum anyone can check, so a hidden count
    can be worked out by subtraction exactly when it is on no cycle of hidden positions
    (a cycle alternates between a row and a column, as in a rectangle of four). That covers
    a count hidden alone in its row or column, and one that links two otherwise separate
    groups of hidden counts. So every count from 1 to minimum - 1 is hidden, then each is
    put on a cycle by hiding the cheapest path that closes one.
    """
    hidden = {
        (i, j) for i, row in enumerate(table) for j, value in enumerate(row) if 0 < value < minimum
    }
    # Hiding more never takes a position off a cycle, so one pass over the small ones is
    # enough: each added position is on the cycle it closes.
    for cell in sorted(hidden):
        hidden |= _cheapest_cycle(table, hidden, cell)
    return hidden


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
    one of the two are left out. The row, column and grand totals are suppressed together
    with the cells, so that nothing hidden follows from what is shown.
    """
    raw = {row: dict.fromkeys(columns, 0) for row in rows}
    for answers in answer_sets:
        for row in _ids(answers.get(first)):
            for column in _ids(answers.get(second)):
                if row in raw and column in raw[row]:
                    raw[row][column] += 1
    table = with_totals([[raw[row][column] for column in columns] for row in rows], len(columns))
    hidden = suppress_table(table, minimum)
    shown = [
        [None if (i, j) in hidden else value for j, value in enumerate(line)]
        for i, line in enumerate(table)
    ]
    return CrossTab(
        rows=rows,
        columns=columns,
        cells={row: dict(zip(columns, shown[i][:-1], strict=True)) for i, row in enumerate(rows)},
        row_totals={row: shown[i][-1] for i, row in enumerate(rows)},
        column_totals=dict(zip(columns, shown[-1][:-1], strict=True)),
        total=shown[-1][-1],
    )
