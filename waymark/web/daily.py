"""The daily jobs: each app's own, run together by `manage.py daily` on a timer.

settings.WAYMARK_DAILY_JOBS names each job and the function that does it. A job takes no
argument and returns one short line saying what it did. Every job runs even when one before
it failed; each one's last run is kept (DailyJobRun): the day and whether it went well.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from waymark.web.models import DailyJobRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    job: str
    succeeded: bool
    line: str


@dataclass(frozen=True)
class LastRun:
    job: str
    day: date | None
    succeeded: bool | None

    @property
    def late(self) -> bool:
        """Not run yesterday or today: the timer may be off."""
        return self.day is None or self.day < timezone.localdate() - timedelta(days=1)


def _run(job: str, dotted: str) -> Outcome:
    try:
        line = import_string(dotted)()
    except Exception as error:
        # The traceback goes to the log, without the exception's message (waymark/web/logging.py).
        logger.exception("daily job %s failed", job)
        return Outcome(job, False, f"failed ({type(error).__name__}); the log has the details")
    return Outcome(job, True, line)


def run_all() -> list[Outcome]:
    """Runs every daily job in the order declared, and notes each one's run."""
    outcomes = []
    for job, dotted in settings.WAYMARK_DAILY_JOBS.items():
        outcome = _run(job, dotted)
        DailyJobRun.objects.update_or_create(
            job=job, defaults={"day": timezone.localdate(), "succeeded": outcome.succeeded}
        )
        outcomes.append(outcome)
    return outcomes


def last_runs() -> list[LastRun]:
    """The last run of each declared job; a job never run has neither day nor outcome."""
    runs = {run.job: run for run in DailyJobRun.objects.all()}
    return [
        LastRun(job, runs[job].day, runs[job].succeeded)
        if job in runs
        else LastRun(job, None, None)
        for job in settings.WAYMARK_DAILY_JOBS
    ]
