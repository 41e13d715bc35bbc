"""The one rule of how often a government–union pair must meet, and which periods it owes.

A pair meeting n times a year splits the year into n equal periods; each period needs one real
meeting (not one held only for form) of that union with that partner. A period is owed once it
has ended, and only from the pair's establishment: a period in which the pair was established
is owed when it was established on or before the period's middle day (pro rata). A period that
has not ended is in progress, never missed. The dashboard, the 走过场 checks, the rates, the
scorecard and the printed statistics all count with these functions.
"""

from __future__ import annotations

from datetime import date


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


def owes(start: date, end: date, established_on: date) -> bool:
    """Whether a pair established on `established_on` owes the period start…end (pro rata)."""
    middle = date.fromordinal((start.toordinal() + end.toordinal()) // 2)
    return established_on <= middle


def ended(end: date, year: int, as_of: date) -> bool:
    """A period has ended by the judging day `as_of` (a past year is judged on 31 December,
    when its last period ends)."""
    return end < as_of or as_of == date(year, 12, 31)


def due_periods(
    per_year: int, established_on: date | None, year: int, as_of: date
) -> list[tuple[int, date, date]]:
    """The pair's periods of `year` that must have had a meeting by `as_of`: ended, and owed
    since the pair was established."""
    if established_on is None:
        return []
    periods = (period_bounds(year, per_year, i) for i in range(1, per_year + 1))
    return [
        (i, start, end)
        for i, (start, end) in enumerate(periods, start=1)
        if ended(end, year, as_of) and owes(start, end, established_on)
    ]
