"""What a person's own diary shows over time. Pure: takes entries, returns figures."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from waymark.diary.entries import OTHER, Entry


@dataclass(frozen=True)
class UrgePoint:
    day: date
    part: str
    urge: int
    urge_after: int | None


@dataclass(frozen=True)
class ActionEffect:
    action: str
    entries: int
    average_drop: float


def chronological(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda entry: entry.order)


def urge_over_time(entries: list[Entry]) -> list[UrgePoint]:
    return [
        UrgePoint(entry.day, entry.part, entry.urge, entry.urge_after)
        for entry in chronological(entries)
    ]


def _ranked(counts: Counter) -> list[tuple[str, int]]:
    """Most frequent first; equal counts in id order so the list never jumps about."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def common_situations(entries: list[Entry]) -> list[tuple[str, int]]:
    return _ranked(Counter(entry.situation for entry in entries))


def common_emotions(entries: list[Entry]) -> list[tuple[str, int]]:
    """How many entries name each emotion (an entry may name several)."""
    return _ranked(Counter(emotion for entry in entries for emotion in set(entry.emotions)))


def _actions_of(entry: Entry) -> set[str]:
    actions = set(entry.actions)
    if entry.action_other.strip():
        actions.add(OTHER)
    return actions


def action_effects(entries: list[Entry]) -> list[ActionEffect]:
    """For each thing done instead, how much the urge fell on average afterwards.

    Only entries with an "afterwards" strength count. A negative drop means the urge rose.
    Largest drop first.
    """
    drops: dict[str, list[int]] = {}
    for entry in entries:
        if entry.urge_after is None:
            continue
        for action in _actions_of(entry):
            drops.setdefault(action, []).append(entry.urge - entry.urge_after)
    effects = [
        ActionEffect(action, len(values), sum(values) / len(values))
        for action, values in drops.items()
    ]
    return sorted(effects, key=lambda e: (-e.average_drop, -e.entries, e.action))


def days_since_last_lapse(entries: list[Entry], today: date) -> int | None:
    """Whole days since the last day the person acted on an urge; None if never noted."""
    days = [entry.day for entry in entries if entry.lapse]
    if not days:
        return None
    return max(0, (today - max(days)).days)
