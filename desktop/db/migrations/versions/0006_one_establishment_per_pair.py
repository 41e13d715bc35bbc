"""one establishment per union–partner pair: duplicates merged, then two partial unique indexes

A pair is the union and its partner, named by the partner's unit when there is one and by the
partner's name always (many partners - a party committee, an enterprise administration - are
not in the unit directory, so the partner unit cannot be required). Two live records are the
same pair when they share the union and either the partner unit or the partner name.

Existing duplicates are merged first: of each group of live records for one pair the most
informative is kept (established before not, then the one with more of its fields filled, then
the most recently edited, then the smallest uuid, so every office that holds the same copies
keeps the same one); it takes the partner unit from a removed record if it had none. The
others are tombstoned (`deleted_at`, version + 1), as a delete in the window is, so the merge
travels in the next exchange package like any edit.

Tombstones stay in the table, so the rule is two unique indexes over live records only
(`WHERE deleted_at IS NULL`, which SQLite and PostgreSQL both support): one on
(union_unit_id, partner_unit_id) - NULL partners never clash there - and one on
(union_unit_id, partner_name), which also covers the records without a partner unit.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")

_establishment = sa.table(
    "establishment",
    sa.column("id", sa.Integer()),
    sa.column("uuid", sa.String()),
    sa.column("union_unit_id", sa.Integer()),
    sa.column("partner_unit_id", sa.Integer()),
    sa.column("partner_name", sa.String()),
    sa.column("established", sa.Boolean()),
    sa.column("established_on", sa.Date()),
    sa.column("document_title", sa.String()),
    sa.column("document_number", sa.String()),
    sa.column("reason_not_established", sa.Text()),
    sa.column("establish_deadline", sa.Date()),
    sa.column("version", sa.Integer()),
    sa.column("updated_at", sa.DateTime()),
    sa.column("deleted_at", sa.DateTime()),
)


def _rank(row: Any) -> tuple[Any, ...]:
    """Higher is more informative; the last key makes the choice the same in every office."""
    filled = sum(
        1
        for value in (
            row.established_on,
            row.document_title,
            row.document_number,
            row.reason_not_established,
            row.establish_deadline,
            row.partner_unit_id,
        )
        if value not in (None, "")
    )
    edited = row.updated_at or datetime.min
    # Smallest uuid wins the last tie: compare negated characters.
    return (bool(row.established), filled, edited, tuple(-ord(c) for c in row.uuid))


def _groups(rows: list[Any]) -> list[list[Any]]:
    """Live records joined when they share the union and the partner unit or partner name."""
    parent = {row.id: row.id for row in rows}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_by_key: dict[tuple[Any, ...], int] = {}
    for row in rows:
        keys = [("name", row.union_unit_id, (row.partner_name or "").strip())]
        if row.partner_unit_id is not None:
            keys.append(("unit", row.union_unit_id, row.partner_unit_id))
        for key in keys:
            if key in first_by_key:
                parent[find(row.id)] = find(first_by_key[key])
            else:
                first_by_key[key] = row.id
    grouped: dict[int, list[Any]] = {}
    for row in rows:
        grouped.setdefault(find(row.id), []).append(row)
    return [group for group in grouped.values() if len(group) > 1]


def merge_duplicates(connection: sa.engine.Connection) -> int:
    """Tombstone all but the most informative live record of each pair; how many went."""
    t = _establishment
    rows = list(connection.execute(sa.select(t).where(t.c.deleted_at.is_(None))))
    now = datetime.now(UTC).replace(tzinfo=None)
    removed = 0
    for group in _groups(rows):
        group.sort(key=_rank, reverse=True)
        keep, others = group[0], group[1:]
        if keep.partner_unit_id is None:
            units = [r.partner_unit_id for r in others if r.partner_unit_id is not None]
            if units:
                connection.execute(
                    t.update()
                    .where(t.c.id == keep.id)
                    .values(partner_unit_id=units[0], version=keep.version + 1, updated_at=now)
                )
        for row in others:
            connection.execute(
                t.update()
                .where(t.c.id == row.id)
                .values(deleted_at=now, version=row.version + 1, updated_at=now)
            )
            removed += 1
    return removed


def upgrade() -> None:
    merge_duplicates(op.get_bind())
    with op.batch_alter_table("establishment", schema=None) as batch_op:
        batch_op.create_index(
            "uq_establishment_live_partner_unit",
            ["union_unit_id", "partner_unit_id"],
            unique=True,
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        )
        batch_op.create_index(
            "uq_establishment_live_partner_name",
            ["union_unit_id", "partner_name"],
            unique=True,
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        )


def downgrade() -> None:
    # The merged duplicates stay tombstoned: a downgrade does not resurrect records.
    with op.batch_alter_table("establishment", schema=None) as batch_op:
        batch_op.drop_index("uq_establishment_live_partner_name")
        batch_op.drop_index("uq_establishment_live_partner_unit")
