"""Bulletin proposals (督查通报): what counts, whom they may name, how many, and never both lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.core import items, supervision
from desktop.core.bulletin_stats import BulletinStats, bulletin_statistics, may_be_proposed
from desktop.core.settings import (
    SupervisionSettings,
    save_supervision_settings,
    supervision_settings,
)
from desktop.core.units import UnitInput, create_unit
from desktop.models.enums import Level, NoticeKind, UnitKind
from tests.conftest import County
from tests.core.helpers import held_meeting

Q2 = (date(2026, 4, 1), date(2026, 6, 30))
Q3 = (date(2026, 7, 1), date(2026, 9, 30))
Q4 = (date(2026, 10, 1), date(2026, 11, 30))
WORKDAYS_IN_JULY = [date(2026, 7, d) for d in (1, 2, 3, 6, 7, 8, 9, 10, 13)]


def _item(c: County, meeting: int, lead: int, deadline: date, done_on: date | None = None) -> int:
    dto = c.run(
        items.create_item,
        items.ItemInput(meeting, f"事项{lead}-{deadline}", lead_unit_id=lead, deadline=deadline),
    )
    c.run(items.assign_item, dto.id, date(2026, 4, 2))
    if done_on is not None:
        c.run(items.complete_item, dto.id, on=done_on)
    return int(dto.id)


def _unit(c: County, name: str, kind: UnitKind, level: Level) -> int:
    return int(c.run(create_unit, UnitInput(name, kind, level)).id)


def _stats(c: County, period: tuple[date, date]) -> BulletinStats:
    with c.db.unit_of_work() as s:
        return bulletin_statistics(s, *period)


def _named(stats: BulletinStats) -> tuple[list[str], list[str]]:
    return [p.unit_name for p in stats.commendations], [p.unit_name for p in stats.criticisms]


def test_an_item_overdue_since_an_earlier_period_still_counts(county: County) -> None:
    """Regression: only items due inside the period were counted, so an item overdue since an
    earlier quarter never appeared in a bulletin again."""
    c = county
    meeting, _ = held_meeting(c)
    _item(c, meeting, c.finance, date(2026, 5, 15))  # open ever since
    _item(c, meeting, c.hrss, date(2026, 5, 15), date(2026, 7, 20))  # done late, in Q3
    _item(c, meeting, c.hrss, date(2026, 5, 20), date(2026, 5, 18))  # done on time, in Q2
    q3 = {r.unit_name: r for r in _stats(c, Q3).units}
    finance = q3["县财政局"]
    assert (finance.due, finance.overdue, finance.overdue_from_before) == (0, 1, 1)
    assert finance.max_workdays_late > 60
    # Items due before the period and done by its end are not the period's business.
    assert "县人社局" not in q3
    assert _named(_stats(c, Q3)) == ([], ["县财政局"])
    q4 = {r.unit_name: r for r in _stats(c, Q4).units}
    assert (
        q4["县财政局"].overdue == 1 and q4["县财政局"].max_workdays_late > finance.max_workdays_late
    )


def test_the_office_a_party_committee_and_a_government_of_its_level_are_never_named(
    county: County,
) -> None:
    """Regression: 中共滨海县委员会 was both commended and proposed for criticism."""
    c = county
    party = _unit(c, "中共滨海县委员会", UnitKind.PARTY_COMMITTEE, Level.COUNTY)
    city = _unit(c, "盐城市人社局", UnitKind.DEPARTMENT, Level.CITY)
    meeting, _ = held_meeting(c)
    for lead in (c.federation, party, c.government, city, c.township_government):
        _item(c, meeting, lead, date(2026, 5, 10), date(2026, 5, 8))  # on time in Q2
        _item(c, meeting, lead, date(2026, 6, 15), date(2026, 6, 12))
        _item(c, meeting, lead, date(2026, 4, 20))  # overdue all along
    for period in (Q2, Q3):
        stats = _stats(c, period)
        commended, criticised = _named(stats)
        named = set(commended) | set(criticised)
        assert named == {"八滩镇人民政府"}
        # Their figures are still in the table.
        assert {"滨海县总工会", "中共滨海县委员会", "滨海县人民政府"} <= {
            r.unit_name for r in stats.units
        }


def test_may_be_proposed_follows_the_hierarchy() -> None:
    county = Level.COUNTY
    assert may_be_proposed(UnitKind.DEPARTMENT, county, office_level=county, is_office=False)
    assert may_be_proposed(
        UnitKind.GOVERNMENT, Level.TOWNSHIP, office_level=county, is_office=False
    )
    assert may_be_proposed(
        UnitKind.ENTERPRISE, Level.ENTERPRISE, office_level=county, is_office=False
    )
    assert not may_be_proposed(UnitKind.GOVERNMENT, county, office_level=county, is_office=False)
    assert not may_be_proposed(
        UnitKind.PARTY_COMMITTEE, Level.TOWNSHIP, office_level=county, is_office=False
    )
    assert not may_be_proposed(UnitKind.FEDERATION, county, office_level=county, is_office=True)
    assert not may_be_proposed(
        UnitKind.DEPARTMENT, Level.CITY, office_level=county, is_office=False
    )
    # A township office may name its enterprises but not its own township government.
    township = Level.TOWNSHIP
    assert may_be_proposed(
        UnitKind.ENTERPRISE_UNION, Level.ENTERPRISE, office_level=township, is_office=False
    )
    assert not may_be_proposed(
        UnitKind.GOVERNMENT, township, office_level=township, is_office=False
    )


def test_a_unit_with_an_overdue_item_is_criticised_not_commended(county: County) -> None:
    """Every item due in the period done on time is not enough: an older item still overdue at
    the period's end makes the unit a candidate for criticism only."""
    c = county
    meeting, _ = held_meeting(c)
    _item(c, meeting, c.hrss, date(2026, 5, 10))  # overdue since Q2
    _item(c, meeting, c.hrss, date(2026, 8, 10), date(2026, 8, 5))  # on time in Q3
    _item(c, meeting, c.township_union, date(2026, 8, 20), date(2026, 8, 19))
    stats = _stats(c, Q3)
    hrss = {r.unit_name: r for r in stats.units}["县人社局"]
    assert (hrss.due, hrss.done_on_time, hrss.overdue) == (1, 1, 1)
    assert _named(stats) == (["八滩镇工会"], ["县人社局"])
    for period in (Q2, Q3, Q4):
        s = _stats(c, period)
        commended, criticised = _named(s)
        assert not set(commended) & set(criticised)


