"""The one way the program and the diary keep a person's records.

`store_for(request)` gives the records of whoever is asking. Callers see plain dicts; where
and how they are kept is this module's business alone: every record is sealed in the
database under a data key that exists only in the person's session (itself sealed under a
key only their cookie carries) and, once they keep their work, wrapped under their
passphrase. Unsaved, the records end with the session; saved, the same records stay.
"""

import base64

from waymark.workspace import workspaces
from waymark.workspace.workspaces import Unlocked

WORKSPACE = "wm_workspace"
DATA_KEY = "wm_data_key"
SAVED = "wm_saved"


def unlocked_from(session) -> Unlocked | None:
    workspace_id, key = session.get(WORKSPACE), session.get(DATA_KEY)
    if not workspace_id or not key:
        return None
    return Unlocked(workspace_id, base64.urlsafe_b64decode(key))


def remember(session, unlocked: Unlocked, *, saved: bool) -> None:
    session[WORKSPACE] = unlocked.workspace_id
    session[DATA_KEY] = base64.urlsafe_b64encode(unlocked.data_key).decode()
    session[SAVED] = saved


def forget(session) -> None:
    for name in (WORKSPACE, DATA_KEY, SAVED):
        session.pop(name, None)


class AnswerStore:
    """Records by kind ("answer", "diary", ...) and id, each a JSON-able dict."""

    def __init__(self, session):
        self._session = session

    @property
    def has_workspace(self) -> bool:
        """Whether the person already has records here. Reading the session tells: a cookie
        the server does not know opens an empty session, which has none."""
        return unlocked_from(self._session) is not None

    @property
    def unlocked(self) -> Unlocked | None:
        """The open workspace, for apps that keep more than records in it (a conversation)."""
        return unlocked_from(self._session)

    @property
    def saved(self) -> bool:
        """Whether the person keeps their work with a passphrase (else it ends with the session)."""
        return bool(self._session.get(SAVED))

    def get(self, kind: str, record_id: str) -> dict | None:
        unlocked = unlocked_from(self._session)
        return None if unlocked is None else workspaces.get_record(unlocked, kind, record_id)

    def all(self, kind: str) -> dict[str, dict]:
        unlocked = unlocked_from(self._session)
        return {} if unlocked is None else workspaces.all_records(unlocked, kind)

    def put(self, kind: str, record_id: str, value: dict) -> None:
        self.write(kind, {record_id: value})

    def delete(self, kind: str, record_id: str) -> None:
        self.write(kind, {record_id: None})

    def write(self, kind: str, changes: dict[str, dict | None]) -> None:
        """Several records of one kind at once, in one transaction and a fixed number of
        queries: each value replaces its record, None deletes it."""
        if not changes:
            return
        unlocked = unlocked_from(self._session)
        if unlocked is not None and workspaces.write_records(unlocked, kind, changes):
            return
        # No workspace yet, or it was deleted (from another device, or by expiry): start
        # a new unsaved one rather than lose what was just written.
        written = {record_id: value for record_id, value in changes.items() if value is not None}
        if written:
            unlocked = workspaces.new_workspace()
            remember(self._session, unlocked, saved=False)
            workspaces.write_records(unlocked, kind, written)


def store_for(request) -> AnswerStore:
    return AnswerStore(request.session)
