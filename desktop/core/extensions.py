"""Extension requests waiting for a decision (延期待批): the oldest first, so none is forgotten."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import AgreedItem, ItemEvent, Unit
from desktop.models.enums import ItemStatus


@dataclass(frozen=True)
class PendingExtension:
    item_id: int
    text: str
    lead_unit_name: str
    deadline: date | None
    requested_deadline: date | None
    requested_on: date | None
    reason: str
    days_waiting: int


def pending_extensions(session: Session, today: date) -> tuple[PendingExtension, ...]:
    """Every item whose extension request is undecided, the longest waiting first."""
    requested = (
        select(ItemEvent.item_id, func.max(ItemEvent.on_date).label("on"))
        .where(ItemEvent.action == "request_extension", ItemEvent.deleted_at.is_(None))
        .group_by(ItemEvent.item_id)
        .subquery()
    )
    rows = session.execute(
        select(
            AgreedItem.id,
            AgreedItem.text,
            Unit.name,
            AgreedItem.deadline,
            AgreedItem.extension_deadline,
            requested.c.on,
            AgreedItem.extension_reason,
        )
        .outerjoin(Unit, Unit.id == AgreedItem.lead_unit_id)
        .outerjoin(requested, requested.c.item_id == AgreedItem.id)
        .where(
            AgreedItem.status == ItemStatus.EXTENSION_REQUESTED,
            AgreedItem.deleted_at.is_(None),
        )
        .order_by(requested.c.on.is_(None), requested.c.on, AgreedItem.id)
    ).all()
    return tuple(
        PendingExtension(
            r.id,
            r.text,
            r.name or "",
            r.deadline,
            r.extension_deadline,
            r.on,
            r.extension_reason or "",
            (today - r.on).days if r.on else 0,
        )
        for r in rows
    )
