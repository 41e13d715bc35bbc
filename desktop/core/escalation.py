"""The escalation ladder for late items: reminder → supervision notice → rectification → criticism."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.workdays import load_calendar
from desktop.models import (
    AgreedItem,
    Bulletin,
    BulletinMention,
    SupervisionNotice,
    Unit,
    notice_item,
)
from desktop.models.enums import OPEN_ITEM_STATUSES, MentionKind, NoticeKind


class Step(StrEnum):
    REMINDER = "reminder"  # 催办
    SUPERVISION = "supervision"  # 督办通知
    RECTIFICATION = "rectification"  # 整改通知 with a deadline
    CRITICISM = "criticism"  # 通报批评 in the next bulletin


LADDER = (Step.REMINDER, Step.SUPERVISION, Step.RECTIFICATION, Step.CRITICISM)


def next_step(taken: set[Step]) -> Step | None:
    """The first rung not yet taken; None when the whole ladder has been climbed."""
    return next((s for s in LADDER if s not in taken), None)


@dataclass(frozen=True)
class EscalationSuggestion:
    item_id: int
    text: str
    lead_unit_id: int
    lead_unit_name: str
    deadline: date
    workdays_late: int
    step: Step


def steps_taken(session: Session, item_ids: list[int]) -> dict[int, set[Step]]:
    """Which rungs each item has had: its notices, and criticism of its lead unit after them."""
    taken: dict[int, set[Step]] = defaultdict(set)
    last_notice: dict[int, date] = {}
    for item_id, kind, issued in session.execute(
        select(notice_item.c.item_id, SupervisionNotice.kind, SupervisionNotice.issued_on)
        .join(SupervisionNotice, SupervisionNotice.id == notice_item.c.notice_id)
        .where(notice_item.c.item_id.in_(item_ids), SupervisionNotice.deleted_at.is_(None))
    ):
        taken[item_id].add(Step(NoticeKind(kind).value))
        last_notice[item_id] = max(issued, last_notice.get(item_id, issued))
    criticised: dict[int, list[date]] = defaultdict(list)
    for unit_id, issued in session.execute(
        select(BulletinMention.unit_id, Bulletin.issued_on)
        .join(Bulletin, Bulletin.id == BulletinMention.bulletin_id)
        .where(BulletinMention.kind == MentionKind.CRITICISM, Bulletin.deleted_at.is_(None))
    ):
        criticised[unit_id].append(issued)
    for item_id, lead in session.execute(
        select(AgreedItem.id, AgreedItem.lead_unit_id).where(AgreedItem.id.in_(item_ids))
    ):
        rectified_on = last_notice.get(item_id)
        if (
            Step.RECTIFICATION in taken[item_id]
            and rectified_on is not None
            and any(d >= rectified_on for d in criticised.get(lead or -1, []))
        ):
            taken[item_id].add(Step.CRITICISM)
    return taken


def escalation_suggestions(session: Session, today: date) -> tuple[EscalationSuggestion, ...]:
    """For every overdue open item, the next rung of the ladder, the latest first."""
    rows = session.execute(
        select(
            AgreedItem.id, AgreedItem.text, AgreedItem.lead_unit_id, Unit.name, AgreedItem.deadline
        )
        .join(Unit, Unit.id == AgreedItem.lead_unit_id)
        .where(
            AgreedItem.status.in_(OPEN_ITEM_STATUSES),
            AgreedItem.deadline < today,
            AgreedItem.deleted_at.is_(None),
        )
        .order_by(AgreedItem.deadline, AgreedItem.id)
    ).all()
    taken = steps_taken(session, [r[0] for r in rows])
    calendar = load_calendar(session)
    result = []
    for item_id, text, lead_id, lead_name, deadline in rows:
        step = next_step(taken.get(item_id, set()))
        if step is not None and lead_id is not None and deadline is not None:
            late = calendar.workdays_between(deadline, today)
            result.append(
                EscalationSuggestion(item_id, text, lead_id, lead_name, deadline, late, step)
            )
    return tuple(result)
