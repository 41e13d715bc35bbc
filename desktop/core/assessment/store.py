"""Stored assessment results: save a scorecard, publish it, read it back, a unit's own card.

A result row is provisional until the office that computed it publishes it. A result written
by another office (the county's, received in a package) is never overwritten here: it is the
published word on this unit, and a township sees its own card as provisional until it arrives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.assessment.rules import Detail
from desktop.core.assessment.scheme import ensure_scheme, get_scheme
from desktop.core.assessment.scoring import (
    IndicatorScore,
    Scorecard,
    TotalsMemo,
    UnitScore,
    compute_scorecard,
)
from desktop.core.errors import DomainError, NoLocalOffice
from desktop.core.office import local_office
from desktop.core.records import stamp_new, touch
from desktop.models import AssessmentResult, AssessmentScheme, Unit
from desktop.models.base import utcnow
from desktop.models.enums import Level


@dataclass(frozen=True)
class SavedResults:
    scheme_id: int
    saved: int
    kept: int  # published or received results left as they were


def _details_json(score: UnitScore, as_of: date) -> dict[str, Any]:
    return {
        "as_of": as_of.isoformat(),
        "previous_total": score.previous_total,
        "previous_rank": score.previous_rank,
        "change": score.change,
        "indicators": [dataclasses.asdict(i) for i in score.indicators],
    }


def _unit_score(row: AssessmentResult, unit_name: str) -> UnitScore:
    data = row.details or {}
    indicators = tuple(
        IndicatorScore(
            i["code"],
            i["name"],
            i["rule"],
            i["weight"],
            i["points"],
            tuple(Detail(**d) for d in i["details"]),
        )
        for i in data.get("indicators", [])
    )
    return UnitScore(
        row.unit_id,
        unit_name,
        row.total,
        row.rank,
        row.provisional,
        data.get("previous_total"),
        data.get("previous_rank"),
        data.get("change"),
        indicators,
    )


def save_results(session: Session, card: Scorecard, *, publish: bool = False) -> SavedResults:
    """Store (or update) each unit's result under the year's scheme, provisional unless
    `publish`. A published result is only replaced by publishing again; another office's
    result is never replaced."""
    scheme_id = card.scheme.id or ensure_scheme(session, card.year).id
    assert scheme_id is not None  # ensure_scheme returns a stored scheme
    local = local_office(session).uuid
    existing = {
        r.unit_id: r
        for r in session.scalars(
            select(AssessmentResult).where(AssessmentResult.scheme_id == scheme_id)
        )
    }
    saved = kept = 0
    for score in card.units:
        row = existing.get(score.unit_id)
        if row is not None and (
            row.origin_office != local or (not row.provisional and not publish)
        ):
            kept += 1
            continue
        if row is None:
            row = AssessmentResult(scheme_id=scheme_id, unit_id=score.unit_id)
            stamp_new(session, row)
            session.add(row)
        else:
            touch(row)
        row.total = score.total
        row.rank = score.rank
        row.provisional = not publish
        row.computed_at = utcnow()
        row.details = _details_json(score, card.as_of)
        row.deleted_at = None
        saved += 1
    session.flush()
    return SavedResults(scheme_id, saved, kept)


def publish_results(session: Session, year: int) -> int:
    """Publish this office's provisional results of `year`; refuses when there are none."""
    local = local_office(session).uuid
    rows = session.scalars(
        select(AssessmentResult)
        .join(AssessmentScheme, AssessmentScheme.id == AssessmentResult.scheme_id)
        .where(
            AssessmentScheme.year == year,
            AssessmentResult.origin_office == local,
            AssessmentResult.provisional.is_(True),
            AssessmentResult.deleted_at.is_(None),
        )
    ).all()
    if not rows:
        raise DomainError("nothing_to_publish", year=year)
    for row in rows:
        row.provisional = False
        touch(row)
    session.flush()
    return len(rows)


def publish_scorecard(session: Session, card: Scorecard) -> SavedResults:
    """Publish a computed scorecard: every unit's result is stored as this office's official
    result of the year (replacing any it stored before, provisional or published) and, being
    a travelling record, goes to the subordinate offices in the next exchange package. A
    result received from another office is kept. The window and `lianxi scorecard --publish`
    both publish through here."""
    if not card.units:
        raise DomainError("nothing_to_publish", year=card.year)
    return save_results(session, card, publish=True)


@dataclass(frozen=True)
class StoredState:
    """What is stored for a unit under the year's scheme in force."""

    total: float
    rank: int | None
    provisional: bool
    ours: bool  # stored by this office (else received from another one)


def stored_states(
    session: Session, year: int, unit_ids: Sequence[int] | None = None
) -> dict[int, StoredState]:
    """unit id → its stored result's state under the year's scheme in force (this office's
    result before another office's when both exist)."""
    scheme = get_scheme(session, year)
    if scheme.id is None:
        return {}
    local = local_office(session).uuid
    stmt = select(
        AssessmentResult.unit_id,
        AssessmentResult.total,
        AssessmentResult.rank,
        AssessmentResult.provisional,
        AssessmentResult.origin_office,
    ).where(AssessmentResult.scheme_id == scheme.id, AssessmentResult.deleted_at.is_(None))
    if unit_ids is not None:
        stmt = stmt.where(AssessmentResult.unit_id.in_(unit_ids))
    states: dict[int, StoredState] = {}
    for uid, total, rank, provisional, origin in session.execute(stmt):
        if uid in states and states[uid].ours:
            continue
        states[uid] = StoredState(total, rank, provisional, origin == local)
    return states


