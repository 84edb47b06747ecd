"""Every interface string reaches Finnish and Spanish readers translated, never half-done."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from waymark.env import fresh_secrets

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ("fi", "es")


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """The catalogues as `make messages` would leave them after reading today's code."""
    copy = tmp_path_factory.mktemp("project")
    for name in ("manage.py", "waymark", "locale", "content"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--no-location",
            *[f"-l{c}" for c in SHIPPED],
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(copy),
            "WAYMARK_DATA_DIR": str(copy / "var"),
            **fresh_secrets(),
        },
    )
    return copy / "locale"


def _gettext(tool: str, *args: str) -> str:
    if not shutil.which(tool):
        pytest.fail(f"{tool} is missing: apt-get install gettext")
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("language", SHIPPED)
def test_the_catalogue_has_every_string_of_the_code_and_all_are_translated(
    fresh_catalogues, language
):
    catalogue = str(fresh_catalogues / language / "LC_MESSAGES" / "django.po")
    untranslated = _gettext("msgattrib", "--untranslated", "--no-obsolete", catalogue)
    fuzzy = _gettext("msgattrib", "--only-fuzzy", "--no-obsolete", catalogue)
    assert "msgid" not in untranslated.split("\n\n", 1)[-1], untranslated[:2000]
    assert "msgid" not in fuzzy.split("\n\n", 1)[-1], fuzzy[:2000]
    # --check: formats, and a header whose number of plural forms every message has.
    _gettext("msgfmt", "--check", "-o", "/dev/null", catalogue)


@pytest.mark.parametrize("language", SHIPPED)
def test_every_plural_is_translated_for_every_count(tmp_path, language):
    """Spanish has three plural forms: "10 minutos" must not fall back to "10 minutes"."""
    compiled = tmp_path / "django.mo"
    _gettext(
        "msgfmt", "-o", str(compiled), str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
    )
    with compiled.open("rb") as file:
        catalogue = gettext.GNUTranslations(file)
    plurals = {key[0] for key in catalogue._catalog if isinstance(key, tuple)}
    assert plurals
    for message in plurals:
        for count in [*range(25), 1_000_000]:
            assert catalogue.ngettext(message, "UNTRANSLATED", count) != "UNTRANSLATED", (
                message,
                count,
            )
