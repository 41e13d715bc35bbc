"""The dashboard: what needs attention today, as counts and the records behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desktop.core.catalog import deadline_passed_clause
from desktop.core.frequency import FrequencyStatus, frequency_status
from desktop.core.replies import awaiting_any_reply_clause
from desktop.core.workdays import WorkCalendar, load_calendar
from desktop.models import (
    AgreedItem,
    Establishment,
    ExchangeConflict,
    ExchangeLog,
    ProgressFeedback,
    Suggestion,
    SupervisionNotice,
    Topic,
    Unit,
    notice_item,
)
from desktop.models.enums import OPEN_ITEM_STATUSES, ItemStatus, TopicStatus

DUE_SOON_WORKDAYS = 5
WAITING_FOR_VETTING = (TopicStatus.CANDIDATE, TopicStatus.RESEARCHING)


@dataclass(frozen=True)
class DashboardCounts:
    today: date
    overdue_items: int
    due_soon_items: int
    due_soon_until: date
    due_soon_estimated: bool  # the date was judged by weekends alone (year not in the calendar)
    units_behind_on_meetings: int
    topics_waiting_for_vetting: int
    suggestions_waiting_for_reply: int
    last_exchange_at: datetime | None
    open_items: int = 0
    pending_extensions: int = 0  # extension requests not yet decided
    awaiting_reply: int = 0  # open items supervised by a document and not reported on since
    # Pairs still without the joint-meeting system after their 限期建制 date.
    establishments_past_deadline: int = 0


def due_soon_until(calendar: WorkCalendar, today: date) -> tuple[date, bool]:
    result = calendar.add_workdays(today, DUE_SOON_WORKDAYS)
    return result.day, result.estimated


Clauses = tuple[ColumnElement[bool], ...]


def overdue_items_clause(today: date) -> Clauses:
    return (
        AgreedItem.status.in_(OPEN_ITEM_STATUSES),
        AgreedItem.deadline < today,
        AgreedItem.deleted_at.is_(None),
    )


def due_soon_clause(today: date, until: date) -> Clauses:
    return (
        AgreedItem.status.in_(OPEN_ITEM_STATUSES),
        AgreedItem.deadline >= today,
        AgreedItem.deadline <= until,
        AgreedItem.deleted_at.is_(None),
    )


def waiting_for_reply_clause() -> Clauses:
    """Suggestions whose worker has not been told anything: still to decide, or decided
    (adopted, forwarded, declined) without a reply; and adopted ones whose agreed item was
    closed after the last reply (the final reply is owed)."""
    return (awaiting_any_reply_clause(),)


def dashboard_counts(
    session: Session, today: date, standing: tuple[FrequencyStatus, ...] | None = None
) -> DashboardCounts:
    """The counts; pass `standing` when the caller already has frequency_status for today."""
    until, estimated = due_soon_until(load_calendar(session), today)
    if standing is None:
        standing = frequency_status(session, today)

    def count(model: type, *clauses: ColumnElement[bool]) -> int:
        return int(session.scalar(select(func.count()).select_from(model).where(*clauses)) or 0)

    return DashboardCounts(
        today=today,
        overdue_items=count(AgreedItem, *overdue_items_clause(today)),
        due_soon_items=count(AgreedItem, *due_soon_clause(today, until)),
        due_soon_until=until,
        due_soon_estimated=estimated,
        units_behind_on_meetings=sum(1 for s in standing if s.behind),
        topics_waiting_for_vetting=count(
            Topic, Topic.status.in_(WAITING_FOR_VETTING), Topic.deleted_at.is_(None)
        ),
        suggestions_waiting_for_reply=count(Suggestion, *waiting_for_reply_clause()),
        last_exchange_at=session.scalar(select(func.max(ExchangeLog.at))),
        open_items=count(
            AgreedItem, AgreedItem.status.in_(OPEN_ITEM_STATUSES), AgreedItem.deleted_at.is_(None)
        ),
        pending_extensions=count(
            AgreedItem,
            AgreedItem.status == ItemStatus.EXTENSION_REQUESTED,
            AgreedItem.deleted_at.is_(None),
        ),
        awaiting_reply=awaiting_reply_count(session, today),
        establishments_past_deadline=count(Establishment, *deadline_passed_clause(today)),
    )


def open_conflict_count(session: Session) -> int:
    """Exchange conflicts waiting for a clerk's decision (desktop.sync.exchange lists them)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(ExchangeConflict)
            .where(ExchangeConflict.resolution.is_(None))
        )
        or 0
    )


