"""The escalation ladder respects time and scope, and progress follows the newest report:
the cases reported on the demo county, and properties over any history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import items, supervision
from desktop.core.errors import InvalidInput
from desktop.core.escalation import LADDER, Rung, Step, escalation_suggestions, suggest
from desktop.core.workdays import WorkCalendar
from desktop.models.enums import NoticeKind
from tests.conftest import County
from tests.core.helpers import assigned_item


def notice(
    c: County,
    kind: NoticeKind,
    item: int,
    on: date,
    *,
    to: int | None = None,
    rectify_by: date | None = None,
    today: date | None = None,
) -> supervision.NoticeDTO:
    data = supervision.NoticeInput(
        kind,
        to or c.hrss,
        (item,),
        on,
        problem="进展缓慢" if kind == NoticeKind.RECTIFICATION else "",
        rectify_deadline=rectify_by,
    )
    return c.run(supervision.issue_notice, data, today=today or on)  # type: ignore[no-any-return]


def proposals(c: County, today: date) -> dict[int, Step]:
    with c.db.unit_of_work() as s:
        return {e.item_id: e.step for e in escalation_suggestions(s, today)}


def test_no_criticism_before_the_rectification_deadline(county: County) -> None:
    """Item 5949: reminder 11-02, notice 11-16, rectification 11-30 due 12-15."""
    item = assigned_item(county, deadline=date(2026, 10, 15))
    notice(county, NoticeKind.REMINDER, item, date(2026, 11, 2))
    notice(county, NoticeKind.SUPERVISION, item, date(2026, 11, 16))
    notice(
        county, NoticeKind.RECTIFICATION, item, date(2026, 11, 30), rectify_by=date(2026, 12, 15)
    )
    assert item not in proposals(county, date(2026, 12, 5))
    assert item not in proposals(county, date(2026, 12, 15))  # the deadline day itself
    assert proposals(county, date(2026, 12, 16))[item] == Step.CRITICISM


def test_the_suggested_reminder_issued_at_once_is_not_followed_by_a_notice(county: County) -> None:
    item = assigned_item(county, deadline=date(2026, 10, 15))
    assert proposals(county, date(2026, 11, 2))[item] == Step.REMINDER
    notice(county, NoticeKind.REMINDER, item, date(2026, 11, 2))
    assert item not in proposals(county, date(2026, 11, 2))


def test_a_document_dated_after_today_is_refused_and_does_not_count(county: County) -> None:
    item = assigned_item(county, deadline=date(2026, 10, 15))
    with pytest.raises(InvalidInput) as refused:
        notice(county, NoticeKind.REMINDER, item, date(2027, 3, 1), today=date(2026, 12, 5))
    assert (refused.value.code, refused.value.field) == ("in_future", "issued_on")
    # One dated later (entered when that day had come) is no rung taken before it.
    notice(county, NoticeKind.REMINDER, item, date(2027, 3, 1))
    assert proposals(county, date(2026, 12, 5))[item] == Step.REMINDER


def test_documents_go_only_to_units_responsible_for_the_item(county: County) -> None:
    item = assigned_item(county)  # led by 县人社局, with 县财政局 cooperating
    with pytest.raises(InvalidInput) as refused:
        notice(county, NoticeKind.REMINDER, item, date(2026, 7, 6), to=county.township_union)
    assert refused.value.code == "not_responsible"
    notice(county, NoticeKind.REMINDER, item, date(2026, 7, 6), to=county.finance)  # cooperating


def test_a_backdated_document_is_refused_so_numbers_follow_dates(county: County) -> None:
    item = assigned_item(county)
    first = notice(county, NoticeKind.REMINDER, item, date(2026, 7, 10))
    with pytest.raises(InvalidInput) as refused:
        notice(county, NoticeKind.REMINDER, item, date(2026, 7, 8))
    assert refused.value.code == "before_last_number"
    second = notice(county, NoticeKind.REMINDER, item, date(2026, 7, 10))
    assert (first.serial, second.serial) == (1, 2)


def feedback(c: County, item: int, on: date, percent: int, unit: int | None = None) -> None:
    data = items.FeedbackInput(on, f"进展{percent}%", percent, reporting_unit_id=unit)
    c.run(items.report_progress, item, data, today=date(2026, 12, 31))


def test_progress_follows_the_newest_report_by_date(county: County) -> None:
    item = assigned_item(county)
    feedback(county, item, date(2026, 12, 10), 50)
    feedback(county, item, date(2026, 11, 20), 10)  # entered later, dated earlier
    shown = county.run(items.get_item, item)
    assert (shown.percent_done, shown.last_feedback_on) == (50, date(2026, 12, 10))


def test_feedback_rules(county: County) -> None:
    item = assigned_item(county)
    future = items.FeedbackInput(date(2026, 12, 10), "提前写好", 50)
    with pytest.raises(InvalidInput) as refused:
        county.run(items.report_progress, item, future, today=date(2026, 12, 5))
    assert refused.value.code == "in_future"
    feedback(county, item, date(2026, 7, 1), 30, unit=county.finance)  # a cooperating unit
    with pytest.raises(InvalidInput) as refused:
        feedback(county, item, date(2026, 7, 1), 30, unit=county.finance)
    assert refused.value.code == "duplicate_feedback"
    with pytest.raises(InvalidInput) as refused:
        feedback(county, item, date(2026, 7, 2), 40, unit=county.township_union)
    assert refused.value.code == "not_responsible"


# ---- properties over any history

CALENDAR = WorkCalendar()
START = date(2026, 1, 5)
WAIT = {Step.REMINDER: 5, Step.SUPERVISION: 10, Step.RECTIFICATION: 15}


@st.composite
def histories(draw: st.DrawFn) -> tuple[dict[Step, Rung], date, date]:
    deadline = START + timedelta(days=draw(st.integers(0, 60)))
    rungs: dict[Step, Rung] = {}
    for step in (Step.REMINDER, Step.SUPERVISION, Step.RECTIFICATION):
        if draw(st.booleans()):
            on = deadline + timedelta(days=draw(st.integers(1, 200)))
            if step is Step.RECTIFICATION and draw(st.booleans()):
                until = on + timedelta(days=draw(st.integers(0, 60)))
            else:
                until = CALENDAR.add_workdays(on, WAIT[step]).day
            rungs[step] = Rung(step, on, until)
    today = deadline + timedelta(days=draw(st.integers(1, 400)))
    return rungs, deadline, today


@given(histories())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_the_ladder_never_proposes_a_rung_before_the_previous_period_ends(
    history: tuple[dict[Step, Rung], date, date],
) -> None:
    rungs, deadline, today = history
    proposal = suggest(rungs, deadline, today)
    if proposal is None:
        return
    step, after, since = proposal
    taken = [r for r in rungs.values() if r.on <= today]
    assert since < today
    assert LADDER.index(step) > max((LADDER.index(r.step) for r in taken), default=-1)
    for rung in rungs.values():
        assert rung.wait_until is None or rung.wait_until < today or rung.step != after
        if rung.step is Step.RECTIFICATION:
            assert rung.wait_until is None or rung.wait_until < today


@given(
    st.lists(
        st.tuples(st.integers(0, 250), st.integers(0, 100)),
        min_size=1,
        max_size=8,
        unique_by=lambda r: r[0],
    )
)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_percent_always_equals_the_latest_dated_report(
    county: County, reports: list[tuple[int, int]]
) -> None:
    item = assigned_item(county)
    for offset, percent in reports:
        feedback(county, item, date(2026, 4, 2) + timedelta(days=offset), percent)
    latest = max(reports)[1]
    assert county.run(items.get_item, item).percent_done == latest


def test_extension_queue_and_dashboard_counts(county: County) -> None:
    from desktop.core.dashboard import dashboard_counts
    from desktop.core.extensions import pending_extensions

    first = assigned_item(county, deadline=date(2026, 6, 30))
    second = assigned_item(county, deadline=date(2026, 6, 30))
    county.run(
        items.request_extension,
        second,
        new_deadline=date(2026, 8, 31),
        reason="资金未到位",
        on=date(2026, 6, 10),
    )
    county.run(
        items.request_extension,
        first,
        new_deadline=date(2026, 9, 30),
        reason="需要协调",
        on=date(2026, 6, 20),
    )
    queue = county.run(pending_extensions, date(2026, 7, 1))
    assert [p.item_id for p in queue] == [second, first]  # the longest waiting first
    assert (queue[0].requested_on, queue[0].days_waiting) == (date(2026, 6, 10), 21)
    assert queue[0].requested_deadline == date(2026, 8, 31)
    county.run(items.approve_extension, second, on=date(2026, 7, 2))
    assert [p.item_id for p in county.run(pending_extensions, date(2026, 7, 3))] == [first]

    notice(county, NoticeKind.REMINDER, second, date(2026, 7, 6))
    counts = county.run(dashboard_counts, date(2026, 7, 10))
    assert (counts.open_items, counts.pending_extensions, counts.awaiting_reply) == (2, 1, 1)
    feedback(county, second, date(2026, 7, 8), 60)
    assert county.run(dashboard_counts, date(2026, 7, 10)).awaiting_reply == 0


def test_criticism_is_never_proposed_for_a_unit_the_bulletin_cannot_name(county: County) -> None:
    """Regression: after a spent rectification the ladder proposed 通报批评 for any lead unit,
    the county government itself included, which the county federation's bulletin cannot name."""
    from desktop.core.items import ItemInput, create_item
    from tests.core.helpers import held_meeting

    c = county
    meeting, topic = held_meeting(c)
    led_by_government = c.run(
        create_item,
        ItemInput(
            meeting,
            "县政府每年拨付工会经费",
            topic_id=topic,
            lead_unit_id=c.government,
            deadline=date(2026, 6, 30),
        ),
    ).id
    c.run(items.assign_item, led_by_government, date(2026, 4, 2))
    department = assigned_item(c)  # led by 县人社局
    for item, to in ((led_by_government, c.government), (department, c.hrss)):
        notice(c, NoticeKind.REMINDER, item, date(2026, 7, 6), to=to)
        notice(c, NoticeKind.SUPERVISION, item, date(2026, 7, 20), to=to)
        notice(
            c,
            NoticeKind.RECTIFICATION,
            item,
            date(2026, 8, 3),
            to=to,
            rectify_by=date(2026, 9, 1),
        )
    later = proposals(c, date(2026, 10, 1))
    assert later[department] == Step.CRITICISM
    assert led_by_government not in later


def test_the_reply_date_a_document_gives_is_waited_for(county: County) -> None:
    """Reminder 57号 of the demo county: issued 11-26 asking for a reply by 12-11; on 12-05 the
    next rung must not be proposed because the configured reply period has passed."""
    item = assigned_item(county, deadline=date(2026, 11, 16))
    data = supervision.NoticeInput(
        NoticeKind.REMINDER,
        county.hrss,
        (item,),
        date(2026, 11, 26),
        requirements="请于12月11日前书面反馈",
        feedback_deadline=date(2026, 12, 11),
    )
    county.run(supervision.issue_notice, data, today=date(2026, 11, 26))
    assert item not in proposals(county, date(2026, 12, 5))
    assert item not in proposals(county, date(2026, 12, 11))
    assert proposals(county, date(2026, 12, 14))[item] == Step.SUPERVISION
