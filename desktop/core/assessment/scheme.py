"""Assessment schemes: the default 100-point scheme, validation, and the scheme in force a year."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.assessment.rules import RULES, Param
from desktop.core.errors import InvalidInput
from desktop.core.office import local_office
from desktop.core.records import limited_text, required_text, stamp_new, touch
from desktop.models import AssessmentIndicator, AssessmentResult, AssessmentScheme

# The default scheme: scored indicators add up to 100; deductions and the bonus are capped
# by their weight and come on top.
DEFAULT_WEIGHTS = (
    ("establishment", 10.0),
    ("meeting_frequency", 25.0),
    ("item_completion", 25.0),
    ("item_on_time", 15.0),
    ("feedback_timeliness", 10.0),
    ("suggestion_handling", 10.0),
    ("record_completeness", 5.0),
    ("formality_deduction", 10.0),
    ("criticism_deduction", 10.0),
    ("commendation_bonus", 3.0),
)


@dataclass(frozen=True)
class IndicatorSpec:
    """An indicator: a catalogue rule with its weight and parameters; an empty name means the
    rule's standard name (worded by the window and the CLI)."""

    code: str
    rule: str
    weight: float
    params: Mapping[str, Any] = field(default_factory=dict)
    name: str = ""


@dataclass(frozen=True)
class SchemeDTO:
    year: int
    name: str
    total_points: float
    indicators: tuple[IndicatorSpec, ...]
    id: int | None = None  # None: the built-in default, not stored


def cents(value: float) -> int:
    return round(value * 100)


def default_scheme(year: int) -> SchemeDTO:
    specs = tuple(IndicatorSpec(rule, rule, weight) for rule, weight in DEFAULT_WEIGHTS)
    return validate_scheme(SchemeDTO(year, "", 100.0, specs))


def _param(rule: str, name: str, spec: Param, value: Any) -> Any:
    if spec.choices:
        if value not in spec.choices:
            raise InvalidInput(
                "bad_choice", field="params", rule=rule, param=name, known="、".join(spec.choices)
            )
        return value
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or not spec.low <= value <= spec.high or (spec.whole and value != int(value)):
        raise InvalidInput(
            "bad_param", field="params", rule=rule, param=name, min=spec.low, max=spec.high
        )
    return int(value) if spec.whole else float(value)


def _indicator(spec: IndicatorSpec, total: float) -> IndicatorSpec:
    code = required_text(spec.code, "code", 40)
    rule = RULES.get(spec.rule)
    if rule is None:
        raise InvalidInput("unknown_rule", field="rule", rule=spec.rule, known="、".join(RULES))
    if not 0 < spec.weight <= total:
        raise InvalidInput("out_of_range", field="weight", min=0, max=total)
    for name in spec.params:
        if name not in rule.params:
            raise InvalidInput("unknown_param", field="params", rule=spec.rule, param=name)
    params = {
        name: _param(spec.rule, name, p, spec.params.get(name, p.default))
        for name, p in rule.params.items()
    }
    name = limited_text(spec.name, "name", 120)
    return IndicatorSpec(code, spec.rule, spec.weight, params, name)


def validate_scheme(scheme: SchemeDTO) -> SchemeDTO:
    """The scheme with every parameter filled in, or InvalidInput naming what is wrong:
    an unknown rule or parameter, a value out of range, a repeated code, or scored weights
    that do not add up to the total."""
    if not 1990 <= scheme.year <= 2100:
        raise InvalidInput("absurd_date", field="year", value=str(scheme.year))
    if not 1 <= scheme.total_points <= 1000:
        raise InvalidInput("out_of_range", field="total_points", min=1, max=1000)
    if not scheme.indicators:
        raise InvalidInput("required", field="indicators")
    indicators = tuple(_indicator(i, scheme.total_points) for i in scheme.indicators)
    codes = [i.code for i in indicators]
    for code in codes:
        if codes.count(code) > 1:
            raise InvalidInput("duplicate_indicator", field="code", indicator=code)
    scored = sum(cents(i.weight) for i in indicators if RULES[i.rule].kind == "scored")
    if scored != cents(scheme.total_points):
        raise InvalidInput(
            "weights_not_total", field="weight", sum=scored / 100, total=scheme.total_points
        )
    name = limited_text(scheme.name, "name", 120)
    return replace(scheme, name=name, indicators=indicators)


