"""Charts drawn on the server as inline SVG: no JavaScript, no style attributes.

Each chart is an <svg role="img"> named by its <title> and <desc> (aria-labelledby), scales
to the width of the page (viewBox, width 100%), and uses presentation attributes only, which
the site's Content-Security-Policy allows. The page shows the same numbers in a table beside
it. Built with ElementTree, which escapes every text and attribute. Pure.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass

WIDTH = 320
INK = "#1d2326"
MUTED = "#4a5559"
GRID = "#c9d3d1"
COLOURS = ("#1f5f5b", "#8a4b0f")
FONT = "system-ui, sans-serif"
SVG_NS = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(chart_id: str, title: str, desc: str, height: int) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": "100%",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "font-family": FONT,
            "font-size": "12",
            "class": "chart-svg",
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = desc
    return svg


def _text(parent: ET.Element, x: float, y: float, text: str, **attributes: str) -> None:
    element = ET.SubElement(
        parent, "text", {"x": _number(x), "y": _number(y), "fill": INK, **attributes}
    )
    element.text = text


def _render(svg: ET.Element) -> str:
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    series: list[Series],
    x_labels: tuple[str, str],
    y_max: float,
    y_ticks: tuple[float, ...],
) -> str:
    """Values in the order they happened, evenly spaced; a gap where a value is missing.

    `x_labels` names the first and the last point under the axis.
    """
    left, right, top, bottom = 30, 10, 10, 44
    legend_rows = len(series)
    height = 190 + 16 * legend_rows
    plot_h = height - top - bottom - 16 * legend_rows
    plot_w = WIDTH - left - right
    svg = _svg(chart_id, title, desc, height)
    y_max = max(y_max, 1)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - value / y_max)

    for tick in y_ticks:
        y = y_of(tick)
        ET.SubElement(
            svg,
            "line",
            {"x1": str(left), "x2": str(WIDTH - right), "y1": _number(y), "y2": _number(y)},
            stroke=GRID,
        )
        _text(svg, left - 6, y + 4, _number(tick), **{"text-anchor": "end", "fill": MUTED})
    count = max((len(s.values) for s in series), default=0)

    def x_of(index: int) -> float:
        return left + plot_w / 2 if count == 1 else left + plot_w * index / (count - 1)

    for number, line in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        dash = {"stroke-dasharray": "5 3"} if number else {}
        segment: list[str] = []
        segments = [segment]
        for index, value in enumerate(line.values):
            if value is None:
                segment = []
                segments.append(segment)
                continue
            segment.append(f"{_number(x_of(index))},{_number(y_of(value))}")
            ET.SubElement(
                svg,
                "circle",
                {"cx": _number(x_of(index)), "cy": _number(y_of(value)), "r": "3"},
                fill=colour if not number else "#ffffff",
                stroke=colour,
            )
        for points in segments:
            if len(points) > 1:
                ET.SubElement(
                    svg,
                    "polyline",
                    {"points": " ".join(points), "fill": "none", "stroke": colour},
                    **{"stroke-width": "2", **dash},
                )
    base = top + plot_h
    ET.SubElement(
        svg, "line", {"x1": str(left), "x2": str(WIDTH - right), "y1": str(base), "y2": str(base)}
    ).set("stroke", MUTED)
    if count:
        _text(svg, left, base + 16, x_labels[0], fill=MUTED)
        if count > 1:
            _text(svg, WIDTH - right, base + 16, x_labels[1], fill=MUTED, **{"text-anchor": "end"})
    for number, line in enumerate(series):
        y = base + 36 + 16 * number
        colour = COLOURS[number % len(COLOURS)]
        attributes = {"stroke": colour, "stroke-width": "2"}
        if number:
            attributes["stroke-dasharray"] = "5 3"
        ET.SubElement(
            svg, "line", {"x1": str(left), "x2": str(left + 24), "y1": str(y), "y2": str(y)}
        ).attrib.update(attributes)
        _text(svg, left + 30, y + 4, line.name)
    return _render(svg)


def bar_chart(chart_id: str, title: str, desc: str, bars: list[Bar]) -> str:
    """Horizontal bars, each under its label, so long labels fit a phone's width.

    Negative values (an urge that rose) grow left of a zero line.
    """
    row, left, right = 36, 4, 40
    height = max(row * len(bars), row) + 4
    svg = _svg(chart_id, title, desc, height)
    low = min([0.0, *(bar.value for bar in bars)])
    high = max([0.0, *(bar.value for bar in bars)]) or 1.0
    span = high - low or 1.0
    plot_w = WIDTH - left - right
    zero = left + plot_w * (-low / span)
    for index, bar in enumerate(bars):
        y = index * row
        _text(svg, left, y + 13, bar.label)
        width = plot_w * abs(bar.value) / span
        x = zero if bar.value >= 0 else zero - width
        ET.SubElement(
            svg,
            "rect",
            {
                "x": _number(x),
                "y": str(y + 18),
                "width": _number(max(width, 1)),
                "height": "12",
                "fill": COLOURS[0] if bar.value >= 0 else COLOURS[1],
            },
        )
        _text(svg, max(x + width, zero) + 4, y + 29, bar.shown)
    if low < 0:
        ET.SubElement(
            svg,
            "line",
            {"x1": _number(zero), "x2": _number(zero), "y1": "16", "y2": str(height)},
            stroke=MUTED,
        )
    return _render(svg)
