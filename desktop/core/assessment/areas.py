"""Rates rolled up by area: for a city or province office, each county (or township) below it
with the convening and establishment rates of every pair in its part of the directory, from the
packages it received."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.assessment.rates import percent
from desktop.core.pairs import as_of_date, every_union, pair_facts
from desktop.core.periods import due_periods
from desktop.models import Unit
from desktop.models.enums import UNION_KINDS, Level


@dataclass(frozen=True)
class AreaRate:
    """One area (a county federation's or a township union's part of the directory)."""

    unit_id: int
    name: str
    level: Level
    required: int  # meetings owed by its pairs in periods ended by the judging day
    convened: int
    convening_rate: float | None
    pairs: int
    established: int  # by the year's end
    establishment_rate: float | None


def area_rates(
    session: Session, year: int, area_level: Level, *, today: date | None = None
) -> tuple[AreaRate, ...]:
    """Every union at `area_level` (county: the county federations; township: township and
    street unions) with the rates of all pairs in its subtree, worst convening rate first."""
    as_of = as_of_date(year, today or date.today())
    parent: dict[int, int | None] = {}
    areas: dict[int, tuple[str, Level]] = {}
    for uid, parent_id, name, level, kind in session.execute(
        select(Unit.id, Unit.parent_id, Unit.name, Unit.level, Unit.kind).where(
            Unit.deleted_at.is_(None)
        )
    ):
        parent[uid] = parent_id
        if kind in UNION_KINDS and _at(level, area_level):
            areas[uid] = (name, level)

    def area_of(uid: int) -> int | None:
        seen = 0
        current: int | None = uid
        while current is not None and seen < 64:  # a cycle never hangs the count
            if current in areas:
                return current
            current, seen = parent.get(current), seen + 1
        return None

    required: Counter[int] = Counter()
    convened: Counter[int] = Counter()
    pairs: Counter[int] = Counter()
    established: Counter[int] = Counter()
    for _, pair in pair_facts(session, every_union(), year, as_of):
        area = area_of(pair.union_unit_id)
        if area is None:
            continue
        pairs[area] += 1
        established[area] += pair.established_on is not None
        for _index, start, end in due_periods(pair.per_year, pair.established_on, year, as_of):
            required[area] += 1
            convened[area] += any(start <= d <= end for d in pair.convened_on)
    rows = [
        AreaRate(
            uid,
            name,
            level,
            required[uid],
            convened[uid],
            percent(convened[uid], required[uid]),
            pairs[uid],
            established[uid],
            percent(established[uid], pairs[uid]),
        )
        for uid, (name, level) in areas.items()
        if pairs[uid]
    ]
    rows.sort(key=lambda r: (r.convening_rate if r.convening_rate is not None else 101, r.name))
    return tuple(rows)


def _at(level: Level, area_level: Level) -> bool:
    if area_level == Level.TOWNSHIP:
        return level in (Level.TOWNSHIP, Level.STREET)
    return level == area_level


def default_area_level(office_level: Level) -> Level | None:
    """What an office's rates are broken down by: a city or province by county, a county by
    township; a township has no areas below it worth a table."""
    if office_level in (Level.PROVINCE, Level.CITY):
        return Level.COUNTY
    if office_level == Level.COUNTY:
        return Level.TOWNSHIP
    return None
