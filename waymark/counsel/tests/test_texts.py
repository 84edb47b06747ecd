"""The operator's texts and the crisis words: the shipped files pass, broken ones are named
with file and line, and crisis words are found in any language and any form of a word."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings

from waymark.counsel.texts import check, crisis_in, for_language

CONTENT = Path(settings.WAYMARK_CONTENT_DIR)


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    for language in ("en", "fi"):
        (root / language).mkdir(parents=True)
        for name in ("counsel.yaml", "program.yaml"):
            shutil.copy(CONTENT / language / name, root / language / name)
    return root


def test_every_shipped_language_has_its_texts_and_they_pass_the_check():
    assert check(CONTENT) == []
    for language in ("en", "fi", "es"):
        texts = for_language(language)
        assert texts.who_answers and texts.not_to_write and texts.legal
    assert "law" in for_language("en").legal
    assert "lain" in for_language("fi").legal
    # A paragraph is one line, whatever the width of the editor that wrote it.
    assert "\n" not in for_language("en").who_answers.split("\n\n")[0]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Some nights I think I should kill myself.", ("self-harm",)),
        ("I have been SUICIDAL since spring", ("self-harm",)),
        ("I don\u2019t want to live like this", ("self-harm",)),
        ("I am afraid I could hurt a child one day", ("harm-to-child",)),
        ("Olen miettinyt itsemurhaa", ("self-harm",)),
        ("pelkään, että satutan lasta", ("harm-to-child",)),
        ("A veces quiero morirme", ("self-harm",)),
        ("Tengo miedo de tocar a un niño", ("harm-to-child",)),
        ("I want to die, and I am scared I will touch a child", ("self-harm", "harm-to-child")),
        ("I stopped looking for two weeks and feel better.", ()),
        ("My skill at cooking improved", ()),
    ],
)
def test_crisis_words_are_found_in_every_language_whatever_the_page(text, kinds):
    assert crisis_in(text) == kinds


def test_a_missing_text_a_short_word_and_an_unknown_kind_are_named_with_their_line(tmp_path):
    root = _copy(tmp_path)
    path = root / "en" / "counsel.yaml"
    text = path.read_text()
    text = text.replace("    - overdose\n", "    - ab\n    - kill myself\n")
    text = text.replace(
        "  harm-to-child:\n", "  harm-to-others:\n    - anything\n  harm-to-child:\n"
    )
    text = text.replace("legal: |", "lawyer: |")
    path.write_text(text)
    lines = text.splitlines()
    problems = {p.message: p for p in check(root)}
    assert problems["`legal` needs a text"].path == "content/en/counsel.yaml"
    assert lines[problems["unknown key 'lawyer'"].line - 1].startswith("lawyer:")
    short = problems["'ab' is too short: it would match everywhere"]
    assert lines[short.line - 1].strip() == "- ab"
    assert "'kill myself' appears twice" in problems
    unknown = problems["unknown crisis kind 'harm-to-others'"]
    assert lines[unknown.line - 1].strip() == "harm-to-others:"


def test_a_language_without_its_file_and_broken_yaml_are_reported(tmp_path):
    root = _copy(tmp_path)
    (root / "es").mkdir()
    (root / "es" / "program.yaml").write_text("")
    (root / "images").mkdir()
    (root / "fi" / "counsel.yaml").write_text("who_answers: |\n  ok\ncrisis: [\n")
    problems = [str(p) for p in check(root)]
    assert "content/es/counsel.yaml:1: the file is missing" in problems
    assert not any("images" in problem for problem in problems)
    assert any(
        p.startswith("content/fi/counsel.yaml:") and "YAML cannot be read" in p for p in problems
    )
