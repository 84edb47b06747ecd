"""Horizontal bar charts as SVG, drawn on the server: no JavaScript, no third party.

Each chart carries a <title> and <desc> (read by screen readers through aria-labelledby), and
the page shows the same numbers in a table next to it. Suppressed bars are drawn as a hatched
outline with the caller's text (such as "hidden") inside it rather than a length.
Pure: returns markup-safe text.
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
LABEL_WIDTH = 260
BAR_HEIGHT = 22
GAP = 10
TOP = 8
INK = "#1d2326"
BAR = "#1f5f5b"
MUTED = "#4a5559"


@dataclass(frozen=True)
class Bar:
    label: str
    # Percentage 0-100, or None when the count behind it is suppressed.
    value: float | None
    text: str


def _short(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(chart_id: str, title: str, description: str, bars: list[Bar]) -> SafeString:
    room = WIDTH - LABEL_WIDTH - 70
    height = TOP * 2 + len(bars) * (BAR_HEIGHT + GAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for index, bar in enumerate(bars):
        y = TOP + index * (BAR_HEIGHT + GAP)
        middle = y + BAR_HEIGHT // 2 + 5
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" font-size="14" '
            f'fill="{INK}">{escape(_short(bar.label))}</text>'
        )
        if bar.value is None:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{room}" height="{BAR_HEIGHT}" '
                f'fill="none" stroke="{MUTED}" stroke-dasharray="4 4"/>'
            )
        else:
            length = max(round(room * min(bar.value, 100) / 100), 1 if bar.value else 0)
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
                f'fill="{BAR}"/>'
            )
        x = LABEL_WIDTH + 6 if bar.value is None else LABEL_WIDTH + length + 6
        parts.append(
            f'<text x="{x}" y="{middle}" font-size="14" fill="{INK}">{escape(bar.text)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text inside is escaped above
