import os
import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = (
        "Copy the SQLite database into a new file only its owner can read, while Waymark "
        "runs (SQLite's online backup). On PostgreSQL use pg_dump: docs/postgresql.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the backup file; it must not exist yet")

    def handle(self, *args, file: Path, **options):
        if connection.vendor != "sqlite":
            raise CommandError("The database is not SQLite: back it up with pg_dump instead.")
        try:
            # Made 0600 before a byte is written: the copy holds everything the database does.
            os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise CommandError(f"{file} exists already: back up to a new file.") from None
        except OSError as error:
            raise CommandError(f"Cannot create {file}: {error.strerror}.") from None
        try:
            connection.ensure_connection()
            target = sqlite3.connect(file)
            try:
                # One step: a consistent copy, even while the server writes.
                connection.connection.backup(target)
            finally:
                target.close()
        except BaseException:
            file.unlink()
            raise
        self.stdout.write(f"Backed up to {file}.")
