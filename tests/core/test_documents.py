"""Official documents filled from the records say what the records say."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import documents, items, meetings, supervision
from desktop.core.errors import DomainError
from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.core.meeting_dto import ParticipantInput
from desktop.models.enums import AttendanceRole, Level, NoticeKind
from tests.conftest import County
from tests.core.helpers import assigned_item, held_meeting


def test_minutes_from_a_meeting(county: County) -> None:
    c = county
    item_id = assigned_item(c)
    meeting_id = c.run(items.get_item, item_id).meeting_id
    c.run(
        meetings.set_participants,
        meeting_id,
        [
            ParticipantInput(
                "王建国", AttendanceRole.ATTENDED, unit_name="滨海县人民政府", title="县长"
            ),
            ParticipantInput(
                "李明",
                AttendanceRole.ABSENT,
                unit_name="县财政局",
                title="局长",
                absence_reason="出差",
            ),
        ],
    )
    doc = county.run(documents.minutes_doc, meeting_id)
    assert doc.banner == "滨海县总工会与滨海县人民政府联席会议纪要"
    assert doc.meeting_title == "滨海县总工会与滨海县人民政府2026年第一次联席会议"
    assert [(i.text, i.lead_unit, i.cooperating_units, i.deadline) for i in doc.items] == [
        ("将劳动竞赛奖金列入政府年度奖励基金", "县人社局", ("县财政局",), date(2026, 6, 30))
    ]
    assert [a.name for a in doc.attended] == ["王建国"] and doc.absent[0].absence_reason == "出差"
    # A first meeting has no earlier items to hear about: the intro says only what it did.
    assert doc.body == () and doc.intro == (
        "会议研究了劳动竞赛奖金列入政府年度奖励基金等议题。现将会议议定事项纪要如下："
    )
    assert doc.previous_summary == "" and doc.previous_items == ()
    c.run(
        meetings.issue_minutes,
        meeting_id,
        minutes_text="一、关于奖励基金。同意。\n会议要求抓好落实。",
        issued_on=date(2026, 4, 5),
    )
    issued = county.run(documents.minutes_doc, meeting_id)
    assert issued.body == ("一、关于奖励基金。同意。", "会议要求抓好落实。")
    assert issued.number_line == "滨工联纪〔2026〕1号" and issued.intro == ""


def test_minutes_need_a_held_meeting(county: County) -> None:
    from tests.core.helpers import planned_meeting

    with pytest.raises(DomainError) as err:
        county.run(documents.minutes_doc, planned_meeting(county))
    assert err.value.code == "meeting_not_held"


def test_notices_print_as_their_own_kind(county: County) -> None:
    c = county
    item_id = assigned_item(c, deadline=date(2026, 5, 1))
    reminder = c.run(
        supervision.issue_notice,
        supervision.NoticeInput(
            NoticeKind.REMINDER,
            c.hrss,
            (item_id,),
            date(2026, 5, 15),
            feedback_deadline=date(2026, 5, 22),
        ),
    )
    doc = c.run(documents.notice_doc, reminder.id)
    assert isinstance(doc, documents.d.ReminderDoc)
    # 1 May is Labour Day: 6, 7, 8, Saturday 9 (调休), 11–15 are the working days late.
    assert (doc.lead_unit, doc.working_days_overdue, doc.number) == (
        "县人社局",
        9,
        "滨工联催〔2026〕1号",
    )
    with pytest.raises(DomainError) as err:
        c.run(documents.rectification_doc, reminder.id)
    assert err.value.code == "wrong_notice_kind"


def test_a_reminder_quotes_the_progress_known_on_its_day(county: County) -> None:
    c = county
    item_id = assigned_item(c, deadline=date(2026, 5, 1))
    for on, text in ((date(2026, 4, 20), "已完成方案"), (date(2026, 6, 1), "已全部拨付")):
        c.run(items.report_progress, item_id, items.FeedbackInput(on, text, 50), today=on)
    reminder = c.run(
        supervision.issue_notice,
        supervision.NoticeInput(NoticeKind.REMINDER, c.hrss, (item_id,), date(2026, 5, 15)),
        today=date(2026, 6, 2),
    )
    doc = c.run(documents.notice_doc, reminder.id)
    assert isinstance(doc, documents.d.ReminderDoc)
    assert doc.progress == "已完成方案"  # not the report of 1 June, after the reminder


def test_statistics_and_latest(county: County) -> None:
    c = county
    held_meeting(c)
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
    doc = c.run(documents.statistics_doc, 2026)
    assert [(r.unit, r.meetings_required, r.meetings_held) for r in doc.rows] == [
        ("滨海县总工会", 1, 1)
    ]
    with pytest.raises(DomainError):
        c.run(documents.latest_id, "bulletin")
