"""Establishment (建制) of the joint-meeting system per government–union pair."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput
from desktop.core.records import (
    limited_text,
    load,
    required_text,
    sane_date,
    stamp_new,
    touch,
)
from desktop.models import Establishment, Unit
from desktop.models.enums import UNION_KINDS, Level

# Required meetings a year by the union's level: county 1, township/street 2,
# enterprise once a quarter, industry union–association 1.
DEFAULT_MEETINGS_PER_YEAR = {
    Level.PROVINCE: 1,
    Level.CITY: 1,
    Level.COUNTY: 1,
    Level.TOWNSHIP: 2,
    Level.STREET: 2,
    Level.ENTERPRISE: 4,
    Level.INDUSTRY: 1,
}


@dataclass(frozen=True)
class EstablishmentInput:
    union_unit_id: int
    partner_name: str
    level: Level
    partner_unit_id: int | None = None
    established: bool = False
    established_on: date | None = None
    document_title: str = ""
    document_number: str = ""
    meetings_per_year: int | None = None
    reason_not_established: str = ""
    establish_deadline: date | None = None


@dataclass(frozen=True)
class EstablishmentDTO:
    id: int
    uuid: str
    union_unit_id: int
    union_name: str
    partner_unit_id: int | None
    partner_name: str
    level: Level
    established: bool
    established_on: date | None
    document_title: str
    document_number: str
    meetings_per_year: int
    reason_not_established: str
    establish_deadline: date | None


def establishment_dto(session: Session, est: Establishment) -> EstablishmentDTO:
    union = load(session, Unit, est.union_unit_id, "unit")
    return EstablishmentDTO(
        id=est.id,
        uuid=est.uuid,
        union_unit_id=est.union_unit_id,
        union_name=union.name,
        partner_unit_id=est.partner_unit_id,
        partner_name=est.partner_name,
        level=est.level,
        established=est.established,
        established_on=est.established_on,
        document_title=est.document_title,
        document_number=est.document_number,
        meetings_per_year=est.meetings_per_year,
        reason_not_established=est.reason_not_established,
        establish_deadline=est.establish_deadline,
    )


class DuplicateEstablishment(InvalidInput):
    """Another live record already stands for the pair; `existing_id` is the one to open."""

    def __init__(self, *, unit: str, partner: str, existing_id: int) -> None:
        super().__init__(
            "duplicate_establishment",
            field="partner_name",
            unit=unit,
            partner=partner,
            existing_id=existing_id,
        )
        self.existing_id = existing_id


def establishment_input(dto: EstablishmentDTO) -> EstablishmentInput:
    """The input that would save a record as it is: the base of a partial update."""
    return EstablishmentInput(
        union_unit_id=dto.union_unit_id,
        partner_name=dto.partner_name,
        level=dto.level,
        partner_unit_id=dto.partner_unit_id,
        established=dto.established,
        established_on=dto.established_on,
        document_title=dto.document_title,
        document_number=dto.document_number,
        meetings_per_year=dto.meetings_per_year,
        reason_not_established=dto.reason_not_established,
        establish_deadline=dto.establish_deadline,
    )


def _same_pair(
    session: Session, est: Establishment, data: EstablishmentInput, name: str
) -> int | None:
    """The id of another live record that already stands for this union–partner pair."""
    partner = (
        Establishment.partner_unit_id == data.partner_unit_id
        if data.partner_unit_id is not None
        else Establishment.partner_name == name
    )
    found = session.scalar(
        select(Establishment.id).where(
            Establishment.union_unit_id == data.union_unit_id,
            or_(partner, Establishment.partner_name == name),
            Establishment.deleted_at.is_(None),
            Establishment.id != (est.id or 0),
        )
    )
    return found


def _apply(session: Session, est: Establishment, data: EstablishmentInput) -> None:
    """One record per union–partner pair; the union side is a union of the record's level."""
    union = load(session, Unit, data.union_unit_id, "unit")
    if union.kind not in UNION_KINDS:
        raise InvalidInput("not_a_union", field="union_unit_id", unit=union.name)
    if union.level != data.level:
        raise InvalidInput("level_mismatch", field="level", unit=union.name, level=union.level)
    if data.partner_unit_id is not None:
        load(session, Unit, data.partner_unit_id, "unit")
    name = required_text(data.partner_name, "partner_name", 120)
    est.union_unit_id = data.union_unit_id
    est.partner_unit_id = data.partner_unit_id
    est.partner_name = name
    est.level = data.level
    est.established = data.established
    est.document_title = limited_text(data.document_title, "document_title", 200)
    est.document_number = limited_text(data.document_number, "document_number", 60)
    per_year = (
        DEFAULT_MEETINGS_PER_YEAR[data.level]
        if data.meetings_per_year is None
        else data.meetings_per_year
    )
    if not 1 <= per_year <= 52:
        raise InvalidInput("out_of_range", field="meetings_per_year", min=1, max=52)
    est.meetings_per_year = per_year
    if data.established:
        est.established_on = sane_date(data.established_on, "established_on", required=True)
        est.reason_not_established = ""
        est.establish_deadline = None
    else:
        est.established_on = None
        est.reason_not_established = required_text(
            data.reason_not_established, "reason_not_established", 2000
        )
        est.establish_deadline = sane_date(data.establish_deadline, "establish_deadline")
    # Last, so a record with a missing field is told about the field first.
    with session.no_autoflush:
        existing = _same_pair(session, est, data, name)
        if existing is not None:
            raise DuplicateEstablishment(unit=union.name, partner=name, existing_id=existing)


def create_establishment(session: Session, data: EstablishmentInput) -> EstablishmentDTO:
    est = Establishment()
    _apply(session, est, data)
    stamp_new(session, est)
    session.add(est)
    session.flush()
    return establishment_dto(session, est)


def update_establishment(
    session: Session, establishment_id: int, data: EstablishmentInput
) -> EstablishmentDTO:
    est = load(session, Establishment, establishment_id, "establishment")
    _apply(session, est, data)
    touch(est)
    session.flush()
    return establishment_dto(session, est)


def get_establishment(session: Session, establishment_id: int) -> EstablishmentDTO:
    return establishment_dto(
        session, load(session, Establishment, establishment_id, "establishment")
    )
