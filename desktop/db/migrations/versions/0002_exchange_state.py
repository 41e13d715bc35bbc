"""exchange state: peers, received packages, sent records, held packages, conflicts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_peer",
        sa.Column("peer_office_uuid", sa.String(length=36), nullable=False),
        sa.Column("last_sent_sequence", sa.Integer(), nullable=False),
        sa.Column("last_sent_manifest_sha256", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("peer_office_uuid", name=op.f("pk_exchange_peer")),
    )
    op.create_table(
        "exchange_received",
        sa.Column("peer_office_uuid", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_in", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("peer_office_uuid", "sequence", name=op.f("pk_exchange_received")),
    )
    op.create_table(
        "exchange_sent",
        sa.Column("peer_office_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_key", sa.String(length=36), nullable=False),
        sa.Column("sent_sha256", sa.String(length=64), nullable=False),
        sa.Column("sent_sequence", sa.Integer(), nullable=False),
        sa.Column("acked_sha256", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint(
            "peer_office_uuid", "kind", "record_key", name=op.f("pk_exchange_sent")
        ),
    )
    op.create_table(
        "exchange_held",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("peer_office_uuid", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_exchange_held")),
    )
    with op.batch_alter_table("exchange_held", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exchange_held_peer_office_uuid"), ["peer_office_uuid"], unique=False
        )
    op.create_table(
        "exchange_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("peer_office_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("local_value", sa.JSON(), nullable=False),
        sa.Column("incoming_value", sa.JSON(), nullable=False),
        sa.Column("resolution", sa.String(length=12), nullable=True),
        sa.Column("resolved_by", sa.String(length=60), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_conflict")),
    )
    with op.batch_alter_table("exchange_conflict", schema=None) as batch_op:
        for column in ("package_id", "peer_office_uuid", "record_uuid"):
            batch_op.create_index(
                batch_op.f(f"ix_exchange_conflict_{column}"), [column], unique=False
            )


def downgrade() -> None:
    for table in (
        "exchange_conflict",
        "exchange_held",
        "exchange_sent",
        "exchange_received",
        "exchange_peer",
    ):
        op.drop_table(table)
