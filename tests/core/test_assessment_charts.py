"""Chart figures, scheme drafts and a township's own card, on the hand-made county."""

from __future__ import annotations

import statistics
from dataclasses import replace
from pathlib import Path

from desktop.core.assessment import (
    Band,
    IndicatorSpec,
    assessment_charts,
    compute_scorecard,
    copy_scheme,
    default_scheme,
    get_scheme,
    own_card,
    own_scorecard,
    publish_results,
    save_results,
    save_scheme,
    scheme_state,
    score_distribution,
    year_rates,
)
from desktop.core.assessment.charts import ranking_bars
from desktop.core.documents import assessment_doc
from desktop.core.office import create_local_office
from desktop.db import Database
from desktop.db.migrate import upgrade
from desktop.messages import message
from desktop.models import AssessmentIndicator, AssessmentResult, AssessmentScheme, Office
from desktop.models.enums import Level
from tests.conftest import County
from tests.core.assessment_records import TODAY, build
from tests.databases import open_test_database


def test_distribution_bands_by_hand() -> None:
    bands = score_distribution([55, 60, 69.99, 70, 89.9, 90, 105, -3])
    assert bands == (
        Band(None, 60.0, 2),
        Band(60.0, 70.0, 2),
        Band(70.0, 80.0, 1),
        Band(80.0, 90.0, 1),
        Band(90.0, None, 2),
    )
    assert sum(b.count for b in score_distribution([])) == 0


def test_charts_follow_the_scorecard_rates_and_earlier_years(county: County) -> None:
    build(county)
    card = county.run(compute_scorecard, 2025, today=TODAY)
    charts = county.run(lambda s: assessment_charts(s, card, today=TODAY))
    # 八滩镇工会 59.91 and 天场镇工会 0.00 (worked out in test_assessment.py).
    assert [b.count for b in charts.distribution] == [2, 0, 0, 0, 0]
    assert [(b.unit_name, b.rank, b.total) for b in charts.top] == [
        ("八滩镇工会", 1, 59.91),
        ("天场镇工会", 2, 0.0),
    ]
    assert charts.bottom == ()
    # The first meeting on record is in 2024: the trend starts there.
    assert [t.year for t in charts.trend] == [2024, 2025]
    last = charts.trend[-1]
    assert last.totals == {u.unit_id: u.total for u in card.units}
    assert last.mean == round(statistics.fmean([59.91, 0.0]), 2)
    assert last.median == round(statistics.median([59.91, 0.0]), 2)
    before = county.run(compute_scorecard, 2024, today=TODAY)
    recorded = {u.unit_id: u.total for u in before.units if u.unit_name == "八滩镇工会"}
    # Only the unit with records in 2024 has a total that year: its recomputed one.
    assert charts.trend[0].totals == recorded
    # The convening rate by quarter is the office-wide one of `lianxi rates`.
    rates = county.run(year_rates, 2025, today=TODAY)
    quarters = {q.level: q for q in charts.convening}
    for c in rates.convening:
        if c.period.startswith("Q") and c.level in quarters:
            q = quarters[c.level]
            index = int(c.period[1]) - 1
            assert (q.rates[index], q.required[index], q.convened[index]) == (
                c.rate,
                c.required,
                c.convened,
            )
    assert quarters[Level.TOWNSHIP].rates[3] == 0.0
    assert quarters[Level.ENTERPRISE].rates[0] is None


def test_ranking_shows_every_unit_up_to_thirty_else_the_best_and_worst_ten(
    county: County,
) -> None:
    build(county)
    card = county.run(compute_scorecard, 2025, today=TODAY)
    many = replace(card, units=tuple(replace(card.units[0], unit_id=i) for i in range(31)))
    top, bottom = ranking_bars(many)
    assert (len(top), len(bottom)) == (10, 10)
    assert [b.unit_id for b in bottom] == list(range(21, 31))
    top, bottom = ranking_bars(replace(many, units=many.units[:30]))
    assert (len(top), len(bottom)) == (30, 0)


def test_the_circular_attaches_the_charts_the_window_draws(county: County) -> None:
    build(county)
    doc = county.run(assessment_doc, 2025, message)
    card = county.run(compute_scorecard, 2025, today=TODAY)
    assert doc.charts == county.run(lambda s: assessment_charts(s, card, today=TODAY))


