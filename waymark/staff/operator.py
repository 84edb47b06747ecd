"""What the operator page shows beside the daily jobs' last runs (waymark.web.daily): the
version, the content check and counts.

Nothing about any person: totals that apps provide (settings.WAYMARK_OPERATOR_COUNTS), and
each daily job's day and outcome. The staff app reads no other app's models.
"""

import tomllib
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

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
