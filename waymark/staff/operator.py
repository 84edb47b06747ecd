"""What the operator page shows: the version, the content check, counts and the daily jobs.

Nothing about any person: totals that apps provide (settings.WAYMARK_OPERATOR_COUNTS), and
each daily job's day and outcome. The staff app reads no other app's models.
"""

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from waymark.web import daily
from waymark.web.content import Problem, checked_once


@cache
def version() -> str:
    """Waymark's version, as pyproject.toml gives it."""
    with (settings.BASE_DIR / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]["version"]


def content_problems() -> tuple[Problem, ...]:
    return checked_once(settings.WAYMARK_CONTENT_DIR)


def counts() -> list[tuple[str, int]]:
    return [pair for dotted in settings.WAYMARK_OPERATOR_COUNTS for pair in import_string(dotted)()]


@dataclass(frozen=True)
class JobRun:
    job: str
    day: date | None
    succeeded: bool | None
    # Not run yesterday or today: the timer may be off.
    late: bool


def job_runs() -> list[JobRun]:
    yesterday = timezone.localdate() - timedelta(days=1)
    return [
        JobRun(run.job, run.day, run.succeeded, run.day is None or run.day < yesterday)
        for run in daily.last_runs()
    ]
