"""`lianxi report` prints an issued document as it was issued, whatever the records say since."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import issued, items, meetings, supervision
from desktop.models.enums import Level, MeetingKind
from tests.conftest import County
from tests.core.helpers import assigned_item, issued_bulletin, vetted_topic
from tests.core.issuing import finance_item
from tests.reports.pdfcheck import document_text

FILLER = (
    "联系人：；",
    "联系电话：。",
    "主要负责同志",
    "会议进行了研究",
    "会议室召开",
    "上午9:00",
    "另行通知",
    "各成员单位负责同志",
    "本次为首次联席会议",
    "再接再厉",
)


def _report(db: str, *args: str) -> None:
    assert main(["--db", db, "report", *args]) == 0


def test_an_issued_document_prints_the_same_after_its_records_change(
    county: County, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = county
    item = assigned_item(c)
    meeting = c.run(items.get_item, item).meeting_id
    other = finance_item(c, meeting, date(2026, 8, 31))
    c.run(
        meetings.issue_minutes,
        meeting,
        minutes_text="会议要求抓好落实。",
        issued_on=date(2026, 4, 5),
    )
    db = str(c.db.path)
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    _report(db, "minutes", str(meeting), "--out", str(first))
    c.run(
        items.request_extension,
        item,
        new_deadline=date(2026, 10, 31),
        reason="资金下达推迟",
        on=date(2026, 6, 1),
    )
    c.run(items.approve_extension, item, on=date(2026, 6, 2))
    c.run(items.cancel_item, other, on=date(2026, 6, 3), reason="并入年度方案")
    _report(db, "minutes", str(meeting), "--out", str(second))
    text = document_text(first.read_bytes())
    assert document_text(second.read_bytes()) == text
    assert "2026年6月30日前" in text and "县财政局拨付工会经费" in text
    assert "草稿" not in text
    (info,) = c.run(issued.versions, "minutes", meeting)
    assert info.pdf_sha256 == hashlib.sha256(first.read_bytes()).hexdigest()

    # A correction is version 2 from the records as they are now; version 1 stays readable.
    _report(
        db, "minutes", str(meeting), "--correct", "完成时限延期，撤销一项", "--on", "2026-06-05"
    )
    corrected, old = tmp_path / "3.pdf", tmp_path / "4.pdf"
    _report(db, "minutes", str(meeting), "--out", str(corrected))
    _report(db, "minutes", str(meeting), "--version", "1", "--out", str(old))
    new_text, old_text = document_text(corrected.read_bytes()), document_text(old.read_bytes())
    assert "更正件（第2版" in new_text and "2026年10月31日前" in new_text
    assert "县财政局拨付工会经费" not in new_text
    assert "已被第2版更正" in old_text and "2026年6月30日前" in old_text
    capsys.readouterr()
    _report(db, "minutes", str(meeting), "--versions")
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("第1版 滨工联纪〔2026〕1号 2026-04-05")
    assert listed[1].startswith("第2版 滨工联纪〔2026〕1号 2026-06-05")


def test_a_meeting_not_yet_notified_prints_as_a_draft(county: County, tmp_path: Path) -> None:
    from tests.core.helpers import planned_meeting

    meeting = planned_meeting(county)
    out = tmp_path / "draft.pdf"
    _report(str(county.db.path), "notice", str(meeting), "--out", str(out))
    assert document_text(out.read_bytes()).startswith("草稿")


def test_an_empty_meeting_prints_no_filler(county: County, tmp_path: Path) -> None:
    """A meeting with no place, chair, time, participants or decisions: each phrase that would
    need one is left out, and no heading stands over nothing."""
    c = county

    def bare_meeting() -> int:
        data = meetings.MeetingInput(
            MeetingKind.GOVERNMENT_UNION,
            Level.COUNTY,
            c.federation,
            "滨海县人民政府",
            planned_on=date(2026, 12, 20),
        )
        return int(c.run(meetings.create_meeting, data).id)

    notified = bare_meeting()
    c.run(meetings.notify_meeting, notified, issued_on=date(2026, 12, 5))
    held = bare_meeting()
    c.run(meetings.schedule_topic, held, vetted_topic(c))
    c.run(meetings.hold_meeting, held, date(2026, 12, 1))
    db = str(c.db.path)
    notice, minutes = tmp_path / "n.pdf", tmp_path / "m.pdf"
    _report(db, "notice", str(notified), "--out", str(notice))
    _report(db, "minutes", str(held), "--out", str(minutes))
    notice_text = document_text(notice.read_bytes())
    minutes_text = document_text(minutes.read_bytes())
    for phrase in FILLER:
        assert phrase not in notice_text and phrase not in minutes_text, phrase
    assert "滨工联会〔2026〕1号" in notice_text and "2026年12月5日" in notice_text
    for empty in ("、会议地点", "、参会人员", "、会议议题", "联系人"):
        assert empty not in notice_text, empty
    assert "一、会议时间" in notice_text and "二、有关要求" in notice_text
    assert minutes_text.startswith("草稿")  # minutes not issued yet
    assert "2026年12月1日，滨海县总工会与滨海县人民政府2026年第" in minutes_text
    assert "上次会议议定事项落实情况" not in minutes_text


def test_the_printed_bulletin_states_what_its_annex_adds_up_to(
    county: County, tmp_path: Path
) -> None:
    c = county
    late = assigned_item(c, deadline=date(2026, 5, 15))
    meeting = c.run(items.get_item, late).meeting_id
    done = finance_item(c, meeting, date(2026, 5, 20))
    c.run(items.complete_item, done, on=date(2026, 5, 10))
    c.run(
        issued_bulletin,
        supervision.BulletinInput(
            date(2026, 4, 1), date(2026, 6, 30), date(2026, 7, 3), "2026年第二季度督查通报"
        ),
    )
    out = tmp_path / "bulletin.pdf"
    _report(str(c.db.path), "bulletin", "latest", "--out", str(out))
    text = document_text(out.read_bytes())
    assert "应办结议定事项2项，已办结1项，其中按期办结1项" in text
    assert "逾期未办结1项，涉及1个单位，具体见附件" in text
    # The annex: the late unit, the others in one row, and the total the text states.
    assert "1县人社局100100" in text and "其他1个单位111000" in text
    assert "合计211100" in text
    assert "通报批评" not in text and "请被通报批评的单位" not in text
