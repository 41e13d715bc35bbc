"""Scorecards: every assessed unit's points per indicator, rank, change on last year, proposals.

Assessed units are the unions directly below this office's own unit (a county's township and
street unions, optionally its industry unions; a city's or province's federations below it; a
township's enterprise unions), or a list given by id. A unit's records are its
own plus those of its child unions (a township's enterprise unions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.assessment.facts import UnitFacts, gather_facts
from desktop.core.assessment.rules import RULES, Detail, as_the_rest, is_as_the_rest
from desktop.core.assessment.scheme import SchemeDTO, cents, get_scheme
from desktop.core.errors import InvalidInput, NotFound
from desktop.core.office import local_office
from desktop.core.pairs import as_of_date, scope_of
from desktop.models import (
    AssessmentResult,
    AssessmentScheme,
    Establishment,
    Meeting,
    Suggestion,
    Unit,
)
from desktop.models.enums import UNION_KINDS, Level, MentionKind, UnitKind

LOCAL_KINDS = (UnitKind.TOWNSHIP_UNION, UnitKind.STREET_UNION)
# What an office above a county assesses: the federations directly below it (a city its county
# federations, a province its cities'); a township its enterprise unions.
AREA_KINDS = {
    Level.PROVINCE: (UnitKind.FEDERATION,),
    Level.CITY: (UnitKind.FEDERATION,),
    Level.TOWNSHIP: (UnitKind.ENTERPRISE_UNION,),
    Level.STREET: (UnitKind.ENTERPRISE_UNION,),
}


@dataclass(frozen=True)
class IndicatorScore:
    code: str
    name: str  # empty: the rule's standard name
    rule: str
    weight: float
    points: float  # exactly the sum of the details' points
    details: tuple[Detail, ...]


@dataclass(frozen=True)
class UnitScore:
    unit_id: int
    unit_name: str
    total: float  # exactly the sum of the indicators' points
    rank: int | None
    provisional: bool  # not (yet) the published result of the office above
    previous_total: float | None
    previous_rank: int | None
    change: float | None
    indicators: tuple[IndicatorScore, ...]


@dataclass(frozen=True)
class AssessmentProposal:
    """A unit proposed for commendation or criticism by the year's assessment scores."""

    unit_id: int
    unit_name: str
    reason: str  # a message code
    fields: dict[str, str | int | float]


@dataclass(frozen=True)
class ProposalRules:
    commend_at_least: float = 90.0
    commend_top: int = 0  # also commend the best N whatever their score; 0: off
    criticise_below: float = 60.0
    criticise_when_mentioned: bool = True  # criticised in a bulletin during the year


@dataclass(frozen=True)
class Scorecard:
    year: int
    as_of: date
    scheme: SchemeDTO
    units: tuple[UnitScore, ...]  # best first
    commendations: tuple[AssessmentProposal, ...]
    criticisms: tuple[AssessmentProposal, ...]
    # Units asked for (or below this office) that did not exist yet in the year: not scored.
    not_existing: tuple[tuple[int, str], ...] = ()


def assessed_units(
    session: Session, unit_ids: Sequence[int] | None = None, *, include_industry: bool = False
) -> list[tuple[int, str]]:
    """(id, name) of the units to assess: the given ones (which must be unions), or the
    township and street unions (and optionally industry unions) directly below this office."""
    if unit_ids is not None:
        found = dict(
            session.execute(
                select(Unit.id, Unit.kind).where(Unit.id.in_(unit_ids), Unit.deleted_at.is_(None))
            ).all()
        )
        for uid in unit_ids:
            if uid not in found:
                raise NotFound(kind="unit", id=uid)
            if found[uid] not in UNION_KINDS:
                raise InvalidInput("not_assessable", field="unit_id", id=uid)
        stmt = select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids))
    else:
        office = local_office(session)
        below = LOCAL_KINDS if office.level == Level.COUNTY else AREA_KINDS.get(office.level, ())
        kinds = (*below, UnitKind.INDUSTRY_UNION) if include_industry else below
        stmt = select(Unit.id, Unit.name).where(
            Unit.parent_id == office.unit_id,
            Unit.kind.in_(kinds),
            Unit.deleted_at.is_(None),
        )
    return [(uid, name) for uid, name in session.execute(stmt.order_by(Unit.id))]


