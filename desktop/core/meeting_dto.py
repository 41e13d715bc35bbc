"""What the program shows of a meeting: participants, agenda, groups and its agreed items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.states import MEETING
from desktop.models import AgreedItem, Meeting, MeetingTime, Topic, Unit
from desktop.models.enums import (
    AttendanceRole,
    ItemStatus,
    Level,
    MeetingKind,
    MeetingStatus,
    TopicStatus,
    WorkingGroupKind,
)


@dataclass(frozen=True)
class ParticipantInput:
    name: str
    role: AttendanceRole
    unit_id: int | None = None
    unit_name: str = ""
    title: str = ""
    absence_reason: str = ""


@dataclass(frozen=True)
class ParticipantDTO:
    name: str
    role: AttendanceRole
    unit_id: int | None
    unit_name: str
    title: str
    absence_reason: str


@dataclass(frozen=True)
class AgendaEntryDTO:
    position: int
    topic_id: int
    topic_title: str
    topic_status: TopicStatus
    decision: str


@dataclass(frozen=True)
class ItemBrief:
    id: int
    sequence: int
    text: str
    lead_unit_name: str
    deadline: date | None
    status: ItemStatus


@dataclass(frozen=True)
class MeetingDTO:
    id: int
    uuid: str
    kind: MeetingKind
    level: Level
    union_unit_id: int
    union_name: str
    partner_unit_id: int | None
    partner_name: str
    series_number: int
    planned_on: date | None
    held_on: date | None
    place: str
    chair: str
    starts_at: str  # 09:30; "" when not set
    status: MeetingStatus
    minutes_text: str
    minutes_number: str
    minutes_issued_on: date | None
    cancel_reason: str
    formality_flag: bool
    formality_reason: str
    reconvene_of_id: int | None
    participants: tuple[ParticipantDTO, ...]
    working_groups: tuple[tuple[WorkingGroupKind, str], ...]
    agenda: tuple[AgendaEntryDTO, ...]
    items: tuple[ItemBrief, ...]
    allowed_actions: tuple[str, ...]


def item_briefs(session: Session, meeting_id: int) -> tuple[ItemBrief, ...]:
    rows = session.execute(
        select(
            AgreedItem.id,
            AgreedItem.sequence,
            AgreedItem.text,
            Unit.name,
            AgreedItem.deadline,
            AgreedItem.status,
        )
        .outerjoin(Unit, Unit.id == AgreedItem.lead_unit_id)
        .where(AgreedItem.meeting_id == meeting_id, AgreedItem.deleted_at.is_(None))
        .order_by(AgreedItem.sequence, AgreedItem.id)
    )
    return tuple(ItemBrief(i, seq, text, lead or "", dl, st) for i, seq, text, lead, dl, st in rows)


def meeting_dto(session: Session, m: Meeting) -> MeetingDTO:
    union_name = session.scalar(select(Unit.name).where(Unit.id == m.union_unit_id)) or ""
    titles = dict(
        session.execute(
            select(Topic.id, Topic.title).where(Topic.id.in_([e.topic_id for e in m.agenda]))
        ).all()
    )
    statuses = dict(
        session.execute(
            select(Topic.id, Topic.status).where(Topic.id.in_([e.topic_id for e in m.agenda]))
        ).all()
    )
    return MeetingDTO(
        id=m.id,
        uuid=m.uuid,
        kind=m.kind,
        level=m.level,
        union_unit_id=m.union_unit_id,
        union_name=union_name,
        partner_unit_id=m.partner_unit_id,
        partner_name=m.partner_name,
        series_number=m.series_number,
        planned_on=m.planned_on,
        held_on=m.held_on,
        place=m.place,
        chair=m.chair,
        starts_at=start.starts_at if (start := session.get(MeetingTime, m.id)) else "",
        status=m.status,
        minutes_text=m.minutes_text,
        minutes_number=m.minutes_number,
        minutes_issued_on=m.minutes_issued_on,
        cancel_reason=m.cancel_reason,
        formality_flag=m.formality_flag,
        formality_reason=m.formality_reason,
        reconvene_of_id=m.reconvene_of_id,
        participants=tuple(
            ParticipantDTO(p.name, p.role, p.unit_id, p.unit_name, p.title, p.absence_reason)
            for p in m.participants
        ),
        working_groups=tuple((g.kind, g.members) for g in m.working_groups),
        agenda=tuple(
            AgendaEntryDTO(
                e.position, e.topic_id, titles[e.topic_id], statuses[e.topic_id], e.decision
            )
            for e in m.agenda
        ),
        items=item_briefs(session, m.id),
        allowed_actions=MEETING.allowed(m.status),
    )


def previous_meeting(session: Session, meeting_id: int) -> MeetingDTO | None:
    """The same union's last held meeting before this one: every meeting opens by reporting on it."""
    m = session.get(Meeting, meeting_id)
    if m is None:
        return None
    prev = session.scalars(
        select(Meeting)
        .where(
            Meeting.union_unit_id == m.union_unit_id,
            Meeting.kind == m.kind,
            Meeting.id != m.id,
            Meeting.held_on.is_not(None),
            Meeting.series_number < m.series_number,
            Meeting.deleted_at.is_(None),
        )
        .order_by(Meeting.series_number.desc())
        .limit(1)
    ).first()
    return meeting_dto(session, prev) if prev is not None else None