def is_published(score: UnitScore, state: StoredState | None) -> bool:
    """A computed unit's score is the published one: published with the same total."""
    return state is not None and not state.provisional and round(state.total, 2) == score.total


def mark_published(card: Scorecard, states: dict[int, StoredState]) -> Scorecard:
    """The card with the units whose published result it matches marked not provisional."""
    units = tuple(
        dataclasses.replace(u, provisional=False) if is_published(u, states.get(u.unit_id)) else u
        for u in card.units
    )
    return dataclasses.replace(card, units=units)


def stored_results(
    session: Session, year: int, unit_ids: Sequence[int] | None = None
) -> tuple[UnitScore, ...]:
    """The stored results under the year's scheme in force, best first."""
    scheme = get_scheme(session, year)
    if scheme.id is None:
        return ()
    stmt = (
        select(AssessmentResult, Unit.name)
        .join(Unit, Unit.id == AssessmentResult.unit_id)
        .where(AssessmentResult.scheme_id == scheme.id, AssessmentResult.deleted_at.is_(None))
        .order_by(AssessmentResult.total.desc(), Unit.name)
    )
    if unit_ids is not None:
        stmt = stmt.where(AssessmentResult.unit_id.in_(unit_ids))
    return tuple(_unit_score(row, name) for row, name in session.execute(stmt))


OWN_CARD_LEVELS = (Level.TOWNSHIP, Level.STREET)


@dataclass(frozen=True)
class OwnCard:
    """A township's own card of a year: computed here from its own records (provisional), and
    the result the office above sent for it once one has arrived in a package."""

    year: int
    unit_id: int
    unit_name: str
    computed: UnitScore  # provisional, without a rank
    received: UnitScore | None  # the county's result; `provisional` says if it was published
    from_office: str | None  # the office above, by name, when known
    scorecard: Scorecard  # the computation here, for the charts

    @property
    def shown(self) -> UnitScore:
        return self.received if self.received is not None else self.computed

    @property
    def difference(self) -> float | None:
        """The received total less the one computed here."""
        if self.received is None:
            return None
        return round(self.received.total - self.computed.total, 2)

    def indicator_differences(self) -> dict[str, float]:
        """Per indicator code both cards have: received points less those computed here."""
        if self.received is None:
            return {}
        mine = {i.code: i.points for i in self.computed.indicators}
        return {
            i.code: round(i.points - mine[i.code], 2)
            for i in self.received.indicators
            if i.code in mine
        }


def has_own_card(session: Session) -> bool:
    """A township or street office looks at its own card rather than ranking units below it."""
    return local_office(session).level in OWN_CARD_LEVELS


def received_result(session: Session, year: int, unit_id: int) -> UnitScore | None:
    """The office above's result for `unit_id` and `year` (from the parent office when its
    uuid is known, else from any other office), published ones first, then the newest."""
    office = local_office(session)
    if office.parent_uuid:
        origin = AssessmentResult.origin_office == office.parent_uuid
    else:
        origin = AssessmentResult.origin_office != office.uuid
    found = session.execute(
        select(AssessmentResult, Unit.name)
        .join(Unit, Unit.id == AssessmentResult.unit_id)
        .join(AssessmentScheme, AssessmentScheme.id == AssessmentResult.scheme_id)
        .where(
            AssessmentScheme.year == year,
            AssessmentResult.unit_id == unit_id,
            AssessmentResult.deleted_at.is_(None),
            AssessmentScheme.deleted_at.is_(None),
            origin,
        )
        .order_by(AssessmentResult.provisional, AssessmentResult.computed_at.desc())
        .limit(1)
    ).first()
    if found is None:
        return None
    row, name = found
    return _unit_score(row, name)


def own_card(
    session: Session, year: int, *, today: date | None = None, memo: TotalsMemo | None = None
) -> OwnCard:
    """This office's own card: computed from its records, beside what the county sent."""
    office = local_office(session)
    if office.unit_id is None:
        raise NoLocalOffice()
    card = compute_scorecard(
        session, year, [office.unit_id], today=today, memo=memo, only_existing=False
    )
    computed = dataclasses.replace(card.units[0], rank=None, previous_rank=None)
    received = received_result(session, year, office.unit_id)
    return OwnCard(
        year, office.unit_id, computed.unit_name, computed, received, office.parent_name, card
    )


def own_scorecard(session: Session, year: int, *, today: date | None = None) -> UnitScore:
    """This office's own card: as published by the office above once it has arrived,
    else computed here from the records and marked provisional (without a rank)."""
    card = own_card(session, year, today=today)
    if card.received is not None and not card.received.provisional:
        return card.received
    return card.computed
