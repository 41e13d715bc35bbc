"""Per-unit facts of an assessment year, gathered by a handful of set-based queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Subquery, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.pairs import HELD, PairFact, pair_facts, scope_of
from desktop.models import (
    AgreedItem,
    Bulletin,
    BulletinMention,
    Meeting,
    MeetingParticipant,
    ProgressFeedback,
    Suggestion,
)
from desktop.models.enums import BulletinStatus, ItemStatus, MeetingStatus, MentionKind

COUNTED = (
    ItemStatus.ASSIGNED,
    ItemStatus.IN_PROGRESS,
    ItemStatus.EXTENSION_REQUESTED,
    ItemStatus.COMPLETED,
    ItemStatus.VERIFIED,
)
DONE = (ItemStatus.COMPLETED, ItemStatus.VERIFIED)


@dataclass(frozen=True)
class MeetingFact:
    id: int
    own: bool
    union_name: str
    held_on: date
    formality: bool
    minutes_issued: bool
    participants: int
    incomplete_items: int  # live items without a lead unit or a deadline


@dataclass(frozen=True)
class ItemFact:
    """An assigned agreed item decided by one of the scope's meetings."""

    id: int
    own: bool
    text: str
    deadline: date | None
    assigned_on: date | None
    done_on: date | None  # completed or verified, and still counted as done
    feedback: tuple[date, ...]


@dataclass(frozen=True)
class SuggestionFact:
    id: int
    own: bool
    union_name: str
    received_on: date
    replied_on: date | None  # when the worker heard back, if by the judging day


@dataclass(frozen=True)
class MentionFact:
    own: bool
    bulletin_id: int
    bulletin_number: str
    union_name: str
    kind: MentionKind


@dataclass(frozen=True)
class UnitFacts:
    """Everything the rules read about one assessed unit: its own records and its children's."""

    unit_id: int
    unit_name: str
    year: int
    as_of: date
    pairs: list[PairFact] = field(default_factory=list)
    meetings: list[MeetingFact] = field(default_factory=list)
    items: list[ItemFact] = field(default_factory=list)
    suggestions: list[SuggestionFact] = field(default_factory=list)
    mentions: list[MentionFact] = field(default_factory=list)


def _meetings(
    session: Session, scope: Subquery, year: int, as_of: date
) -> list[tuple[int, MeetingFact]]:
    participants = (
        select(func.count(MeetingParticipant.id))
        .where(MeetingParticipant.meeting_id == Meeting.id)
        .scalar_subquery()
    )
    incomplete = (
        select(func.count(AgreedItem.id))
        .where(
            AgreedItem.meeting_id == Meeting.id,
            AgreedItem.deleted_at.is_(None),
            AgreedItem.status != ItemStatus.CANCELLED,
            or_(AgreedItem.lead_unit_id.is_(None), AgreedItem.deadline.is_(None)),
        )
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            scope.c.assessed_id,
            Meeting.id,
            scope.c.own,
            scope.c.unit_name,
            Meeting.held_on,
            Meeting.formality_flag,
            Meeting.status,
            participants,
            incomplete,
        )
        .select_from(Meeting)
        .join(scope, scope.c.unit_id == Meeting.union_unit_id)
        .where(
            Meeting.status.in_(HELD),
            Meeting.deleted_at.is_(None),
            Meeting.held_on >= date(year, 1, 1),
            Meeting.held_on <= as_of,
        )
        .order_by(Meeting.held_on, Meeting.id)
    )
    return [
        (
            assessed,
            MeetingFact(
                mid,
                bool(own),
                name,
                held,
                bool(flag),
                status == MeetingStatus.MINUTES_ISSUED,
                people,
                incomplete_count,
            ),
        )
        for assessed, mid, own, name, held, flag, status, people, incomplete_count in rows
    ]


