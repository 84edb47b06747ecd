"""How a response reaches the counters: it waits out its hour, then is counted or held.

Every response is accepted and written as a WaitingResponse tagged with the hour it arrived
in. A submission changes no row that another submission changes, so submitters never wait for
each other. Once the hour is over, whoever comes first (a submission, a figure read, a staff
page, the daily command) settles it, under the survey's CountingLock:

- more than settings.WAYMARK_SURVEY_BURST_PER_HOUR responses to the survey arrived in that
  hour: a burst. Every response of the hour is held, an honest one that came during the burst
  too, keeping only its day, until staff release or discard that day's batch;
- otherwise each becomes a Response (with its month only), written in a random order, and is
  added to the counters.

The rate is the survey's, never a sender's: many honest people reach Waymark through one Tor
exit, and nothing about a sender is kept. Counters, and so figures, change at most once an
hour for an hour's arrivals together.
"""

import random
from datetime import UTC, date, datetime
from typing import cast

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from waymark.surveys.answers import counted
from waymark.surveys.definitions import Survey, surveys_for
from waymark.surveys.figures import PUBLISH_EVERY
from waymark.surveys.models import (
    AnswerCount,
    Answered,
    CountingLock,
    QuestionCount,
    Response,
    TextReview,
    WaitingResponse,
)

SECONDS_PER_HOUR = 3600
# Responses made counted in one statement each. A held day is released in transactions of this
# many: each is counted exactly once, and an interrupted release leaves the rest held.
CHUNK = 2000
ANSWERED_FIELDS = [field.attname for field in Answered._meta.concrete_fields]
# The hour in which this process last found nothing over to settle, per survey: each process
# looks once an hour, not at every submission. A response another server still tagged with
# an earlier hour (a clock behind) is settled at the next hour's look.
_looked: dict[str, int] = {}


def current_hour(now: datetime | None = None) -> int:
    return int((now or timezone.now()).timestamp()) // SECONDS_PER_HOUR


def day_of(hour: int) -> date:
    return timezone.localdate(datetime.fromtimestamp(hour * SECONDS_PER_HOUR, tz=UTC))


def _lock(survey_id: str) -> None:
    """Waits for, then holds, the survey's counting lock until the transaction ends.

    The insert comes first: on SQLite a write statement takes the database's write lock, so
    a second settler waits here rather than failing when it would upgrade a read lock.
    """
    CountingLock.objects.bulk_create([CountingLock(survey_id=survey_id)], ignore_conflicts=True)
    list(CountingLock.objects.select_for_update().filter(survey_id=survey_id).values("pk"))


def settle(survey: Survey, now: datetime | None = None) -> int:
    """Counts or holds the waiting responses of each of the survey's hours that is over;
    returns how many."""
    hour = current_hour(now)
    if _looked.get(survey.id) == hour:
        return 0
    over = WaitingResponse.objects.filter(survey_id=survey.id, hour__lt=hour)
    settled = _settle(survey, over) if over.exists() else 0
    _looked[survey.id] = hour
    return settled


def settle_every_survey() -> str:
    """The daily job (settings.WAYMARK_DAILY_JOBS): hours nobody came back after."""
    settled = sum(settle(survey) for survey in surveys_for().values())
    return f"counted or held {settled} responses of hours that are over"


def _settle(survey: Survey, over) -> int:
    settled = 0
    with transaction.atomic():
        _lock(survey.id)
        for past in over.order_by("hour").values_list("hour", flat=True).distinct():
            arrivals = WaitingResponse.objects.filter(survey_id=survey.id, hour=past)
            arriving = arrivals.count()
            settled += arriving
            if arriving > settings.WAYMARK_SURVEY_BURST_PER_HOUR:
                arrivals.update(hour=None, held_day=day_of(past))
            else:
                rows = list(arrivals)
                for first in range(0, len(rows), CHUNK):
                    _admit(survey, rows[first : first + CHUNK])
    return settled


