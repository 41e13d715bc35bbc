"""Meeting frequency: who has not yet held the meetings their rule requires this year or period."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Establishment, Meeting, Unit
from desktop.models.enums import Level, MeetingStatus

HELD = (MeetingStatus.HELD, MeetingStatus.MINUTES_ISSUED)


@dataclass(frozen=True)
class FrequencyStatus:
    """One union's meetings this year against its rule (n a year: the year in n equal periods)."""

    establishment_id: int
    union_unit_id: int
    union_name: str
    level: Level
    required_per_year: int
    held_this_year: int
    period_index: int  # 1-based index of the period `today` falls in
    period_start: date
    period_end: date
    held_this_period: int
    missed_periods: tuple[int, ...]  # ended periods of this year with no meeting

    @property
    def behind(self) -> bool:
        return self.held_this_period == 0 or bool(self.missed_periods)


def _period_start(year: int, per_year: int, index: int) -> date:
    """Start of the index-th (1-based; per_year + 1 is next 1 January) of per_year periods."""
    if 12 % per_year == 0:
        month0 = (index - 1) * (12 // per_year)
        return date(year + month0 // 12, month0 % 12 + 1, 1)
    # Frequencies that do not split the year into whole months split it by days.
    first = date(year, 1, 1).toordinal()
    days = date(year + 1, 1, 1).toordinal() - first
    return date.fromordinal(first + (index - 1) * days // per_year)


def period_bounds(year: int, per_year: int, index: int) -> tuple[date, date]:
    """Start and end (inclusive) of the index-th of per_year equal periods of a year."""
    start = _period_start(year, per_year, index)
    end = date.fromordinal(_period_start(year, per_year, index + 1).toordinal() - 1)
    return start, end


def period_index_of(day: date, per_year: int) -> int:
    for index in range(1, per_year + 1):
        start, end = period_bounds(day.year, per_year, index)
        if start <= day <= end:
            return index
    raise AssertionError("a day always falls in a period")


def frequency_status(session: Session, today: date) -> tuple[FrequencyStatus, ...]:
    """Every established union's standing for the year of `today` (meetings held only for form
    do not count: they were ordered to be held again)."""
    year_start, year_end = date(today.year, 1, 1), date(today.year, 12, 31)
    held: dict[int, list[date]] = defaultdict(list)
    for union_id, held_on in session.execute(
        select(Meeting.union_unit_id, Meeting.held_on).where(
            Meeting.status.in_(HELD),
            Meeting.deleted_at.is_(None),
            Meeting.formality_flag.is_(False),
            Meeting.held_on >= year_start,
            Meeting.held_on <= year_end,
        )
    ):
        if held_on is not None:
            held[union_id].append(held_on)
    rows = session.execute(
        select(
            Establishment.id,
            Establishment.union_unit_id,
            Unit.name,
            Establishment.level,
            Establishment.meetings_per_year,
        )
        .join(Unit, Unit.id == Establishment.union_unit_id)
        .where(Establishment.established.is_(True), Establishment.deleted_at.is_(None))
        .order_by(Establishment.id)
    )
    result = []
    for est_id, union_id, name, level, per_year in rows:
        index = period_index_of(today, per_year)
        start, end = period_bounds(today.year, per_year, index)
        dates = held.get(union_id, [])
        periods_with_meeting = {period_index_of(d, per_year) for d in dates}
        result.append(
            FrequencyStatus(
                establishment_id=est_id,
                union_unit_id=union_id,
                union_name=name,
                level=level,
                required_per_year=per_year,
                held_this_year=len(dates),
                period_index=index,
                period_start=start,
                period_end=end,
                held_this_period=sum(1 for d in dates if start <= d <= end),
                missed_periods=tuple(i for i in range(1, index) if i not in periods_with_meeting),
            )
        )
    return tuple(result)
