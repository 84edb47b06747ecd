"""Server-side sessions that the server alone cannot read.

The cookie carries a random session id (160 bits). The database row is keyed by a hash of
that id, and its payload is sealed with a key derived from the id. So the session table,
even with SECRET_KEY, opens nothing without the person's live cookie (SECURITY.md 5).

Idle and absolute limits are kept inside the sealed payload, so no row shows when a person
was last active; the row itself holds only a day after which it is deleted unread.
"""

import hashlib
import json
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.backends.base import CreateError, SessionBase, UpdateError
from django.db import IntegrityError, transaction
from django.utils import timezone

from waymark import crypto

BORN = "_wm_born"
SEEN = "_wm_seen"
# How stale the "last seen" mark may get before a request writes it again. Saves a write
# on most page views at the cost of locking up to this much later than configured.
SEEN_RESOLUTION_SECONDS = 60


def row_id(session_key: str) -> str:
    return hashlib.sha256(b"waymark session row\x00" + session_key.encode()).hexdigest()


def _payload_key(session_key: str) -> bytes:
    return crypto.subkey(session_key.encode(), "waymark session payload v1")


def _cleanup_day(now: datetime) -> datetime:
    """Midnight after the day the session must end: all the row says of time.

    A whole day, because a new row is made when a workspace is kept or opened: an hour
    there would say when that person did it.
    """
    end = now + timedelta(hours=settings.WAYMARK_SESSION_MAX_HOURS)
    return (end + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


class SessionStore(SessionBase):
    def _model(self):
        from waymark.workspace.models import SessionRecord

        return SessionRecord

    def _is_over(self, data: dict, now: float) -> bool:
        born, seen = data.get(BORN), data.get(SEEN)
        if born is None or seen is None:
            return True
        idle = settings.WAYMARK_SESSION_IDLE_MINUTES * 60
        return now - seen > idle or now - born > settings.WAYMARK_SESSION_MAX_HOURS * 3600

    def load(self):
        key = self.session_key
        row = self._model().objects.filter(id=row_id(key)).first() if key else None
        if key is None or row is None:
            self._session_key = None
            return {}
        try:
            data = json.loads(
                crypto.open_sealed(_payload_key(key), bytes(row.payload), row.id.encode())
            )
        except crypto.InvalidTag:
            data = None
        now = time.time()
        if data is None or self._is_over(data, now):
            row.delete()
            self._session_key = None
            return {}
        if now - data[SEEN] > SEEN_RESOLUTION_SECONDS:
            data[SEEN] = now
            self.modified = True
        return data

    def exists(self, session_key):
        return self._model().objects.filter(id=row_id(session_key)).exists()

    def create(self):
        while True:
            # Django's own SessionBase methods, which django-stubs leaves out.
            self._session_key = self._get_new_session_key()  # type: ignore[attr-defined]
            try:
                self.save(must_create=True)
            except CreateError:
                continue
            self.modified = True
            return

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()
        data = self._get_session(no_load=must_create)  # type: ignore[attr-defined]
        now = time.time()
        data.setdefault(BORN, now)
        data.setdefault(SEEN, now)
        key = self.session_key
        rid = row_id(key)
        payload = crypto.seal(_payload_key(key), json.dumps(data).encode(), rid.encode())
        model = self._model()
        if must_create:
            try:
                with transaction.atomic():
                    model.objects.create(
                        id=rid, payload=payload, delete_after=_cleanup_day(timezone.now())
                    )
            except IntegrityError:
                raise CreateError from None
            return
        if not model.objects.filter(id=rid).update(payload=payload):
            raise UpdateError

    def delete(self, session_key=None):
        key = session_key or self.session_key
        if key is None:
            return
        self._model().objects.filter(id=row_id(key)).delete()

    @classmethod
    def clear_expired(cls):
        from waymark.workspace.models import SessionRecord

        return SessionRecord.objects.filter(delete_after__lt=timezone.now()).delete()[0]


def clear_ended() -> str:
    """The daily job (settings.WAYMARK_DAILY_JOBS): rows of sessions that must have ended."""
    return f"deleted {SessionStore.clear_expired()} ended sessions"
