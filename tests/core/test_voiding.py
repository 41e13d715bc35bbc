"""Voiding (作废) issued notices and bulletins; deleting bulletins not yet issued."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import issued, supervision
from desktop.core.catalog import ListQuery
from desktop.core.deletion import CannotDelete, delete_record
from desktop.core.errors import InvalidInput, NotFound
from desktop.core.escalation import Step, rungs_taken
from desktop.core.history import unit_history
from desktop.core.listing import list_records
from desktop.core.permissions import ACTOR, Actor, NotPermitted
from desktop.core.supervision import BulletinInput, MentionInput, NoticeInput
from desktop.core.undo import UndoStale, redo_tombstone, tombstone_entry, undo_tombstone
from desktop.core.voiding import CannotVoid, void_document, void_info
from desktop.models.enums import BulletinStatus, MentionKind, NoticeKind, Role
from tests.conftest import County
from tests.core.helpers import assigned_item, issued_bulletin

LATE = date(2026, 7, 10)  # the helper's item was due on 30 June


def _notice(c: County, item: int, on: date = LATE) -> supervision.NoticeDTO:
    data = NoticeInput(NoticeKind.REMINDER, c.hrss, (item,), on, requirements="请于五日内反馈")
    return c.run(supervision.issue_notice, data, today=on)  # type: ignore[no-any-return]


def _as(c: County, role: Role, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    with c.db.unit_of_work() as session:
        session.info[ACTOR] = Actor(f"user_{role.value}", role)
        return fn(session, *args, **kwargs)


def _bulletin_input(c: County, on: date = date(2026, 10, 8)) -> BulletinInput:
    return BulletinInput(
        date(2026, 7, 1),
        date(2026, 9, 30),
        on,
        "第三季度督查通报",
        mentions=(MentionInput(c.hrss, MentionKind.CRITICISM, "逾期未整改"),),
    )


def test_a_voided_notice_keeps_its_number_and_copy_is_listed_as_voided_and_stops_counting(
    county: County,
) -> None:
    c = county
    item = assigned_item(c)
    notice = _notice(c, item)
    assert Step.REMINDER in c.run(rungs_taken, [item], LATE)[item]
    _as(c, Role.REVIEWER, void_document, "notice", notice.id, "督办对象填错")

    # It stops counting: the item is no longer on the reminder rung.
    assert Step.REMINDER not in c.run(rungs_taken, [item], LATE).get(item, {})
    # Still listed, marked with the day and the reason; its number kept.
    rows = c.run(list_records, "notice", ListQuery()).dicts()
    assert [(r["number"], r["void_reason"]) for r in rows] == [(notice.number, "督办对象填错")]
    assert rows[0]["voided_on"] == date.today()
    shown = c.run(supervision.get_notice, notice.id)
    assert shown.voided is not None and shown.voided.reason == "督办对象填错"
    # Its frozen copy stays and prints as voided.
    copy = c.run(issued.printable, "reminder", notice.id)
    assert copy.issue is not None and copy.issue.number == notice.number
    assert (copy.voided_on, copy.void_reason) == (date.today(), "督办对象填错")
    # The number is never given again.
    again = _notice(c, item, date(2026, 7, 13))
    assert again.serial == notice.serial + 1
    # A voided document is no longer changed, nor voided twice.
    with pytest.raises(NotFound):
        c.run(supervision.record_rectification_result, notice.id, "已整改")
    with pytest.raises(CannotVoid) as refused:
        c.run(void_document, "notice", notice.id, "再次作废")
    assert refused.value.code == "already_voided"


def test_only_a_reviewer_or_the_admin_voids_and_only_with_a_reason(county: County) -> None:
    c = county
    notice = _notice(c, assigned_item(c))
    for role in (Role.CLERK, Role.LEADER):
        with pytest.raises(NotPermitted):
            _as(c, role, void_document, "notice", notice.id, "误发")
    with pytest.raises(InvalidInput) as refused:
        _as(c, Role.ADMIN, void_document, "notice", notice.id, "  ")
    assert refused.value.fields["field"] == "reason"
    assert c.run(void_info, "notice", notice.id) is None
    with pytest.raises(CannotDelete) as kept:
        c.run(delete_record, "notice", notice.id)
    assert kept.value.code == "document_issued"
    _as(c, Role.ADMIN, void_document, "notice", notice.id, "误发")
    assert c.run(void_info, "notice", notice.id).reason == "误发"


def test_a_bulletin_draft_is_deleted_and_an_issued_one_voided(county: County) -> None:
    c = county
    item = assigned_item(c)
    rectification = NoticeInput(
        NoticeKind.RECTIFICATION,
        c.hrss,
        (item,),
        date(2026, 8, 3),
        problem="逾期未办",
        rectify_deadline=date(2026, 8, 20),
    )
    c.run(supervision.issue_notice, rectification, today=date(2026, 8, 3))
    draft = c.run(supervision.save_bulletin_draft, _bulletin_input(c))
    with pytest.raises(CannotVoid) as refused:
        c.run(void_document, "bulletin", draft.id, "不用了")
    assert refused.value.code == "not_issued_delete_instead"
    _as(c, Role.CLERK, delete_record, "bulletin", draft.id)  # a clerk's draft is the clerk's
    with pytest.raises(NotFound):
        c.run(supervision.get_bulletin, draft.id)
    assert c.run(list_records, "bulletin", ListQuery()).total == 0

    bulletin = c.run(issued_bulletin, _bulletin_input(c))
    on = date(2026, 10, 9)
    assert Step.CRITICISM in c.run(rungs_taken, [item], on)[item]
    assert c.run(unit_history, c.hrss).criticisms == 1
    with pytest.raises(CannotDelete) as kept:
        c.run(delete_record, "bulletin", bulletin.id)
    assert kept.value.code == "document_issued"
    with pytest.raises(NotPermitted):
        _as(c, Role.CLERK, void_document, "bulletin", bulletin.id, "批评对象有误")
    c.run(void_document, "bulletin", bulletin.id, "批评对象有误")

    assert Step.CRITICISM not in c.run(rungs_taken, [item], on)[item]
    assert c.run(unit_history, c.hrss).criticisms == 0
    shown = c.run(supervision.get_bulletin, bulletin.id)
    assert shown.status == BulletinStatus.ISSUED and shown.number == bulletin.number
    assert shown.voided is not None and shown.voided.reason == "批评对象有误"
    rows = c.run(list_records, "bulletin", ListQuery(status="issued")).dicts()
    assert [r["void_reason"] for r in rows] == ["批评对象有误"]
    # The next issue takes the next number, and numbers still follow dates.
    nxt = c.run(supervision.save_bulletin_draft, _bulletin_input(c, date(2026, 10, 7)))
    with pytest.raises(InvalidInput) as early:
        c.run(supervision.issue_bulletin, nxt.id, today=date(2026, 10, 20))
    assert early.value.code == "before_last_number"
    later = c.run(supervision.issue_bulletin, nxt.id, date(2026, 10, 12), today=date(2026, 10, 20))
    assert later.issue_no == bulletin.issue_no + 1


def test_a_void_and_a_delete_are_undone_and_redone_while_nothing_changed(county: County) -> None:
    c = county
    notice = _notice(c, assigned_item(c))

    def void_with_entry(session):  # type: ignore[no-untyped-def]
        void_document(session, "notice", notice.id, "误发")
        return tombstone_entry(session, "notice", notice.id)

    entry = c.run(void_with_entry)
    entry = c.run(undo_tombstone, entry)
    assert c.run(supervision.get_notice, notice.id).voided is None
    assert c.run(list_records, "notice", ListQuery()).dicts()[0]["voided_on"] is None
    entry = c.run(redo_tombstone, entry)
    assert c.run(void_info, "notice", notice.id).reason == "误发"

    draft = c.run(supervision.save_bulletin_draft, _bulletin_input(c))

    def delete_with_entry(session):  # type: ignore[no-untyped-def]
        delete_record(session, "bulletin", draft.id)
        return tombstone_entry(session, "bulletin", draft.id)

    gone = c.run(delete_with_entry)
    back = c.run(undo_tombstone, gone)
    assert c.run(supervision.get_bulletin, draft.id).title == "第三季度督查通报"
    c.run(supervision.submit_bulletin, draft.id)  # moved on since the undo
    with pytest.raises(UndoStale):
        c.run(redo_tombstone, back)
