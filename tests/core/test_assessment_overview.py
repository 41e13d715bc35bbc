"""The assessment page's year in one call: scores, rates, stored states and charts, with the
years' totals reused only while the records are unchanged (no Qt)."""

from __future__ import annotations

import pytest

from desktop.core.assessment import (
    assessment_charts,
    compute_scorecard,
    mark_published,
    save_results,
    scoring,
    stored_states,
    year_rates,
)
from desktop.core.assessment.overview import (
    TotalsCache,
    publish_card,
    shows_own_card,
    unit_states,
    year_assessment,
    year_charts,
)
from tests.conftest import County
from tests.core.assessment_records import TODAY, build


def test_a_year_as_the_page_shows_it_agrees_with_the_core_calls(county: County) -> None:
    build(county)
    shown = county.run(year_assessment, 2025, today=TODAY)
    card = county.run(compute_scorecard, 2025, today=TODAY)
    states = county.run(stored_states, 2025, [u.unit_id for u in card.units])
    assert shown.card == mark_published(card, states)
    assert shown.own is None and not county.run(shows_own_card)  # a county ranks its units
    assert shown.rates == county.run(year_rates, 2025, today=TODAY)
    assert shown.states == states
    assert 2024 in shown.cache.memo
    charts = county.run(year_charts, shown, today=TODAY)
    assert charts.charts == county.run(assessment_charts, card, today=TODAY)


def test_cached_totals_serve_only_the_records_they_were_worked_out_on(
    county: County, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(county)
    first = county.run(year_assessment, 2025, today=TODAY)
    scored: list[int] = []
    original = scoring.previous_totals

    def counting(session, year, units, today):  # type: ignore[no-untyped-def]
        scored.append(year)
        return original(session, year, units, today)

    monkeypatch.setattr(scoring, "previous_totals", counting)
    again = county.run(year_assessment, 2025, today=TODAY, cache=first.cache)
    assert scored == [] and again.card == first.card
    county.run(save_results, first.card)  # stored results are a change of the records
    county.run(year_assessment, 2025, today=TODAY, cache=first.cache)
    assert scored == [2024]


def test_merging_keeps_the_newest_records_totals_only() -> None:
    old = TotalsCache(("v1",), {2023: {1: (80.0, 1)}})
    same = old.merged(TotalsCache(("v1",), {2024: {1: (90.0, 1)}}))
    assert set(same.memo) == {2023, 2024}
    newer = same.merged(TotalsCache(("v2",), {2024: {1: (91.0, 1)}}))
    assert newer == TotalsCache(("v2",), {2024: {1: (91.0, 1)}})
    assert newer.memo_for(("v1",)) == {} and newer.memo_for(("v2",)) == newer.memo
    assert newer.memo_for(("v2",)) is not newer.memo  # a copy to work with


def test_publishing_a_card_returns_what_is_stored_after(county: County) -> None:
    build(county)
    shown = county.run(year_assessment, 2025, today=TODAY)
    saved, states = county.run(publish_card, shown.card)
    assert saved.saved == len(shown.card.units)
    assert states == county.run(unit_states, shown.card)
    assert all(not s.provisional for s in states.values())
