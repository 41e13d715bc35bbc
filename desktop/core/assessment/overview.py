"""What the assessment page shows for a year, worked out in one call: the scorecard (or a
township's own card), the rates, what is stored for each unit, then the charts.

Scoring a year also scores the years before it (the change, the trend); those totals are kept
in a `TotalsCache` for one state of the records (`data_version`), and this module alone decides
when they may be used again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from desktop.core.assessment.charts import AssessmentCharts, assessment_charts
from desktop.core.assessment.rates import YearRates, year_rates
from desktop.core.assessment.scoring import Scorecard, TotalsMemo, compute_scorecard
from desktop.core.assessment.store import (
    OwnCard,
    SavedResults,
    StoredState,
    has_own_card,
    mark_published,
    own_card,
    publish_scorecard,
    stored_states,
)
from desktop.core.assessment.version import data_version
from desktop.core.errors import NoLocalOffice

Version = tuple[Any, ...]


class TotalsCache(NamedTuple):
    """Years' totals already worked out, valid for the records as they were at `version`."""

    version: Version | None = None
    memo: TotalsMemo = {}  # noqa: RUF012 (never mutated: memo_for hands out copies)

    def memo_for(self, version: Version) -> TotalsMemo:
        """A copy to work with: the totals if they were worked out on these records, else none."""
        return dict(self.memo) if version == self.version else {}

    def merged(self, other: TotalsCache) -> TotalsCache:
        """Keep the totals of the newest records only: older ones are stale for good."""
        if other.version == self.version:
            return TotalsCache(other.version, {**self.memo, **other.memo})
        return other


def shows_own_card(session: Session) -> bool:
    """A township sees its own card; a county ranks the units below it (and so does an office
    not set up yet)."""
    try:
        return has_own_card(session)
    except NoLocalOffice:
        return False


@dataclass(frozen=True)
class YearAssessment:
    """A year's scores as the page shows them."""

    card: Scorecard  # units whose published result it matches are not provisional
    own: OwnCard | None  # a township's own card beside the county's result
    rates: YearRates
    states: dict[int, StoredState]  # what this office has stored for each unit
    cache: TotalsCache  # the years' totals worked out on the records it was computed from


def year_assessment(
    session: Session, year: int, *, today: date, cache: TotalsCache | None = None
) -> YearAssessment:
    """Score `year` (a township its own card), using the cached years' totals while the
    records are unchanged."""
    version = data_version(session)
    memo = (cache or TotalsCache()).memo_for(version)
    mine = own_card(session, year, today=today, memo=memo) if shows_own_card(session) else None
    card = mine.scorecard if mine else compute_scorecard(session, year, today=today, memo=memo)
    states = stored_states(session, year, [u.unit_id for u in card.units])
    return YearAssessment(
        mark_published(card, states),
        mine,
        year_rates(session, year, today=today),
        states,
        TotalsCache(version, memo),
    )


@dataclass(frozen=True)
class YearCharts:
    charts: AssessmentCharts
    cache: TotalsCache


def year_charts(session: Session, shown: YearAssessment, *, today: date) -> YearCharts:
    """The charts of scores already worked out; records changed since: years afresh."""
    version = data_version(session)
    memo = shown.cache.memo_for(version)
    charts = assessment_charts(
        session, shown.card, today=today, convening=shown.rates.convening, memo=memo
    )
    return YearCharts(charts, TotalsCache(version, memo))


def unit_states(session: Session, card: Scorecard) -> dict[int, StoredState]:
    """What this office has stored for each unit of a card."""
    return stored_states(session, card.year, [u.unit_id for u in card.units])


def publish_card(session: Session, card: Scorecard) -> tuple[SavedResults, dict[int, StoredState]]:
    """Publish the card's scores, and what is stored for its units after that."""
    saved = publish_scorecard(session, card)
    return saved, unit_states(session, card)
