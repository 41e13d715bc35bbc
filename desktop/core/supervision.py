"""Supervision documents: reminders, supervision notices, rectification orders and bulletins."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError, InvalidInput
from desktop.core.issued import issue_record
from desktop.core.numbering import next_number
from desktop.core.office import local_office
from desktop.core.permissions import require
from desktop.core.records import (
    limited_text,
    load,
    required_date,
    required_text,
    sane_date,
    stamp_new,
    touch,
)
from desktop.core.states import BULLETIN
from desktop.core.timeline import log_event
from desktop.core.voiding import VoidInfo, document_record, void_info
from desktop.models import (
    AgreedItem,
    Bulletin,
    BulletinMention,
    SupervisionNotice,
    Unit,
    item_cooperating_unit,
)
from desktop.models.enums import (
    OPEN_ITEM_STATUSES,
    BulletinStatus,
    MentionKind,
    NoticeKind,
    Role,
)


@dataclass(frozen=True)
class NoticeInput:
    kind: NoticeKind
    target_unit_id: int
    item_ids: tuple[int, ...]
    issued_on: date
    requirements: str = ""
    feedback_deadline: date | None = None
    problem: str = ""
    rectify_deadline: date | None = None


@dataclass(frozen=True)
class NoticeDTO:
    id: int
    uuid: str
    kind: NoticeKind
    number: str
    year: int
    serial: int
    issued_on: date
    target_unit_id: int
    target_unit_name: str
    item_ids: tuple[int, ...]
    requirements: str
    feedback_deadline: date | None
    problem: str
    rectify_deadline: date | None
    result: str
    voided: VoidInfo | None = None  # 已作废: no longer in force, kept with its number


@dataclass(frozen=True)
class MentionInput:
    unit_id: int
    kind: MentionKind
    reason: str


@dataclass(frozen=True)
class BulletinInput:
    period_start: date
    period_end: date
    issued_on: date  # the day it is to be issued (a draft's date may change until it is)
    title: str
    content: str = ""
    mentions: tuple[MentionInput, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class MentionDTO:
    unit_id: int
    unit_name: str
    kind: MentionKind
    reason: str


@dataclass(frozen=True)
class BulletinDTO:
    id: int
    uuid: str
    status: BulletinStatus
    number: str  # "" until issued
    year: int
    issue_no: int  # 0 until issued
    issued_on: date
    period_start: date
    period_end: date
    title: str
    content: str
    mentions: tuple[MentionDTO, ...]
    voided: VoidInfo | None = None  # 已作废: no longer in force, kept with its number


def notice_dto(session: Session, n: SupervisionNotice) -> NoticeDTO:
    target = load(session, Unit, n.target_unit_id, "unit")
    return NoticeDTO(
        id=n.id,
        uuid=n.uuid,
        kind=n.kind,
        number=n.number,
        year=n.year,
        serial=n.serial,
        issued_on=n.issued_on,
        target_unit_id=n.target_unit_id,
        target_unit_name=target.name,
        item_ids=tuple(i.id for i in n.items),
        requirements=n.requirements,
        feedback_deadline=n.feedback_deadline,
        problem=n.problem,
        rectify_deadline=n.rectify_deadline,
        result=n.result,
        voided=void_info(session, "notice", n.id) if n.deleted_at is not None else None,
    )


def check_issue_date(issued: date, today: date | None, last: date | None) -> None:
    """A numbered document is never dated after today, nor before `last`, the latest of its
    series this year: numbers follow dates."""
    if issued > (today or date.today()):
        raise InvalidInput("in_future", field="issued_on")
    if last is not None and issued < last:
        raise InvalidInput("before_last_number", field="issued_on", last=last.isoformat())


def issue_notice(session: Session, data: NoticeInput, *, today: date | None = None) -> NoticeDTO:
    """Issue a numbered reminder, supervision notice or rectification order about open items.

    It goes only to a unit responsible for every item it names (lead or cooperating), is never
    dated after today, and is numbered in date order: a date before the last document of its
    series this year is refused, so number 24 never carries an earlier date than number 23.
    """
    target = load(session, Unit, data.target_unit_id, "unit")
    if not data.item_ids:
        raise InvalidInput("required", field="item_ids")
    items = [load(session, AgreedItem, i, "item") for i in dict.fromkeys(data.item_ids)]
    for item in items:
        if item.status not in OPEN_ITEM_STATUSES:
            raise DomainError("item_not_open", id=item.id, status=str(item.status))
        responsible = {item.lead_unit_id, *(u.id for u in item.cooperating_units)}
        if target.id not in responsible:
            raise InvalidInput(
                "not_responsible", field="target_unit_id", unit=target.name, item=item.text[:30]
            )
    issued = required_date(data.issued_on, "issued_on")
    last = session.scalar(
        select(func.max(SupervisionNotice.issued_on)).where(
            SupervisionNotice.kind == data.kind,
            SupervisionNotice.year == issued.year,
            SupervisionNotice.origin_office == local_office(session).uuid,
        )
    )
    check_issue_date(issued, today, last)
    feedback_deadline = sane_date(data.feedback_deadline, "feedback_deadline")
    if feedback_deadline is not None and feedback_deadline < issued:
        raise InvalidInput("before_issue", field="feedback_deadline")
    problem = limited_text(data.problem, "problem", 5000)
    rectify_deadline = sane_date(data.rectify_deadline, "rectify_deadline")
    if data.kind == NoticeKind.RECTIFICATION:
        problem = required_text(problem, "problem", 5000)
        if rectify_deadline is None:
            raise InvalidInput("required", field="rectify_deadline")
        if rectify_deadline < issued:
            raise InvalidInput("before_issue", field="rectify_deadline")
    number = next_number(session, str(data.kind), issued.year)
    notice = SupervisionNotice(
        kind=data.kind,
        number=number.text,
        year=number.year,
        serial=number.serial,
        issued_on=issued,
        target_unit_id=data.target_unit_id,
        requirements=limited_text(data.requirements, "requirements", 10000),
        feedback_deadline=feedback_deadline,
        problem=problem,
        rectify_deadline=rectify_deadline,
        items=items,
    )
    stamp_new(session, notice)
    session.add(notice)
    for item in items:
        log_event(session, item, f"notice_{data.kind}", issued, document_number=number.text)
    session.flush()
    issue_record(session, str(data.kind), notice.id, issued_on=issued, number=number)
    return notice_dto(session, notice)


def record_rectification_result(session: Session, notice_id: int, result: str) -> NoticeDTO:
    notice = load(session, SupervisionNotice, notice_id, "notice")
    if notice.kind != NoticeKind.RECTIFICATION:
        raise DomainError("not_rectification", id=notice_id)
    notice.result = required_text(result, "result", 5000)
    touch(notice)
    session.flush()
    return notice_dto(session, notice)


def bulletin_dto(session: Session, b: Bulletin) -> BulletinDTO:
    return BulletinDTO(
        id=b.id,
        uuid=b.uuid,
        status=b.status,
        number=b.number,
        year=b.year,
        issue_no=b.issue_no,
        issued_on=b.issued_on,
        period_start=b.period_start,
        period_end=b.period_end,
        title=b.title,
        content=b.content,
        mentions=tuple(
            MentionDTO(m.unit_id, load(session, Unit, m.unit_id, "unit").name, m.kind, m.reason)
            for m in b.mentions
        ),
        voided=void_info(session, "bulletin", b.id) if b.deleted_at is not None else None,
    )


def save_bulletin_draft(
    session: Session, data: BulletinInput, bulletin_id: int | None = None
) -> BulletinDTO:
    """Save a bulletin as a draft (a new one, or a draft not yet submitted): no number is
    taken and nothing counts until it is issued."""
    start = required_date(data.period_start, "period_start")
    end = required_date(data.period_end, "period_end")
    if end < start:
        raise InvalidInput("period_reversed", field="period_end")
    planned = required_date(data.issued_on, "issued_on")
    mentions = []
    for i, m in enumerate(data.mentions):
        load(session, Unit, m.unit_id, "unit")
        mentions.append(
            BulletinMention(
                unit_id=m.unit_id,
                kind=m.kind,
                reason=required_text(m.reason, f"mentions[{i}].reason", 2000),
            )
        )
    values = {
        "year": planned.year,
        "issued_on": planned,
        "period_start": start,
        "period_end": end,
        "title": required_text(data.title, "title", 200),
        "content": limited_text(data.content, "content", 100_000),
    }
    if bulletin_id is None:
        bulletin = Bulletin(status=BulletinStatus.DRAFT, number="", issue_no=0, **values)
        bulletin.mentions = mentions
        stamp_new(session, bulletin)
        session.add(bulletin)
    else:
        bulletin = load(session, Bulletin, bulletin_id, "bulletin")
        if bulletin.status != BulletinStatus.DRAFT:
            raise DomainError("bulletin_not_draft", id=bulletin_id, status=str(bulletin.status))
        for name, value in values.items():
            setattr(bulletin, name, value)
        bulletin.mentions = mentions
        touch(bulletin)
    session.flush()
    return bulletin_dto(session, bulletin)


def _step(session: Session, bulletin_id: int, action: str) -> Bulletin:
    bulletin = load(session, Bulletin, bulletin_id, "bulletin")
    bulletin.status = BulletinStatus(BULLETIN.target(action, bulletin.status))
    touch(bulletin)
    return bulletin


def submit_bulletin(session: Session, bulletin_id: int) -> BulletinDTO:
    """Hand a draft to a reviewer (提交审核); it is no longer edited unless sent back."""
    bulletin = _step(session, bulletin_id, "submit_for_review")
    session.flush()
    return bulletin_dto(session, bulletin)


def return_bulletin(session: Session, bulletin_id: int) -> BulletinDTO:
    """Send a submitted bulletin back to its drafter (退回修改)."""
    require(session, "issue_documents", Role.REVIEWER, Role.ADMIN)
    bulletin = _step(session, bulletin_id, "return_to_draft")
    session.flush()
    return bulletin_dto(session, bulletin)


def issue_bulletin(
    session: Session, bulletin_id: int, issued_on: date | None = None, *, today: date | None = None
) -> BulletinDTO:
    """Issue a draft or submitted bulletin (印发): a reviewer's act. It takes the next number
    of the issue year (督查通报 第N期), is frozen as issued, and from then on counts: its
    criticisms go on the late items' timelines, in escalation and in assessment.

    Like supervision notices it is never dated after today, and numbers follow dates: a date
    before the year's last issued bulletin is refused.
    """
    require(session, "issue_documents", Role.REVIEWER, Role.ADMIN)
    bulletin = load(session, Bulletin, bulletin_id, "bulletin")
    BULLETIN.target("issue", bulletin.status)
    issued = required_date(issued_on or bulletin.issued_on, "issued_on")
    last = session.scalar(
        select(func.max(Bulletin.issued_on)).where(
            Bulletin.status == BulletinStatus.ISSUED,
            Bulletin.year == issued.year,
            Bulletin.origin_office == local_office(session).uuid,
            # A voided bulletin keeps its number, so the next one may not be dated before it.
        )
    )
    check_issue_date(issued, today, last)
    number = next_number(session, "bulletin", issued.year)
    bulletin = _step(session, bulletin_id, "issue")
    bulletin.number, bulletin.year, bulletin.issue_no = number.text, number.year, number.serial
    bulletin.issued_on = issued
    # Circulated criticism is the last rung of the ladder: it goes on the late items' timelines.
    criticised = [m.unit_id for m in bulletin.mentions if m.kind == MentionKind.CRITICISM]
    late = session.scalars(
        select(AgreedItem).where(
            AgreedItem.lead_unit_id.in_(criticised),
            AgreedItem.status.in_(OPEN_ITEM_STATUSES),
            AgreedItem.deadline < issued,
            AgreedItem.deleted_at.is_(None),
        )
    )
    for item in late:
        log_event(session, item, "criticism", issued, document_number=number.text)
    session.flush()
    issue_record(session, "bulletin", bulletin.id, issued_on=issued, number=number)
    return bulletin_dto(session, bulletin)


def get_notice(session: Session, notice_id: int) -> NoticeDTO:
    """A notice, a voided one too (its `voided` says when and why)."""
    record = document_record(session, "notice", notice_id)
    assert isinstance(record, SupervisionNotice)
    return notice_dto(session, record)


def get_bulletin(session: Session, bulletin_id: int) -> BulletinDTO:
    """A bulletin, a voided one too (its `voided` says when and why); not a deleted draft."""
    record = document_record(session, "bulletin", bulletin_id)
    assert isinstance(record, Bulletin)
    return bulletin_dto(session, record)


@dataclass(frozen=True)
class SupervisableItem:
    """An open agreed item a supervision document may name."""

    id: int
    text: str
    deadline: date | None


def supervisable_items(session: Session, unit_id: int) -> list[SupervisableItem]:
    """Every open item the unit leads or cooperates on, earliest deadline first: what a notice
    to it may cover."""
    rows = session.execute(
        select(AgreedItem.id, AgreedItem.text, AgreedItem.deadline)
        .where(
            or_(
                AgreedItem.lead_unit_id == unit_id,
                exists().where(
                    item_cooperating_unit.c.item_id == AgreedItem.id,
                    item_cooperating_unit.c.unit_id == unit_id,
                ),
            ),
            AgreedItem.status.in_(OPEN_ITEM_STATUSES),
            AgreedItem.deleted_at.is_(None),
        )
        .order_by(AgreedItem.deadline.is_(None), AgreedItem.deadline, AgreedItem.id)
    ).all()
    return [SupervisableItem(r.id, r.text, r.deadline) for r in rows]


@dataclass(frozen=True)
class ItemSummary:
    id: int
    text: str
    status: str


def notice_items(session: Session, notice_id: int) -> list[ItemSummary]:
    """The items a notice names, with their state, in the order it names them."""
    notice = get_notice(session, notice_id)
    found = {
        r.id: ItemSummary(r.id, r.text, str(r.status))
        for r in session.execute(
            select(AgreedItem.id, AgreedItem.text, AgreedItem.status).where(
                AgreedItem.id.in_(notice.item_ids)
            )
        )
    }
    return [found[i] for i in notice.item_ids if i in found]
