"""The figures behind the assessment charts, computed once for the window and the PDF alike.

Score distribution in bands, ranking bars (best and worst units), the trend of totals across
years (average, median and every unit's own total) and the convening rate (召开率) by quarter.
Plain frozen values: the 考核 page draws them with Qt Charts, the 考核结果通报 with ReportLab.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.assessment.rates import ConveningRate, convening_rates
from desktop.core.assessment.scoring import Scorecard, TotalsMemo, year_totals
from desktop.core.pairs import HELD
from desktop.models import Meeting
from desktop.models.enums import Level

# Lower bounds of the score bands; the first band is open below, the last open above.
BAND_EDGES = (60.0, 70.0, 80.0, 90.0)
RANKING_BARS = 10  # best and worst units shown when there are more than ALL_BARS
ALL_BARS = 30
TREND_YEARS = 5
QUARTERS = ("Q1", "Q2", "Q3", "Q4")


@dataclass(frozen=True)
class Band:
    """Units whose total lies in [low, high); None: open on that side."""

    low: float | None
    high: float | None
    count: int


@dataclass(frozen=True)
class Bar:
    unit_id: int
    unit_name: str
    rank: int | None
    total: float


@dataclass(frozen=True)
class TrendYear:
    year: int
    units: int  # units with a total that year
    mean: float | None
    median: float | None
    totals: dict[int, float]  # unit id → total


@dataclass(frozen=True)
class QuarterRates:
    """One level's 召开率 in each quarter (None: nothing was owed that quarter)."""

    level: Level
    rates: tuple[float | None, ...]  # Q1…Q4
    required: tuple[int, ...]
    convened: tuple[int, ...]


@dataclass(frozen=True)
class AssessmentCharts:
    year: int
    as_of: date
    units: int
    distribution: tuple[Band, ...]
    top: tuple[Bar, ...]  # best first
    bottom: tuple[Bar, ...]  # the worst, best of them first; empty when `top` holds every unit
    trend: tuple[TrendYear, ...]  # oldest first, ending with the card's year
    unit_names: dict[int, str]
    convening: tuple[QuarterRates, ...]  # one per level that owed or held meetings


def band_of(total: float, edges: Sequence[float] = BAND_EDGES) -> int:
    return sum(1 for edge in edges if total >= edge)


def score_distribution(
    totals: Sequence[float], edges: Sequence[float] = BAND_EDGES
) -> tuple[Band, ...]:
    """How many totals fall in each band: below the first edge, between edges, from the last."""
    counts = [0] * (len(edges) + 1)
    for total in totals:
        counts[band_of(total, edges)] += 1
    bounds: list[float | None] = [None, *edges, None]
    return tuple(
        Band(low, high, count)
        for low, high, count in zip(bounds[:-1], bounds[1:], counts, strict=True)
    )


def ranking_bars(
    card: Scorecard, count: int = RANKING_BARS, every: int = ALL_BARS
) -> tuple[tuple[Bar, ...], ...]:
    """(top, bottom): every unit in `top` when there are at most `every`, else the best
    `count` and the worst `count`."""
    bars = tuple(Bar(u.unit_id, u.unit_name, u.rank, u.total) for u in card.units)
    if len(bars) <= max(every, 2 * count):
        return bars, ()
    return bars[:count], bars[-count:]


def _trend_year(year: int, totals: dict[int, float]) -> TrendYear:
    values = list(totals.values())
    mean = round(statistics.fmean(values), 2) if values else None
    median = round(statistics.median(values), 2) if values else None
    return TrendYear(year, len(values), mean, median, totals)


def first_record_year(session: Session) -> int | None:
    """The year of the first meeting held: there is nothing to score before it."""
    first = session.scalar(
        select(func.min(Meeting.held_on)).where(
            Meeting.status.in_(HELD), Meeting.deleted_at.is_(None)
        )
    )
    return first.year if first is not None else None


def score_trend(
    session: Session,
    card: Scorecard,
    today: date,
    years: int = TREND_YEARS,
    memo: TotalsMemo | None = None,
) -> tuple[TrendYear, ...]:
    """The card's year and up to `years - 1` before it (not before the first meeting on
    record): each year's totals as published when they were, else recomputed.

    The year before the card's is the card's own `previous_total`s (the same figures, already
    worked out for "change on last year"). `memo` holds earlier years' totals of the same
    units from the same records (see `scoring.TotalsMemo`): years found there are not
    recomputed, and years worked out here are added to it."""
    first = first_record_year(session)
    start = max(card.year - years + 1, first if first is not None else card.year)
    units = [(u.unit_id, u.unit_name) for u in card.units]
    memo = memo if memo is not None else {}
    if card.year - 1 not in memo:
        memo[card.year - 1] = {
            u.unit_id: (u.previous_total, u.previous_rank)
            for u in card.units
            if u.previous_total is not None
        }
    trend = []
    for year in range(start, card.year):
        before = year_totals(session, year, units, today, memo)
        trend.append(_trend_year(year, {uid: total for uid, (total, _) in before.items()}))
    trend.append(_trend_year(card.year, {u.unit_id: u.total for u in card.units}))
    return tuple(trend)


def quarter_rates(rates: Sequence[ConveningRate]) -> tuple[QuarterRates, ...]:
    """Each level's quarters out of the office-wide convening rates of a year."""
    by_level: dict[Level, dict[str, ConveningRate]] = {}
    for r in rates:
        by_level.setdefault(r.level, {})[r.period] = r
    result = []
    for level, periods in by_level.items():
        quarters = [periods[q] for q in QUARTERS if q in periods]
        if not any(q.required or q.meetings_held for q in quarters):
            continue
        result.append(
            QuarterRates(
                level,
                tuple(q.rate for q in quarters),
                tuple(q.required for q in quarters),
                tuple(q.convened for q in quarters),
            )
        )
    return tuple(result)


def assessment_charts(
    session: Session,
    card: Scorecard,
    *,
    today: date | None = None,
    years: int = TREND_YEARS,
    convening: Sequence[ConveningRate] | None = None,
    memo: TotalsMemo | None = None,
) -> AssessmentCharts:
    """Every chart's figures for a computed scorecard; `convening` saves recomputing the
    year's convening rates when the caller has them already, `memo` earlier years' totals
    (see `score_trend`)."""
    today = today or date.today()
    top, bottom = ranking_bars(card)
    if convening is None:
        convening = convening_rates(session, card.year, today)
    return AssessmentCharts(
        card.year,
        card.as_of,
        len(card.units),
        score_distribution([u.total for u in card.units]),
        top,
        bottom,
        score_trend(session, card, today, years, memo),
        {u.unit_id: u.unit_name for u in card.units},
        quarter_rates(convening),
    )
