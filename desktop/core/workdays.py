"""Working-day arithmetic on the official Chinese calendar, with holidays and 调休 workdays.

Years the chinesecalendar package covers use its data; dates an office has imported (a county's
holiday table) override it; any other year falls back to weekends only, and every date computed
that way is marked `estimated` so the window can show 暂按周末推算.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput
from desktop.models import CalendarDay

BUILTIN_YEARS = frozenset(d.year for d in chinese_calendar.holidays)
# Running working-day counts of years no imported table touches: the same for every calendar,
# so reckoned once per process (a calendar is loaded per document or check; a year takes 365
# look-ups in the built-in table).
_UNTOUCHED_YEARS: dict[int, list[int]] = {}


@dataclass(frozen=True)
class WorkdayResult:
    day: date
    estimated: bool  # some day on the way was judged by the weekend rule alone


class WorkCalendar:
    """Which days are working days. Overrides (day → is workday) come from imported tables."""

    def __init__(self, overrides: Mapping[date, bool] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self.override_years = frozenset(d.year for d in self.overrides)
        # Per year: running count of working days up to each day, so counting is a subtraction.
        self._running: dict[int, list[int]] = {}

    def covers(self, day: date) -> bool:
        return day.year in BUILTIN_YEARS or day.year in self.override_years

    def is_workday(self, day: date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if day.year in BUILTIN_YEARS:
            # chinese_calendar.is_workday's rule without its check of the year, which scans the
            # whole table at every call (0.13 ms a day: 50 ms for a year's counts at start).
            return day in chinese_calendar.workdays or (
                day.weekday() < 5 and day not in chinese_calendar.holidays
            )
        return day.weekday() < 5

    def add_workdays(self, start: date, count: int) -> WorkdayResult:
        """The date `count` working days after `start` (start itself not counted)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day, left, estimated = start, count, False
        while left:
            day += timedelta(days=1)
            estimated |= not self.covers(day)
            if self.is_workday(day):
                left -= 1
        return WorkdayResult(day, estimated)

    def _year_counts(self, year: int) -> list[int]:
        counts = self._running.get(year)
        if counts is None:
            untouched = year not in self.override_years
            counts = _UNTOUCHED_YEARS.get(year) if untouched else None
            if counts is None:
                day, total, counts = date(year, 1, 1), 0, []
                while day.year == year:
                    total += self.is_workday(day)
                    counts.append(total)
                    day += timedelta(days=1)
                if untouched:
                    _UNTOUCHED_YEARS[year] = counts
            self._running[year] = counts
        return counts

    def _through(self, day: date) -> int:
        """Working days from 1 January of `day`'s year up to and including `day`."""
        return self._year_counts(day.year)[day.timetuple().tm_yday - 1]

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative when end < start."""
        if end < start:
            return -self.workdays_between(end, start)
        count = self._through(end) - self._through(start)
        for year in range(start.year, end.year):
            count += self._year_counts(year)[-1]
        return count


def load_calendar(session: Session) -> WorkCalendar:
    """The calendar with this office's imported holiday tables applied."""
    rows = session.execute(select(CalendarDay.day, CalendarDay.is_workday)).all()
    return WorkCalendar(dict(rows))


@dataclass(frozen=True)
class HolidayRow:
    day: date
    is_workday: bool
    name: str = ""


def parse_holiday_table(text: str) -> tuple[HolidayRow, ...]:
    """Lines `2027-10-01,休,国庆节` or `2027-09-26,班,国庆节调休` (休/班 or 0/1, holiday/workday)."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.replace("，", ",").split(",")]
        try:
            day = date.fromisoformat(parts[0])
            flag = parts[1].lower()
        except (ValueError, IndexError) as exc:
            raise InvalidInput("holiday_line", field="holiday_table", line=number) from exc
        if flag in ("休", "0", "holiday", "off"):
            workday = False
        elif flag in ("班", "1", "workday", "work"):
            workday = True
        else:
            raise InvalidInput("holiday_line", field="holiday_table", line=number)
        if not 1990 <= day.year <= 2100:
            raise InvalidInput("absurd_date", field="holiday_table", value=parts[0])
        rows.append(HolidayRow(day, workday, parts[2] if len(parts) > 2 else ""))
    if not rows:
        raise InvalidInput("required", field="holiday_table")
    return tuple(rows)


def import_holidays(session: Session, rows: tuple[HolidayRow, ...], source: str) -> int:
    """Store (or replace) the given days; they override the built-in calendar from now on."""
    for row in rows:
        session.merge(
            CalendarDay(day=row.day, is_workday=row.is_workday, name=row.name, source=source)
        )
    session.flush()
    return len(rows)
