"""Links between apps are declared in waymark/links.py, and the declarations are true: every
link to another app's page is declared, every declaration is used, every declared page and
program id exists."""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core import checks

from waymark import links

ROOT = Path(__file__).resolve().parents[1]
IN_TEMPLATE = re.compile(r"""{%\s*url\s+['"]([\w:-]+)['"]""")
IN_CODE = re.compile(r"""\b(?:reverse|reverse_lazy|redirect)\(\s*['"]([\w:-]+)['"]""")


def links_written() -> set[tuple[str, str]]:
    """(the app that links, URL name) of every URL name written in Waymark's templates and
    code, tests left out."""
    found = set()
    for path in (ROOT / "waymark").rglob("*"):
        parts = path.relative_to(ROOT / "waymark").parts
        if len(parts) < 2 or "tests" in parts or path.suffix not in {".html", ".py"}:
            continue
        pattern = IN_TEMPLATE if path.suffix == ".html" else IN_CODE
        found |= {(parts[0], name) for name in pattern.findall(path.read_text())}
    return found


def test_every_link_to_another_app_s_page_is_declared_and_every_declaration_is_used():
    providers = links.url_providers()
    ours = {path.name for path in (ROOT / "waymark").iterdir() if (path / "apps.py").is_file()}
    across = {
        (app, name)
        for app, name in links_written()
        if providers.get(name) in ours and providers[name] != app
    }
    declared = {(app, link.url_name) for link in links.LINKS for app in link.users}
    assert across - declared == set(), "declare these in waymark/links.py"
    assert declared - across == set(), "nothing links to these any more"


def test_the_system_check_finds_every_declared_page():
    assert links.check_urls() == []
    assert "waymark.E001" not in {
        message.id for message in checks.run_checks(tags=[checks.Tags.urls])
    }


def test_a_declared_page_that_does_not_exist_stops_the_check(monkeypatch):
    wrong = (
        links.Link("diary:no-such-page", "diary", ("web",)),
        links.Link("help:now", "program", ("web",)),
    )
    monkeypatch.setattr(links, "LINKS", (*links.LINKS, *wrong))
    assert [error.msg for error in links.check_urls()] == [
        "waymark/links.py declares 'diary:no-such-page', served by diary, but no page has "
        "that name",
        "waymark/links.py declares 'help:now', served by program, but help serves it",
    ]


@pytest.mark.parametrize("language", ["en", "fi", "es"])
def test_an_exercise_the_diary_links_to_that_a_language_lacks_fails_the_content_check(
    language, tmp_path, capsys
):
    root = tmp_path / "content"
    shutil.copytree(settings.WAYMARK_CONTENT_DIR, root)
    exercise = links.diary_exercises()[0]
    renamed = 0
    for page in (root / language / "chapters").rglob("*.md"):
        text = page.read_text()
        if f"id: {exercise}\n" in text:
            page.write_text(text.replace(f"id: {exercise}\n", f"id: {exercise}-gone\n"))
            renamed += 1
    assert renamed == 1
    problems = [str(problem) for problem in links.check(root)]
    assert (
        f"content/{language}/program.yaml:1: the diary links to exercise {exercise!r} "
        "(waymark/links.py), which this program lacks"
    ) in problems
