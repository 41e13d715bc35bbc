"""The dashboard: what needs attention today, as counts and the records behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desktop.core.frequency import frequency_status
from desktop.core.workdays import WorkCalendar, load_calendar
from desktop.models import AgreedItem, ExchangeLog, Suggestion, Topic, Unit
from desktop.models.enums import OPEN_ITEM_STATUSES, SuggestionStatus, TopicStatus

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
    return (Suggestion.status == SuggestionStatus.REGISTERED, Suggestion.deleted_at.is_(None))


def dashboard_counts(session: Session, today: date) -> DashboardCounts:
    until, estimated = due_soon_until(load_calendar(session), today)

    def count(model: type, *clauses: ColumnElement[bool]) -> int:
        return int(session.scalar(select(func.count()).select_from(model).where(*clauses)) or 0)

    return DashboardCounts(
        today=today,
        overdue_items=count(AgreedItem, *overdue_items_clause(today)),
        due_soon_items=count(AgreedItem, *due_soon_clause(today, until)),
        due_soon_until=until,
        due_soon_estimated=estimated,
        units_behind_on_meetings=sum(1 for s in frequency_status(session, today) if s.behind),
        topics_waiting_for_vetting=count(
            Topic, Topic.status.in_(WAITING_FOR_VETTING), Topic.deleted_at.is_(None)
        ),
        suggestions_waiting_for_reply=count(Suggestion, *waiting_for_reply_clause()),
        last_exchange_at=session.scalar(select(func.max(ExchangeLog.at))),
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