def test_scheme_state_and_copy_from_last_year(county: County) -> None:
    build(county)
    fresh = county.run(scheme_state, 2025)
    assert (fresh.scheme.id, fresh.from_above, fresh.saved, fresh.published) == (
        None,
        False,
        0,
        0,
    )
    draft, stored = county.run(copy_scheme, 2024, 2025)
    assert (stored, draft.year, draft.id) == (False, 2025, None)
    assert draft.indicators == default_scheme(2025).indicators
    # 2024's own scheme: frequency weighs 30, completion 20, and feedback allows 45 days.
    base = default_scheme(2024)
    specs = []
    for spec in base.indicators:
        weight = {"meeting_frequency": 30.0, "item_completion": 20.0}.get(spec.code, spec.weight)
        params = dict(spec.params)
        if spec.rule == "feedback_timeliness":
            params["max_gap_days"] = 45
        specs.append(IndicatorSpec(spec.code, spec.rule, weight, params, spec.name))
    county.run(save_scheme, replace(base, name="2024年度考核办法", indicators=tuple(specs)))
    draft, stored = county.run(copy_scheme, 2024, 2025)
    assert (stored, draft.year, draft.id, draft.name) == (True, 2025, None, "2025年度考核办法")
    weights = {i.code: i.weight for i in draft.indicators}
    assert (weights["meeting_frequency"], weights["item_completion"]) == (30.0, 20.0)
    feedback = next(i for i in draft.indicators if i.rule == "feedback_timeliness")
    assert feedback.params["max_gap_days"] == 45
    assert county.run(get_scheme, 2025).id is None  # a draft is not stored
    # Results saved, then published, are counted for the editor's warning.
    county.run(save_results, county.run(compute_scorecard, 2025, today=TODAY))
    assert (county.run(scheme_state, 2025).saved, county.run(scheme_state, 2025).published) == (
        2,
        0,
    )
    county.run(publish_results, 2025)
    state = county.run(scheme_state, 2025)
    assert (state.saved, state.published, state.scheme.id is not None) == (0, 2, True)


def _township(tmp_path: Path, parent_uuid: str | None) -> tuple[Database, int]:
    db = open_test_database(tmp_path / "township.db")
    upgrade(db)
    with db.unit_of_work() as s:
        office = create_local_office(
            s, name="八滩镇工会", level=Level.TOWNSHIP, parent_name="滨海县总工会"
        )
        s.get(Office, office.id).parent_uuid = parent_uuid  # type: ignore[union-attr]
    assert office.unit_id is not None
    return db, office.unit_id


def _received(db: Database, unit_id: int, origin: str, total: float, provisional: bool) -> None:
    """What importing the county's package leaves: its scheme and its result for this unit."""
    with db.unit_of_work() as s:
        scheme = AssessmentScheme(year=2025, name="县考核", total_points=100.0)
        scheme.origin_office = origin
        scheme.indicators = [
            AssessmentIndicator(
                position=n, code=i.code, name="", rule=i.rule, weight=i.weight, params={}
            )
            for n, i in enumerate(default_scheme(2025).indicators, 1)
        ]
        s.add(scheme)
        s.flush()
        points = {"code": "establishment", "name": "", "rule": "establishment", "weight": 10.0}
        row = AssessmentResult(scheme_id=scheme.id, unit_id=unit_id, total=total, rank=3)
        row.origin_office, row.provisional = origin, provisional
        row.details = {"indicators": [{**points, "points": 7.5, "details": []}]}
        s.add(row)


def test_township_own_card_provisional_then_the_county_result(tmp_path: Path) -> None:
    county_uuid = "c0c0c0c0-0000-4000-8000-000000000001"
    db, unit_id = _township(tmp_path, county_uuid)
    with db.unit_of_work() as s:
        mine = own_card(s, 2025, today=TODAY)
        assert mine.received is None and mine.difference is None
        assert (mine.shown.total, mine.shown.provisional, mine.shown.rank) == (0.0, True, None)
        assert mine.from_office == "滨海县总工会"
        assert [u.unit_id for u in mine.scorecard.units] == [unit_id]
    # A result from an office that is not the parent is not the county's word.
    _received(db, unit_id, "0ther000-0000-4000-8000-000000000002", 99.0, False)
    with db.unit_of_work() as s:
        assert own_card(s, 2025, today=TODAY).received is None
    _received(db, unit_id, county_uuid, 88.5, False)
    with db.unit_of_work() as s:
        mine = own_card(s, 2025, today=TODAY)
        assert mine.received is not None
        assert (mine.shown.total, mine.shown.rank, mine.shown.provisional) == (88.5, 3, False)
        # Computed here: 0.00; the county gave 88.50.
        assert mine.difference == 88.5
        # Establishment: nothing recorded here (0) against the county's 7.50.
        assert mine.indicator_differences() == {"establishment": 7.5}
        assert own_scorecard(s, 2025, today=TODAY).total == 88.5
    db.dispose()


def test_a_provisional_county_result_is_shown_but_not_taken_as_published(tmp_path: Path) -> None:
    db, unit_id = _township(tmp_path, None)
    # Without the parent's uuid on record, any other office's result is the county's.
    _received(db, unit_id, "c0c0c0c0-0000-4000-8000-000000000001", 71.0, True)
    with db.unit_of_work() as s:
        mine = own_card(s, 2025, today=TODAY)
        assert mine.received is not None and mine.received.provisional
        assert own_scorecard(s, 2025, today=TODAY).total == 0.0
    db.dispose()