def first_known(session: Session, unit_ids: Sequence[int]) -> dict[int, date]:
    """The day each unit is first known to have existed: the earliest of its directory entry's
    creation and, in its part of the directory (itself and the units below it), the first
    established joint-meeting system, meeting held and worker suggestion received (records kept
    before the office used LianXi are older than the directory entry)."""
    known: dict[int, date] = {}

    def earliest(rows: Sequence[tuple[int, date | datetime | None]]) -> None:
        for uid, on in rows:
            if on is None:
                continue
            day = on.date() if isinstance(on, datetime) else on
            if uid not in known or day < known[uid]:
                known[uid] = day

    ids = list(unit_ids)
    earliest(session.execute(select(Unit.id, Unit.created_at).where(Unit.id.in_(ids))).all())
    scope = scope_of(ids)
    for column, unit_column, deleted in (
        (Establishment.established_on, Establishment.union_unit_id, Establishment.deleted_at),
        (Meeting.held_on, Meeting.union_unit_id, Meeting.deleted_at),
        (Suggestion.received_on, Suggestion.receiving_unit_id, Suggestion.deleted_at),
    ):
        earliest(
            session.execute(
                select(scope.c.assessed_id, func.min(column))
                .join(scope, scope.c.unit_id == unit_column)
                .where(deleted.is_(None))
                .group_by(scope.c.assessed_id)
            ).all()
        )
    return known