def _with_defaults(rule: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Stored parameters, the rule's defaults filling those left out (as validation does)."""
    known = RULES.get(rule)
    defaults = {name: p.default for name, p in known.params.items()} if known else {}
    return {**defaults, **(params or {})}


def _dto(row: AssessmentScheme) -> SchemeDTO:
    specs = tuple(
        IndicatorSpec(i.code, i.rule, i.weight, _with_defaults(i.rule, i.params), i.name)
        for i in row.indicators
    )
    return SchemeDTO(row.year, row.name, row.total_points, specs, row.id)


def _in_force(session: Session, year: int, *, local_only: bool = False) -> AssessmentScheme | None:
    """A scheme received from the office above wins over this office's own; then the newest."""
    local = local_office(session).uuid
    stmt = select(AssessmentScheme).where(
        AssessmentScheme.year == year, AssessmentScheme.deleted_at.is_(None)
    )
    if local_only:
        stmt = stmt.where(AssessmentScheme.origin_office == local)
    stmt = stmt.order_by(AssessmentScheme.origin_office == local, AssessmentScheme.id.desc())
    return session.scalars(stmt.limit(1)).first()


def get_scheme(session: Session, year: int) -> SchemeDTO:
    """The scheme in force for `year`: a stored one, or the built-in default."""
    row = _in_force(session, year)
    return _dto(row) if row is not None else default_scheme(year)


def save_scheme(session: Session, scheme: SchemeDTO) -> SchemeDTO:
    """Store this office's scheme for the year (replacing its indicators if it has one)."""
    scheme = validate_scheme(scheme)
    row = _in_force(session, scheme.year, local_only=True)
    if row is None:
        row = AssessmentScheme(year=scheme.year)
        stamp_new(session, row)
        session.add(row)
    else:
        touch(row)
    row.name = scheme.name
    row.total_points = scheme.total_points
    row.indicators = [
        AssessmentIndicator(
            position=position,
            code=i.code,
            name=i.name,
            rule=i.rule,
            weight=i.weight,
            params=dict(i.params),
        )
        for position, i in enumerate(scheme.indicators, start=1)
    ]
    session.flush()
    return _dto(row)


def ensure_scheme(session: Session, year: int) -> SchemeDTO:
    """The stored scheme in force, storing the default first when there is none."""
    row = _in_force(session, year)
    return _dto(row) if row is not None else save_scheme(session, default_scheme(year))


@dataclass(frozen=True)
class SchemeState:
    """The scheme in force for a year, whether this office may change it, and the results
    already stored under it (which a change does not rewrite by itself)."""

    scheme: SchemeDTO
    from_above: bool  # received from the office above: it wins over any scheme saved here
    saved: int  # this office's provisional results of the year
    published: int  # this office's published results of the year


def scheme_state(session: Session, year: int) -> SchemeState:
    row = _in_force(session, year)
    local = local_office(session).uuid
    counts = dict(
        session.execute(
            select(AssessmentResult.provisional, func.count(AssessmentResult.id))
            .join(AssessmentScheme, AssessmentScheme.id == AssessmentResult.scheme_id)
            .where(
                AssessmentScheme.year == year,
                AssessmentResult.origin_office == local,
                AssessmentResult.deleted_at.is_(None),
            )
            .group_by(AssessmentResult.provisional)
        ).all()
    )
    scheme = _dto(row) if row is not None else default_scheme(year)
    from_above = row is not None and row.origin_office != local
    return SchemeState(scheme, from_above, counts.get(True, 0), counts.get(False, 0))


def copy_scheme(session: Session, from_year: int, to_year: int) -> tuple[SchemeDTO, bool]:
    """The scheme in force in `from_year` as a draft for `to_year` (not stored; its name's
    year follows), and whether one was stored: if not, the draft is the built-in default."""
    source = get_scheme(session, from_year)
    name = source.name.replace(str(from_year), str(to_year))
    draft = validate_scheme(replace(source, year=to_year, name=name, id=None))
    return draft, source.id is not None
