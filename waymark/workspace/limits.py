"""How many passphrase key derivations may run, without knowing who asks (SECURITY.md 14).

Two bounds, neither keyed by address: a semaphore per process caps the memory that
concurrent Argon2 runs take, and a budget per minute shared by every process (a counter
row in the database) caps how fast anyone can guess. Over either bound the person is told
to try again in a moment.
"""

import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from waymark.workspace.models import UnlockWindow


class Busy(Exception):
    """No derivation may start now; the caller answers "busy, try again in a moment"."""


_semaphores: dict[int, threading.BoundedSemaphore] = {}
_semaphores_lock = threading.Lock()


def _semaphore() -> threading.BoundedSemaphore:
    size = settings.WAYMARK_UNLOCK_CONCURRENCY
    with _semaphores_lock:
        if size not in _semaphores:
            _semaphores[size] = threading.BoundedSemaphore(size)
        return _semaphores[size]


def _take_from_budget() -> bool:
    minute = int(time.time() // 60)
    budget = settings.WAYMARK_UNLOCKS_PER_MINUTE
    with transaction.atomic():
        if UnlockWindow.objects.filter(minute=minute, count__lt=budget).update(
            count=F("count") + 1
        ):
            return True
        if UnlockWindow.objects.filter(minute=minute).exists():
            return False
        UnlockWindow.objects.filter(minute__lt=minute).delete()
        try:
            with transaction.atomic():
                UnlockWindow.objects.create(minute=minute, count=1)
        except IntegrityError:
            # Another server opened the minute first; count against its row.
            return bool(
                UnlockWindow.objects.filter(minute=minute, count__lt=budget).update(
                    count=F("count") + 1
                )
            )
        return budget > 0


@contextmanager
def derivation_slot():
    """Hold one of the slots for a key derivation, or raise Busy."""
    semaphore = _semaphore()
    if not semaphore.acquire(timeout=settings.WAYMARK_UNLOCK_WAIT_SECONDS):
        raise Busy
    try:
        if not _take_from_budget():
            raise Busy
        yield
    finally:
        semaphore.release()
