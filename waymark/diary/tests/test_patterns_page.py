"""The patterns page draws a person's own numbers as charts, each with its table."""

import xml.etree.ElementTree as ET

import pytest

from waymark.diary.tests.helpers import NEW, entry_form

pytestmark = pytest.mark.django_db
PATTERNS = "/en/diary/patterns/"


def _svgs(html: str) -> list[ET.Element]:
    found = []
    start = html.find("<svg")
    while start != -1:
        end = html.index("</svg>", start) + len("</svg>")
        found.append(ET.fromstring(html[start:end]))  # noqa: S314 - our own page
        start = html.find("<svg", end)
    return found


def test_with_no_entries_the_page_invites_a_first_one(client):
    page = client.get(PATTERNS).text
    assert "When you have noted a few moments" in page
    assert "<svg" not in page


def test_each_chart_is_valid_svg_with_a_title_a_description_and_a_table(client):
    client.post(NEW, entry_form(client, urge="8", urge_after="2", actions=["go-outside"]))
    client.post(
        NEW,
        entry_form(client, urge="4", urge_after="6", actions=["sleep"], situation="travelling"),
    )
    client.post("/en/diary/check-in/", {"week": "", "hours": "0"})
    page = client.get(PATTERNS).text
    svgs = _svgs(page)
    assert len(svgs) == 4
    for svg in svgs:
        title = svg.find("{http://www.w3.org/2000/svg}title")
        assert title is not None
        assert title.text
        assert svg.find("{http://www.w3.org/2000/svg}desc").text
        assert f'<h2 id="{svg.get("aria-labelledby").split()[0].replace("title", "heading")}"' in (
            page
        )
    assert page.count("<table>") == 4
    assert '<th scope="row">Went outside or to a place with other people</th><td>6</td>' in page
    assert '<th scope="row">Went to sleep</th><td>-2</td>' in page
    assert "days since you last" not in page


def test_the_day_count_shows_only_once_turned_on_and_can_be_turned_off(client):
    client.post(NEW, entry_form(client, acted="yes"))
    assert "since you last noted acting on an urge" not in client.get(PATTERNS).text
    response = client.post("/en/diary/settings/", {"show_days_since": "on"})
    assert response["Location"] == PATTERNS
    assert "0 days since you last noted acting on an urge" in client.get(PATTERNS).text
    assert "checked" in client.get("/en/diary/settings/").text
    client.post("/en/diary/settings/", {})
    assert "since you last noted acting on an urge" not in client.get(PATTERNS).text


def test_the_patterns_page_needs_few_queries(client, django_assert_max_num_queries):
    for urge in range(12):
        client.post(NEW, entry_form(client, urge=str(urge % 11)))
    with django_assert_max_num_queries(6):
        assert client.get(PATTERNS).status_code == 200
