"""A diary entry and a weekly check-in as the diary reads and writes them in the store.

The store keeps JSON-able dicts; these classes turn them into typed values and back. Pure.
Only days are kept, never a time: a part of the day is as precise as an entry gets.
"""

import secrets
from dataclasses import dataclass, field
from datetime import date

from waymark.diary.vocabulary import PARTS_OF_DAY

ENTRY = "diary"
CHECKIN = "checkin"
SETTINGS = "diary-settings"
SETTINGS_ID = "settings"
FORMAT = 1
ACTED = ("no", "partly", "yes")
LAPSE = ("partly", "yes")
OTHER = "other"


def new_id() -> str:
    """A random record id, made when the entry form is first shown (128 bits)."""
    return secrets.token_urlsafe(16)


def valid_id(value: str) -> bool:
    return (
        isinstance(value, str)
        and 16 <= len(value) <= 64
        and all(c.isascii() and (c.isalnum() or c in "-_") for c in value)
    )


@dataclass(frozen=True)
class Entry:
    id: str
    day: date
    part: str
    situation: str
    urge: int
    acted: str
    situation_note: str = ""
    emotions: tuple[str, ...] = field(default_factory=tuple)
    thoughts: str = ""
    actions: tuple[str, ...] = field(default_factory=tuple)
    action_other: str = ""
    urge_after: int | None = None

    @property
    def lapse(self) -> bool:
        return self.acted in LAPSE

    @property
    def order(self) -> tuple:
        """Chronological order: day, then part of day, then id so ties stay stable."""
        part = PARTS_OF_DAY.index(self.part) if self.part in PARTS_OF_DAY else 0
        return (self.day, part, self.id)

    def to_record(self) -> dict:
        return {
            "v": FORMAT,
            "day": self.day.isoformat(),
            "part": self.part,
            "situation": self.situation,
            "situation_note": self.situation_note,
            "emotions": list(self.emotions),
            "urge": self.urge,
            "thoughts": self.thoughts,
            "actions": list(self.actions),
            "action_other": self.action_other,
            "acted": self.acted,
            "urge_after": self.urge_after,
        }

    @classmethod
    def from_record(cls, record_id: str, record: dict) -> "Entry":
        return cls(
            id=record_id,
            day=date.fromisoformat(record["day"]),
            part=record["part"],
            situation=record["situation"],
            situation_note=record.get("situation_note", ""),
            emotions=tuple(record.get("emotions", ())),
            urge=int(record["urge"]),
            thoughts=record.get("thoughts", ""),
            actions=tuple(record.get("actions", ())),
            action_other=record.get("action_other", ""),
            acted=record["acted"],
            urge_after=record.get("urge_after"),
        )


def entries_from(records: dict[str, dict]) -> list[Entry]:
    """Every entry, newest first."""
    entries = [Entry.from_record(record_id, record) for record_id, record in records.items()]
    return sorted(entries, key=lambda entry: entry.order, reverse=True)


def week_id(day: date) -> str:
    """The ISO week a day belongs to, e.g. "2025-W02": one check-in each."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(week: str) -> date:
    year, number = week.split("-W")
    return date.fromisocalendar(int(year), int(number), 1)


@dataclass(frozen=True)
class CheckIn:
    week: str
    hours: float
    lapse_days: int
    urge: int
    confidence: int

    def to_record(self) -> dict:
        return {
            "v": FORMAT,
            "hours": self.hours,
            "lapse_days": self.lapse_days,
            "urge": self.urge,
            "confidence": self.confidence,
        }

    @classmethod
    def from_record(cls, week: str, record: dict) -> "CheckIn":
        return cls(
            week=week,
            hours=float(record["hours"]),
            lapse_days=int(record["lapse_days"]),
            urge=int(record["urge"]),
            confidence=int(record["confidence"]),
        )


def checkins_from(records: dict[str, dict]) -> list[CheckIn]:
    """Every check-in, oldest week first."""
    return sorted(
        (CheckIn.from_record(week, record) for week, record in records.items()),
        key=lambda checkin: week_start(checkin.week),
    )
