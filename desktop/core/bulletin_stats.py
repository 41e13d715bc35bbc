"""The figures of a supervision bulletin: per unit, items due, done, on time, overdue, lateness.

For a period [start, end] and a lead unit:
* due — its assigned (not drafted, not cancelled) items whose deadline falls in the period;
* done — of those, completed or verified on or before the period's end;
* on time — of those done, completed on or before the deadline;
* overdue — of those due, not done by the period's end although the deadline has passed;
* average working days late — over the late ones (done late, or still open at the end),
  working days from the deadline to completion or to the period's end.
Proposed commendation: every item due done on time. Proposed criticism: an item overdue by more
than the threshold at the period's end, or a rectification order whose deadline passed in the
period with its items still open.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.settings import supervision_settings
from desktop.core.workdays import WorkCalendar, load_calendar
from desktop.models import AgreedItem, SupervisionNotice, Unit, notice_item
from desktop.models.enums import ItemStatus, NoticeKind

COUNTED = (
    ItemStatus.ASSIGNED,
    ItemStatus.IN_PROGRESS,
    ItemStatus.EXTENSION_REQUESTED,
    ItemStatus.COMPLETED,
    ItemStatus.VERIFIED,
)
DONE = (ItemStatus.COMPLETED, ItemStatus.VERIFIED)


@dataclass(frozen=True)
class UnitStats:
    unit_id: int
    unit_name: str
    due: int
    done: int
    done_on_time: int
    overdue: int
    average_workdays_late: float
    max_workdays_late: int


@dataclass(frozen=True)
class BulletinProposal:
    """A unit proposed for commendation or criticism in a supervision bulletin."""

    unit_id: int
    unit_name: str
    reason: str  # a message code: the window and the CLI word it
    fields: dict[str, object]


@dataclass(frozen=True)
class BulletinStats:
    period_start: date
    period_end: date
    units: tuple[UnitStats, ...]
    commendations: tuple[BulletinProposal, ...]
    criticisms: tuple[BulletinProposal, ...]


def _lateness(calendar: WorkCalendar, deadline: date, done_on: date | None, end: date) -> int:
    finished = done_on if done_on is not None and done_on <= end else end
    return max(0, calendar.workdays_between(deadline, finished)) if finished > deadline else 0


def bulletin_statistics(
    session: Session, start: date, end: date, unit_ids: list[int] | None = None
) -> BulletinStats:
    calendar = load_calendar(session)
    threshold = supervision_settings(session).criticism_after_workdays
    stmt = (
        select(
            AgreedItem.id,
            AgreedItem.lead_unit_id,
            Unit.name,
            AgreedItem.deadline,
            AgreedItem.status,
            AgreedItem.completed_on,
        )
        .join(Unit, Unit.id == AgreedItem.lead_unit_id)
        .where(
            AgreedItem.status.in_(COUNTED),
            AgreedItem.deleted_at.is_(None),
            AgreedItem.deadline >= start,
            AgreedItem.deadline <= end,
        )
    )
    if unit_ids is not None:
        stmt = stmt.where(AgreedItem.lead_unit_id.in_(unit_ids))
    per_unit: dict[int, list[tuple[date, bool, date | None]]] = defaultdict(list)
    names: dict[int, str] = {}
    for _id, unit_id, name, deadline, status, completed_on in session.execute(stmt):
        if unit_id is None or deadline is None:  # excluded by the query; keeps the types honest
            continue
        done = status in DONE and completed_on is not None and completed_on <= end
        per_unit[unit_id].append((deadline, done, completed_on if done else None))
        names[unit_id] = name
    rows = []
    for unit_id, entries in per_unit.items():
        late = [_lateness(calendar, d, c, end) for d, _, c in entries]
        late_ones = [x for x in late if x > 0]
        rows.append(
            UnitStats(
                unit_id=unit_id,
                unit_name=names[unit_id],
                due=len(entries),
                done=sum(1 for _, done, _ in entries if done),
                done_on_time=sum(1 for d, done, c in entries if done and c is not None and c <= d),
                overdue=sum(1 for d, done, _ in entries if not done and d < end),
                average_workdays_late=round(sum(late_ones) / len(late_ones), 1)
                if late_ones
                else 0.0,
                max_workdays_late=max(late, default=0),
            )
        )
    rows.sort(key=lambda r: (-r.overdue, -r.average_workdays_late, r.unit_name))
    commend = tuple(
        BulletinProposal(r.unit_id, r.unit_name, "commend_all_on_time", {"due": r.due})
        for r in rows
        if r.due and r.done_on_time == r.due
    )
    criticise: dict[int, BulletinProposal] = {
        r.unit_id: BulletinProposal(
            r.unit_id,
            r.unit_name,
            "criticise_overdue",
            {"overdue": r.overdue, "days": r.max_workdays_late},
        )
        for r in rows
        if r.overdue and r.max_workdays_late > threshold
    }
    for unit_id, name, number in _failed_rectifications(session, start, end, unit_ids):
        criticise.setdefault(
            unit_id, BulletinProposal(unit_id, name, "criticise_rectification", {"number": number})
        )
    return BulletinStats(start, end, tuple(rows), commend, tuple(criticise.values()))


def _failed_rectifications(
    session: Session, start: date, end: date, unit_ids: list[int] | None
) -> list[tuple[int, str, str]]:
    """Rectification orders whose deadline fell in the period while an item was still open."""
    stmt = (
        select(
            SupervisionNotice.target_unit_id,
            Unit.name,
            SupervisionNotice.number,
            AgreedItem.status,
            AgreedItem.completed_on,
            SupervisionNotice.rectify_deadline,
        )
        .join(Unit, Unit.id == SupervisionNotice.target_unit_id)
        .join(notice_item, notice_item.c.notice_id == SupervisionNotice.id)
        .join(AgreedItem, AgreedItem.id == notice_item.c.item_id)
        .where(
            SupervisionNotice.kind == NoticeKind.RECTIFICATION,
            SupervisionNotice.deleted_at.is_(None),
            SupervisionNotice.rectify_deadline >= start,
            SupervisionNotice.rectify_deadline <= end,
        )
    )
    if unit_ids is not None:
        stmt = stmt.where(SupervisionNotice.target_unit_id.in_(unit_ids))
    failed = []
    for unit_id, name, number, status, completed_on, rectify_by in session.execute(stmt):
        if rectify_by is None:
            continue
        fixed = status in DONE and completed_on is not None and completed_on <= rectify_by
        if not fixed and status != ItemStatus.CANCELLED:
            failed.append((unit_id, name, number))
    return failed
