"""Meeting-frequency standing today: each established pair's owed periods, missed or in progress.

The rule itself is desktop.core.periods (one meeting per period, owed once the period ended and
since establishment) over the meetings of each pair (desktop.core.pairs): the
dashboard, the 走过场 checks, the rates and the scorecard count alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from desktop.core.pairs import as_of_date, every_union, pair_facts
from desktop.core.periods import due_periods, period_bounds, period_index_of
from desktop.models.enums import Level

# The current period is "due soon" when it has no meeting yet and ends within this many days.
DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class FrequencyStatus:
    """One established pair's meetings this year against its rule."""

    establishment_id: int
    union_unit_id: int
    union_name: str
    partner_name: str
    level: Level
    required_per_year: int
    held_this_year: int
    period_index: int  # 1-based index of the period `today` falls in
    period_start: date
    period_end: date
    held_this_period: int
    missed_periods: tuple[int, ...]  # owed periods of this year that ended with no meeting

    @property
    def behind(self) -> bool:
        """Missed an owed period; the period in progress is never counted as missed."""
        return bool(self.missed_periods)

    def due_soon(self, today: date) -> bool:
        """The period in progress has no meeting yet and ends within DUE_SOON_DAYS."""
        return self.held_this_period == 0 and self.period_end - today <= timedelta(DUE_SOON_DAYS)


def frequency_status(session: Session, today: date) -> tuple[FrequencyStatus, ...]:
    """Every established pair's standing for the year of `today` (meetings held only for form
    do not count: they were ordered to be held again)."""
    year = today.year
    as_of = as_of_date(year, today)
    result = []
    for _, pair in pair_facts(session, every_union(), year, as_of):
        if pair.established_on is None:
            continue
        index = period_index_of(today, pair.per_year)
        start, end = period_bounds(year, pair.per_year, index)
        missed = tuple(
            i
            for i, s, e in due_periods(pair.per_year, pair.established_on, year, as_of)
            if not any(s <= d <= e for d in pair.convened_on)
        )
        result.append(
            FrequencyStatus(
                establishment_id=pair.id,
                union_unit_id=pair.union_unit_id,
                union_name=pair.union_name,
                partner_name=pair.partner_name,
                level=pair.level,
                required_per_year=pair.per_year,
                held_this_year=len(pair.convened_on),
                period_index=index,
                period_start=start,
                period_end=end,
                held_this_period=sum(1 for d in pair.convened_on if start <= d <= end),
                missed_periods=missed,
            )
        )
    return tuple(result)
