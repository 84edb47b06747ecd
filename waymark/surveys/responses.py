"""Recording a finished survey: one waiting response and its used token, in one transaction.

The submission token is issued with the last page and kept in the person's (sealed) session.
Its hash is stored when the response is recorded; a second submit with the same token,
from a double click, a reload or a retried request, finds the hash and records nothing.
The response reaches the counters after its hour, unless it arrived in a burst (intake.py).
"""

import fcntl
import hashlib
import os
import random
import secrets
import uuid
from contextlib import contextmanager
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from waymark.surveys import sealed_text
from waymark.surveys.answers import scrubbed, shown_answers
from waymark.surveys.definitions import Survey
from waymark.surveys.intake import current_hour, settle
from waymark.surveys.models import Response, UsedSubmission, WaitingResponse


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(b"waymark survey submission\x00" + token.encode()).hexdigest()


def this_month(today: date | None = None) -> str:
    return (today or timezone.now().date()).strftime("%Y-%m")


def already_recorded(token: str) -> bool:
    return UsedSubmission.objects.filter(digest=token_digest(token)).exists()


@contextmanager
def _sqlite_writers_in_turn():
    """On SQLite, waits for this database's other submitters in every process, in the kernel.

    SQLite lets one transaction write at a time. A writer that finds it taken sleeps, up to
    100 ms a time, while writers that have just begun to wait look again every millisecond, so
    under a stream of submissions a sleeper can miss every turn until it times out and fails.
    On a file lock the kernel wakes the next waiter as soon as the lock is free.
    """
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        yield
        return
    gate = os.open(f"{connection.settings_dict['NAME']}.writers", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(gate, fcntl.LOCK_EX)
        yield
    finally:
        os.close(gate)


def record_response(survey: Survey, language: str, answers: dict, token: str) -> bool:
    """Stores the response once. False when this token was already used."""
    chosen, texts = sealed_text.split(scrubbed(shown_answers(survey, answers)))
    response_id = uuid.uuid4()
    sealed = sealed_text.seal(survey.id, response_id, texts)
    now = timezone.now()
    settle(survey, now)
    month = this_month(now.date())
    try:
        # The token first: a used one fails before anything else is written.
        with _sqlite_writers_in_turn(), transaction.atomic():
            UsedSubmission.objects.create(digest=token_digest(token), month=month)
            WaitingResponse.objects.create(
                id=response_id,
                survey_id=survey.id,
                language=language,
                month=month,
                answers=chosen,
                sealed_text=sealed,
                hour=current_hour(now),
            )
    except IntegrityError:
        return False
    return True


def months_before(days: int, today: date | None = None) -> str:
    """The first month whose responses are kept when keeping `days` days."""
    cutoff = (today or timezone.now().date()) - timedelta(days=days)
    return cutoff.strftime("%Y-%m")


def expire(days: int, today: date | None = None) -> int:
    """Deletes responses from months wholly older than `days` days, counted, waiting or held;
    counters are kept.

    Counters keep their counts on purpose: the published figures must not jump when old
    responses go, and a counter holds no respondent's answers, only a total.
    """
    today = today or timezone.now().date()
    first_kept = months_before(days, today)
    deleted = sum(
        model.objects.filter(month__lt=first_kept).delete()[0]
        for model in (Response, WaitingResponse)
    )
    # A token only matters while the session holding it can still submit (12 hours at most).
    UsedSubmission.objects.filter(month__lt=months_before(31, today)).delete()
    return deleted


def expire_and_shuffle() -> str:
    """The daily job (settings.WAYMARK_DAILY_JOBS), after the hours are settled."""
    deleted = expire(settings.WAYMARK_SURVEY_RETENTION_DAYS)
    shuffled = shuffle_recent()
    return (
        f"deleted {deleted} responses past their retention; wrote {shuffled} recent and held "
        "responses again in a random order"
    )


def shuffle_recent(today: date | None = None) -> int:
    """Writes this month's and last month's responses, and every held one, again, all at
    once, in a random order.

    A database keeps rows in the order they were written (SQLite's rowid, PostgreSQL's heap
    and transaction ids), which tells who answered after whom. Written again in one
    transaction and shuffled, a response keeps only its month, a held one its day. Run daily
    with expiry.
    """
    today = today or timezone.now().date()
    first = today.replace(day=1)
    months = [this_month(today), this_month(first - timedelta(days=1))]
    with transaction.atomic():
        return _rewrite(Response.objects.filter(month__in=months)) + _rewrite(
            WaitingResponse.objects.filter(held_day__isnull=False)
        )


def _rewrite(queryset) -> int:
    rows = list(queryset)
    random.SystemRandom().shuffle(rows)
    # By id: a response recorded meanwhile (PostgreSQL) is not among those read.
    queryset.model.objects.filter(id__in=[row.id for row in rows]).delete()
    queryset.model.objects.bulk_create(rows)
    return len(rows)
