"""Publishing a scorecard, telling published scores from provisional ones, and the memo of
years' totals that spares the charts scoring a year twice (no Qt)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from desktop.core.assessment import (
    TotalsMemo,
    assessment_charts,
    compute_scorecard,
    data_version,
    mark_published,
    publish_scorecard,
    save_results,
    stored_results,
    stored_states,
)
from desktop.core.assessment.charts import score_trend
from desktop.core.errors import DomainError
from desktop.core.records import touch
from desktop.messages import message
from desktop.models import AssessmentResult, Meeting
from tests.conftest import County
from tests.core.assessment_records import TODAY, build


def test_publish_scorecard_makes_the_results_official_and_republishing_replaces_them(
    county: County,
) -> None:
    r = build(county)
    card = county.run(compute_scorecard, 2025, today=TODAY)
    assert county.run(stored_states, 2025) == {}
    saved = county.run(publish_scorecard, card)
    assert (saved.saved, saved.kept) == (2, 0)
    states = county.run(stored_states, 2025)
    assert {uid: (s.total, s.provisional, s.ours) for uid, s in states.items()} == {
        r.t1: (59.91, False, True),
        r.t2: (0.0, False, True),
    }
    marked = mark_published(card, states)
    assert [u.provisional for u in card.units] == [True, True]  # the card itself is untouched
    assert [u.provisional for u in marked.units] == [False, False]
    # The records change after publishing: the new score is no longer the published one.
    changed = replace(card, units=(replace(card.units[0], total=70.0), card.units[1]))
    assert [u.provisional for u in mark_published(changed, states).units] == [True, False]
    # Republishing replaces the published results; a provisional save does not.
    assert county.run(save_results, changed).kept == 2
    assert county.run(stored_states, 2025)[r.t1].total == 59.91
    assert county.run(publish_scorecard, changed).saved == 2
    assert county.run(stored_states, 2025)[r.t1].total == 70.0
    assert all(not u.provisional for u in county.run(stored_results, 2025))


def test_a_result_received_from_another_office_is_kept(county: County) -> None:
    r = build(county)
    card = county.run(compute_scorecard, 2025, today=TODAY)
    county.run(save_results, card)
    with county.db.unit_of_work() as s:
        row = s.scalars(select(AssessmentResult).where(AssessmentResult.unit_id == r.t2)).one()
        row.origin_office = "c17c17c1-0000-4000-8000-000000000001"
    saved = county.run(publish_scorecard, card)
    assert (saved.saved, saved.kept) == (1, 1)
    states = county.run(stored_states, 2025)
    assert (states[r.t1].ours, states[r.t1].provisional) == (True, False)
    assert (states[r.t2].ours, states[r.t2].provisional) == (False, True)


def test_an_empty_card_is_not_published(county: County) -> None:
    build(county)
    card = county.run(compute_scorecard, 2025, today=TODAY)
    with pytest.raises(DomainError) as refused:
        county.run(publish_scorecard, replace(card, units=()))
    assert refused.value.code == "nothing_to_publish"
    assert message(refused.value.code, refused.value.fields).startswith("2025 年度")


def test_data_version_follows_every_change_of_the_records(county: County) -> None:
    build(county)
    before = county.run(data_version)
    assert county.run(data_version) == before
    with county.db.unit_of_work() as s:
        touch(s.scalars(select(Meeting).limit(1)).one())
    edited = county.run(data_version)
    assert edited != before
    county.run(save_results, county.run(compute_scorecard, 2025, today=TODAY))
    assert county.run(data_version) != edited


def test_the_memo_spares_scoring_a_year_twice_and_changes_nothing(county: County) -> None:
    build(county)
    plain = county.run(compute_scorecard, 2025, today=TODAY)
    memo: TotalsMemo = {}
    card = county.run(compute_scorecard, 2025, today=TODAY, memo=memo)
    assert card == plain
    assert set(memo) == {2024}
    assert memo[2024] == {
        u.unit_id: (u.previous_total, u.previous_rank)
        for u in card.units
        if u.previous_total is not None
    }
    charts = county.run(assessment_charts, card, today=TODAY)
    memo_charts = county.run(assessment_charts, card, today=TODAY, memo=memo)
    assert memo_charts == charts
    # A year found in the memo is taken from it, not scored again.
    first = card.units[0].unit_id
    fake: TotalsMemo = {2024: {first: (12.5, 1)}}
    trend = county.run(score_trend, card, TODAY, memo=fake)
    assert [(y.year, y.totals) for y in trend if y.year == 2024] == [(2024, {first: 12.5})]
    # Without a memo the year before the card's is the card's own previous totals.
    trend = county.run(score_trend, card, TODAY)
    before = {u.unit_id: u.previous_total for u in card.units if u.previous_total is not None}
    assert next(y for y in trend if y.year == 2024).totals == before
