"""One unit entered twice becomes one: every reference moves to the unit that stays.

A township and its county each enter 八滩镇工会; an imported directory brings a second 县财政局.
`merge_units` moves everything that names the merged unit (meetings, items, establishments,
child units, the office's own entry) to the unit that stays, retires the merged row with a
tombstone, and writes a `UnitMerge` record. That record travels in exchange packages, so the
peers merge the same two units, and it keeps the merged unit's uuid pointing at the unit it
became: a package that still names the old uuid lands on the right unit (`canonical_units`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Table, and_, delete, exists, or_, select, update
from sqlalchemy.orm import Session, aliased

from desktop.core.audit import record_event
from desktop.core.errors import InvalidInput
from desktop.core.records import load, stamp_new, tombstone
from desktop.models import Establishment, Unit, UnitMerge, item_cooperating_unit
from desktop.models.base import Base, utcnow


@dataclass(frozen=True)
class UnitMergeDTO:
    id: int
    merged_unit_uuid: str
    merged_name: str
    into_unit_id: int
    into_name: str


def merge_units(session: Session, merged_id: int, into_id: int) -> UnitMergeDTO:
    """Merge unit `merged_id` into `into_id` here, as a record that travels to the peers."""
    if merged_id == into_id:
        raise InvalidInput("unit_merge_into_itself", field="into_unit_id")
    merged = load(session, Unit, merged_id, "unit")
    into = load(session, Unit, into_id, "unit")
    for unit in (merged, into):
        if unit.deleted_at is not None:
            raise InvalidInput("unit_retired", field="unit_id", name=unit.name)
    record = UnitMerge(merged_unit_uuid=merged.uuid, merged_name=merged.name, into_unit_id=into.id)
    stamp_new(session, record)
    session.add(record)
    move_references(session, merged, into)
    return _dto(record, into)


def apply_merge(session: Session, merged_uuid: str, into_id: int) -> bool:
    """Carry out a merge another office made, if the merged unit is here and still live."""
    merged = session.scalars(select(Unit).where(Unit.uuid == merged_uuid)).first()
    into = session.get(Unit, into_id)
    if merged is None or into is None or merged.id == into.id or merged.deleted_at is not None:
        return False
    move_references(session, merged, into)
    return True


def move_references(session: Session, merged: Unit, into: Unit) -> None:
    """Point every reference to `merged` at `into`, then retire `merged`."""
    session.flush()
    if _is_below(session, into.id, merged.id):
        # The unit that stays was filed under the merged one: it takes the merged one's place.
        session.execute(update(Unit).where(Unit.id == into.id).values(parent_id=merged.parent_id))
    _drop_colliding(session, merged.id, into.id)
    moved: dict[str, int] = {}
    for table, column in _unit_references():
        stmt = update(table).where(table.c[column] == merged.id).values({column: into.id})
        if table is Unit.__table__ and column == "parent_id":
            stmt = stmt.where(table.c.id != into.id)
        count = cast(CursorResult[Any], session.execute(stmt)).rowcount
        if count:
            moved[f"{table.name}.{column}"] = count
    # The statements above bypass the flush the audit trail listens to: say what they moved.
    record_event(
        session,
        "unit_merge",
        "unit",
        merged.uuid,
        {"merged": merged.name, "into": into.uuid, "into_name": into.name, "moved": moved},
    )
    session.expire_all()
    merged = session.get(Unit, merged.id) or merged
    tombstone(merged)
    merged.updated_at = utcnow()
    session.flush()


def canonical_units(session: Session) -> dict[str, str]:
    """uuid of every merged unit -> uuid of the live unit it became (following chains)."""
    into = aliased(Unit)
    pairs = dict(
        session.execute(
            select(UnitMerge.merged_unit_uuid, into.uuid).join(
                into, into.id == UnitMerge.into_unit_id
            )
        ).all()
    )
    resolved: dict[str, str] = {}
    for start in pairs:
        seen = {start}
        current = pairs[start]
        while current in pairs and current not in seen:  # a chain A → B → C, never a loop
            seen.add(current)
            current = pairs[current]
        resolved[start] = current
    return resolved


def list_merges(session: Session) -> list[UnitMergeDTO]:
    rows = session.execute(
        select(UnitMerge, Unit).join(Unit, Unit.id == UnitMerge.into_unit_id).order_by(UnitMerge.id)
    ).all()
    return [_dto(merge, unit) for merge, unit in rows]


def _dto(record: UnitMerge, into: Unit) -> UnitMergeDTO:
    return UnitMergeDTO(record.id, record.merged_unit_uuid, record.merged_name, into.id, into.name)


def _unit_references() -> list[tuple[Table, str]]:
    """(table, column) of every foreign key to unit.id, the unit table's own parent among them."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is Unit.__table__ and fk.column.name == "id":
                found.append((table, fk.parent.name))
    return found


def _is_below(session: Session, unit_id: int, ancestor_id: int) -> bool:
    seen: set[int] = set()
    current = session.scalar(select(Unit.parent_id).where(Unit.id == unit_id))
    while current is not None and current not in seen:
        if current == ancestor_id:
            return True
        seen.add(current)
        current = session.scalar(select(Unit.parent_id).where(Unit.id == current))
    return False


def _drop_colliding(session: Session, merged_id: int, into_id: int) -> None:
    """Rows that would say the same thing twice once merged: an item both units cooperate on,
    and an establishment both unions had with one partner (the merged one's is retired)."""
    link = item_cooperating_unit
    other = link.alias("other")
    session.execute(
        delete(link).where(
            link.c.unit_id == merged_id,
            exists().where(and_(other.c.item_id == link.c.item_id, other.c.unit_id == into_id)),
        )
    )
    theirs = aliased(Establishment)
    same_pair = {
        # the merged union's record and the staying union's name the same partner
        "union_unit_id": or_(
            theirs.partner_name == Establishment.partner_name,
            theirs.partner_unit_id == Establishment.partner_unit_id,
        ),
        # two records of one union name the merged and the staying partner
        "partner_unit_id": theirs.union_unit_id == Establishment.union_unit_id,
    }
    for column, same in same_pair.items():
        twins = session.scalars(
            select(Establishment).where(
                getattr(Establishment, column) == merged_id,
                Establishment.deleted_at.is_(None),
                exists().where(
                    getattr(theirs, column) == into_id, same, theirs.deleted_at.is_(None)
                ),
            )
        ).all()
        for twin in twins:
            tombstone(twin)
    session.flush()
