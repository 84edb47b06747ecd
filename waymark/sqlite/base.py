"""Django's SQLite backend, keeping the database to its owner and deleted rows off the disk.

- The folder is created 0700 and the file 0600 before SQLite opens it, whatever the umask.
  SQLite gives its rollback journal the mode of the database file, so the journal is 0600 too.
- `secure_delete` overwrites deleted rows, so a deleted workspace leaves nothing in the free
  pages of the file.
- The rollback journal, not a write-ahead log: it is deleted at each commit, where a WAL file
  would keep copies of deleted rows (a wrapped key, sealed records) beside the database until
  later writes happened to overwrite them. The blocks of a deleted journal stay on the disk
  until reused: docs/deploy.md recommends full-disk encryption for that reason.

These are set here, not in OPTIONS, so that no configuration can leave them out.
"""

import os
from pathlib import Path

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        if not self.is_in_memory_db():
            path = Path(conn_params["database"])
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        connection = super().get_new_connection(conn_params)
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute("PRAGMA journal_mode = DELETE")
        return connection