def awaiting_reply_count(session: Session, today: date) -> int:
    """Open items that had a supervision document and no progress report dated since it."""
    latest = (
        select(notice_item.c.item_id, func.max(SupervisionNotice.issued_on).label("on"))
        .join(SupervisionNotice, SupervisionNotice.id == notice_item.c.notice_id)
        .where(SupervisionNotice.deleted_at.is_(None), SupervisionNotice.issued_on <= today)
        .group_by(notice_item.c.item_id)
        .subquery()
    )
    reported_since = exists().where(
        ProgressFeedback.item_id == AgreedItem.id,
        ProgressFeedback.reported_on >= latest.c.on,
        ProgressFeedback.deleted_at.is_(None),
    )
    return int(
        session.scalar(
            select(func.count())
            .select_from(AgreedItem)
            .join(latest, latest.c.item_id == AgreedItem.id)
            .where(
                AgreedItem.status.in_(OPEN_ITEM_STATUSES),
                AgreedItem.deleted_at.is_(None),
                ~reported_since,
            )
        )
        or 0
    )


@dataclass(frozen=True)
class Entry:
    """One line of a dashboard list: the record it opens and what it says."""

    kind: str
    id: int
    text: str
    on: date | None
    unit: str


@dataclass(frozen=True)
class DashboardEntries:
    overdue_items: tuple[Entry, ...]
    due_soon_items: tuple[Entry, ...]
    topics_waiting_for_vetting: tuple[Entry, ...]
    suggestions_waiting_for_reply: tuple[Entry, ...]
    establishments_past_deadline: tuple[Entry, ...] = ()


def _items(session: Session, clauses: Clauses, limit: int) -> tuple[Entry, ...]:
    rows = session.execute(
        select(AgreedItem.id, AgreedItem.text, AgreedItem.deadline, Unit.name)
        .outerjoin(Unit, Unit.id == AgreedItem.lead_unit_id)
        .where(*clauses)
        .order_by(AgreedItem.deadline, AgreedItem.id)
        .limit(limit)
    )
    return tuple(Entry("item", i, text, deadline, lead or "") for i, text, deadline, lead in rows)


def dashboard_entries(session: Session, today: date, limit: int = 200) -> DashboardEntries:
    """The records behind the dashboard's counts, oldest first (the same clauses as the counts)."""
    until, _ = due_soon_until(load_calendar(session), today)
    topics = session.execute(
        select(Topic.id, Topic.title, Topic.created_at, Unit.name)
        .join(Unit, Unit.id == Topic.union_unit_id)
        .where(Topic.status.in_(WAITING_FOR_VETTING), Topic.deleted_at.is_(None))
        .order_by(Topic.created_at, Topic.id)  # oldest first, as the docstring says
        .limit(limit)
    )
    suggestions = session.execute(
        select(Suggestion.id, Suggestion.content, Suggestion.received_on, Unit.name)
        .outerjoin(Unit, Unit.id == Suggestion.receiving_unit_id)
        .where(*waiting_for_reply_clause())
        .order_by(Suggestion.received_on, Suggestion.id)
        .limit(limit)
    )
    late = session.execute(
        select(
            Establishment.id,
            Establishment.partner_name,
            Establishment.establish_deadline,
            Unit.name,
        )
        .join(Unit, Unit.id == Establishment.union_unit_id)
        .where(*deadline_passed_clause(today))
        .order_by(Establishment.establish_deadline, Establishment.id)
        .limit(limit)
    )
    return DashboardEntries(
        establishments_past_deadline=tuple(
            Entry("establishment", i, partner, on, union) for i, partner, on, union in late
        ),
        overdue_items=_items(session, overdue_items_clause(today), limit),
        due_soon_items=_items(session, due_soon_clause(today, until), limit),
        topics_waiting_for_vetting=tuple(
            Entry("topic", i, t, created.date(), u) for i, t, created, u in topics
        ),
        suggestions_waiting_for_reply=tuple(
            Entry("suggestion", i, c, on, u or "") for i, c, on, u in suggestions
        ),
    )


@dataclass(frozen=True)
class LeadUnitLoad:
    unit_id: int
    unit_name: str
    open_items: int
    overdue_items: int


def open_items_by_lead_unit(session: Session, today: date) -> tuple[LeadUnitLoad, ...]:
    """Open items per lead unit, most overdue first."""
    overdue = func.sum(case((AgreedItem.deadline < today, 1), else_=0))
    rows = session.execute(
        select(Unit.id, Unit.name, func.count(AgreedItem.id), overdue)
        .join(Unit, Unit.id == AgreedItem.lead_unit_id)
        .where(AgreedItem.status.in_(OPEN_ITEM_STATUSES), AgreedItem.deleted_at.is_(None))
        .group_by(Unit.id, Unit.name)
        .order_by(overdue.desc(), func.count(AgreedItem.id).desc(), Unit.id)
    )
    return tuple(LeadUnitLoad(uid, name, int(n), int(late or 0)) for uid, name, n, late in rows)
