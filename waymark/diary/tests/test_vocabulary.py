"""An editor changes the diary's words in a file; the checker catches what would break."""

import shutil
from pathlib import Path

from django.conf import settings

from waymark.diary.vocabulary import STABLE_IDS, check, for_language, load

CONTENT = Path(settings.WAYMARK_CONTENT_DIR)


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "en").mkdir(parents=True)
    shutil.copy(CONTENT / "en" / "diary.yaml", root / "en" / "diary.yaml")
    return root


def test_the_shipped_words_pass_the_check_and_use_the_documented_ids():
    assert check(CONTENT) == []
    words = for_language("en")
    for list_name, ids in STABLE_IDS.items():
        assert set(ids) <= set(words.ids(list_name))
    assert words.ids("parts_of_day") == ("morning", "afternoon", "evening", "night")
    assert words.label("emotions", "lonely") == "Lonely"


def test_a_dropped_word_and_a_duplicate_are_reported_with_file_and_line(tmp_path):
    root = _copy(tmp_path)
    path = root / "en" / "diary.yaml"
    text = path.read_text()
    text = text.replace("  - {id: bored, label: Bored}\n", "")
    text = text.replace("{id: sad, label: Sad or low}", "{id: lonely, label: Sad or low}")
    path.write_text(text)
    problems = check(root)
    messages = [str(p) for p in problems]
    assert any("misses bored" in m for m in messages), messages
    duplicate = next(p for p in problems if "appears twice" in p.message)
    assert duplicate.path == "content/en/diary.yaml"
    assert text.splitlines()[duplicate.line - 1].strip().startswith("- {id: lonely")


def test_broken_yaml_points_at_its_line(tmp_path):
    root = _copy(tmp_path)
    (root / "en" / "diary.yaml").write_text("situations:\n  - {id: [\n")
    (problem,) = check(root)
    assert problem.line == 3
    assert "YAML" in problem.message


def test_a_translation_must_use_exactly_the_english_ids(tmp_path):
    root = _copy(tmp_path)
    (root / "fi").mkdir()
    english = (root / "en" / "diary.yaml").read_text()
    (root / "fi" / "diary.yaml").write_text(english.replace("id: sleep,", "id: nap,"))
    problems = check(root)
    assert [p.path for p in problems] == ["content/fi/diary.yaml"]
    assert "exactly the ids" in problems[0].message
    found, _problems = load(root)
    assert set(found) == {"en", "fi"}


def test_a_missing_text_is_named(tmp_path):
    root = _copy(tmp_path)
    path = root / "en" / "diary.yaml"
    path.write_text(path.read_text().replace("  lapse_next:", "  lapse_later:"))
    assert any("`lapse_next` is missing" in p.message for p in check(root))


def test_a_language_without_a_file_reads_english():
    assert for_language("de").label("situations", "travelling") == for_language("en").label(
        "situations", "travelling"
    )


def test_the_shipped_translations_use_their_own_words_with_the_same_ids():
    english = for_language("en")
    for language in ("fi", "es"):
        translated = for_language(language)
        assert translated.label("emotions", "lonely") != english.label("emotions", "lonely")
        assert [w.id for w in translated.emotions] == [w.id for w in english.emotions]
