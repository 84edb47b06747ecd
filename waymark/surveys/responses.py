"""Recording a finished survey: one response row and its counters, in one transaction.

The submission token is issued with the last page and kept in the person's (sealed) session.
Its hash is stored when the response is recorded; a second submit with the same token,
from a double click, a reload or a retried request, finds the hash and records nothing.
"""

import hashlib
import random
import secrets
from datetime import date, timedelta

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from waymark.surveys.answers import counted, free_texts, scrubbed, shown_answers
from waymark.surveys.definitions import Survey
from waymark.surveys.figures import PUBLISH_EVERY
from waymark.surveys.models import (
    AnswerCount,
    QuestionCount,
    Response,
    TextReview,
    UsedSubmission,
)

# A deadlock between two submissions updating the same counters is retried: the token
# makes a retry safe.
ATTEMPTS = 3


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(b"waymark survey submission\x00" + token.encode()).hexdigest()


def this_month(today: date | None = None) -> str:
    return (today or timezone.now().date()).strftime("%Y-%m")


def already_recorded(token: str) -> bool:
    return UsedSubmission.objects.filter(digest=token_digest(token)).exists()


def _count(survey_id: str, questions: list[str], pairs: list[tuple[str, str]]) -> None:
    """Adds one to each counter, creating missing ones first.

    On PostgreSQL the question totals are locked first, in sorted order, and an answer's
    counter only ever changes under its question's lock: two submissions that share
    counters wait for each other instead of deadlocking.
    """
    pairs, questions = sorted(pairs), sorted(questions)
    AnswerCount.objects.bulk_create(
        [AnswerCount(survey_id=survey_id, question_id=q, answer_id=a) for q, a in pairs],
        ignore_conflicts=True,
    )
    QuestionCount.objects.bulk_create(
        [QuestionCount(survey_id=survey_id, question_id=q) for q in questions],
        ignore_conflicts=True,
    )
    if not questions:
        return
    totals = QuestionCount.objects.filter(survey_id=survey_id, question_id__in=questions)
    if connection.features.has_select_for_update:
        list(totals.order_by("question_id").select_for_update().values("id"))
    if pairs:
        match = Q()
        for question_id, answer_id in pairs:
            match |= Q(question_id=question_id, answer_id=answer_id)
        AnswerCount.objects.filter(match, survey_id=survey_id).update(count=F("count") + 1)
    totals.update(respondents=F("respondents") + 1)
    _publish(survey_id, totals)


def _publish(survey_id: str, totals) -> None:
    """Copies the counts of questions that just reached a multiple of PUBLISH_EVERY."""
    reached = [
        question_id
        for question_id, respondents in totals.values_list("question_id", "respondents")
        if respondents % PUBLISH_EVERY == 0
    ]
    if reached:
        QuestionCount.objects.filter(survey_id=survey_id, question_id__in=reached).update(
            published_respondents=F("respondents")
        )
        AnswerCount.objects.filter(survey_id=survey_id, question_id__in=reached).update(
            published=F("count")
        )


def record_response(survey: Survey, language: str, answers: dict, token: str) -> bool:
    """Stores the response once. False when this token was already used."""
    clean = scrubbed(shown_answers(survey, answers))
    questions, pairs = counted(survey, clean)
    month = this_month()
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        UsedSubmission.objects.create(digest=token_digest(token), month=month)
                except IntegrityError:
                    return False
                Response.objects.create(
                    survey_id=survey.id,
                    language=language,
                    month=month,
                    answers=clean,
                    text_review=TextReview.PENDING if free_texts(clean) else TextReview.NONE,
                )
                _count(survey.id, questions, pairs)
                return True
        except OperationalError:
            if attempt == ATTEMPTS - 1:
                raise
    return False


def months_before(days: int, today: date | None = None) -> str:
    """The first month whose responses are kept when keeping `days` days."""
    cutoff = (today or timezone.now().date()) - timedelta(days=days)
    return cutoff.strftime("%Y-%m")


def expire(days: int, today: date | None = None) -> int:
    """Deletes responses from months wholly older than `days` days; counters are kept.

    Counters keep their counts on purpose: the published figures must not jump when old
    responses go, and a counter holds no respondent's answers, only a total.
    """
    today = today or timezone.now().date()
    deleted, _ = Response.objects.filter(month__lt=months_before(days, today)).delete()
    # A token only matters while the session holding it can still submit (12 hours at most).
    UsedSubmission.objects.filter(month__lt=months_before(31, today)).delete()
    return deleted


def shuffle_recent(today: date | None = None) -> int:
    """Writes this month's and last month's responses again, all at once, in a random order.

    A database keeps rows in the order they were written (SQLite's rowid, PostgreSQL's heap
    and transaction ids), which tells who answered after whom. Written again in one
    transaction and shuffled, a response keeps only its month. Run daily with expiry.
    """
    today = today or timezone.now().date()
    first = today.replace(day=1)
    months = [this_month(today), this_month(first - timedelta(days=1))]
    with transaction.atomic():
        rows = list(Response.objects.filter(month__in=months))
        random.SystemRandom().shuffle(rows)
        # By id: a response recorded meanwhile (PostgreSQL) is not among those read.
        Response.objects.filter(id__in=[row.id for row in rows]).delete()
        Response.objects.bulk_create(rows)
    return len(rows)
