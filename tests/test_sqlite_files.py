"""The SQLite database as production makes it: only its owner can read the folder, the file and
the rollback journal, and deleted rows are overwritten.

Runs a Waymark process with the production settings (no DATABASE_URL) and the common umask
022, under which SQLite on its own would make a file anyone on the machine can read.
"""

import json
import stat

WRITE_AND_LOOK = """
import json
import os
import stat

os.umask(0o022)
import django

django.setup()
from django.conf import settings
from django.db import connection, transaction

database = settings.DATA_DIR / "waymark.sqlite3"
journal = database.with_name(database.name + "-journal")
mode = lambda path: oct(stat.S_IMODE(path.stat().st_mode))
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE answer (text)")
    with transaction.atomic():
        cursor.execute("INSERT INTO answer VALUES ('x')")
        journal_during_write = mode(journal)
    cursor.execute("PRAGMA secure_delete")
    secure_delete = cursor.fetchone()[0]
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
print(json.dumps({
    "folder": mode(settings.DATA_DIR),
    "database": mode(database),
    "journal": journal_during_write,
    "journal_left": journal.exists(),
    "secure_delete": secure_delete,
    "journal_mode": journal_mode,
}))
"""


def test_the_database_is_its_owners_alone_and_deleted_rows_are_overwritten(run_waymark):
    result = run_waymark("-c", WRITE_AND_LOOK)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["folder"] == oct(stat.S_IRWXU)
    assert seen["database"] == oct(stat.S_IRUSR | stat.S_IWUSR)
    # SQLite gives the journal the database file's mode; it is gone after the commit.
    assert seen["journal"] == oct(stat.S_IRUSR | stat.S_IWUSR)
    assert not seen["journal_left"]
    assert seen["secure_delete"] == 1
    assert seen["journal_mode"] == "delete"
