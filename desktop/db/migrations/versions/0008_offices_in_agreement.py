"""two offices in agreement: unit merges that travel, the owner's last copy, resync after restore

- `unit_merge`: one unit merged into another (the same union entered by a township and its
  county); the merged unit's uuid keeps pointing at the unit it became, and the merge travels.
- `exchange_base`: per record received from its owner, the SHA-256 of the copy last taken, so
  an owner's change meeting a local edit the owner never saw goes to the conflict queue.
- `exchange_peer.expect_restart` (we asked this peer to start its numbering again, after a
  restore) and `exchange_peer.return_records` (our next package to it starts a new chain and
  carries back its own records, which it may have lost).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merged_unit_uuid", sa.String(length=36), nullable=False),
        sa.Column("merged_name", sa.String(length=120), nullable=False),
        sa.Column("into_unit_id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["into_unit_id"],
            ["unit.id"],
            name=op.f("fk_unit_merge_into_unit_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_merge")),
        sa.UniqueConstraint("uuid", name=op.f("uq_unit_merge_uuid")),
    )
    with op.batch_alter_table("unit_merge", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_unit_merge_merged_unit_uuid"), ["merged_unit_uuid"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_unit_merge_into_unit_id"), ["into_unit_id"])
        batch_op.create_index(batch_op.f("ix_unit_merge_origin_office"), ["origin_office"])
        batch_op.create_index(batch_op.f("ix_unit_merge_updated_at"), ["updated_at"])
    op.create_table(
        "exchange_base",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_uuid", name=op.f("pk_exchange_base")),
    )
    with op.batch_alter_table("exchange_peer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("expect_restart", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("return_records", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("exchange_peer", schema=None) as batch_op:
        batch_op.drop_column("return_records")
        batch_op.drop_column("expect_restart")
    op.drop_table("exchange_base")
    with op.batch_alter_table("unit_merge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_merge_updated_at"))
        batch_op.drop_index(batch_op.f("ix_unit_merge_origin_office"))
        batch_op.drop_index(batch_op.f("ix_unit_merge_into_unit_id"))
        batch_op.drop_index(batch_op.f("ix_unit_merge_merged_unit_uuid"))
    op.drop_table("unit_merge")
