"""Survey responses, the counters figures are read from, and the research audit log.

A response row holds the survey id, the interface language, the month and the answers. It
has no workspace, session, IP, User-Agent or time of day, and its primary key is random. The
order in which the database stores rows would still tell who answered after whom, so the
daily expiry writes recent responses again in a random order (responses.shuffle_recent).
SECURITY.md 19.

A response first waits out the hour it arrived in (WaitingResponse), and is counted, or held
as part of a burst until staff release or discard it: waymark/surveys/intake.py.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class TextReview(models.TextChoices):
    """Where a response's free text stands: read by a reviewer before any export carries it."""

    NONE = "none", _("No free text")
    PENDING = "pending", _("Awaiting review")
    RELEASED = "released", _("Released for export")
    WITHHELD = "withheld", _("Withheld from export")


class Answered(models.Model):
    """What a response is, counted or not: nothing here could link it to a person."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey_id = models.CharField(max_length=64, db_index=True, editable=False)
    language = models.CharField(max_length=8, editable=False)
    # "YYYY-MM": the finest time kept, enough for retention and for trends.
    month = models.CharField(max_length=7, db_index=True, editable=False)
    # {question id: {"chosen": str | [str]} or {}}: what was chosen, never what was typed.
    answers = models.JSONField(editable=False)
    # The free text, scrubbed, then sealed for the research team (waymark/surveys/sealed_text.py):
    # {question id: {"text": str} or {"other": str}} inside. None when nothing was typed.
    sealed_text = models.BinaryField(null=True, editable=False)

    class Meta:
        abstract = True


class Response(Answered):
    """A counted response: in the counters, the research views and the exports."""

    text_review = models.CharField(
        max_length=8, choices=TextReview, default=TextReview.NONE, db_index=True, editable=False
    )

    def __str__(self) -> str:
        return f"{self.survey_id} response ({self.month})"


class WaitingResponse(Answered):
    """A response in no count yet: its hour is not over, or it arrived in a burst.

    `hour` (hours since 1970, UTC) is kept only until that hour has been settled; a held
    response then keeps only `held_day`, so that staff can decide about it by day, and a
    released one becomes a Response with only its month.
    """

    hour = models.BigIntegerField(null=True, editable=False)
    held_day = models.DateField(null=True, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["survey_id", "hour"], name="waiting_by_hour"),
            models.Index(fields=["survey_id", "held_day"], name="held_by_day"),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id} response waiting ({self.month})"


class UsedSubmission(models.Model):
    """The hash of a one-time submission token, so a repeated submit records nothing new.

    Deliberately not linked to the response it recorded.
    """

    digest = models.CharField(max_length=64, primary_key=True)
    month = models.CharField(max_length=7, db_index=True)

    def __str__(self) -> str:
        return f"used submission ({self.month})"


class AnswerCount(models.Model):
    """How many responses chose one answer of one question.

    Public figures read `published`, a copy taken only each time the question's respondents
    reach a multiple of figures.PUBLISH_EVERY: a page watched before and after one person
    submits shows no change that could be traced to that person's answer.
    """

    survey_id = models.CharField(max_length=64)
    question_id = models.CharField(max_length=64)
    answer_id = models.CharField(max_length=64)
    count = models.PositiveBigIntegerField(default=0)
    # The count when the question last reached a multiple of figures.PUBLISH_EVERY
    # respondents: what public figures are computed from.
    published = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey_id", "question_id", "answer_id"], name="one_count_per_answer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.question_id}/{self.answer_id}: {self.count}"


class QuestionCount(models.Model):
    """How many responses answered one question: the N behind its percentages."""

    survey_id = models.CharField(max_length=64)
    question_id = models.CharField(max_length=64)
    respondents = models.PositiveBigIntegerField(default=0)
    published_respondents = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey_id", "question_id"], name="one_count_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.question_id}: {self.respondents}"


class CountingLock(models.Model):
    """One row per survey, locked while its counters change, so that two changes (the end of
    an hour, a release) never read the same counts and both write on top of them."""

    survey_id = models.CharField(max_length=64, primary_key=True)

    def __str__(self) -> str:
        return f"counting lock of {self.survey_id}"


class ExportLog(models.Model):
    """Who exported which survey on which day. Holds nothing about any respondent."""

    username = models.CharField(max_length=150)
    day = models.DateField()
    survey_id = models.CharField(max_length=64)
    kind = models.CharField(max_length=16)

    class Meta:
        ordering = ["-day", "-id"]

    def __str__(self) -> str:
        return f"{self.day} {self.username} exported {self.kind} of {self.survey_id}"