def test_rectification_orders_not_carried_out_are_criticised_until_done(county: County) -> None:
    c = county
    meeting, _ = held_meeting(c)
    late = _item(c, meeting, c.finance, date(2026, 6, 25))
    fixed = _item(c, meeting, c.hrss, date(2026, 6, 25))
    for unit, item in ((c.finance, late), (c.hrss, fixed)):
        c.run(
            supervision.issue_notice,
            supervision.NoticeInput(
                NoticeKind.RECTIFICATION,
                unit,
                (item,),
                date(2026, 6, 26),
                problem="进展缓慢",
                rectify_deadline=date(2026, 7, 6),
            ),
        )
    c.run(items.complete_item, fixed, on=date(2026, 7, 3))  # within the rectification period
    with c.db.unit_of_work() as s:
        save_supervision_settings(s, replace(SupervisionSettings(), criticism_after_workdays=200))
    # The order's deadline passed in Q3 with the item open; in Q4 it is still open.
    for period in (Q3, Q4):
        stats = _stats(c, period)
        assert [(p.unit_name, p.reason) for p in stats.criticisms] == [
            ("县财政局", "criticise_rectification")
        ]
    c.run(items.complete_item, late, on=date(2026, 10, 9))
    assert _named(_stats(c, Q4))[1] == []
    # Done after the order's deadline but inside the period: still not carried out in time.
    assert _named(_stats(c, Q3))[1] == ["县财政局"]


def test_lists_are_capped_by_the_settings_best_and_worst_first(county: County) -> None:
    c = county
    meeting, _ = held_meeting(c)
    departments = [
        _unit(c, f"县{n}局", UnitKind.DEPARTMENT, Level.COUNTY) for n in "一二三四五六七八九"
    ]
    for rank, unit in enumerate(departments):
        for k in range(rank + 1):  # 县一局 one item on time, 县九局 nine
            _item(c, meeting, unit, date(2026, 8, 1 + k), date(2026, 7, 20))
        _item(c, meeting, unit, WORKDAYS_IN_JULY[rank])  # overdue; 县一局 the latest
    with c.db.unit_of_work() as s:
        defaults = supervision_settings(s)
    assert (defaults.commendations_per_issue, defaults.criticisms_per_issue) == (7, 2)
    stats = _stats(c, Q3)
    # Everybody has an overdue item: nobody is commended, the two latest are criticised.
    assert _named(stats) == ([], ["县一局", "县二局"])
    with c.db.unit_of_work() as s:
        save_supervision_settings(s, replace(defaults, criticisms_per_issue=5))
    assert _named(_stats(c, Q3))[1] == ["县一局", "县二局", "县三局", "县四局", "县五局"]
    with c.db.unit_of_work() as s:
        save_supervision_settings(s, replace(defaults, criticisms_per_issue=0))
    assert _named(_stats(c, Q3)) == ([], [])


def test_commendations_rank_the_most_items_done_on_time_first(county: County) -> None:
    c = county
    meeting, _ = held_meeting(c)
    departments = [
        _unit(c, f"县{n}局", UnitKind.DEPARTMENT, Level.COUNTY) for n in "一二三四五六七八九"
    ]
    for rank, unit in enumerate(departments):
        for k in range(rank + 1):
            _item(c, meeting, unit, date(2026, 8, 1 + k), date(2026, 7, 20))
    commended, criticised = _named(_stats(c, Q3))
    assert commended == ["县九局", "县八局", "县七局", "县六局", "县五局", "县四局", "县三局"]
    assert criticised == []
    with c.db.unit_of_work() as s:
        save_supervision_settings(s, replace(SupervisionSettings(), commendations_per_issue=2))
    assert _named(_stats(c, Q3))[0] == ["县九局", "县八局"]
