"""An operator backs up the SQLite database, loses the server, restores the copy on a new one,
and a person's saved workspace opens there with their passphrase (docs/deploy.md, Backups)."""

import stat
import subprocess

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


def test_a_restored_backup_opens_with_the_passphrase(run_waymark, server_env, tmp_path):
    kept = run_waymark("-c", PERSON_KEEPS_THEIR_WORK)
    assert kept.returncode == 0, kept.stderr
    phrase = kept.stdout.splitlines()[-1]
    backup = tmp_path / "waymark-backup.sqlite3"

    said = run_waymark("manage.py", "backup_database", str(backup))

    assert said.stdout.strip() == f"Backed up to {backup}.", said.stderr
    assert stat.S_IMODE(backup.stat().st_mode) == stat.S_IRUSR | stat.S_IWUSR
    # A new server: an empty data folder, the same secrets (kept apart from the backup).
    new_server = tmp_path / "new-server"
    subprocess.run(
        ["install", "-D", "-m", "600", str(backup), str(new_server / "waymark.sqlite3")],
        check=True,
    )
    opened = run_waymark("-c", PERSON_OPENS_IT_AGAIN, phrase, WAYMARK_DATA_DIR=str(new_server))
    assert opened.stdout.strip() == ANSWER, opened.stderr


def test_a_backup_never_overwrites_a_file(run_waymark, tmp_path):
    kept = tmp_path / "yesterday.sqlite3"
    kept.write_bytes(b"yesterday's backup")
    result = run_waymark("manage.py", "backup_database", str(kept))
    assert result.returncode == 1
    assert "exists already" in result.stderr
    assert kept.read_bytes() == b"yesterday's backup"


def test_on_postgresql_the_command_points_to_pg_dump(run_waymark, tmp_path):
    result = run_waymark(
        "manage.py",
        "backup_database",
        str(tmp_path / "copy"),
        DATABASE_URL="postgres://waymark@127.0.0.1:1/waymark",
    )
    assert result.returncode == 1
    assert "pg_dump" in result.stderr
    assert not (tmp_path / "copy").exists()
