"""A person in a hard moment finds a number to call, checked and dated."""

import datetime

import pytest

from waymark.help.helplines import check, helplines_for


def test_the_help_page_puts_danger_first_and_lists_checked_lines(client):
    page = client.get("/en/help/").text
    assert page.index("If you might harm yourself or a child") < page.index('id="crisis-lines"')
    assert "0808 1000 900" in page
    assert "116 123" in page
    assert "Last checked" in page


def test_the_help_page_starts_with_jump_links_to_each_kind_of_help(client):
    page = client.get("/en/help/").text
    jump = page[page.index('<nav class="jump"') : page.index("</nav>", page.index('class="jump"'))]
    for anchor in ("danger", "crisis-lines", "prevention-lines", "survivor-lines"):
        assert f'href="#{anchor}"' in jump
        assert f'id="{anchor}"' in page


@pytest.mark.parametrize(
    ("language", "own", "other"),
    [
        ("en", "Samaritans", "MIELI Mental Health Finland"),
        ("fi", "MIELI Mental Health Finland", "Samaritans"),
        ("es", "Línea 024", "Samaritans"),
    ],
)
def test_the_readers_own_country_comes_first_and_other_countries_fold_away(
    client, language, own, other
):
    page = client.get(f"/{language}/help/").text
    crisis = page[page.index('id="crisis-lines"') : page.index('id="prevention-lines"')]
    folded = crisis.index("<details")
    assert crisis.index(own) < folded < crisis.index(other)


@pytest.mark.parametrize(
    ("language", "prevention", "survivors"),
    [
        ("fi", "Mielenterveystalo", "116 006"),
        ("es", "900 440 443", "900 20 20 10"),
        ("en", "0808 1000 900", "NAPAC"),
    ],
)
def test_each_language_has_a_prevention_service_and_help_after_abuse_of_its_own(
    client, language, prevention, survivors
):
    page = client.get(f"/{language}/help/").text
    own_prevention = page[page.index('id="prevention-lines"') : page.index('id="survivor-lines"')]
    own_survivors = page[page.index('id="survivor-lines"') : page.index('id="before-you-call"')]
    assert prevention in own_prevention.split("<details")[0]
    assert survivors in own_survivors.split("<details")[0]


def test_every_helpline_has_a_source_and_a_day_it_was_checked():
    helplines = helplines_for("en")
    assert helplines.lines
    for line in helplines.lines:
        assert line.source.startswith("https://")
        assert isinstance(line.last_verified, datetime.date)
    assert helplines.of_kind("crisis")
    assert helplines.of_kind("prevention")


ENGLISH = """\
verification_note: Checked.
emergency: {text: Call 112.}
helplines:
  - id: line-a
    organisation: Line A
    country: Finland
    kind: crisis
    for: Anyone.
    phone: "09 1234"
    phone_note: Free.
    source: https://a.example/
    last_verified: 2026-11-25
"""


def content_with(tmp_path, finnish: str | None):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "helplines.yaml").write_text(ENGLISH)
    (tmp_path / "fi").mkdir()
    if finnish is not None:
        (tmp_path / "fi" / "helplines.yaml").write_text(finnish)
    return tmp_path


FINNISH = """\
verification_note: Tarkistettu.
emergency: {text: Soita 112.}
helplines:
  line-a: {country: Suomi, for: Kaikille., phone_note: Maksuton.}
"""


def test_a_finnish_reader_gets_finnish_words_and_the_numbers_kept_once_in_english(
    tmp_path, settings
):
    settings.WAYMARK_CONTENT_DIR = content_with(tmp_path, FINNISH)
    helplines_for.cache_clear()
    try:
        (line,) = helplines_for("fi").lines
        assert (line.country, line.for_whom, line.phone_note) == ("Suomi", "Kaikille.", "Maksuton.")
        assert (line.phone, line.source, line.organisation) == (
            "09 1234",
            "https://a.example/",
            "Line A",
        )
        assert helplines_for("fi").emergency == "Soita 112."
        spanish, english = helplines_for("es"), helplines_for("en")
        assert (spanish.lines, spanish.emergency) == (english.lines, english.emergency)
    finally:
        helplines_for.cache_clear()
    assert check(tmp_path) == []


@pytest.mark.parametrize(
    ("finnish", "message"),
    [
        (FINNISH.replace("line-a:", "line-b:"), "unknown helpline id 'line-b'"),
        (
            FINNISH.replace("phone_note: Maksuton.", "phone: '09 9999'"),
            "come from the English file only",
        ),
        (FINNISH.replace(", phone_note: Maksuton.", ""), "misses ['phone_note']"),
        (FINNISH.replace("Maksuton.}", "Maksuton., also: Chat.}"), "are empty in English"),
        (FINNISH.replace("emergency: {text: Soita 112.}\n", ""), "missing emergency.text"),
        ("helplines: [line-a]\n", "expected a mapping with helpline ids"),
    ],
)
def test_the_checker_names_what_is_wrong_in_a_translation(tmp_path, finnish, message):
    problems = check(content_with(tmp_path, finnish))
    assert problems
    assert all(p.path.endswith("fi/helplines.yaml") for p in problems)
    assert any(message in p.message for p in problems), problems


def test_finnish_and_spanish_readers_get_the_help_page_in_their_own_words(client):
    finnish = client.get("/fi/help/").text
    spanish = client.get("/es/help/").text
    for page in (finnish, spanish):
        assert "0808 1000 900" in page
        assert "116 123" in page
        assert "Anyone struggling to cope" not in page


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