def _items(session: Session, scope: Subquery, year: int, as_of: date) -> list[tuple[int, ItemFact]]:
    start = date(year, 1, 1)
    # Items due in the year, or open (or closed) during it: what the item and feedback rules see.
    joined = (
        select(AgreedItem.id)
        .join(Meeting, Meeting.id == AgreedItem.meeting_id)
        .join(scope, scope.c.unit_id == Meeting.union_unit_id)
        .where(
            AgreedItem.status.in_(COUNTED),
            AgreedItem.deleted_at.is_(None),
            Meeting.deleted_at.is_(None),
            or_(AgreedItem.assigned_on.is_(None), AgreedItem.assigned_on <= as_of),
            or_(
                AgreedItem.deadline >= start,
                AgreedItem.completed_on.is_(None),
                AgreedItem.completed_on >= start,
            ),
        )
    )
    feedback: dict[int, list[date]] = defaultdict(list)
    for item_id, on in session.execute(
        joined.add_columns(ProgressFeedback.reported_on)
        .join(ProgressFeedback, ProgressFeedback.item_id == AgreedItem.id)
        .where(ProgressFeedback.deleted_at.is_(None), ProgressFeedback.reported_on <= as_of)
    ):
        feedback[item_id].append(on)
    rows = session.execute(
        joined.add_columns(
            scope.c.assessed_id,
            scope.c.own,
            AgreedItem.text,
            AgreedItem.deadline,
            AgreedItem.assigned_on,
            AgreedItem.status,
            AgreedItem.completed_on,
        ).order_by(AgreedItem.deadline, AgreedItem.id)
    )
    return [
        (
            assessed,
            ItemFact(
                iid,
                bool(own),
                text,
                deadline,
                assigned,
                done if status in DONE and done is not None and done <= as_of else None,
                tuple(sorted(feedback.get(iid, []))),
            ),
        )
        for iid, assessed, own, text, deadline, assigned, status, done in rows
    ]


def gather_facts(
    session: Session, units: Sequence[tuple[int, str]], year: int, as_of: date
) -> dict[int, UnitFacts]:
    """The facts of each (id, name) unit for `year`, judged on `as_of`."""
    facts = {uid: UnitFacts(uid, name, year, as_of) for uid, name in units}
    scope = scope_of([uid for uid, _ in units])
    for assessed, pair in pair_facts(session, scope, year, as_of):
        facts[assessed].pairs.append(pair)
    for assessed, meeting in _meetings(session, scope, year, as_of):
        facts[assessed].meetings.append(meeting)
    for assessed, item in _items(session, scope, year, as_of):
        facts[assessed].items.append(item)
    for assessed, sid, own, name, received, replied in session.execute(
        select(
            scope.c.assessed_id,
            Suggestion.id,
            scope.c.own,
            scope.c.unit_name,
            Suggestion.received_on,
            Suggestion.replied_on,
        )
        .select_from(Suggestion)
        .join(scope, scope.c.unit_id == Suggestion.receiving_unit_id)
        .where(
            Suggestion.deleted_at.is_(None),
            Suggestion.received_on >= date(year, 1, 1),
            Suggestion.received_on <= as_of,
        )
        .order_by(Suggestion.received_on, Suggestion.id)
    ):
        answered = replied if replied is not None and replied <= as_of else None
        facts[assessed].suggestions.append(SuggestionFact(sid, bool(own), name, received, answered))
    for assessed, own, bid, number, name, kind in session.execute(
        select(
            scope.c.assessed_id,
            scope.c.own,
            Bulletin.id,
            Bulletin.number,
            scope.c.unit_name,
            BulletinMention.kind,
        )
        .select_from(BulletinMention)
        .join(Bulletin, Bulletin.id == BulletinMention.bulletin_id)
        .join(scope, scope.c.unit_id == BulletinMention.unit_id)
        .where(
            Bulletin.status == BulletinStatus.ISSUED,  # a draft counts for nothing
            Bulletin.deleted_at.is_(None),
            Bulletin.issued_on >= date(year, 1, 1),
            Bulletin.issued_on <= as_of,
        )
        .order_by(Bulletin.issued_on, BulletinMention.id)
    ):
        facts[assessed].mentions.append(MentionFact(bool(own), bid, number, name, kind))
    return facts
