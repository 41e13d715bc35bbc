"""The figures of a supervision bulletin: per unit, items due, done, on time, overdue, lateness.

Only the items an office supervises count: those agreed by meetings of its own level and the
level just below (``core.scope``, the escalation ladder's scope too). For a period [start, end]
and a lead unit:
* due — its assigned (not drafted, not cancelled) items whose deadline falls in the period;
* done — of those, completed or verified on or before the period's end;
* on time — of those done, completed on or before the deadline;
* overdue — every item still open at the period's end although its deadline had passed,
  whatever period the deadline fell in (an item late since two years ago is still counted);
  ``overdue_from_before`` says how many of them were due before the period began;
* average working days late — over the late ones (done late in the period, or still open at
  its end), working days from the deadline to completion or to the period's end.

Proposals name only units the issuing office may commend or criticise
(``scope.may_be_proposed``): never the office itself, never a party committee, never a
government of the office's own level or above, never a unit above the office. A unit is never
in both lists of one issue.

* Commendation: every item due in the period done on time, and nothing overdue at its end;
  the units with the most items done on time first, at most ``commendations_per_issue``.
* Criticism: an item overdue by more than ``criticism_after_workdays`` working days at the
  period's end, or a rectification order whose deadline passed by the period's end with its
  items still open; the latest first, at most ``criticisms_per_issue``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.core.office import find_local_office
from desktop.core.scope import may_be_proposed, supervised_items_clause
from desktop.core.settings import SupervisionSettings, supervision_settings
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
    overdue: int  # open at the period's end past the deadline, whenever that deadline was
    average_workdays_late: float
    max_workdays_late: int
    overdue_from_before: int = 0  # of `overdue`, items due before the period began


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
    # Rectification orders not carried out by the period's end: unit id, unit name, number.
    failed_rectifications: tuple[tuple[int, str, str], ...] = ()


@dataclass
class _Entry:
    deadline: date
    done_on: date | None  # completed on or before the period's end


def _lateness(calendar: WorkCalendar, deadline: date, done_on: date | None, end: date) -> int:
    finished = done_on if done_on is not None and done_on <= end else end
    return max(0, calendar.workdays_between(deadline, finished)) if finished > deadline else 0


def _unit_stats(
    calendar: WorkCalendar, unit_id: int, name: str, entries: list[_Entry], start: date, end: date
) -> UnitStats:
    due = [e for e in entries if e.deadline >= start]
    overdue = [e for e in entries if e.done_on is None and e.deadline < end]
    late = [_lateness(calendar, e.deadline, e.done_on, end) for e in due + overdue]
    late_ones = [x for x in late if x > 0]
    return UnitStats(
        unit_id=unit_id,
        unit_name=name,
        due=len(due),
        done=sum(1 for e in due if e.done_on is not None),
        done_on_time=sum(1 for e in due if e.done_on is not None and e.done_on <= e.deadline),
        overdue=len(overdue),
        average_workdays_late=round(sum(late_ones) / len(late_ones), 1) if late_ones else 0.0,
        max_workdays_late=max(late, default=0),
        overdue_from_before=sum(1 for e in overdue if e.deadline < start),
    )


def bulletin_statistics(
    session: Session, start: date, end: date, unit_ids: list[int] | None = None
) -> BulletinStats:
    """Per-unit figures for the period and the units proposed for commendation and criticism."""
    calendar = load_calendar(session)
    settings = supervision_settings(session)
    stmt = (
        select(
            AgreedItem.lead_unit_id,
            Unit.name,
            Unit.kind,
            Unit.level,
            AgreedItem.deadline,
            AgreedItem.status,
            AgreedItem.completed_on,
        )
        .join(Unit, Unit.id == AgreedItem.lead_unit_id)
        .where(
            AgreedItem.status.in_(COUNTED),
            AgreedItem.deleted_at.is_(None),
            AgreedItem.deadline <= end,
            # due in the period, or due before it and not done by its start
            or_(
                AgreedItem.deadline >= start,
                AgreedItem.completed_on.is_(None),
                AgreedItem.completed_on > end,
                AgreedItem.status.not_in(DONE),
            ),
        )
    )
    if unit_ids is not None:
        stmt = stmt.where(AgreedItem.lead_unit_id.in_(unit_ids))
    per_unit: dict[int, list[_Entry]] = defaultdict(list)
    names: dict[int, str] = {}
    eligible: set[int] = set()
    office = find_local_office(session)
    office_level = office.level if office is not None else None
    office_unit = office.unit_id if office is not None else None
    stmt = stmt.where(supervised_items_clause(office_level))
    for unit_id, name, kind, level, deadline, status, completed_on in session.execute(stmt):
        if unit_id is None or deadline is None:  # excluded by the query; keeps the types honest
            continue
        done = status in DONE and completed_on is not None and completed_on <= end
        if deadline < start and done:
            continue  # finished before or during the period after an earlier deadline
        per_unit[unit_id].append(_Entry(deadline, completed_on if done else None))
        names[unit_id] = name
        if may_be_proposed(
            kind, level, office_level=office_level, is_office=unit_id == office_unit
        ):
            eligible.add(unit_id)
    rows = [_unit_stats(calendar, u, names[u], e, start, end) for u, e in per_unit.items()]
    rows.sort(key=lambda r: (-r.overdue, -r.average_workdays_late, r.unit_name))
    failed = tuple(dict.fromkeys(_failed_rectifications(session, start, end, unit_ids)))
    criticisms = _criticisms(rows, eligible, failed, settings)
    criticised = {p.unit_id for p in criticisms}
    praised = sorted(
        (
            r
            for r in rows
            if r.unit_id in eligible
            and r.unit_id not in criticised
            and r.due
            and r.done_on_time == r.due
            and r.overdue == 0
        ),
        key=lambda r: (-r.done_on_time, r.unit_name),
    )
    commendations = tuple(
        BulletinProposal(r.unit_id, r.unit_name, "commend_all_on_time", {"due": r.due})
        for r in praised[: settings.commendations_per_issue]
    )
    return BulletinStats(start, end, tuple(rows), commendations, criticisms, failed)


def _criticisms(
    rows: list[UnitStats],
    eligible: set[int],
    failed: tuple[tuple[int, str, str], ...],
    settings: SupervisionSettings,
) -> tuple[BulletinProposal, ...]:
    """Units late beyond the threshold, or with a rectification order not carried out; the
    latest first (then those with the most overdue items)."""
    by_unit = {r.unit_id: r for r in rows}
    found: dict[int, BulletinProposal] = {
        r.unit_id: BulletinProposal(
            r.unit_id,
            r.unit_name,
            "criticise_overdue",
            {"overdue": r.overdue, "days": r.max_workdays_late},
        )
        for r in rows
        if r.unit_id in eligible
        and r.overdue
        and r.max_workdays_late > settings.criticism_after_workdays
    }
    for unit_id, name, number in failed:
        if unit_id in eligible:
            found.setdefault(
                unit_id,
                BulletinProposal(unit_id, name, "criticise_rectification", {"number": number}),
            )

    def severity(p: BulletinProposal) -> tuple[int, int, str]:
        r = by_unit.get(p.unit_id)
        return (-(r.max_workdays_late if r else 0), -(r.overdue if r else 0), p.unit_name)

    return tuple(sorted(found.values(), key=severity)[: settings.criticisms_per_issue])


def _failed_rectifications(
    session: Session, start: date, end: date, unit_ids: list[int] | None
) -> list[tuple[int, str, str]]:
    """Rectification orders not carried out: the deadline fell in the period and an item was
    not done by it, or the deadline passed earlier and an item is still open at the period's
    end. Cancelled items do not count."""
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
            AgreedItem.deleted_at.is_(None),
            SupervisionNotice.rectify_deadline <= end,
        )
        .order_by(SupervisionNotice.issued_on, SupervisionNotice.id)
    )
    if unit_ids is not None:
        stmt = stmt.where(SupervisionNotice.target_unit_id.in_(unit_ids))
    failed = []
    for unit_id, name, number, status, completed_on, rectify_by in session.execute(stmt):
        if rectify_by is None or status == ItemStatus.CANCELLED:
            continue
        done_on = completed_on if status in DONE else None
        if done_on is None or done_on > end or (rectify_by >= start and done_on > rectify_by):
            failed.append((unit_id, name, number))
    return failed
