"""The patterns page's figures: the numbers from `patterns`, drawn by `charts`, in words.

Each figure carries its chart (SVG markup) and the same numbers as table rows.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from waymark.diary import charts, patterns
from waymark.diary.describe import hours_text, label, week_text
from waymark.diary.entries import CheckIn, Entry, week_start
from waymark.diary.vocabulary import Vocabulary


@dataclass(frozen=True)
class Figure:
    id: str
    title: str
    svg: SafeString
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]


def _safe(svg: str) -> SafeString:
    return mark_safe(svg)  # noqa: S308 - ElementTree escaped every text and attribute


def _short_day(day: date) -> str:
    return date_format(day, "MONTH_DAY_FORMAT")


def urge_figure(entries: list[Entry], vocabulary: Vocabulary) -> Figure:
    points = patterns.urge_over_time(entries)
    title = _("Urge strength over time")
    first, last = points[0], points[-1]
    span = {"count": len(points), "first": date_format(first.day), "last": date_format(last.day)}
    desc = (
        ngettext(
            "%(count)d entry, on %(first)s.",
            "%(count)d entries from %(first)s to %(last)s, in the order they happened.",
            len(points),
        )
        % span
        + " "
        + _(
            "The solid line is the urge strength at the time, the dashed line the strength "
            "afterwards, both from 0 to 10."
        )
    )
    svg = charts.line_chart(
        "chart-urge",
        title,
        desc,
        [
            charts.Series(_("At the time"), tuple(p.urge for p in points)),
            charts.Series(_("Afterwards"), tuple(p.urge_after for p in points)),
        ],
        (_short_day(first.day), _short_day(last.day)),
        10,
        (0, 5, 10),
    )
    rows = [
        (
            f"{date_format(p.day)}, {vocabulary.label('parts_of_day', p.part)}",
            str(p.urge),
            _("not noted") if p.urge_after is None else str(p.urge_after),
        )
        for p in points
    ]
    return Figure(
        "chart-urge",
        title,
        _safe(svg),
        (_("When"), _("At the time"), _("Afterwards")),
        rows,
    )


def _count_figure(
    figure_id: str, title: str, counted: list[tuple[str, int]], words: str, vocab, total: int
) -> Figure:
    shown = counted[:8]
    bars = [charts.Bar(label(vocab, words, word), count, str(count)) for word, count in shown]
    desc = ngettext(
        "How many entries name each one, out of %(total)d entry.",
        "How many entries name each one, out of %(total)d entries, most frequent first.",
        total,
    ) % {"total": total}
    rows = [(bar.label, bar.shown) for bar in bars]
    svg = charts.bar_chart(figure_id, title, desc, bars)
    return Figure(figure_id, title, _safe(svg), (title, _("Entries")), rows)


def situations_figure(entries: list[Entry], vocabulary: Vocabulary) -> Figure:
    return _count_figure(
        "chart-situations",
        _("Most common situations"),
        patterns.common_situations(entries),
        "situations",
        vocabulary,
        len(entries),
    )


def emotions_figure(entries: list[Entry], vocabulary: Vocabulary) -> Figure | None:
    counted = patterns.common_emotions(entries)
    if not counted:
        return None
    return _count_figure(
        "chart-emotions", _("Most common feelings"), counted, "emotions", vocabulary, len(entries)
    )


def _drop_text(drop: float) -> str:
    return f"{drop:.1f}".removesuffix(".0")


def actions_figure(entries: list[Entry], vocabulary: Vocabulary) -> Figure | None:
    effects = patterns.action_effects(entries)
    if not effects:
        return None
    title = _("How much the urge fell after what you did")
    desc = _(
        "For each thing you did, the average fall in urge strength from the time to "
        "afterwards, over the entries that give both. A bar to the left means the urge rose."
    )
    bars = [
        charts.Bar(
            label(vocabulary, "actions", e.action), e.average_drop, _drop_text(e.average_drop)
        )
        for e in effects
    ]
    rows = [
        (bar.label, bar.shown, str(effect.entries))
        for bar, effect in zip(bars, effects, strict=True)
    ]
    svg = charts.bar_chart("chart-actions", title, desc, bars)
    return Figure(
        "chart-actions",
        title,
        _safe(svg),
        (_("What you did"), _("Average fall (below 0: it rose)"), _("Entries")),
        rows,
    )


def entry_figures(entries: list[Entry], vocabulary: Vocabulary) -> list[Figure]:
    """The patterns page's figures over diary entries; none without entries."""
    if not entries:
        return []
    figures = [
        urge_figure(entries, vocabulary),
        situations_figure(entries, vocabulary),
        emotions_figure(entries, vocabulary),
        actions_figure(entries, vocabulary),
    ]
    return [figure for figure in figures if figure is not None]


def checkin_figures(checkins: list[CheckIn]) -> list[Figure]:
    if not checkins:
        return []
    first, last = week_text(checkins[0].week), week_text(checkins[-1].week)
    span = {"count": len(checkins), "first": first, "last": last}
    hours_title = _("Hours spent viewing each week")
    hours_desc = (
        ngettext(
            "%(count)d weekly check-in, %(first)s.",
            "%(count)d weekly check-ins, from %(first)s to %(last)s.",
            len(checkins),
        )
        % span
    )
    hours_svg = charts.bar_chart(
        "chart-hours",
        hours_title,
        hours_desc,
        [charts.Bar(week_text(c.week), c.hours, hours_text(c)) for c in checkins],
    )
    scores_title = _("Urge strength and confidence each week")
    scores_desc = (
        hours_desc
        + " "
        + _(
            "The solid line is your average urge strength, the dashed line your confidence "
            "that you can keep going, both from 0 to 10."
        )
    )
    ends = (
        _short_day(week_start(checkins[0].week)),
        _short_day(week_start(checkins[-1].week)),
    )
    scores_svg = charts.line_chart(
        "chart-checkins",
        scores_title,
        scores_desc,
        [
            charts.Series(_("Average urge"), tuple(c.urge for c in checkins)),
            charts.Series(_("Confidence"), tuple(c.confidence for c in checkins)),
        ],
        ends,
        10,
        (0, 5, 10),
    )
    week = _("Week")
    return [
        Figure(
            "chart-hours",
            hours_title,
            _safe(hours_svg),
            (week, _("Hours viewing"), _("Days you acted on an urge")),
            [(week_text(c.week), hours_text(c), str(c.lapse_days)) for c in checkins],
        ),
        Figure(
            "chart-checkins",
            scores_title,
            _safe(scores_svg),
            (week, _("Average urge"), _("Confidence")),
            [(week_text(c.week), str(c.urge), str(c.confidence)) for c in checkins],
        ),
    ]
