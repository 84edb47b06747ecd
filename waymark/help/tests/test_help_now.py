"""A person in a hard moment finds a number to call, checked and dated."""

import datetime

import pytest

from waymark.help.helplines import check, helplines_for


def test_the_help_page_puts_danger_first_and_lists_checked_lines(client):
    page = client.get("/en/help/").text
    assert page.index("If you might harm yourself or a child") < page.index("Crisis lines")
    assert "0808 1000 900" in page
    assert "116 123" in page
    assert "Last checked" in page


def test_every_helpline_has_a_source_and_a_day_it_was_checked():
    helplines = helplines_for("en")
    assert helplines.lines
    for line in helplines.lines:
        assert line.source.startswith("https://")
        assert isinstance(line.last_verified, datetime.date)
    assert helplines.of_kind("crisis") and helplines.of_kind("prevention")


def test_a_language_without_its_own_list_gets_the_english_one(client):
    assert "0808 1000 900" in client.get("/fi/help/").text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("helplines: [\n", "YAML cannot be read"),
        ("emergency: {text: x}\nhelplines:\n  - id: a\n    organisation: A\n", "misses"),
        (
            "emergency: {text: x}\nhelplines:\n  - id: a\n    organisation: A\n    country: B\n"
            "    kind: gossip\n    for: C\n    source: https://x\n    last_verified: 2026-01-01\n"
            "    phone: '1'\n",
            "kind must be one of",
        ),
        (
            "emergency: {text: x}\nhelplines:\n  - id: a\n    organisation: A\n    country: B\n"
            "    kind: crisis\n    for: C\n    source: https://x\n    last_verified: 2026-01-01\n",
            "needs a phone or a website",
        ),
    ],
)
def test_the_checker_names_the_file_and_line_of_a_broken_helpline(tmp_path, text, message):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "helplines.yaml").write_text(text)
    problems = check(tmp_path)
    assert problems, text
    assert problems[0].path == "en/helplines.yaml" or problems[0].path.endswith("helplines.yaml")
    assert problems[0].line >= 1
    assert message in problems[0].message


def test_the_real_helplines_have_no_problems(settings):
    assert check(settings.WAYMARK_CONTENT_DIR) == []
