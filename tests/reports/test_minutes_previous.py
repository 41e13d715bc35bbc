"""Printed minutes report on the previous meeting's agreed items, whatever the clerk typed:
each item's state as of the minutes' issue date, kept as issued in the frozen copy."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

from desktop.core import document_codec, documents, issued, items, meetings
from desktop.core.document_dto import Imprint, MinutesDoc, PreviousItemStatus
from desktop.core.meetings import MeetingInput
from desktop.models.enums import Level, MeetingKind
from desktop.reports.fonts import FontSet
from desktop.reports.minutes import build_minutes
from tests.conftest import County
from tests.core.helpers import held_meeting, vetted_topic
from tests.reports.pdfcheck import PAGE_NUMBER, open_pdf, page_lines

HEADING = "上次会议议定事项落实情况"


def pdf_text(data: bytes) -> str:
    """Every printed line in order but the page numbers, run together (a sentence may wrap)."""
    with open_pdf(data) as pdf:
        return "".join(
            line.text
            for page in pdf.pages
            for line in page_lines(page)
            if not PAGE_NUMBER.match(line.text)
        )


def first_meeting(c: County) -> tuple[int, dict[str, int]]:
    """Meeting 1 (held 1 April) with three items assigned on 2 April: one done on 20 June,
    one reported 60 % done on 1 July, one due 31 May with no word since."""
    meeting, topic = held_meeting(c)

    def item(text: str, lead: int, deadline: date) -> int:
        dto = c.run(
            items.create_item,
            items.ItemInput(meeting, text, topic_id=topic, lead_unit_id=lead, deadline=deadline),
        )
        c.run(items.assign_item, dto.id, date(2026, 4, 2))
        return int(dto.id)

    ids = {
        "done": item("将劳动竞赛奖金列入政府年度奖励基金", c.hrss, date(2026, 6, 30)),
        "going": item("县财政局拨付工会经费", c.finance, date(2026, 9, 30)),
        "late": item("建成户外劳动者服务站点20个", c.hrss, date(2026, 5, 31)),
    }
    c.run(items.complete_item, ids["done"], on=date(2026, 6, 20))
    c.run(
        items.report_progress,
        ids["going"],
        items.FeedbackInput(date(2026, 7, 1), "已拨付第一批经费", 60),
    )
    return meeting, ids


def second_meeting(c: County, *, issue_on: date | None = None) -> int:
    """Meeting 2 of the same series, held 10 July; minutes issued with the clerk's own text."""
    topic = vetted_topic(c, "关于困难职工帮扶资金的议题")
    dto = c.run(
        meetings.create_meeting,
        MeetingInput(
            MeetingKind.GOVERNMENT_UNION,
            Level.COUNTY,
            c.federation,
            "滨海县人民政府",
            partner_unit_id=c.government,
            planned_on=date(2026, 7, 10),
            place="县政府第一会议室",
        ),
    )
    c.run(meetings.schedule_topic, dto.id, topic)
    c.run(meetings.hold_meeting, dto.id, date(2026, 7, 10))
    if issue_on is not None:
        c.run(
            meetings.issue_minutes,
            dto.id,
            minutes_text="一、关于困难职工帮扶资金。同意安排帮扶资金。\n会议要求抓好落实。",
            issued_on=issue_on,
        )
    return int(dto.id)


def test_the_second_minutes_report_the_first_meetings_items_as_of_their_issue(
    county: County, fonts: FontSet
) -> None:
    c = county
    first_meeting(c)
    meeting = second_meeting(c, issue_on=date(2026, 7, 15))
    doc = c.run(documents.minutes_doc, meeting)
    assert doc.previous_as_of == date(2026, 7, 15)
    assert doc.body[0].startswith("一、")  # the clerk wrote the text, no previous items in it
    assert [(p.text, p.lead_unit, p.deadline, p.status) for p in doc.previous_items] == [
        (
            "将劳动竞赛奖金列入政府年度奖励基金",
            "县人社局",
            date(2026, 6, 30),
            "已于2026年6月20日办结",
        ),
        ("县财政局拨付工会经费", "县财政局", date(2026, 9, 30), "办理中，已完成60%"),
        ("建成户外劳动者服务站点20个", "县人社局", date(2026, 5, 31), "逾期未办结"),
    ]
    assert doc.previous_summary == (
        "2026年4月1日第一次联席会议议定事项 3 项，截至2026年7月15日已办结 1 项。"
    )
    text = pdf_text(build_minutes(doc, fonts))
    assert "一、关于困难职工帮扶资金" in text
    assert f"二、{HEADING}" in text  # numbered after the clerk's own heading
    assert (
        "2026年4月1日第一次联席会议议定事项 3 项，截至2026年7月15日已办结 1 项。"
        "1.将劳动竞赛奖金列入政府年度奖励基金（牵头单位：县人社局，完成时限：2026年6月30日），"
        "已于2026年6月20日办结。"
        "2.县财政局拨付工会经费（牵头单位：县财政局，完成时限：2026年9月30日），"
        "办理中，已完成60%。"
        "3.建成户外劳动者服务站点20个（牵头单位：县人社局，完成时限：2026年5月31日），"
        "逾期未办结。"
    ) in text
    assert text.index(HEADING) < text.index("印发")


