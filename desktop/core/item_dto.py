"""What the program shows of an agreed item: units, feedback with figures, and its timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.core.states import ITEM
from desktop.core.timeline import EventDTO, item_timeline
from desktop.models import AgreedItem, Meeting, ProgressFeedback, Unit
from desktop.models.enums import ItemStatus


@dataclass(frozen=True)
class FigureDTO:
    name: str
    number: float
    unit: str


@dataclass(frozen=True)
class FeedbackDTO:
    id: int
    reported_on: date
    reporting_unit_id: int | None
    text: str
    percent_done: int
    figures: tuple[FigureDTO, ...]


@dataclass(frozen=True)
class ItemDTO:
    id: int
    uuid: str
    meeting_id: int
    meeting_held_on: date | None
    topic_id: int | None
    sequence: int
    text: str
    lead_unit_id: int | None
    lead_unit_name: str
    cooperating_unit_ids: tuple[int, ...]
    cooperating_unit_names: tuple[str, ...]
    deadline: date | None
    target_text: str
    target_number: float | None
    target_unit: str
    status: ItemStatus
    assigned_on: date | None
    completed_on: date | None
    verified_on: date | None
    verification_note: str
    extension_reason: str
    extension_deadline: date | None
    send_back_reason: str
    cancel_reason: str
    last_feedback_on: date | None
    percent_done: int
    feedback: tuple[FeedbackDTO, ...]
    timeline: tuple[EventDTO, ...]
    allowed_actions: tuple[str, ...]


def item_dto(session: Session, item: AgreedItem) -> ItemDTO:
    lead_name = ""
    if item.lead_unit_id is not None:
        lead_name = session.scalar(select(Unit.name).where(Unit.id == item.lead_unit_id)) or ""
    held_on = session.scalar(select(Meeting.held_on).where(Meeting.id == item.meeting_id))
    feedback = session.scalars(
        select(ProgressFeedback)
        .options(selectinload(ProgressFeedback.figures))
        .where(ProgressFeedback.item_id == item.id, ProgressFeedback.deleted_at.is_(None))
        .order_by(ProgressFeedback.reported_on, ProgressFeedback.id)
    ).all()
    return ItemDTO(
        id=item.id,
        uuid=item.uuid,
        meeting_id=item.meeting_id,
        meeting_held_on=held_on,
        topic_id=item.topic_id,
        sequence=item.sequence,
        text=item.text,
        lead_unit_id=item.lead_unit_id,
        lead_unit_name=lead_name,
        cooperating_unit_ids=tuple(u.id for u in item.cooperating_units),
        cooperating_unit_names=tuple(u.name for u in item.cooperating_units),
        deadline=item.deadline,
        target_text=item.target_text,
        target_number=item.target_number,
        target_unit=item.target_unit,
        status=item.status,
        assigned_on=item.assigned_on,
        completed_on=item.completed_on,
        verified_on=item.verified_on,
        verification_note=item.verification_note,
        extension_reason=item.extension_reason,
        extension_deadline=item.extension_deadline,
        send_back_reason=item.send_back_reason,
        cancel_reason=item.cancel_reason,
        last_feedback_on=item.last_feedback_on,
        percent_done=item.percent_done,
        feedback=tuple(
            FeedbackDTO(
                f.id,
                f.reported_on,
                f.reporting_unit_id,
                f.text,
                f.percent_done,
                tuple(FigureDTO(g.name, g.number, g.unit) for g in f.figures),
            )
            for f in feedback
        ),
        timeline=item_timeline(session, item.id),
        allowed_actions=ITEM.allowed(item.status),
    )
