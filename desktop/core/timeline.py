"""An agreed item's timeline: every status change, feedback, reminder and document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.records import stamp_new
from desktop.models import AgreedItem, ItemEvent


@dataclass(frozen=True)
class EventDTO:
    at: datetime
    on_date: date
    actor: str
    action: str
    from_status: str
    to_status: str
    note: str
    document_number: str


def log_event(
    session: Session,
    item: AgreedItem,
    action: str,
    on: date,
    *,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
    document_number: str = "",
    actor: str = "",
    requested_deadline: date | None = None,
) -> None:
    event = ItemEvent(
        requested_deadline=requested_deadline,
        item_id=item.id,
        on_date=on,
        actor=actor,
        action=action,
        from_status=str(from_status),
        to_status=str(to_status),
        note=note[:2000],
        document_number=document_number,
    )
    stamp_new(session, event)
    session.add(event)


def item_timeline(session: Session, item_id: int) -> tuple[EventDTO, ...]:
    events = session.scalars(
        select(ItemEvent)
        .where(ItemEvent.item_id == item_id, ItemEvent.deleted_at.is_(None))
        .order_by(ItemEvent.on_date, ItemEvent.id)
    )
    return tuple(
        EventDTO(
            e.at,
            e.on_date,
            e.actor,
            e.action,
            e.from_status,
            e.to_status,
            e.note,
            e.document_number,
        )
        for e in events
    )
