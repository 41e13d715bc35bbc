"""Issuing freezes a document: numbered once, stored as printed, corrected by a new version."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.core import documents, issued, items, meetings, supervision
from desktop.core.document_dto import BulletinDoc, MeetingNoticeDoc, MinutesDoc
from desktop.core.errors import DomainError
from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.models.enums import Level, MeetingKind
from tests.conftest import County
from tests.core.helpers import assigned_item, held_meeting, issued_bulletin, vetted_topic
from tests.core.issuing import finance_item, issued_minutes, run_together
from tests.databases import url_of

ROOT = Path(__file__).resolve().parents[2]


def _meeting(c: County, planned: date, union: int | None = None, **extra: str) -> int:
    data = meetings.MeetingInput(
        MeetingKind.GOVERNMENT_UNION,
        Level.COUNTY if union is None else Level.TOWNSHIP,
        union or c.federation,
        "滨海县人民政府" if union is None else "八滩镇人民政府",
        planned_on=planned,
        **extra,  # type: ignore[arg-type]
    )
    return int(c.run(meetings.create_meeting, data).id)


def test_issued_minutes_stay_as_issued_when_the_records_change(county: County) -> None:
    c = county
    item, meeting = issued_minutes(c)
    frozen = c.run(issued.printable, "minutes", meeting)
    assert frozen.issue is not None and frozen.issue.number == "滨工联纪〔2026〕1号"
    c.run(
        items.request_extension,
        item,
        new_deadline=date(2026, 9, 30),
        reason="资金下达推迟",
        on=date(2026, 6, 1),
    )
    c.run(items.approve_extension, item, on=date(2026, 6, 2))
    live = c.run(documents.minutes_doc, meeting)
    assert live.items[0].deadline == date(2026, 9, 30)  # the records did change
    again = c.run(issued.printable, "minutes", meeting)
    assert again == frozen and again.doc.items[0].deadline == date(2026, 6, 30)


def test_a_correction_is_a_new_version_and_the_old_one_stays_readable(county: County) -> None:
    c = county
    item, meeting = issued_minutes(c)
    c.run(items.cancel_item, item, on=date(2026, 4, 20), reason="并入年度奖励方案")
    with pytest.raises(DomainError) as err:
        c.run(issued.correct, "minutes", meeting, reason="", issued_on=date(2026, 4, 21))
    assert err.value.code == "required"
    second = c.run(
        issued.correct, "minutes", meeting, reason="删去已撤销事项", issued_on=date(2026, 4, 21)
    )
    assert (second.version, second.number) == (2, "滨工联纪〔2026〕1号")
    first, newest = c.run(issued.versions, "minutes", meeting)
    assert (first.version, first.superseded_by, newest.superseded_by) == (1, 2, None)
    old = c.run(issued.printable, "minutes", meeting, 1)
    new = c.run(issued.printable, "minutes", meeting)
    assert isinstance(old.doc, MinutesDoc) and isinstance(new.doc, MinutesDoc)
    assert len(old.doc.items) == 1 and new.doc.items == ()
    assert new.issue is not None and new.issue.reason == "删去已撤销事项"


def test_meeting_notices_are_numbered_at_issue_by_the_issue_year(county: County) -> None:
    c = county
    first = _meeting(c, date(2024, 3, 12), place="县政府第一会议室", starts_at="14:30")
    second = _meeting(c, date(2024, 9, 3))
    c.run(meetings.notify_meeting, first, issued_on=date(2024, 3, 5))
    c.run(meetings.notify_meeting, second, issued_on=date(2024, 8, 27))
    late = _meeting(c, date(2027, 1, 8))
    c.run(meetings.notify_meeting, late, issued_on=date(2026, 12, 5))
    docs = [c.run(issued.printable, "notice", m).doc for m in (first, second, late)]
    assert all(isinstance(d, MeetingNoticeDoc) for d in docs)
    headers = [d.header for d in docs if isinstance(d, MeetingNoticeDoc)]
    assert [h.doc_number for h in headers] == [
        "滨工联会〔2024〕1号",
        "滨工联会〔2024〕2号",
        "滨工联会〔2026〕1号",
    ]
    assert [h.issued_on for h in headers] == [
        date(2024, 3, 5),
        date(2024, 8, 27),
        date(2026, 12, 5),
    ]
    notice = docs[0]
    assert isinstance(notice, MeetingNoticeDoc) and notice.starts_at is not None
    assert notice.starts_at.strftime("%H:%M") == "14:30"
    with pytest.raises(DomainError) as err:
        c.run(meetings.notify_meeting, _meeting(c, date(2026, 5, 1)), issued_on=date(2026, 5, 2))
    assert err.value.code == "after_meeting"


def test_another_bodys_meeting_is_kept_as_its_record_copy(county: County) -> None:
    c = county
    meeting = _meeting(c, date(2026, 5, 6), union=c.township_union)
    c.run(meetings.notify_meeting, meeting, issued_on=date(2026, 4, 28))
    notice = c.run(issued.printable, "notice", meeting)
    assert isinstance(notice.doc, MeetingNoticeDoc)
    header = notice.doc.header
    assert (header.issuing_office, header.doc_number, header.record_copy_by) == (
        "八滩镇工会",
        "",
        "滨海县总工会",
    )
    assert notice.issue is not None and notice.issue.number == ""


ISSUER = """
import sys, time
from datetime import date
from typing import Any
from desktop.core import meetings
from desktop.db import open_database
from desktop.models.enums import Level, MeetingKind

db = open_database(sys.argv[1])
union, start = int(sys.argv[2]), float(sys.argv[3])
while time.time() < start:
    time.sleep(0.001)
