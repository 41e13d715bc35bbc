"""Office-wide rates of a year: convening (召开率), establishment (建制率), suggestion adoption,
and the meetings, topics and items of each level."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.orm import Session

from desktop.core.pairs import HELD, as_of_date, every_union, pair_facts
from desktop.core.periods import due_periods
from desktop.models import AgendaEntry, AgreedItem, Establishment, Meeting, Suggestion
from desktop.models.enums import Level, SuggestionStatus

PERIODS = ("year", "Q1", "Q2", "Q3", "Q4")
LEVEL_ORDER = {level: i for i, level in enumerate(Level)}


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def quarter(day: date) -> str:
    return f"Q{(day.month - 1) // 3 + 1}"


@dataclass(frozen=True)
class ConveningRate:
    """召开率 of one level in one period: required meetings (one per period of each established
    pair's rule that ended in it) and how many of them took place (not only for form)."""

    level: Level
    period: str  # year, Q1…Q4 (a required meeting counts in the quarter its period ends)
    required: int
    convened: int
    meetings_held: int  # every meeting held in the period, extra and form-only ones too
    rate: float | None  # percent


@dataclass(frozen=True)
class EstablishmentRate:
    level: Level
    pairs: int
    established: int  # by the end of the year
    rate: float | None


@dataclass(frozen=True)
class AdoptionRow:
    level: Level  # the level asked to act: county union, township government, enterprise
    received: int
    adopted: int
    rate: float | None


@dataclass(frozen=True)
class SuggestionAdoption:
    received: int
    adopted: int
    by_level: tuple[AdoptionRow, ...]


@dataclass(frozen=True)
class MeetingActivity:
    level: Level
    meetings: int  # held (form-only ones included: they took place)
    topics: int  # distinct topics on their agendas
    items: int  # agreed items they decided


@dataclass(frozen=True)
class YearRates:
    year: int
    as_of: date
    convening: tuple[ConveningRate, ...]
    establishment: tuple[EstablishmentRate, ...]
    adoption: SuggestionAdoption
    activity: tuple[MeetingActivity, ...]


def convening_rates(session: Session, year: int, today: date) -> tuple[ConveningRate, ...]:
    """Per level, for the year and each quarter, periods ended by `today` (or the year's end)."""
    as_of = as_of_date(year, today)
    required: Counter[tuple[Level, str]] = Counter()
    convened: Counter[tuple[Level, str]] = Counter()
    for _, pair in pair_facts(session, every_union(), year, as_of):
        for _index, start, end in due_periods(pair.per_year, pair.established_on, year, as_of):
            held = any(start <= d <= end for d in pair.convened_on)
            for key in ((pair.level, "year"), (pair.level, quarter(end))):
                required[key] += 1
                convened[key] += held
    held_count: Counter[tuple[Level, str]] = Counter()
    for level, held_on in session.execute(
        select(Meeting.level, Meeting.held_on).where(
            Meeting.status.in_(HELD),
            Meeting.deleted_at.is_(None),
            Meeting.held_on >= date(year, 1, 1),
            Meeting.held_on <= as_of,
        )
    ):
        if held_on is None:  # excluded by the query; keeps the types honest
            continue
        held_count[(level, "year")] += 1
        held_count[(level, quarter(held_on))] += 1
    levels = sorted({level for level, _ in required | held_count}, key=LEVEL_ORDER.__getitem__)
    return tuple(
        ConveningRate(
            level,
            period,
            required[(level, period)],
            convened[(level, period)],
            held_count[(level, period)],
            percent(convened[(level, period)], required[(level, period)]),
        )
        for level in levels
        for period in PERIODS
    )


def establishment_rates(session: Session, year: int) -> tuple[EstablishmentRate, ...]:
    """Per level: pairs recorded, and how many had set up their system by the year's end."""
    established = and_(
        Establishment.established.is_(True), Establishment.established_on <= date(year, 12, 31)
    )
    rows = session.execute(
        select(
            Establishment.level,
            func.count(Establishment.id),
            func.sum(case((established, 1), else_=0)),
        )
        .where(Establishment.deleted_at.is_(None))
        .group_by(Establishment.level)
    ).all()
    return tuple(
        EstablishmentRate(level, pairs, int(done or 0), percent(int(done or 0), pairs))
        for level, pairs, done in sorted(rows, key=lambda r: LEVEL_ORDER[r[0]])
    )


def suggestion_adoption(session: Session, year: int) -> SuggestionAdoption:
    """Worker suggestions received in the year, and adopted, by the level asked to act."""
    adopted = case((Suggestion.status == SuggestionStatus.ADOPTED, 1), else_=0)
    rows = session.execute(
        select(Suggestion.target_level, func.count(Suggestion.id), func.sum(adopted))
        .where(
            Suggestion.deleted_at.is_(None),
            Suggestion.received_on >= date(year, 1, 1),
            Suggestion.received_on <= date(year, 12, 31),
        )
        .group_by(Suggestion.target_level)
    ).all()
    by_level = tuple(
        AdoptionRow(level, received, int(done or 0), percent(int(done or 0), received))
        for level, received, done in sorted(rows, key=lambda r: LEVEL_ORDER[r[0]])
    )
    return SuggestionAdoption(
        sum(r.received for r in by_level), sum(r.adopted for r in by_level), by_level
    )


def meeting_activity(session: Session, year: int) -> tuple[MeetingActivity, ...]:
    """Per level: meetings held in the year, the topics they discussed and items they decided."""
    held = (
        Meeting.status.in_(HELD),
        Meeting.deleted_at.is_(None),
        Meeting.held_on >= date(year, 1, 1),
        Meeting.held_on <= date(year, 12, 31),
    )
    meetings = dict(
        session.execute(
            select(Meeting.level, func.count(Meeting.id)).where(*held).group_by(Meeting.level)
        ).all()
    )
    topics = dict(
        session.execute(
            select(Meeting.level, func.count(distinct(AgendaEntry.topic_id)))
            .join(AgendaEntry, AgendaEntry.meeting_id == Meeting.id)
            .where(*held)
            .group_by(Meeting.level)
        ).all()
    )
    items = dict(
        session.execute(
            select(Meeting.level, func.count(AgreedItem.id))
            .join(AgreedItem, AgreedItem.meeting_id == Meeting.id)
            .where(*held, AgreedItem.deleted_at.is_(None))
            .group_by(Meeting.level)
        ).all()
    )
    return tuple(
        MeetingActivity(level, count, topics.get(level, 0), items.get(level, 0))
        for level, count in sorted(meetings.items(), key=lambda kv: LEVEL_ORDER[kv[0]])
    )


def year_rates(session: Session, year: int, *, today: date | None = None) -> YearRates:
    """All the rates of a year, as the CLI and the statistics page show them."""
    today = today or date.today()
    return YearRates(
        year,
        as_of_date(year, today),
        convening_rates(session, year, today),
        establishment_rates(session, year),
        suggestion_adoption(session, year),
        meeting_activity(session, year),
    )