def _admit(survey: Survey, rows: list[WaitingResponse]) -> None:
    """Makes waiting responses counted: Response rows in a random order, and the counters.

    Runs under the survey's counting lock, in the transaction that took it.
    """
    random.SystemRandom().shuffle(rows)
    Response.objects.bulk_create(
        Response(
            **{name: getattr(row, name) for name in ANSWERED_FIELDS},
            text_review=TextReview.NONE if row.sealed_text is None else TextReview.PENDING,
        )
        for row in rows
    )
    WaitingResponse.objects.filter(id__in=[row.id for row in rows]).delete()
    _count(survey, [row.answers for row in rows])


def _count(survey: Survey, answer_sets: list[dict]) -> None:
    """Adds responses to the counters one at a time, in the order given.

    Each time a question's respondents reach a multiple of PUBLISH_EVERY, its counts are
    copied to the published ones that public figures read.
    """
    totals = {row.question_id: row for row in QuestionCount.objects.filter(survey_id=survey.id)}
    by_question: dict[str, dict[str, AnswerCount]] = {}
    for row in AnswerCount.objects.filter(survey_id=survey.id):
        by_question.setdefault(row.question_id, {})[row.answer_id] = row
    changed: set[str] = set()
    for answers in answer_sets:
        questions, pairs = counted(survey, answers)
        for question_id in questions:
            total = totals.setdefault(
                question_id, QuestionCount(survey_id=survey.id, question_id=question_id)
            )
            total.respondents += 1
        for question_id, answer_id in pairs:
            counts = by_question.setdefault(question_id, {})
            counts.setdefault(
                answer_id,
                AnswerCount(survey_id=survey.id, question_id=question_id, answer_id=answer_id),
            ).count += 1
        for question_id in questions:
            total = totals[question_id]
            if total.respondents % PUBLISH_EVERY == 0:
                total.published_respondents = total.respondents
                for count in by_question.get(question_id, {}).values():
                    count.published = count.count
        changed.update(questions)
    _save([totals[q] for q in changed], ["respondents", "published_respondents"])
    _save([a for q in changed for a in by_question.get(q, {}).values()], ["count", "published"])


def _save(rows: list, fields: list[str]) -> None:
    if not rows:
        return
    model = type(rows[0])
    model.objects.bulk_create([row for row in rows if row.pk is None])
    model.objects.bulk_update([row for row in rows if row.pk is not None], fields, batch_size=500)


def waiting_now(survey: Survey) -> int:
    """How many responses wait for their hour to be over."""
    return WaitingResponse.objects.filter(survey_id=survey.id, hour__isnull=False).count()


def held_batches(survey: Survey) -> list[tuple[date, int]]:
    """Each day with responses held from a burst, and how many, oldest first."""
    batches = (
        WaitingResponse.objects.filter(survey_id=survey.id, held_day__isnull=False)
        .values_list("held_day")
        .annotate(n=Count("id"))
        .order_by("held_day")
        .values_list("held_day", "n")
    )
    # Only held rows are read: each has its day.
    return cast(list[tuple[date, int]], list(batches))


def held_on(survey: Survey, day: date) -> int:
    return WaitingResponse.objects.filter(survey_id=survey.id, held_day=day).count()


def release(survey: Survey, day: date) -> int:
    """Counts the responses held on `day`; how many. A release of a released day adds none."""
    released = 0
    while True:
        with transaction.atomic():
            _lock(survey.id)
            held = WaitingResponse.objects.filter(survey_id=survey.id, held_day=day)
            rows = list(held[:CHUNK])
            if not rows:
                return released
            _admit(survey, rows)
        released += len(rows)


def discard(survey: Survey, day: date) -> int:
    """Deletes the responses held on `day`, uncounted; how many."""
    deleted, _ = WaitingResponse.objects.filter(survey_id=survey.id, held_day=day).delete()
    return deleted


def counts() -> list[tuple[str, int]]:
    """For the operator page (settings.WAYMARK_OPERATOR_COUNTS): totals of every survey."""
    waiting = WaitingResponse.objects
    return [
        (_("Survey responses counted"), Response.objects.count()),
        (_("Survey responses waiting for their hour"), waiting.filter(hour__isnull=False).count()),
        (_("Survey responses held from bursts"), waiting.filter(held_day__isnull=False).count()),
    ]
