"""The one way the program and the diary keep a person's records.

`store_for(request)` gives the records of whoever is asking. Callers see plain dicts; where
and how they are kept (the unsaved session, or the encrypted workspace) is this module's
business alone.
"""

from typing import Any

RECORDS = "wm_records"


class AnswerStore:
    """Records by kind ("answer", "diary", ...) and id, each a JSON-able dict."""

    def __init__(self, session):
        self._session = session

    @property
    def saved(self) -> bool:
        """Whether the person keeps their work with a passphrase (else it ends with the session)."""
        return False

    def _kind(self, kind: str) -> dict[str, Any]:
        return self._session.get(RECORDS, {}).get(kind, {})

    def get(self, kind: str, record_id: str) -> dict | None:
        return self._kind(kind).get(record_id)

    def all(self, kind: str) -> dict[str, dict]:
        return dict(self._kind(kind))

    def put(self, kind: str, record_id: str, value: dict) -> None:
        records = self._session.setdefault(RECORDS, {})
        records.setdefault(kind, {})[record_id] = value
        self._session.modified = True

    def delete(self, kind: str, record_id: str) -> None:
        if self._kind(kind).pop(record_id, None) is not None:
            self._session.modified = True


def store_for(request) -> AnswerStore:
    return AnswerStore(request.session)
