"""Charts are well-formed SVG with a text alternative, and any label is only ever text."""

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from waymark.diary import charts

NS = "{http://www.w3.org/2000/svg}"
# Characters XML 1.0 can carry; anything else never reaches a chart (labels are our words).
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # noqa: S314 - our own output, parsed to check it
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("viewBox").startswith("0 0 320 ")
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{NS}title").get("id") == title_id
    assert root.find(f"{NS}desc").get("id") == desc_id
    for element in root.iter():
        assert "style" not in element.attrib
        assert not any(name.startswith("on") for name in element.attrib)
    return root


@settings(max_examples=80, deadline=None)
@given(
    title=TEXT,
    labels=st.lists(TEXT, min_size=1, max_size=10),
    values=st.lists(st.floats(-10, 10, allow_nan=False), min_size=10, max_size=10),
)
def test_a_bar_chart_is_valid_svg_whatever_the_labels(title, labels, values):
    bars = [
        charts.Bar(label, value, f"{value:.1f}")
        for label, value in zip(labels, values, strict=False)
    ]
    root = _parse(charts.bar_chart("chart-x", title, "A description", bars))
    assert root.find(f"{NS}title").text == title
    texts = [t.text for t in root.iter(f"{NS}text")]
    for label in labels:
        assert label in texts
    assert len(list(root.iter(f"{NS}rect"))) == len(bars)


@settings(max_examples=80, deadline=None)
@given(
    first=st.lists(st.integers(0, 10), min_size=1, max_size=40),
    second=st.lists(st.none() | st.integers(0, 10), min_size=1, max_size=40),
)
def test_a_line_chart_is_valid_svg_and_skips_missing_values(first, second):
    second = (second * 40)[: len(first)]
    svg = charts.line_chart(
        "chart-y",
        "Urge <strength> & more",
        "Described",
        [charts.Series("At the time", tuple(first)), charts.Series("After", tuple(second))],
        ("1 Jan", "9 Jan"),
        10,
        (0, 5, 10),
    )
    root = _parse(svg)
    assert root.find(f"{NS}title").text == "Urge <strength> & more"
    circles = list(root.iter(f"{NS}circle"))
    assert len(circles) == len(first) + sum(1 for v in second if v is not None)
    for circle in circles:
        assert 0 <= float(circle.get("cx")) <= 320
        assert 0 <= float(circle.get("cy")) <= 180


def test_markup_in_a_label_stays_text():
    svg = charts.bar_chart("c", "<script>alert(1)</script>", "d", [charts.Bar("<b>", 1, "1")])
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert "<b>" not in svg
