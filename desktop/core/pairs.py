"""Government–union pairs (建制) and the meetings that count for each, over a scope of unions.

Shared by the meeting-frequency standing, the convening rate and the scorecard; which periods
a pair owes is desktop.core.periods.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Subquery, case, false, select, true
from sqlalchemy.orm import Session, aliased

from desktop.core.errors import InvalidInput
from desktop.models import Establishment, Meeting, Unit
from desktop.models.enums import Level, MeetingStatus

HELD = (MeetingStatus.HELD, MeetingStatus.MINUTES_ISSUED)


@dataclass(frozen=True)
class PairFact:
    """A government–union pair (建制) and the dates its union convened it (form-only excluded)."""

    id: int
    own: bool  # the assessed union's own pair, not one of its enterprises'
    union_name: str
    partner_name: str
    level: Level
    established_on: date | None  # None: not established
    per_year: int
    convened_on: tuple[date, ...]
    union_unit_id: int = 0


def as_of_date(year: int, today: date) -> date:
    """The day a year is judged on: its last day once it is over, else today."""
    if not 1990 <= year <= 2100:
        raise InvalidInput("absurd_date", field="year", value=str(year))
    return min(today, date(year, 12, 31))


def scope_of(assessed: Sequence[int]) -> Subquery:
    """Each assessed union and every unit below it at any depth (a township's enterprise
    unions; a county federation's townships and their enterprises, when a city assesses its
    counties), with the assessed union each one counts for."""
    tree = (
        select(Unit.id.label("unit_id"), Unit.id.label("assessed_id"))
        .where(Unit.id.in_(assessed), Unit.deleted_at.is_(None))
        .cte("assessed_tree", recursive=True)
    )
    below = aliased(Unit)
    tree = tree.union_all(
        select(below.id, tree.c.assessed_id)
        .join(tree, below.parent_id == tree.c.unit_id)
        .where(below.deleted_at.is_(None), below.id.not_in(assessed))
    )
    return (
        select(
            tree.c.unit_id,
            Unit.name.label("unit_name"),
            tree.c.assessed_id,
            case((tree.c.unit_id == tree.c.assessed_id, true()), else_=false()).label("own"),
        )
        .join(Unit, Unit.id == tree.c.unit_id)
        .subquery("scope")
    )


def every_union() -> Subquery:
    """Every unit as its own scope: the office-wide rates count each union for itself."""
    return select(
        Unit.id.label("unit_id"),
        Unit.name.label("unit_name"),
        Unit.id.label("assessed_id"),
        true().label("own"),
    ).subquery("scope")


def pair_facts(
    session: Session, scope: Subquery, year: int, as_of: date
) -> list[tuple[int, PairFact]]:
    """(assessed id, pair) for every live pair in scope, with its meetings of the year."""
    convened: dict[int, list[tuple[int | None, date]]] = defaultdict(list)
    for union_id, partner_id, held_on in session.execute(
        select(Meeting.union_unit_id, Meeting.partner_unit_id, Meeting.held_on)
        .join(scope, scope.c.unit_id == Meeting.union_unit_id)
        .where(
            Meeting.status.in_(HELD),
            Meeting.deleted_at.is_(None),
            Meeting.formality_flag.is_(False),
            Meeting.held_on >= date(year, 1, 1),
            Meeting.held_on <= as_of,
        )
    ):
        if held_on is not None:  # excluded by the query; keeps the types honest
            convened[union_id].append((partner_id, held_on))
    rows = session.execute(
        select(
            Establishment.id,
            scope.c.assessed_id,
            scope.c.own,
            scope.c.unit_name,
            Establishment.union_unit_id,
            Establishment.partner_unit_id,
            Establishment.partner_name,
            Establishment.level,
            Establishment.established,
            Establishment.established_on,
            Establishment.meetings_per_year,
        )
        .select_from(Establishment)
        .join(scope, scope.c.unit_id == Establishment.union_unit_id)
        .where(Establishment.deleted_at.is_(None))
        .order_by(Establishment.id)
    )
    result = []
    for eid, assessed, own, name, union, partner, partner_name, level, est, on, per in rows:
        # A meeting belongs to the pair of its partner; one without a partner to any pair.
        dates = sorted(
            d for p, d in convened.get(union, []) if partner is None or p is None or p == partner
        )
        established_on = on if est and on is not None and on <= date(year, 12, 31) else None
        fact = PairFact(
            eid, bool(own), name, partner_name, level, established_on, per, tuple(dates), union
        )
        result.append((assessed, fact))
    return result