for _ in range(10):
    with db.unit_of_work() as s:
        m = meetings.create_meeting(s, meetings.MeetingInput(
            MeetingKind.GOVERNMENT_UNION, Level.COUNTY, union, "滨海县人民政府",
            planned_on=date(2026, 12, 20)))
        meetings.notify_meeting(s, m.id, issued_on=date(2026, 12, 5))
"""


def test_two_programs_issuing_meeting_notices_at_once_get_different_numbers(
    county: County,
) -> None:
    run_together(ISSUER, url_of(county.db), str(county.federation))
    numbers = [county.run(issued.versions, "notice", m)[0].number for m in range(1, 21)]
    assert len(set(numbers)) == 20
    assert sorted(numbers) == sorted(f"滨工联会〔2026〕{n}号" for n in range(1, 21))


def test_the_bulletin_states_what_its_annex_adds_up_to(county: County) -> None:
    c = county
    late = assigned_item(c, deadline=date(2026, 5, 15))  # 县人社局, still open
    meeting = c.run(items.get_item, late).meeting_id
    done = finance_item(c, meeting, date(2026, 5, 20))
    c.run(items.complete_item, done, on=date(2026, 5, 10))
    b = c.run(
        issued_bulletin,
        supervision.BulletinInput(
            date(2026, 4, 1), date(2026, 6, 30), date(2026, 7, 3), "2026年第二季度督查通报"
        ),
    )
    copy = c.run(issued.printable, "bulletin", b.id)
    doc = copy.doc
    assert isinstance(doc, BulletinDoc) and copy.issue is not None
    assert [r.unit for r in doc.rows] == ["县人社局"]  # only the unit with an overdue item
    assert doc.others is not None and doc.others.unit == "其他1个单位"
    for field in ("items_due", "items_done", "done_on_time", "overdue", "failed_rectifications"):
        listed = sum(getattr(r, field) for r in (*doc.rows, doc.others))
        assert listed == getattr(doc.totals, field), field
    assert (doc.totals.items_due, doc.totals.items_done, doc.totals.overdue) == (2, 1, 1)
    assert doc.closing == ()  # nobody criticised: no sentence addressed to the criticised


def test_statistics_count_each_union_once(county: County) -> None:
    c = county
    for partner, unit in (("滨海县人民政府", c.government), ("中共滨海县委", None)):
        c.run(
            create_establishment,
            EstablishmentInput(
                c.federation,
                partner,
                Level.COUNTY,
                partner_unit_id=unit,
                established=True,
                established_on=date(2020, 1, 1),
            ),
        )
    held_meeting(c)
    vetted_topic(c, "第二个议题")
    doc = c.run(documents.statistics_doc, 2026)
    assert [(r.unit, r.meetings_required, r.meetings_held) for r in doc.rows] == [
        ("滨海县总工会", 2, 1)
    ]


def test_the_assessment_circular_takes_a_reserved_number_once(county: County) -> None:
    from desktop.messages import message
    from tests.core.assessment_records import build

    build(county)
    draft = county.run(issued.printable, "assessment", 2025, words=message)
    assert draft.issue is None and draft.doc.header.doc_number == ""  # type: ignore[union-attr]
    info = county.run(issued.issue_assessment_circular, 2025, message, date(2026, 1, 20))
    assert (info.number, info.issued_on) == ("滨工联考〔2026〕1号", date(2026, 1, 20))
    copy = county.run(issued.printable, "assessment", 2025, words=message)
    assert copy.issue == info and copy.doc.header.doc_number == "滨工联考〔2026〕1号"  # type: ignore[union-attr]
    with pytest.raises(DomainError) as err:
        county.run(issued.issue_assessment_circular, 2025, message, date(2026, 1, 21))
    assert err.value.code == "already_issued"


def test_a_document_received_from_another_office_keeps_its_author(county: County) -> None:
    from desktop.models import Office, SupervisionNotice
    from desktop.models.enums import NoticeKind

    c = county
    item = assigned_item(c, deadline=date(2026, 5, 1))
    notice = c.run(
        supervision.issue_notice,
        supervision.NoticeInput(NoticeKind.SUPERVISION, c.hrss, (item,), date(2026, 5, 15)),
    ).id

    def sent_from_the_city(s: Any) -> None:  # as an import from the city's package leaves it
        s.add(Office(name="盐城市总工会", level=Level.CITY, uuid="c1" * 18))
        s.get(SupervisionNotice, notice).origin_office = "c1" * 18

    c.run(sent_from_the_city)
    doc = c.run(documents.notice_doc, notice)
    assert (doc.header.issuing_office, doc.header.record_copy_by) == (  # type: ignore[union-attr]
        "盐城市总工会",
        "滨海县总工会",
    )
    assert doc.imprint.office == "盐城市总工会办公室"  # type: ignore[union-attr]
    assert doc.contact.name == "" and doc.contact.phone == ""  # type: ignore[union-attr]


def test_flagging_a_meeting_issues_its_reconvene_notice(county: County) -> None:
    from desktop.core.document_dto import ReconveneNoticeDoc

    c = county
    meeting, _topic = held_meeting(c)
    c.run(meetings.flag_formality, meeting, "议题未经调研审定", reconvene_by=date(2027, 1, 15))
    copy = c.run(issued.printable, "reconvene", meeting)
    doc = copy.doc
    assert isinstance(doc, ReconveneNoticeDoc) and copy.issue is not None
    assert doc.header.doc_number == f"滨工联重〔{copy.issue.issued_on.year}〕1号"
    assert (doc.reason, doc.reconvene_by) == ("议题未经调研审定", date(2027, 1, 15))
    assert doc.addressees == ("滨海县总工会", "滨海县人民政府")
