"""How many passphrase key derivations may run, without knowing who asks (SECURITY.md 14).

Two bounds, neither keyed by address: a semaphore per process caps the memory that
concurrent Argon2 runs take, and a budget per minute caps how fast anyone can guess. Over
either bound the person is told to try again in a moment.

Both live in the process's memory only. A budget kept in the database would have to say
which minute it counts, and the last such row would tell a copy of the database when
somebody last opened a workspace. The site-wide budget is therefore this budget times the
number of app processes (docs/deploy.md).
"""

import threading
import time
from contextlib import contextmanager

from django.conf import settings


class Busy(Exception):
    """No derivation may start now; the caller answers "busy, try again in a moment"."""


class MinuteBudget:
    """Derivations started in the current minute by this process."""

    def __init__(self):
        self._lock = threading.Lock()
        self._minute = -1
        self._count = 0

    def take(self, budget: int) -> bool:
        minute = int(time.monotonic() // 60)
        with self._lock:
            if minute != self._minute:
                self._minute, self._count = minute, 0
            if self._count >= budget:
                return False
            self._count += 1
            return True


_budget = MinuteBudget()
_semaphores: dict[int, threading.BoundedSemaphore] = {}
_semaphores_lock = threading.Lock()


def _semaphore() -> threading.BoundedSemaphore:
    size = settings.WAYMARK_UNLOCK_CONCURRENCY
    with _semaphores_lock:
        if size not in _semaphores:
            _semaphores[size] = threading.BoundedSemaphore(size)
        return _semaphores[size]


@contextmanager
def derivation_slot():
    """Hold one of the slots for a key derivation, or raise Busy."""
    semaphore = _semaphore()
    if not semaphore.acquire(timeout=settings.WAYMARK_UNLOCK_WAIT_SECONDS):
        raise Busy
    try:
        if not _budget.take(settings.WAYMARK_UNLOCKS_PER_MINUTE):
            raise Busy
        yield
    finally:
        semaphore.release()
