"""Lists, search (Chinese and pinyin initials), dashboard counts and meeting-frequency standing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.core import items, meetings
from desktop.core.catalog import ListQuery
from desktop.core.dashboard import dashboard_counts, open_items_by_lead_unit
from desktop.core.errors import InvalidInput
from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.core.frequency import frequency_status
from desktop.core.history import unit_history
from desktop.core.listing import list_records, show_record
from desktop.core.workdays import WorkCalendar
from desktop.models import AgreedItem
from desktop.models.enums import OPEN_ITEM_STATUSES, Level
from tests.conftest import County
from tests.core.helpers import assigned_item, held_meeting, planned_meeting, vetted_topic


def test_search_matches_chinese_and_pinyin_initials(county: County) -> None:
    with county.db.unit_of_work() as s:
        by_initials = list_records(s, "unit", ListQuery(search="bhx"))
        by_text = list_records(s, "unit", ListQuery(search="人社"))
        by_initials_upper = list_records(s, "unit", ListQuery(search="XRSJ"))
        nothing = list_records(s, "unit", ListQuery(search="100%_"))
    names = {r["name"] for r in by_initials.dicts()}
    assert names == {"滨海县总工会", "滨海县人民政府"}
    assert [r["name"] for r in by_text.dicts()] == ["县人社局"]
    assert [r["name"] for r in by_initials_upper.dicts()] == ["县人社局"]
    assert nothing.total == 0


def test_paging_total_and_sort(county: County) -> None:
    with county.db.unit_of_work() as s:
        page = list_records(s, "unit", ListQuery(limit=2, offset=1, sort="name", descending=False))
        everything = list_records(s, "unit", ListQuery(sort="name", descending=False))
    assert page.total == everything.total == 6
    assert page.rows == everything.rows[1:3]


def test_unknown_filters_are_refused(county: County) -> None:
    with county.db.unit_of_work() as s, pytest.raises(InvalidInput) as err:
        list_records(s, "item", ListQuery(status="finished"))
    assert err.value.code == "unknown_status"
    with county.db.unit_of_work() as s, pytest.raises(InvalidInput):
        list_records(s, "bulletin", ListQuery(status="x"))


def test_item_filters_by_unit_includes_cooperating_units(county: County) -> None:
    assigned_item(county)
    with county.db.unit_of_work() as s:
        as_lead = list_records(s, "item", ListQuery(unit_id=county.hrss))
        as_coop = list_records(s, "item", ListQuery(unit_id=county.finance))
        other = list_records(s, "item", ListQuery(unit_id=county.township_union))
    assert (as_lead.total, as_coop.total, other.total) == (1, 1, 0)


def test_dashboard_counts_equal_independent_queries(county: County) -> None:
    c = county
    overdue = assigned_item(c, deadline=date(2026, 4, 30))
    meeting = c.run(items.get_item, overdue).meeting_id
    # Due in three working days from Monday 2026-11-16, outside the window at ten.
    for deadline in (date(2026, 11, 19), date(2026, 11, 30)):
        it = c.run(
            items.create_item,
            items.ItemInput(meeting, "事项", lead_unit_id=c.hrss, deadline=deadline),
        )
        c.run(items.assign_item, it.id, date(2026, 4, 2))
    vetted_topic(c, "待排议题")
    today = date(2026, 11, 16)
    with c.db.unit_of_work() as s:
        counts = dashboard_counts(s, today)
        open_deadlines = s.scalars(
            select(AgreedItem.deadline).where(AgreedItem.status.in_(OPEN_ITEM_STATUSES))
        ).all()
        late = s.scalar(
            select(func.count())
            .select_from(AgreedItem)
            .where(AgreedItem.deadline < today, AgreedItem.status.in_(OPEN_ITEM_STATUSES))
        )
    assert counts.overdue_items == late == 1
    assert counts.due_soon_until == date(2026, 11, 23)
    assert (
        counts.due_soon_items
        == sum(1 for d in open_deadlines if d is not None and today <= d <= counts.due_soon_until)
        == 1
    )
    with c.db.unit_of_work() as s:
        loads = open_items_by_lead_unit(s, today)
    assert [(x.unit_name, x.open_items, x.overdue_items) for x in loads] == [("县人社局", 3, 1)]


def test_frequency_standing_by_period(county: County) -> None:
    c = county
    c.run(
        create_establishment,
        EstablishmentInput(
            c.federation,
            "滨海县人民政府",
            Level.COUNTY,
            established=True,
            established_on=date(2012, 1, 1),
        ),
    )
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
    held_meeting(c)  # the county federation met on 2026-04-01
    with c.db.unit_of_work() as s:
        standing = {x.union_name: x for x in frequency_status(s, date(2026, 11, 21))}
    county_row, township = standing["滨海县总工会"], standing["八滩镇工会"]
    assert (county_row.held_this_year, county_row.behind) == (1, False)
    assert township.required_per_year == 2 and township.period_index == 2
    assert township.missed_periods == (1,) and township.behind


def test_holidays_and_adjusted_workdays() -> None:
    cal = WorkCalendar()
    # 2026 National Day: 1–7 October off, Saturday 10 October worked (调休).
    assert not cal.is_workday(date(2026, 10, 1))
    assert cal.is_workday(date(2026, 10, 10))
    result = cal.add_workdays(date(2026, 9, 30), 1)
    assert result.day == date(2026, 10, 8) and not result.estimated
    later = cal.add_workdays(date(2028, 1, 1), 1)
    assert later.day == date(2028, 1, 3) and later.estimated
    assert WorkCalendar({date(2028, 1, 3): False}).add_workdays(date(2028, 1, 1), 1).day == date(
        2028, 1, 4
    )


def test_show_and_history(county: County) -> None:
    c = county
    item = assigned_item(c)
    meeting = planned_meeting(c)
    c.run(meetings.schedule_topic, meeting, vetted_topic(c, "第二个议题"))
    with c.db.unit_of_work() as s:
        shown = show_record(s, "item", item)
        history = unit_history(s, c.hrss)
    assert shown["lead_unit_name"] == "县人社局" and shown["status"] == "assigned"
    assert shown["deadline"] == "2026-06-30"
    assert history.items.total == 1


def test_rows_without_the_sort_value_come_last_either_way(county: County) -> None:
    """An item not yet given a deadline is listed after those that have one, ascending and
    descending alike (SQLite would put it first ascending, PostgreSQL last)."""
    from desktop.core.catalog import ListQuery as Query
    from desktop.core.items import ItemInput, create_item
    from desktop.core.listing import list_records as listing
    from tests.core.helpers import assigned_item, held_meeting

    dated = assigned_item(county)
    meeting, _ = held_meeting(county)
    undated = county.run(create_item, ItemInput(meeting, "尚未定时限的事项")).id
    for descending in (False, True):
        with county.db.unit_of_work() as s:
            page = listing(s, "item", Query(sort="deadline", descending=descending))
        ids = [row["id"] for row in page.dicts()]
        assert ids.index(dated) < ids.index(undated), descending


def test_the_item_list_shows_what_is_still_to_do_first(county: County) -> None:
    """Unsorted, the items still open come before the closed ones, each by deadline (a clerk
    opening 议定事项 saw 2024's verified items first); a chosen sort is the sort alone."""
    from datetime import date

    from desktop.core.catalog import ListQuery as Query
    from desktop.core.items import complete_item
    from desktop.core.listing import list_ids
    from desktop.core.listing import list_records as listing
    from tests.core.helpers import assigned_item

    done = assigned_item(county, deadline=date(2026, 5, 31))
    county.run(complete_item, done, on=date(2026, 5, 20))
    still_open = assigned_item(county, deadline=date(2026, 6, 30))
    with county.db.unit_of_work() as s:
        unsorted = [row["id"] for row in listing(s, "item", Query()).dicts()]
        by_deadline = [row["id"] for row in listing(s, "item", Query(sort="deadline")).dicts()]
        ids = list_ids(s, "item", Query())
    assert unsorted.index(still_open) < unsorted.index(done)
    assert by_deadline.index(done) < by_deadline.index(still_open)
    assert ids == unsorted


def test_topics_waiting_for_vetting_are_listed_oldest_first(county: County) -> None:
    from datetime import UTC, datetime

    from desktop.core.dashboard import dashboard_entries
    from desktop.core.topics import TopicInput, create_topic
    from desktop.models import Topic
    from desktop.models.enums import TopicSource

    later = county.run(
        create_topic, TopicInput("职工食堂补贴", TopicSource.RESEARCH, county.federation)
    )
    older = county.run(
        create_topic, TopicInput("农民工工资清欠", TopicSource.RESEARCH, county.federation)
    )
    with county.db.unit_of_work() as s:  # entered later, proposed earlier (an import, say)
        s.get(Topic, older.id).created_at = datetime(2026, 3, 1, tzinfo=UTC)
        s.get(Topic, later.id).created_at = datetime(2026, 5, 1, tzinfo=UTC)
    with county.db.unit_of_work() as s:
        waiting = dashboard_entries(s, date(2026, 6, 1)).topics_waiting_for_vetting
    assert [e.id for e in waiting] == [older.id, later.id]
