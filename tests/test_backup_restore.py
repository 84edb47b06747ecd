"""An operator backs up the SQLite database, loses the server, restores the copy on a new one,
and a person's saved workspace opens there with their passphrase (docs/deploy.md, Backups)."""

import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANSWER = "backup-sentinel answer"

PERSON_KEEPS_THEIR_WORK = f"""
import django
django.setup()
from django.core.management import call_command
from waymark.workspace import passphrase, workspaces

call_command("migrate", verbosity=0)
unlocked = workspaces.new_workspace()
workspaces.write_records(unlocked, "answer", {{"q5-describe": {{"text": "{ANSWER}"}}}})
phrase = passphrase.generate()
assert workspaces.keep(unlocked, phrase)
print(phrase)
"""

PERSON_OPENS_IT_AGAIN = """
import sys
import django
django.setup()
from waymark.workspace import workspaces

unlocked = workspaces.unlock(sys.argv[1])
print(workspaces.get_record(unlocked, "answer", "q5-describe")["text"] if unlocked else "nothing")
"""


def _python(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_restored_backup_opens_with_the_passphrase(server_env, tmp_path):
    phrase = _python(server_env, "-c", PERSON_KEEPS_THEIR_WORK).splitlines()[-1]
    backup = tmp_path / "waymark-backup.sqlite3"

    said = _python(server_env, "manage.py", "backup_database", str(backup))

    assert said == f"Backed up to {backup}."
    assert stat.S_IMODE(backup.stat().st_mode) == stat.S_IRUSR | stat.S_IWUSR
    # A new server: an empty data folder, the same secrets (kept apart from the backup).
    new_server = {**server_env, "WAYMARK_DATA_DIR": str(tmp_path / "new-server")}
    restored = Path(new_server["WAYMARK_DATA_DIR"]) / "waymark.sqlite3"
    subprocess.run(["install", "-D", "-m", "600", str(backup), str(restored)], check=True)
    assert _python(new_server, "-c", PERSON_OPENS_IT_AGAIN, phrase) == ANSWER


def test_a_backup_never_overwrites_a_file(server_env, tmp_path):
    kept = tmp_path / "yesterday.sqlite3"
    kept.write_bytes(b"yesterday's backup")
    result = subprocess.run(
        [sys.executable, "manage.py", "backup_database", str(kept)],
        cwd=ROOT,
        env=server_env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "exists already" in result.stderr
    assert kept.read_bytes() == b"yesterday's backup"


def test_on_postgresql_the_command_points_to_pg_dump(server_env, tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "backup_database", str(tmp_path / "copy")],
        cwd=ROOT,
        env={**server_env, "DATABASE_URL": "postgres://waymark@127.0.0.1:1/waymark"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "pg_dump" in result.stderr
    assert not (tmp_path / "copy").exists()