def existing_in(
    session: Session, units: list[tuple[int, str]], year: int
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """`units` split into those that existed by the end of `year` and those that did not (a
    township founded later is not scored, rather than given the marks of an empty year)."""
    known = first_known(session, [uid for uid, _ in units])
    end = date(year, 12, 31)
    kept = [(uid, name) for uid, name in units if known.get(uid, end) <= end]
    return kept, [u for u in units if u not in kept]


def score_unit(facts: UnitFacts, scheme: SchemeDTO) -> tuple[IndicatorScore, ...]:
    details = [
        tuple(RULES[spec.rule].score(facts, cents(spec.weight), spec.params))
        for spec in scheme.indicators
    ]
    # Indicators with nothing to judge that score as the rest: at the share the unit earned on
    # the scored indicators that had something (deductions and bonuses aside).
    judged = [
        (spec, d)
        for spec, d in zip(scheme.indicators, details, strict=True)
        if RULES[spec.rule].kind == "scored" and not is_as_the_rest(d)
    ]
    earned = sum(p.points for _, d in judged for p in d)
    weight = sum(spec.weight for spec, _ in judged)
    result = []
    for spec, lines in zip(scheme.indicators, details, strict=True):
        if is_as_the_rest(lines):
            lines = (as_the_rest(cents(spec.weight), earned, weight),)
        points = round(sum((d.points for d in lines), 0.0), 2)
        result.append(IndicatorScore(spec.code, spec.name, spec.rule, spec.weight, points, lines))
    return tuple(result)


def competition_ranks(totals: dict[int, float]) -> dict[int, int]:
    """1, 2, 2, 4: units with equal totals share a rank."""
    ordered = sorted(totals.values(), reverse=True)
    return {uid: ordered.index(total) + 1 for uid, total in totals.items()}


def _score_year(
    session: Session, year: int, units: list[tuple[int, str]], today: date
) -> tuple[SchemeDTO, date, dict[int, UnitFacts], dict[int, tuple[IndicatorScore, ...]]]:
    scheme = get_scheme(session, year)
    as_of = as_of_date(year, today)
    facts = gather_facts(session, units, year, as_of)
    return scheme, as_of, facts, {uid: score_unit(f, scheme) for uid, f in facts.items()}


def _total(indicators: tuple[IndicatorScore, ...]) -> float:
    return round(sum((i.points for i in indicators), 0.0), 2)


def previous_totals(
    session: Session, year: int, units: list[tuple[int, str]], today: date
) -> dict[int, tuple[float, int | None]]:
    """Last year's (total, rank) per unit: as published when it was, else recomputed for the
    units that have records of that year."""
    ids = [uid for uid, _ in units]
    published = session.execute(
        select(AssessmentResult.unit_id, AssessmentResult.total, AssessmentResult.rank)
        .join(AssessmentScheme, AssessmentScheme.id == AssessmentResult.scheme_id)
        .where(
            AssessmentScheme.year == year,
            AssessmentResult.unit_id.in_(ids),
            AssessmentResult.provisional.is_(False),
            AssessmentResult.deleted_at.is_(None),
        )
    ).all()
    if published:
        return {uid: (total, rank) for uid, total, rank in published}
    if year < 1990:
        return {}
    _, _, facts, scores = _score_year(session, year, units, today)
    # A unit with no records that year (before the office used LianXi) has nothing to compare.
    totals = {
        uid: _total(indicators)
        for uid, indicators in scores.items()
        if any((facts[uid].meetings, facts[uid].items, facts[uid].suggestions, facts[uid].mentions))
    }
    ranks = competition_ranks(totals)
    return {uid: (total, ranks[uid]) for uid, total in totals.items()}


# Year → unit id → (total, rank) as `previous_totals` gives them, for one set of units and
# one state of the records (`data_version`): a caller scoring several years keeps one to
# avoid scoring a year twice.
TotalsMemo = dict[int, dict[int, tuple[float, int | None]]]


def year_totals(
    session: Session,
    year: int,
    units: list[tuple[int, str]],
    today: date,
    memo: TotalsMemo | None = None,
) -> dict[int, tuple[float, int | None]]:
    """`previous_totals`, taken from `memo` when it has the year, and added to it if not."""
    if memo is not None and year in memo:
        return memo[year]
    result = previous_totals(session, year, units, today) if units else {}
    if memo is not None:
        memo[year] = result
    return result


def _proposals(
    units: tuple[UnitScore, ...], facts: dict[int, UnitFacts], rules: ProposalRules
) -> tuple[tuple[AssessmentProposal, ...], tuple[AssessmentProposal, ...]]:
    criticised: dict[int, AssessmentProposal] = {}
    fields: dict[str, str | int | float]
    for u in sorted(units, key=lambda u: u.total):
        mentioned = sum(
            1 for m in facts[u.unit_id].mentions if m.own and m.kind == MentionKind.CRITICISM
        )
        if rules.criticise_when_mentioned and mentioned:
            reason, fields = "criticise_mentioned", {"count": mentioned, "total": u.total}
        elif u.total < rules.criticise_below:
            reason, fields = "criticise_score", {"total": u.total, "min": rules.criticise_below}
        else:
            continue
        criticised[u.unit_id] = AssessmentProposal(u.unit_id, u.unit_name, reason, fields)
    commended = []
    for u in units:
        if u.unit_id in criticised:
            continue
        if u.total >= rules.commend_at_least:
            commended.append(
                AssessmentProposal(u.unit_id, u.unit_name, "commend_score", {"total": u.total})
            )
        elif u.rank is not None and u.rank <= rules.commend_top:
            commended.append(
                AssessmentProposal(u.unit_id, u.unit_name, "commend_top", {"rank": u.rank})
            )
    return tuple(commended), tuple(criticised.values())


def compute_scorecard(
    session: Session,
    year: int,
    unit_ids: Sequence[int] | None = None,
    *,
    today: date | None = None,
    include_industry: bool = False,
    rules: ProposalRules | None = None,
    memo: TotalsMemo | None = None,
    only_existing: bool = True,
) -> Scorecard:
    """Score every assessed unit (or the given ones) for `year` from the records, judged on
    `today` while the year runs; rank them, compare with last year and propose commendations
    and criticisms. Every unit is provisional until its results are published. `memo`: last
    year's totals when the caller has them (see `TotalsMemo`). Units that did not exist yet in
    `year` are not scored (`not_existing`) unless `only_existing` is off."""
    today = today or date.today()
    units = assessed_units(session, unit_ids, include_industry=include_industry)
    not_existing: list[tuple[int, str]] = []
    if only_existing:
        units, not_existing = existing_in(session, units, year)
    scheme, as_of, facts, scores = _score_year(session, year, units, today)
    totals = {uid: _total(indicators) for uid, indicators in scores.items()}
    ranks = competition_ranks(totals)
    before = year_totals(session, year - 1, units, today, memo)
    names = dict(units)
    cards = []
    for uid in sorted(totals, key=lambda u: (ranks[u], names[u], u)):
        prev_total, prev_rank = before.get(uid, (None, None))
        change = None if prev_total is None else round(totals[uid] - prev_total, 2)
        cards.append(
            UnitScore(
                uid,
                names[uid],
                totals[uid],
                ranks[uid],
                True,
                prev_total,
                prev_rank,
                change,
                scores[uid],
            )
        )
    commended, criticised = _proposals(tuple(cards), facts, rules or ProposalRules())
    return Scorecard(year, as_of, scheme, tuple(cards), commended, criticised, tuple(not_existing))
