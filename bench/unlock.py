"""Unlock time and peak memory: one unlock at a time, then 50 at once through the real bound.

Run: .venv/bin/python bench/unlock.py        (about half a minute; writes bench/results/unlock.md)

Uses the settings as deployed (Argon2id at WAYMARK_ARGON2_MEMORY_KIB, at least 64 MiB;
WAYMARK_UNLOCK_CONCURRENCY slots, WAYMARK_UNLOCK_WAIT_SECONDS of waiting) on a throw-away
SQLite database. Each "unlock" is workspaces.unlock(): the lookup, the slot, the Argon2id
derivation and the unwrap, as the open page runs them.
"""

import os
import platform
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["WAYMARK_DATA_DIR"] = tempfile.mkdtemp(prefix="waymark-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waymark.settings")

from waymark.env import use_fresh_secrets  # noqa: E402

use_fresh_secrets()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from waymark.workspace.limits import Busy  # noqa: E402

from waymark.workspace import passphrase, workspaces  # noqa: E402

SEQUENTIAL = 20
SIMULTANEOUS = 50


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def row(label: str, values: list[float]) -> str:
    if not values:
        return f"| {label} | - | - | - |"
    median, p95 = statistics.median(values), percentile(values, 0.95)
    return f"| {label} | {median:.3f} s | {p95:.3f} s | {max(values):.3f} s |"


def main() -> None:
    call_command("migrate", verbosity=0)
    phrase = passphrase.generate()
    workspaces.keep(workspaces.new_workspace(), phrase)
    rss_before = peak_rss_mib()

    one_at_a_time = []
    for _ in range(SEQUENTIAL):
        start = time.perf_counter()
        assert workspaces.unlock(phrase) is not None
        one_at_a_time.append(time.perf_counter() - start)
    rss_sequential = peak_rss_mib()

    latencies: list[float] = []
    busy = []
    gate = threading.Barrier(SIMULTANEOUS)

    def person() -> None:
        gate.wait()
        start = time.perf_counter()
        try:
            assert workspaces.unlock(phrase) is not None
        except Busy:
            busy.append(time.perf_counter() - start)
        else:
            latencies.append(time.perf_counter() - start)

    threads = [threading.Thread(target=person) for _ in range(SIMULTANEOUS)]
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall
    rss_burst = peak_rss_mib()

    report = f"""# Unlock benchmark

Command: `.venv/bin/python bench/unlock.py` (writes this file).

Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs.
Argon2id: {settings.WAYMARK_ARGON2_MEMORY_KIB // 1024} MiB, \
{settings.WAYMARK_ARGON2_ITERATIONS} iterations, {settings.WAYMARK_ARGON2_LANES} lane(s). \
Bound: {settings.WAYMARK_UNLOCK_CONCURRENCY} derivations at once per process, \
{settings.WAYMARK_UNLOCK_WAIT_SECONDS} s of waiting for a slot, \
{settings.WAYMARK_UNLOCKS_PER_MINUTE} derivations per minute per process.

| | median | p95 | max |
|---|---|---|---|
{row(f"one unlock at a time ({SEQUENTIAL} runs)", one_at_a_time)}
{row(f"{SIMULTANEOUS} at once: the {len(latencies)} opened, incl. waiting", latencies)}

- {SIMULTANEOUS} simultaneous unlocks: {len(latencies)} opened, {len(busy)} told "busy, try
  again in a moment" (HTTP 503) after waiting {settings.WAYMARK_UNLOCK_WAIT_SECONDS} s;
  all done in {wall:.2f} s.
- Peak resident memory of the process: {rss_before:.0f} MiB before unlocking,
  {rss_sequential:.0f} MiB after one-at-a-time unlocks, {rss_burst:.0f} MiB after the burst.
  The bound keeps it near {settings.WAYMARK_UNLOCK_CONCURRENCY} x
  {settings.WAYMARK_ARGON2_MEMORY_KIB // 1024} MiB above the baseline however many arrive.
- Target: at most 1 s for one unlock.
"""
    out = ROOT / "bench" / "results" / "unlock.md"
    out.write_text(report)
    print(report)


if __name__ == "__main__":
    main()
