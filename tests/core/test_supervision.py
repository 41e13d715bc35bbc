"""Bulletin statistics and the escalation ladder on a hand-made county with hand-computed answers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update

from desktop.core import items, supervision
from desktop.core.bulletin_stats import bulletin_statistics
from desktop.core.escalation import Step, escalation_suggestions, next_step
from desktop.models import AgreedItem
from desktop.models.enums import ItemStatus, MentionKind, NoticeKind
from tests.conftest import County
from tests.core.helpers import held_meeting, issued_bulletin

Q2 = (date(2026, 4, 1), date(2026, 6, 30))


def _item(c: County, meeting: int, lead: int, deadline: date, done_on: date | None = None) -> int:
    dto = c.run(
        items.create_item,
        items.ItemInput(meeting, f"事项{deadline}", lead_unit_id=lead, deadline=deadline),
    )
    c.run(items.assign_item, dto.id, date(2026, 4, 2))
    if done_on is not None:
        c.run(items.complete_item, dto.id, on=done_on)
    return int(dto.id)


def fixture(c: County) -> dict[str, int]:
    meeting, _ = held_meeting(c)
    ids = {
        "A": _item(c, meeting, c.hrss, date(2026, 6, 30), date(2026, 6, 20)),  # on time
        "B": _item(c, meeting, c.hrss, date(2026, 6, 30), date(2026, 7, 3)),  # late, after Q2
        "C": _item(c, meeting, c.finance, date(2026, 6, 15)),  # still open
        "D": _item(c, meeting, c.finance, date(2026, 6, 10), date(2026, 6, 10)),  # on the day
        "E": _item(c, meeting, c.township_union, date(2026, 7, 15)),  # due in Q3, open
        "G": _item(c, meeting, c.township_union, date(2026, 5, 20), date(2026, 5, 18)),
        "F": _item(c, meeting, c.hrss, date(2026, 5, 31)),
    }
    c.run(items.cancel_item, ids["F"], on=date(2026, 5, 1), reason="情况变化")
    c.run(
        supervision.issue_notice,
        supervision.NoticeInput(
            NoticeKind.RECTIFICATION,
            c.finance,
            (ids["C"],),
            date(2026, 6, 16),
            problem="进展缓慢",
            rectify_deadline=date(2026, 6, 25),
        ),
    )
    return ids


def test_bulletin_statistics_by_hand(county: County) -> None:
    fixture(county)
    with county.db.unit_of_work() as s:
        stats = bulletin_statistics(s, *Q2)
    rows = {r.unit_name: r for r in stats.units}
    hrss, finance, township = rows["县人社局"], rows["县财政局"], rows["八滩镇工会"]
    # 人社局: A and B due; A done on time; B finished only after the period, not yet late at 6-30.
    assert (hrss.due, hrss.done, hrss.done_on_time, hrss.overdue) == (2, 1, 1, 0)
    assert hrss.average_workdays_late == 0
    # 财政局: C open since 6-15: 10 working days late on 6-30 (Dragon Boat Festival 6-19 off).
    assert (finance.due, finance.done, finance.done_on_time, finance.overdue) == (2, 1, 1, 1)
    assert (finance.average_workdays_late, finance.max_workdays_late) == (10.0, 10)
    assert (township.due, township.done_on_time) == (1, 1)
    assert [p.unit_name for p in stats.commendations] == ["八滩镇工会"]
    assert [(p.unit_name, p.reason) for p in stats.criticisms] == [
        ("县财政局", "criticise_rectification")
    ]
    assert stats.units[0].unit_name == "县财政局"  # most overdue first


def test_criticism_for_long_overdue_items(county: County) -> None:
    fixture(county)
    with county.db.unit_of_work() as s:
        q3 = bulletin_statistics(s, date(2026, 7, 1), date(2026, 9, 30))
    township = {r.unit_name: r for r in q3.units}["八滩镇工会"]
    # E due 7-15, open on 9-30: 12 working days in July, 21 in August, 22 in September
    # (Sunday 20 September worked, Mid-Autumn 25 September off) = 55.
    assert (township.due, township.overdue, township.max_workdays_late) == (1, 1, 55)
    # C (due 6-15, in Q2) is still open on 9-30: it counts again, 76 working days late, and
    # the latest comes first.
    finance = {r.unit_name: r for r in q3.units}["县财政局"]
    assert (finance.due, finance.overdue, finance.overdue_from_before) == (0, 1, 1)
    assert [(p.unit_name, p.fields) for p in q3.criticisms] == [
        ("县财政局", {"overdue": 1, "days": 76}),
        ("八滩镇工会", {"overdue": 1, "days": 55}),
    ]


def test_escalation_ladder(county: County) -> None:
    """Each rung waits its reply period (working days) before the next one is proposed."""
    c = county
    ids = fixture(c)
    assert next_step(set()) == Step.REMINDER
    assert next_step({Step.REMINDER, Step.SUPERVISION}) == Step.RECTIFICATION
    assert next_step({Step.RECTIFICATION}) == Step.CRITICISM  # the rung after the highest
    assert next_step(set(Step)) is None
    today = date(2026, 7, 20)
    with c.db.unit_of_work() as s:
        found = {e.item_id: e for e in escalation_suggestions(s, today)}
    # C's rectification deadline (6-25) passed while it stayed open: criticism is next.
    assert found[ids["C"]].step == Step.CRITICISM
    assert (found[ids["C"]].after, found[ids["C"]].waiting_since) == (
        Step.RECTIFICATION,
        date(2026, 6, 25),
    )
    # E has had nothing since its deadline (7-15): a reminder, 3 working days on.
    assert (found[ids["E"]].step, found[ids["E"]].after) == (Step.REMINDER, None)
    assert (found[ids["E"]].waiting_since, found[ids["E"]].workdays_waited) == (
        date(2026, 7, 15),
        3,
    )
    assert set(found) == {ids["C"], ids["E"]}

    c.run(
        supervision.issue_notice,
        supervision.NoticeInput(NoticeKind.REMINDER, c.township_union, (ids["E"],), today),
    )
    with c.db.unit_of_work() as s:
        # Issued today: the reminder waits five working days (to 7-27) before a notice.
        assert ids["E"] not in {e.item_id for e in escalation_suggestions(s, today)}
        assert ids["E"] not in {e.item_id for e in escalation_suggestions(s, date(2026, 7, 27))}
        steps = {e.item_id: e.step for e in escalation_suggestions(s, date(2026, 7, 28))}
    assert steps[ids["E"]] == Step.SUPERVISION
    c.run(
        supervision.issue_notice,
        supervision.NoticeInput(
            NoticeKind.SUPERVISION, c.township_union, (ids["E"],), date(2026, 7, 28)
        ),
    )
    with c.db.unit_of_work() as s:
        steps = {e.item_id: e.step for e in escalation_suggestions(s, date(2026, 8, 12))}
    assert steps[ids["E"]] == Step.RECTIFICATION  # ten working days after 7-28 is 8-11
    c.run(
        supervision.issue_notice,
        supervision.NoticeInput(
            NoticeKind.RECTIFICATION,
            c.township_union,
            (ids["E"],),
            date(2026, 8, 12),
            problem="未推进",
            rectify_deadline=date(2026, 9, 20),
        ),
    )
    with c.db.unit_of_work() as s:
        # Never beyond a rectification order whose deadline is still open.
        assert ids["E"] not in {e.item_id for e in escalation_suggestions(s, date(2026, 9, 20))}
        steps = {e.item_id: e.step for e in escalation_suggestions(s, date(2026, 9, 21))}
    assert steps[ids["E"]] == Step.CRITICISM
    c.run(
        issued_bulletin,
        supervision.BulletinInput(
            date(2026, 7, 1),
            date(2026, 9, 30),
            date(2026, 10, 8),
            "第三季度督查通报",
            mentions=(
                supervision.MentionInput(c.township_union, MentionKind.CRITICISM, "逾期未整改"),
            ),
        ),
    )
    with c.db.unit_of_work() as s:
        remaining = {e.item_id for e in escalation_suggestions(s, date(2026, 10, 9))}
    assert ids["E"] not in remaining  # the whole ladder has been climbed
    timeline = [e.action for e in c.run(items.get_item, ids["E"]).timeline]
    assert timeline.count("notice_rectification") == 1


def test_dashboard_and_items_agree_after_direct_changes(county: County) -> None:
    ids = fixture(county)
    with county.db.unit_of_work() as s:
        s.execute(
            update(AgreedItem).where(AgreedItem.id == ids["C"]).values(status=ItemStatus.VERIFIED)
        )
        assert all(e.item_id != ids["C"] for e in escalation_suggestions(s, date(2026, 7, 20)))


def test_formalism_checks(county: County) -> None:
    from desktop.core import meetings
    from desktop.core.establishments import EstablishmentInput, create_establishment
    from desktop.core.formalism import formalism_checks
    from desktop.models.enums import Level
    from tests.core.helpers import planned_meeting, vetted_topic

    c = county
    minutes = "会议听取了上次会议议定事项落实情况的汇报，研究了职工技能培训和劳动竞赛奖励等事项，议定如下。"
    first, _ = held_meeting(c)  # held 2026-04-01, nothing decided yet
    c.run(meetings.issue_minutes, first, minutes_text=minutes, issued_on=date(2026, 4, 3))
    second = planned_meeting(c)
    c.run(meetings.schedule_topic, second, vetted_topic(c, "另一议题"))
    c.run(meetings.hold_meeting, second, date(2026, 10, 9))
    # The same words, other dates and numbers: copied minutes.
    c.run(
        meetings.issue_minutes,
        second,
        minutes_text=minutes.replace("上次", "第2次"),
        issued_on=date(2026, 10, 12),
    )
    c.run(items.create_item, items.ItemInput(second, "草拟事项"))  # no lead, no deadline
    c.run(
        create_establishment,
        EstablishmentInput(
            c.township_union,
            "八滩镇人民政府",
            Level.TOWNSHIP,
            established=True,
            established_on=date(2012, 1, 1),
        ),
    )
    with c.db.unit_of_work() as s:
        flags = formalism_checks(s, date(2026, 11, 21))
    found = {(f.check, f.record_id) for f in flags}
    assert ("meeting_without_items", first) in found
    assert ("meeting_without_items", second) not in found
    assert any(f.check == "item_incomplete" for f in flags)
    similar = [f for f in flags if f.check == "minutes_similar"]
    assert [(f.record_id, f.fields["earlier_id"]) for f in similar] == [(second, first)]
    missing = [f for f in flags if f.check == "meeting_missing"]
    assert [(f.unit_name, f.fields["periods"]) for f in missing] == [("八滩镇工会", [1])]
