"""Where slow key derivations run: a small pool with a short queue (SECURITY.md 14).

Argon2 for a workspace unlock or a staff sign-in takes 64 MiB or more and a good part of a
second of one core. Run on request threads, a flood of wrong passphrases would hold every
thread (and gigabytes) while honest pages waited. Here they run on a fixed number of pool
threads per process; a few more may wait in line, and any request beyond that is told at once
that the service is busy. Nothing is counted per person or per address, and nothing is kept
after the request: there is no budget one client can spend for everyone, only a line that
empties as fast as the server can derive keys.

Peak memory of derivations per process: `WAYMARK_KDF_WORKERS` x the Argon2 memory cost.
"""

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from django.conf import settings

T = TypeVar("T")


class Busy(Exception):
    """The line is full: the caller answers "busy, try again in a moment"."""


class DerivationPool:
    def __init__(self, workers: int, queue: int):
        self.workers = max(1, workers)
        self.capacity = self.workers + max(0, queue)
        self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="derivation")
        self._lock = threading.Lock()
        self._taken = 0

    def _release(self, _future=None) -> None:
        with self._lock:
            self._taken -= 1

    def run(self, work: Callable[..., T], *args) -> T:
        """The result of `work(*args)` run on a pool thread, or Busy if the line is full."""
        with self._lock:
            if self._taken >= self.capacity:
                raise Busy
            self._taken += 1
        try:
            future = self._executor.submit(work, *args)
        except RuntimeError:
            self._release()
            raise Busy from None
        future.add_done_callback(self._release)
        return future.result()


_pools: dict[tuple[int, int, int], DerivationPool] = {}
_pools_lock = threading.Lock()


def pool() -> DerivationPool:
    """This process's pool. Made on first use, so that each forked server worker has its
    own threads (threads do not survive a fork)."""
    key = (os.getpid(), settings.WAYMARK_KDF_WORKERS, settings.WAYMARK_KDF_QUEUE)
    with _pools_lock:
        if key not in _pools:
            _pools[key] = DerivationPool(settings.WAYMARK_KDF_WORKERS, settings.WAYMARK_KDF_QUEUE)
        return _pools[key]


def derive(work: Callable[..., T], *args) -> T:
    """Runs one slow derivation in this process's pool. Raises Busy when the line is full."""
    return pool().run(work, *args)
