"""The escalation list proposes only what the office supervises, by the rule bulletins count
by: a county follows its own and its townships' meetings, not the enterprises' below them."""

from __future__ import annotations

from datetime import date

from desktop.core.bulletin_stats import bulletin_statistics
from desktop.core.checks import supervision_checks
from desktop.core.dashboard import dashboard_counts
from desktop.core.escalation import Step, escalation_suggestions
from desktop.core.exports import next_steps_table
from desktop.core.scope import supervision_scope
from desktop.core.units import UnitInput, create_unit
from desktop.messages import scope_text
from desktop.models.enums import Level, UnitKind
from tests.conftest import County
from tests.core.assessment_records import held, item

TODAY = date(2026, 12, 5)
LATE = date(2026, 10, 15)  # a deadline seven weeks before TODAY


def late_items(c: County) -> dict[str, int]:
    """One overdue item each of a county, a township and an enterprise meeting."""
    enterprise = c.run(
        create_unit,
        UnitInput("滨海瑞达公司", UnitKind.ENTERPRISE, Level.ENTERPRISE, c.township_government),
    ).id
    enterprise_union = c.run(
        create_unit,
        UnitInput(
            "滨海瑞达公司工会", UnitKind.ENTERPRISE_UNION, Level.ENTERPRISE, c.township_union
        ),
    ).id
    meetings = {
        "county": held(c, c.federation, c.government, Level.COUNTY, date(2026, 4, 1)),
        "township": held(
            c, c.township_union, c.township_government, Level.TOWNSHIP, date(2026, 4, 8)
        ),
        "enterprise": held(c, enterprise_union, enterprise, Level.ENTERPRISE, date(2026, 4, 9)),
    }
    leads = {"county": c.hrss, "township": c.township_government, "enterprise": enterprise}
    return {
        level: item(c, meeting, leads[level], LATE, date(2026, 4, 15))
        for level, meeting in meetings.items()
    }


def test_only_supervised_meetings_items_are_proposed(county: County) -> None:
    late = late_items(county)
    with county.db.unit_of_work() as s:
        proposed = {e.item_id: e.step for e in escalation_suggestions(s, TODAY)}
        exported = {row[0] for row in next_steps_table(s, TODAY).rows}
        checks = supervision_checks(s, TODAY)
        counts = dashboard_counts(s, TODAY)
    assert proposed == {late["county"]: Step.REMINDER, late["township"]: Step.REMINDER}
    assert exported == set(proposed)  # the CLI's `export next-steps` lists the same
    assert {e.item_id for e in checks.escalations} == set(proposed)
    # The dashboard still counts every overdue item the office holds.
    assert counts.overdue_items == 3


def test_the_list_and_the_bulletin_share_one_scope(county: County) -> None:
    late = late_items(county)
    with county.db.unit_of_work() as s:
        leads = {e.lead_unit_id for e in escalation_suggestions(s, TODAY)}
        stats = bulletin_statistics(s, date(2026, 10, 1), date(2026, 12, 31))
    overdue = {u.unit_id for u in stats.units if u.overdue}
    assert overdue == leads
    assert len(late) == 3 and len(leads) == 2


def test_the_page_says_what_is_covered(county: County) -> None:
    with county.db.unit_of_work() as s:
        scope = supervision_scope(s)
    assert scope is not None
    assert scope.levels == (Level.COUNTY, Level.TOWNSHIP, Level.STREET, Level.INDUSTRY)
    assert scope.left_out == (Level.ENTERPRISE,)
    assert scope_text(scope, "zh") == (
        "督办范围：县级、乡镇、街道、产业联席会议的议定事项（与督查通报同一口径）；"
        "企业联席会议的事项由下级工会督办，不在此列。"
    )
    assert "enterprise joint meetings" in scope_text(scope, "en")
    assert scope_text(None) == ""
