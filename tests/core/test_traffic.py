"""Working days across the real 2024–2026 holidays, and each traffic-light rule at its boundary."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.settings import SupervisionSettings
from desktop.core.traffic import ItemFacts, Light, item_light
from desktop.core.workdays import BUILTIN_YEARS, WorkCalendar
from desktop.models.enums import ItemStatus

CAL = WorkCalendar()
SETTINGS = SupervisionSettings(
    yellow_within_workdays=5, no_feedback_days=30, lag_tolerance_percent=10
)


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2024, 2, 8), 3, date(2024, 2, 19)),  # Spring Festival 2024, Sunday 18 Feb worked
        (date(2024, 9, 27), 2, date(2024, 9, 30)),  # Sunday 29 Sep 2024 worked (调休)
        (date(2025, 1, 24), 2, date(2025, 1, 27)),  # Sunday 26 Jan 2025 worked
        (date(2025, 9, 30), 1, date(2025, 10, 9)),  # National Day 2025: 1–8 October off
        (date(2026, 2, 13), 1, date(2026, 2, 14)),  # Saturday 14 Feb 2026 worked
        (date(2026, 2, 13), 2, date(2026, 2, 24)),  # then 15–23 February off
        # "Within 10 working days" over National Day 2026: 8, 9, Sat 10 (调休), 12–16, 19, 20.
        (date(2026, 9, 30), 10, date(2026, 10, 20)),
    ],
)
def test_working_days_across_real_holidays(start: date, count: int, expected: date) -> None:
    result = CAL.add_workdays(start, count)
    assert result.day == expected and not result.estimated


def test_workdays_between_counts_adjusted_saturdays() -> None:
    assert CAL.workdays_between(date(2024, 9, 30), date(2024, 10, 14)) == 6  # 8–11, Sat 12, 14
    assert CAL.workdays_between(date(2024, 10, 14), date(2024, 9, 30)) == -6


def test_covered_years_are_the_packages_days() -> None:
    day, last = date(min(BUILTIN_YEARS), 1, 1), date(max(BUILTIN_YEARS), 12, 31)
    while day <= last:
        assert CAL.is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_uncovered_year_falls_back_to_weekends_and_says_so() -> None:
    result = CAL.add_workdays(date(2030, 9, 30), 1)
    assert result.day == date(2030, 10, 1) and result.estimated
    imported = WorkCalendar({date(2030, 10, d): False for d in range(1, 8)})
    assert imported.add_workdays(date(2030, 9, 30), 1).day == date(2030, 10, 8)
    assert not imported.add_workdays(date(2030, 9, 30), 1).estimated


def facts(**kw: object) -> ItemFacts:
    base = dict(
        status=ItemStatus.IN_PROGRESS,
        deadline=date(2026, 12, 31),
        assigned_on=date(2026, 11, 1),
        last_feedback_on=date(2026, 11, 15),
        percent_done=50,
    )
    base.update(kw)
    return ItemFacts(**base)  # type: ignore[arg-type]


def light(f: ItemFacts, today: date) -> tuple[Light, str, dict[str, object]]:
    v = item_light(f, today, CAL, SETTINGS)
    return v.light, v.reason, v.fields


TODAY = date(2026, 11, 20)  # a Friday


def test_red_from_the_day_after_the_deadline() -> None:
    assert light(facts(deadline=TODAY), TODAY)[0] != Light.RED
    assert light(facts(deadline=TODAY - timedelta(days=1)), TODAY) == (
        Light.RED,
        "light_red_overdue",
        {"days": 1},
    )
    # Overdue counted in working days: deadline Friday 6 Nov → 10 working days by Friday 20 Nov.
    assert light(facts(deadline=date(2026, 11, 6)), TODAY)[2] == {"days": 10}


def test_yellow_when_deadline_within_n_working_days() -> None:
    five = CAL.add_workdays(TODAY, 5).day  # Friday 27 November
    six = CAL.add_workdays(TODAY, 6).day
    assert light(facts(deadline=five, assigned_on=date(2026, 11, 16)), TODAY) == (
        Light.YELLOW,
        "light_yellow_due_soon",
        {"days": 5},
    )
    assert light(facts(deadline=six, assigned_on=date(2026, 11, 16)), TODAY)[0] == Light.GREEN


def test_yellow_after_m_days_without_feedback() -> None:
    on_limit = facts(last_feedback_on=TODAY - timedelta(days=30), percent_done=40)
    past_limit = facts(last_feedback_on=TODAY - timedelta(days=31), percent_done=40)
    assert light(on_limit, TODAY)[0] == Light.GREEN
    assert light(past_limit, TODAY) == (Light.YELLOW, "light_yellow_no_feedback", {"days": 31})
    never = facts(
        last_feedback_on=None,
        assigned_on=TODAY - timedelta(days=31),
        percent_done=90,
        deadline=date(2027, 6, 30),
    )
    assert light(never, TODAY)[1] == "light_yellow_no_feedback"


def test_yellow_when_progress_lags_time_elapsed() -> None:
    # Assigned 1 Oct, due 30 Dec (90 days); 50 days gone on 20 Nov: 56% elapsed.
    base = dict(assigned_on=date(2026, 10, 1), deadline=date(2026, 12, 30), last_feedback_on=TODAY)
    assert light(facts(percent_done=46, **base), TODAY)[0] == Light.GREEN  # 46 + 10 = 56
    assert light(facts(percent_done=45, **base), TODAY) == (
        Light.YELLOW,
        "light_yellow_lagging",
        {"percent": 45, "elapsed": 56},
    )


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (ItemStatus.COMPLETED, "light_grey_completed"),
        (ItemStatus.VERIFIED, "light_grey_verified"),
        (ItemStatus.CANCELLED, "light_grey_cancelled"),
        (ItemStatus.DRAFTED, "light_grey_drafted"),
    ],
)
def test_grey_when_closed_or_not_assigned(status: ItemStatus, reason: str) -> None:
    overdue = facts(status=status, deadline=date(2026, 1, 1))
    assert light(overdue, TODAY)[:2] == (Light.GREY, reason)


def test_light_in_an_uncovered_year_is_marked_estimated() -> None:
    verdict = item_light(
        facts(
            deadline=date(2030, 1, 1),
            assigned_on=date(2029, 1, 1),
            last_feedback_on=date(2029, 12, 20),
            percent_done=99,
        ),
        date(2029, 12, 21),
        CAL,
        SETTINGS,
    )
    assert verdict.estimated


def test_holiday_table_import(county) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.errors import InvalidInput
    from desktop.core.workdays import import_holidays, load_calendar, parse_holiday_table

    rows = parse_holiday_table(
        "\ufeff# 2030 国庆\n2030-10-01,休,国庆节\n2030-09-29，班，国庆调休\n"
    )
    assert county.run(import_holidays, rows, "2030.csv") == 2
    with county.db.unit_of_work() as s:
        cal = load_calendar(s)
    assert not cal.is_workday(date(2030, 10, 1)) and cal.is_workday(date(2030, 9, 29))
    with pytest.raises(InvalidInput) as err:
        parse_holiday_table("2030-10-01,maybe")
    assert err.value.code == "holiday_line" and err.value.fields["line"] == 1


@given(
    start=st.dates(min_value=date(2023, 1, 1), max_value=date(2029, 12, 31)),
    span=st.integers(min_value=-900, max_value=900),
)
def test_fast_workday_count_equals_counting_day_by_day(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    lo, hi = min(start, end), max(start, end)
    naive = sum(1 for i in range(1, (hi - lo).days + 1) if CAL.is_workday(lo + timedelta(days=i)))
    assert CAL.workdays_between(start, end) == (naive if end >= start else -naive)
