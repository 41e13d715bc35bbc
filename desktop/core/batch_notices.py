"""批量催办: reminders or supervision notices for many late items at once, one document per
responsible lead unit naming all of its items, each with the rung's reply period."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.document_parts import cn_date
from desktop.core.errors import InvalidInput
from desktop.core.settings import supervision_settings
from desktop.core.supervision import NoticeDTO, NoticeInput, issue_notice
from desktop.core.workdays import load_calendar
from desktop.models import AgreedItem
from desktop.models.enums import NoticeKind

# Only the rungs that need nothing but the items: a rectification order needs its problem and
# its own deadline, written per unit in the notice editor.
BATCH_KINDS = (NoticeKind.REMINDER, NoticeKind.SUPERVISION)
# The standard 督办要求 of each kind; {d} is the reply deadline.
REQUIREMENTS = {
    NoticeKind.REMINDER: "请加快办理进度，于{d}前报送办理进展。",
    NoticeKind.SUPERVISION: "该事项已超过办理时限，请明确责任人，于{d}前书面报告办理情况及下一步措施。",
}


@dataclass(frozen=True)
class BatchResult:
    notices: tuple[NoticeDTO, ...]  # in the order issued (by lead unit)
    reply_by: date
    estimated: bool  # the reply deadline crossed a year the holiday calendar does not cover


def issue_batch(
    session: Session,
    kind: NoticeKind,
    item_ids: Sequence[int],
    issued_on: date,
    *,
    today: date | None = None,
) -> BatchResult:
    """One `kind` document per lead unit of the given items, all in one transaction: either
    every document is issued or none (a refusal for one item refuses the batch)."""
    if kind not in BATCH_KINDS:
        raise InvalidInput("not_batchable", field="kind", kind=str(kind))
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        raise InvalidInput("required", field="item_ids")
    leads = dict(
        session.execute(
            select(AgreedItem.id, AgreedItem.lead_unit_id).where(AgreedItem.id.in_(ids))
        ).all()
    )
    by_unit: dict[int, list[int]] = defaultdict(list)
    for item_id in ids:
        lead = leads.get(item_id)
        if lead is None:
            raise InvalidInput("no_lead_unit", field="item_ids", id=item_id)
        by_unit[lead].append(item_id)
    settings = supervision_settings(session)
    wait = (
        settings.reminder_reply_workdays
        if kind == NoticeKind.REMINDER
        else settings.supervision_reply_workdays
    )
    reply = load_calendar(session).add_workdays(issued_on, wait)
    notices = tuple(
        issue_notice(
            session,
            NoticeInput(
                kind,
                unit,
                tuple(items),
                issued_on,
                requirements=REQUIREMENTS[kind].format(d=cn_date(reply.day)),
                feedback_deadline=reply.day,
            ),
            today=today,
        )
        for unit, items in by_unit.items()
    )
    return BatchResult(notices, reply.day, reply.estimated)