def test_a_first_meetings_minutes_have_no_previous_items_section(
    county: County, fonts: FontSet
) -> None:
    c = county
    meeting, _ids = first_meeting(c)
    doc = c.run(documents.minutes_doc, meeting)
    assert doc.previous_items == () and doc.previous_summary == ""
    assert doc.previous_as_of is None
    assert HEADING not in pdf_text(build_minutes(doc, fonts))


def test_a_later_completion_or_extension_does_not_change_minutes_issued_before_it(
    county: County, fonts: FontSet
) -> None:
    c = county
    _meeting, ids = first_meeting(c)
    meeting = second_meeting(c, issue_on=date(2026, 7, 15))
    c.run(items.complete_item, ids["going"], on=date(2026, 8, 1))
    c.run(
        items.request_extension,
        ids["late"],
        new_deadline=date(2026, 10, 31),
        reason="选址调整",
        on=date(2026, 8, 2),
    )
    c.run(items.approve_extension, ids["late"], on=date(2026, 8, 3))
    frozen = c.run(issued.printable, "minutes", meeting)
    assert frozen.issue is not None
    assert isinstance(frozen.doc, MinutesDoc)
    states = [p.status for p in frozen.doc.previous_items]
    assert states == ["已于2026年6月20日办结", "办理中，已完成60%", "逾期未办结"]
    text = pdf_text(build_minutes(frozen.doc, fonts))
    assert "办理中，已完成60%" in text and "2026年8月1日办结" not in text
    # Built again from the records, the issue date still decides what the section says.
    live = c.run(documents.minutes_doc, meeting)
    assert [p.status for p in live.previous_items] == states
    assert live.previous_items[2].deadline == date(2026, 5, 31)


def test_a_draft_states_completions_and_extensions_up_to_its_day(county: County) -> None:
    c = county
    _meeting, ids = first_meeting(c)
    c.run(
        items.request_extension,
        ids["going"],
        new_deadline=date(2026, 12, 31),
        reason="资金分批下达",
        on=date(2026, 7, 2),
    )
    c.run(items.approve_extension, ids["going"], on=date(2026, 7, 3))
    c.run(items.verify_item, ids["done"], on=date(2026, 6, 25))
    meeting = second_meeting(c)  # held 10 July, minutes not issued: dated the meeting day
    doc = c.run(documents.minutes_doc, meeting)
    assert [(p.status, p.deadline) for p in doc.previous_items] == [
        ("已于2026年6月20日办结，2026年6月25日验收", date(2026, 6, 30)),
        ("已延期至2026年12月31日，已完成60%", date(2026, 9, 30)),
        ("逾期未办结", date(2026, 5, 31)),
    ]


def test_minutes_frozen_before_the_section_was_always_printed_decode_and_print_as_issued(
    fonts: FontSet,
) -> None:
    doc = MinutesDoc(
        banner="滨海县人民政府与县总工会联席会议纪要",
        number_line="第2期",
        issued_by="滨海县总工会办公室",
        issued_on=date(2026, 7, 15),
        meeting_title="滨海县总工会与滨海县人民政府2026年第二次联席会议",
        meeting_date=date(2026, 7, 10),
        place="",
        chair="",
        intro="",
        topics=(),
        items=(),
        attended=(),
        absent=(),
        sat_in=(),
        imprint=Imprint("滨海县总工会办公室", date(2026, 7, 15)),
        body=("会议要求抓好落实。",),
        previous_summary="第一次联席会议议定事项 1 项，已办结 1 项。",
        previous_items=(PreviousItemStatus("建立职工法律援助工作站", "县司法局", "已办结"),),
    )
    stored = json.loads(document_codec.dumps(doc))
    del stored["previous_as_of"]  # neither field was stored then
    del stored["previous_items"][0]["deadline"]
    old = document_codec.loads(json.dumps(stored))
    assert old == doc and isinstance(old, MinutesDoc) and old.previous_as_of is None
    # Issued with the clerk's text, that copy printed no section: it still prints none.
    assert HEADING not in pdf_text(build_minutes(old, fonts))
    without_text = dataclasses.replace(old, body=())
    assert "1.建立职工法律援助工作站（牵头单位：县司法局），已办结。" in pdf_text(
        build_minutes(without_text, fonts)
    )
    # Copies older still, without the previous items at all, decode with none.
    del stored["previous_summary"], stored["previous_items"]
    assert document_codec.loads(json.dumps(stored)) == dataclasses.replace(
        doc, previous_summary="", previous_items=()
    )
