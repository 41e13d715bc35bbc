"""What the generators share: the seeded random source, the rows, the dates, and what was made."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from desktop.demo.rows import DemoRows, Row, days
from desktop.demo.texts import Theme
from desktop.models.enums import ItemStatus, Level, MeetingKind


@dataclass(frozen=True)
class UnitRef:
    """A unit of the directory with the two people who speak for it at meetings."""

    id: int
    name: str
    head: str
    head_title: str
    deputy: str
    deputy_title: str


@dataclass
class Series:
    """A joint-meeting system between a union and its partner, and how it is run."""

    area: str  # the theme area: county, party, township, enterprise, industry
    kind: MeetingKind
    level: Level
    union: UnitRef
    partner: UnitRef
    district: int  # which county (or township) of the office it belongs to
    per_year: int
    established_on: date | None
    series_base: int  # meetings held before the demo's history starts
    place: str
    minutes_prefix: str  # "" for the local office's own numbered series
    roles: dict[str, tuple[UnitRef, ...]] = field(default_factory=dict)
    delegates: tuple[UnitRef, ...] = ()  # departments or units that send someone
    supervised: bool = False  # the local office follows its agreed items


@dataclass(frozen=True)
class TopicEntry:
    """A topic suggestions can be adopted into."""

    created_on: date
    topic_id: int
    union_id: int
    theme: Theme


@dataclass(frozen=True)
class ItemTrack:
    """What supervision and bulletins need to know about an agreed item."""

    id: int
    meeting_id: int
    lead: UnitRef
    held_on: date
    assigned_on: date
    first_deadline: date
    open_until: date | None  # last day it was open since assignment; None while still open
    status: ItemStatus
    supervised: bool
    layoff: bool  # an enterprise's job-protection item, for the lay-off rectification order
    deadline: date  # the deadline today, after any extension
    completed_on: date | None  # as the item row has it (None while open or sent back)


@dataclass
class Ctx:
    rng: random.Random
    rows: DemoRows
    today: date
    start: date  # first day of the history
    office_unit: UnitRef
    doc_prefix: str
    clerk: str
    topics: dict[tuple[int, Level], list[TopicEntry]] = field(
        default_factory=lambda: defaultdict(list)
    )
    items: list[ItemTrack] = field(default_factory=list)
    # Meetings whose minutes were issued, with the prefix of the body that numbers them.
    minutes: list[tuple[str, Row]] = field(default_factory=list)
    # (union id, year) → meetings held, and the unions flagged for a meeting held for form.
    held: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    formality: set[tuple[int, int]] = field(default_factory=set)
    # Topic id → the latest day one of its agreed items was closed (办结): its workers are owed
    # a final reply from then on.
    topic_closed: dict[int, date] = field(default_factory=dict)

    @property
    def created(self) -> date:
        """The day the office started using the program: a month before its history."""
        return self.start - days(30)

    def between(self, first: date, last: date) -> date:
        """A random day in [first, last]; `first` when the span is empty."""
        span = (last - first).days
        return first + days(self.rng.randint(0, span)) if span > 0 else first

    def clamp(self, d: date) -> date:
        return min(d, self.today)
