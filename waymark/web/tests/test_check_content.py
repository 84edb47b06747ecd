"""An editor breaks a file and the check names it, with its line, before anyone sees it."""

import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]


def test_the_shipped_content_passes_the_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check_content"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Content OK" in result.stdout


def test_broken_content_is_listed_with_file_and_line_even_though_apps_load_it(tmp_path, server_env):
    content = tmp_path / "content"
    shutil.copytree(settings.WAYMARK_CONTENT_DIR, content)
    page = next((content / "en" / "chapters").glob("06-*/01-*.md"))
    page.write_text(page.read_text() + "\n```bogus\nx: 1\n```\n")
    lines = page.read_text().count("\n")
    result = subprocess.run(
        [sys.executable, "manage.py", "check_content"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**server_env, "WAYMARK_CONTENT_DIR": str(content)},
    )
    assert result.returncode == 1
    assert f"{page.name}:{lines - 2}: unknown block type 'bogus'" in result.stderr
    assert "Traceback" not in result.stderr
