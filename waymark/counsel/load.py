"""The operator's view of the counsellors' load: counts and days only, never content."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Min

from waymark.counsel.models import Conversation, Message

WEEKS = 8


@dataclass(frozen=True)
class Load:
    waiting: int
    oldest_wait_days: int | None
    # (Monday of the week, replies sent that week), the current week last.
    replies_per_week: list[tuple[date, int]]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def load(today: date) -> Load:
    waiting = Conversation.objects.filter(status=Conversation.Status.WAITING).aggregate(
        count=Count("id"), oldest=Min("waiting_since")
    )
    this_week = _monday(today)
    first = this_week - timedelta(weeks=WEEKS - 1)
    weeks = {first + timedelta(weeks=n): 0 for n in range(WEEKS)}
    per_day = (
        Message.objects.filter(kind=Message.Kind.REPLY, day__gte=first)
        .values_list("day")
        .annotate(n=Count("id"))
    )
    for day, count in per_day:
        weeks[_monday(day)] += count
    oldest = waiting["oldest"]
    return Load(
        waiting=waiting["count"],
        oldest_wait_days=(today - oldest).days if oldest else None,
        replies_per_week=sorted(weeks.items()),
    )
