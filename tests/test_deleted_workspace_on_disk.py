"""After "delete everything", a copy of the SQLite files holds nothing of the workspace.

The rows are gone from the tables (see the workspace tests); this looks at the bytes of every
file in the data folder, where a write-ahead log or free pages could still keep a wrapped key
that the old passphrase would open.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PERSON_KEEPS_AND_DELETES = """
import json
import shutil
import sys
import django
django.setup()
from django.core.management import call_command
from django.db import connections
from waymark.workspace import passphrase, workspaces
from waymark.workspace.models import SealedRecord, Workspace

call_command("migrate", verbosity=0)
# Another worker's connection stays open, as gunicorn's do.
other = connections.create_connection("default")
other.cursor().execute("SELECT count(*) FROM workspace_workspace").fetchall()
unlocked = workspaces.new_workspace()
workspaces.write_records(unlocked, "answer", {"q5-describe": {"text": "on-disk sentinel"}})
workspaces.keep(unlocked, passphrase.generate())
kept = Workspace.objects.get(id=unlocked.workspace_id)
traces = [bytes(kept.wrapped_key), bytes(kept.kdf_salt), kept.lookup.encode()]
traces += [bytes(r.sealed) for r in SealedRecord.objects.filter(workspace_id=kept.id)]
workspaces.destroy(unlocked)
other.cursor().execute("SELECT count(*) FROM workspace_workspace").fetchall()
# Someone copies the data folder while the server runs, connections open.
shutil.copytree(sys.argv[1], sys.argv[2])
print(json.dumps([t.hex() for t in traces]))
"""


def test_a_deleted_workspace_leaves_no_wrapped_key_or_record_in_any_file(tmp_path, server_env):
    env = {**server_env, "PYTHONPATH": str(ROOT)}
    data, copy = Path(env["WAYMARK_DATA_DIR"]), tmp_path / "copy"
    result = subprocess.run(
        [sys.executable, "-c", PERSON_KEEPS_AND_DELETES, str(data), str(copy)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    traces = [bytes.fromhex(t) for t in json.loads(result.stdout.strip().splitlines()[-1])]
    files = [path for path in copy.rglob("*") if path.is_file()]
    assert any(path.name == "waymark.sqlite3" for path in files)
    for path in files:
        content = path.read_bytes()
        for trace in traces:
            assert trace not in content, path.name
