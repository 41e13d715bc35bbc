"""Scorecards on a hand-made county, every indicator's points worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.assessment import (
    ProposalRules,
    Scorecard,
    UnitScore,
    compute_scorecard,
    default_scheme,
    get_scheme,
    own_scorecard,
    publish_results,
    save_results,
    save_scheme,
    stored_results,
    validate_scheme,
    year_rates,
)
from desktop.core.errors import DomainError, InvalidInput
from desktop.core.office import create_local_office
from desktop.db.migrate import upgrade
from desktop.messages import message
from desktop.models import AssessmentResult, AssessmentScheme
from desktop.models.enums import Level
from tests.conftest import County
from tests.core.assessment_records import TODAY, build
from tests.databases import open_test_database


def _card(c: County, **kwargs: object) -> Scorecard:
    return c.run(compute_scorecard, 2025, today=TODAY, **kwargs)  # type: ignore[no-any-return]


def _lines(score: UnitScore, code: str) -> list[tuple[str, float, str | None, int | None]]:
    indicator = next(i for i in score.indicators if i.code == code)
    return [(d.code, d.points, d.kind, d.record_id) for d in indicator.details]


def test_every_indicator_by_hand(county: County) -> None:
    r = build(county)
    ids = r.ids
    card = _card(county)
    t1, t2 = card.units
    assert (t1.unit_name, t2.unit_name) == ("八滩镇工会", "天场镇工会")
    # Own records get half of each weight, the enterprises' the other half.
    # Establishment 10: E2 of the two enterprise pairs not established: 5 × 1/2 = 2.50 off.
    assert _lines(t1, "establishment") == [
        ("score_full", 10.0, None, None),
        ("not_established", -2.5, "establishment", ids["p_e2"]),
    ]
    # Frequency 25: own 2 halves, the second's meeting held for form: 12.50 × 1/2 = 6.25 off;
    # E1 (set up 10 May) owes Q2–Q4 and missed Q3: 12.50 × 1/3 = 4.17 off → 14.58.
    assert _lines(t1, "meeting_frequency") == [
        ("score_full", 25.0, None, None),
        ("missed_second_half", -6.25, "establishment", ids["p_t1"]),
        ("missed_quarter", -4.17, "establishment", ids["p_e1"]),
    ]
    # Completion 25: own i1, i2, i3 due, i3 open: 12.50 × 1/3 = 4.17 off; E1's i5 done → 20.83.
    assert _lines(t1, "item_completion") == [
        ("score_full", 25.0, None, None),
        ("item_not_done", -4.17, "item", ids["i3"]),
    ]
    # On time 15: i2 done late and i3 open: 7.50 × 2/3 = 5.00, 2.50 each → 10.00.
    assert _lines(t1, "item_on_time") == [
        ("score_full", 15.0, None, None),
        ("item_late", -2.5, "item", ids["i2"]),
        ("item_open_late", -2.5, "item", ids["i3"]),
    ]
    # Feedback 10 (no gap over 30 days): own i2 (193 days) and i4 (290) fail of i1–i4:
    # 5 × 2/4 = 2.50; E1's only item i5 (70 days) fails: 5.00 → 2.50.
    assert _lines(t1, "feedback_timeliness") == [
        ("score_full", 10.0, None, None),
        ("feedback_gap", -1.25, "item", ids["i2"]),
        ("feedback_gap", -1.25, "item", ids["i4"]),
        ("feedback_gap", -5.0, "item", ids["i5"]),
    ]
    # Suggestions 10: own s1 adopted but its worker never told, s2 waiting (s3 too recent to
    # judge): 5 × 2/2 off; E1's s4 answered in 9 days → 5.00.
    assert _lines(t1, "suggestion_handling") == [
        ("score_full", 10.0, None, None),
        ("suggestion_unanswered", -2.5, "suggestion", ids["s1"]),
        ("suggestion_unanswered", -2.5, "suggestion", ids["s2"]),
    ]
    # Records 5: own m2 without minutes, E1's m3 without attendance: 2.50 × 1/2 each → 2.50.
    assert _lines(t1, "record_completeness") == [
        ("score_full", 5.0, None, None),
        ("minutes_not_issued", -1.25, "meeting", ids["m2"]),
        ("no_attendance", -1.25, "meeting", ids["m3"]),
    ]
    assert _lines(t1, "formality_deduction") == [("held_for_form", -2.0, "meeting", ids["m2"])]
    assert _lines(t1, "criticism_deduction") == [
        ("criticised_in_bulletin", -3.0, "bulletin", ids["b1"])
    ]
    # T1 and E1 both commended in bulletin 2: +1 each.
    assert _lines(t1, "commendation_bonus") == [
        ("commended_in_bulletin", 1.0, "bulletin", ids["b2"]),
        ("commended_in_bulletin", 1.0, "bulletin", ids["b2"]),
    ]
    points = {i.code: i.points for i in t1.indicators}
    assert points == {
        "establishment": 7.5,
        "meeting_frequency": 14.58,
        "item_completion": 20.83,
        "item_on_time": 10.0,
        "feedback_timeliness": 2.5,
        "suggestion_handling": 5.0,
        "record_completeness": 2.5,
        "formality_deduction": -2.0,
        "criticism_deduction": -3.0,
        "commendation_bonus": 2.0,
    }
    assert t1.total == 59.91
    # T2: not established (0), so nothing due (0); no items: nothing earned by default (0);
    # its one suggestion unanswered (0); no meetings to have records of (0) → 0.
    assert {i.code: i.points for i in t2.indicators} == {
        "establishment": 0.0,
        "meeting_frequency": 0.0,
        "item_completion": 0.0,
        "item_on_time": 0.0,
        "feedback_timeliness": 0.0,
        "suggestion_handling": 0.0,
        "record_completeness": 0.0,
        "formality_deduction": 0.0,
        "criticism_deduction": 0.0,
        "commendation_bonus": 0.0,
    }
    assert t2.total == 0.0


def test_drill_down_adds_up_and_words_every_line(county: County) -> None:
    build(county)
    for score in _card(county).units:
        for indicator in score.indicators:
            assert round(sum(d.points for d in indicator.details), 2) == indicator.points
            for d in indicator.details:
                assert not message(d.code, d.fields).startswith("操作未能完成")
        assert round(sum(i.points for i in score.indicators), 2) == score.total
    t1 = _card(county).units[0]
    frequency = next(i for i in t1.indicators if i.code == "meeting_frequency")
    assert message(frequency.details[2].code, frequency.details[2].fields) == (
        "滨海瑞达公司工会第3季度未召开联席会议"
    )


def test_ranking_change_and_proposals(county: County) -> None:
    build(county)
    card = _card(county)
    # 2024: T1 established, met twice; its enterprises not yet established (5 of 10 lost);
    # items, feedback and suggestions had nothing to judge and score at the rate earned on
    # the rest → 87.51. T2 has no records of 2024: nothing to compare with.
    assert [(u.rank, u.total, u.previous_total, u.previous_rank, u.change) for u in card.units] == [
        (1, 59.91, 87.51, 1, -27.6),
        (2, 0.0, None, None, None),
    ]
    assert all(u.provisional for u in card.units)
    assert card.commendations == ()
    # T1 was criticised in a bulletin, T2 scored under 60.
    assert [(p.unit_name, p.reason) for p in card.criticisms] == [
        ("天场镇工会", "criticise_score"),
        ("八滩镇工会", "criticise_mentioned"),
    ]
    lenient = _card(
        county,
        rules=ProposalRules(commend_top=1, criticise_below=50.0, criticise_when_mentioned=False),
    )
    assert [(p.unit_name, p.reason) for p in lenient.commendations] == [
        ("八滩镇工会", "commend_top")
    ]
    assert [p.unit_name for p in lenient.criticisms] == ["天场镇工会"]


def test_a_stored_scheme_changes_the_score(county: County) -> None:
    r = build(county)
    default = default_scheme(2025)
    # All of the frequency weight on the township's own meetings: 25 × 1/2 = 12.50 off.
    specs = tuple(
        replace(i, params={**i.params, "own_share": 1.0}) if i.rule == "meeting_frequency" else i
        for i in default.indicators
    )
    saved = county.run(save_scheme, replace(default, name="2025年度考核", indicators=specs))
    assert saved.id is not None and county.run(get_scheme, 2025).name == "2025年度考核"
    t1 = next(u for u in _card(county).units if u.unit_id == r.t1)
    assert _lines(t1, "meeting_frequency")[1:] == [
        ("missed_second_half", -12.5, "establishment", r.ids["p_t1"]),
        ("missed_quarter", 0.0, "establishment", r.ids["p_e1"]),
    ]


def test_save_publish_and_read_back(county: County) -> None:
    build(county)
    card = _card(county)
    saved = county.run(save_results, card)
    assert (saved.saved, saved.kept) == (2, 0)
    stored = county.run(stored_results, 2025)
    assert [(u.unit_name, u.total, u.provisional) for u in stored] == [
        ("八滩镇工会", 59.91, True),
        ("天场镇工会", 0.0, True),
    ]
    assert stored[0].indicators == card.units[0].indicators
    assert county.run(publish_results, 2025) == 2
    # A provisional save never overwrites a published result; publishing again does.
    assert county.run(save_results, card).kept == 2
    assert all(not u.provisional for u in county.run(stored_results, 2025))
    with pytest.raises(DomainError) as refused:
        county.run(publish_results, 2025)
    assert message(refused.value.code, refused.value.fields).startswith("2025 年度没有待发布")


def test_township_sees_its_card_provisional_until_the_county_result_arrives(
    tmp_path: Path,
) -> None:
    db = open_test_database(tmp_path / "township.db")
    upgrade(db)
    with db.unit_of_work() as s:
        office = create_local_office(s, name="八滩镇工会", level=Level.TOWNSHIP)
    with db.unit_of_work() as s:
        mine = own_scorecard(s, 2025, today=TODAY)
        # Nothing recorded: nothing earned (every rule scores an empty year as zero).
        assert (mine.total, mine.rank, mine.provisional) == (0.0, None, True)
        save_results(s, compute_scorecard(s, 2025, [mine.unit_id], today=TODAY))
    county_uuid = "c0c0c0c0-0000-4000-8000-000000000001"
    with db.unit_of_work() as s:
        # What importing the county's package leaves behind: its scheme and its published result.
        scheme = AssessmentScheme(year=2025, name="县考核", total_points=100.0)
        scheme.origin_office = county_uuid
        s.add(scheme)
        s.flush()
        row = AssessmentResult(scheme_id=scheme.id, unit_id=office.unit_id, total=88.5, rank=3)
        row.origin_office, row.provisional, row.details = county_uuid, False, {"indicators": []}
        s.add(row)
    with db.unit_of_work() as s:
        mine = own_scorecard(s, 2025, today=TODAY)
        assert (mine.total, mine.rank, mine.provisional) == (88.5, 3, False)
        # Recomputing here never overwrites the county's word.
        card = compute_scorecard(s, 2025, [mine.unit_id], today=TODAY, only_existing=False)
        assert save_results(s, card).kept == 1
    db.dispose()


def test_rates_by_hand(county: County) -> None:
    build(county)
    rates = county.run(year_rates, 2025, today=TODAY)
    convening = {
        (c.level, c.period): (c.required, c.convened, c.meetings_held, c.rate)
        for c in rates.convening
    }
    # T1 owes H1 (met 15 March) and H2 (only a form-only meeting); E1 owes Q2–Q4, missed Q3.
    assert convening[(Level.TOWNSHIP, "year")] == (2, 1, 2, 50.0)
    assert convening[(Level.TOWNSHIP, "Q4")] == (1, 0, 0, 0.0)
    assert convening[(Level.ENTERPRISE, "year")] == (3, 2, 2, 66.7)
    assert convening[(Level.ENTERPRISE, "Q1")] == (0, 0, 0, None)
    assert [(e.level, e.pairs, e.established) for e in rates.establishment] == [
        (Level.TOWNSHIP, 2, 1),
        (Level.ENTERPRISE, 2, 1),
    ]
    assert (rates.adoption.received, rates.adoption.adopted) == (5, 1)
    assert [(a.level, a.meetings, a.topics, a.items) for a in rates.activity] == [
        (Level.TOWNSHIP, 2, 2, 4),
        (Level.ENTERPRISE, 2, 2, 1),
    ]


@pytest.mark.parametrize(
    ("change", "code", "words"),
    [
        ({"weight": 20.0}, "weights_not_total", "合计 110.0 分，应等于总分 100.0 分"),
        ({"rule": "attendance_of_mayor"}, "unknown_rule", "没有“attendance_of_mayor”这条考核规则"),
        ({"params": {"own_share": 1.5}}, "bad_param", "应在 0.0 到 1.0 之间"),
        ({"params": {"max_gap_days": 30}}, "unknown_param", "没有参数“max_gap_days”"),
        ({"params": {"if_empty": "half"}}, "bad_choice", "只能是：full、zero"),
        ({"code": "meeting_frequency"}, "duplicate_indicator", "指标代码“meeting_frequency”重复"),
    ],
)
def test_scheme_validation(change: dict[str, object], code: str, words: str) -> None:
    scheme = default_scheme(2025)
    first = replace(scheme.indicators[0], **change)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as refused:
        validate_scheme(replace(scheme, indicators=(first, *scheme.indicators[1:])))
    assert refused.value.code == code
    assert words in message(code, refused.value.fields)


def test_a_township_founded_later_is_not_scored_for_an_earlier_year(county: County) -> None:
    """Regression: a township created in 2026 scored 60.00 for 2025 and outranked real towns."""
    from datetime import UTC, datetime

    from desktop.core import units
    from desktop.models import Unit
    from desktop.models.enums import UnitKind

    build(county)
    new = county.run(
        units.create_unit,
        units.UnitInput("新滩镇工会", UnitKind.TOWNSHIP_UNION, Level.TOWNSHIP, county.federation),
    ).id

    def founded(s: object) -> None:
        s.get(Unit, new).created_at = datetime(2026, 3, 1, tzinfo=UTC)  # type: ignore[attr-defined]

    county.run(founded)
    card = _card(county)
    assert [u.unit_name for u in card.units] == ["八滩镇工会", "天场镇工会"]
    assert card.not_existing == ((new, "新滩镇工会"),)
    # Scored for the year it was founded in, from its (empty) records: nothing earned.
    later = county.run(compute_scorecard, 2026, today=TODAY.replace(year=2026))
    assert next(u.total for u in later.units if u.unit_id == new) == 0.0
