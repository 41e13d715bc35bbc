"""The unit directory: create and edit units; the hierarchy stays a tree."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput
from desktop.core.phones import phone_numbers
from desktop.core.pinyin import pinyin_keys
from desktop.core.records import limited_text, load, required_text, stamp_new, touch
from desktop.models import Unit
from desktop.models.enums import Level, UnitKind

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class UnitInput:
    name: str
    kind: UnitKind
    level: Level
    parent_id: int | None = None
    short_name: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    address: str = ""
    member_count: int | None = None
    note: str = ""


@dataclass(frozen=True)
class UnitDTO:
    id: int
    uuid: str
    name: str
    short_name: str
    kind: UnitKind
    level: Level
    parent_id: int | None
    parent_name: str | None
    contact_person: str
    contact_phone: str
    address: str
    member_count: int | None
    note: str
    pinyin_initials: str


def unit_dto(session: Session, unit: Unit) -> UnitDTO:
    parent_name = None
    if unit.parent_id is not None:
        parent_name = session.scalar(select(Unit.name).where(Unit.id == unit.parent_id))
    return UnitDTO(
        id=unit.id,
        uuid=unit.uuid,
        name=unit.name,
        short_name=unit.short_name,
        kind=unit.kind,
        level=unit.level,
        parent_id=unit.parent_id,
        parent_name=parent_name,
        contact_person=unit.contact_person,
        contact_phone=unit.contact_phone,
        address=unit.address,
        member_count=unit.member_count,
        note=unit.note,
        pinyin_initials=unit.pinyin_initials,
    )


def check_parent(unit: K | None, parent: K | None, parent_of: Callable[[K], K | None]) -> None:
    """A unit's parent may not be the unit itself nor any unit below it (`parent_of` gives each
    unit's present parent): the directory stays a tree."""
    if parent is None:
        return
    if parent == unit:
        raise InvalidInput("own_parent", field="parent_id")
    # Walk up from the new parent: meeting the unit itself would close a loop.
    seen: set[K] = set()
    current: K | None = parent
    while current is not None and current not in seen:
        if current == unit:
            raise InvalidInput("parent_cycle", field="parent_id")
        seen.add(current)
        current = parent_of(current)


def _check_parent(session: Session, unit_id: int | None, parent_id: int | None) -> None:
    if parent_id is not None and parent_id != unit_id:
        load(session, Unit, parent_id, "unit")
    check_parent(
        unit_id,
        parent_id,
        lambda current: session.scalar(select(Unit.parent_id).where(Unit.id == current)),
    )


def _apply(unit: Unit, data: UnitInput) -> None:
    unit.name = required_text(data.name, "name", 120)
    unit.short_name = limited_text(data.short_name, "short_name", 60)
    unit.kind = data.kind
    unit.level = data.level
    unit.parent_id = data.parent_id
    unit.contact_person = limited_text(data.contact_person, "contact_person", 60)
    unit.contact_phone = phone_numbers(data.contact_phone, "contact_phone")
    unit.address = limited_text(data.address, "address", 200)
    if data.member_count is not None and not 0 <= data.member_count <= 10_000_000:
        raise InvalidInput("out_of_range", field="member_count", min=0, max=10_000_000)
    unit.member_count = data.member_count
    unit.note = limited_text(data.note, "note", 2000)
    unit.pinyin_initials, unit.pinyin_full = pinyin_keys(unit.name)


def create_unit(session: Session, data: UnitInput) -> UnitDTO:
    _check_parent(session, None, data.parent_id)
    unit = Unit()
    _apply(unit, data)
    stamp_new(session, unit)
    session.add(unit)
    session.flush()
    return unit_dto(session, unit)


def update_unit(session: Session, unit_id: int, data: UnitInput) -> UnitDTO:
    unit = load(session, Unit, unit_id, "unit")
    _check_parent(session, unit_id, data.parent_id)
    _apply(unit, data)
    touch(unit)
    session.flush()
    return unit_dto(session, unit)


def get_unit(session: Session, unit_id: int) -> UnitDTO:
    return unit_dto(session, load(session, Unit, unit_id, "unit"))


def directory_stamp(session: Session) -> tuple[object, ...]:
    """Changes whenever a unit is added, edited or retired: lets views cache the directory."""
    row = session.execute(select(func.count(Unit.id), func.max(Unit.updated_at))).one()
    return tuple(row)


def find_unit_by_name(session: Session, name: str) -> UnitDTO | None:
    """The one live unit with this name; None if there is none. Several with the name are
    refused (`unit_name_ambiguous`, naming their ids): a name never picks one of them silently."""
    found = session.scalars(
        select(Unit).where(Unit.name == name.strip(), Unit.deleted_at.is_(None)).order_by(Unit.id)
    ).all()
    if len(found) > 1:
        raise InvalidInput(
            "unit_name_ambiguous",
            field="unit_id",
            name=name.strip(),
            ids="、".join(str(u.id) for u in found),
        )
    return unit_dto(session, found[0]) if found else None


def unit_names(session: Session) -> tuple[str, ...]:
    """Every name in the directory: printed documents keep them whole where titles break."""
    return tuple(session.scalars(select(Unit.name)))
