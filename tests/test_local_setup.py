"""On a developer's machine: `make run` makes its secrets once and keeps them, and `make clean`
removes what can be built again, never the database or the secrets that open it."""

import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def make_local_env(run_waymark):
    """What `make run` does first: `python -m waymark.env var/local.env`."""

    def make(file: Path) -> str:
        result = run_waymark("-m", "waymark.env", str(file))
        assert result.returncode == 0, result.stderr
        return result.stdout

    return make


def _values(file: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in file.read_text().splitlines())


def test_the_local_secrets_are_made_once_private_and_never_changed(make_local_env, tmp_path):
    file = tmp_path / "var" / "local.env"
    said = make_local_env(file)
    assert "SECRET_KEY added" in said
    assert "WAYMARK_LOOKUP_PEPPER added" in said
    first = _values(file)
    assert len(first["SECRET_KEY"]) >= 50
    assert len(first["WAYMARK_LOOKUP_PEPPER"]) >= 50
    assert stat.S_IMODE(file.stat().st_mode) == stat.S_IRUSR | stat.S_IWUSR
    assert stat.S_IMODE(file.parent.stat().st_mode) == stat.S_IRWXU

    assert make_local_env(file) == ""
    assert _values(file) == first


def test_a_secret_the_file_lacks_is_added_and_an_earlier_generated_one_carried_over(
    make_local_env, tmp_path
):
    """An install from before var/local.env kept its pepper in var/lookup_pepper: saved
    workspaces stay reachable."""
    var = tmp_path / "var"
    var.mkdir()
    (var / "lookup_pepper").write_text("the-pepper-an-earlier-version-made\n")
    file = var / "local.env"
    file.write_text("SECRET_KEY=" + "k" * 50)  # written by hand, no newline at the end

    said = make_local_env(file)

    assert said.startswith("WAYMARK_LOOKUP_PEPPER added")
    values = _values(file)
    assert values["SECRET_KEY"] == "k" * 50
    assert values["WAYMARK_LOOKUP_PEPPER"] == "the-pepper-an-earlier-version-made"
    assert len(values["WAYMARK_TOTP_KEY"]) >= 32


def test_make_clean_removes_what_can_be_rebuilt_and_keeps_the_data(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    kept = ["var/waymark.sqlite3", "var/local.env", "var/waymark-backup.sqlite3"]
    rebuilt = [".venv/bin/python", "node_modules/axe-core/axe.min.js", "var/static/web/x.css"]
    for name in kept + rebuilt:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)

    subprocess.run(["make", "clean"], cwd=tmp_path, check=True, capture_output=True)

    assert all((tmp_path / name).read_text() == name for name in kept)
    assert not any((tmp_path / name.split("/")[0]).exists() for name in rebuilt[:2])
    assert not (tmp_path / "var" / "static").exists()
