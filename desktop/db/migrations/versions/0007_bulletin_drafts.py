"""bulletin drafts: a bulletin is drafted, submitted for review, then issued

Every bulletin saved before this revision was issued when it was saved (it took its number and
its frozen copy then), so existing rows are `issued`; new ones start as `draft`.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _status() -> sa.Enum:
    return sa.Enum(
        "draft",
        "submitted",
        "issued",
        name="bulletinstatus",
        native_enum=False,
        create_constraint=True,
        length=24,
    )


def upgrade() -> None:
    with op.batch_alter_table("bulletin", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", _status(), nullable=False, server_default="issued"))
        batch_op.create_index(batch_op.f("ix_bulletin_status"), ["status"], unique=False)


def downgrade() -> None:
    # Drafts never took a number; an older program would print them as issued, so they go.
    op.execute(
        "DELETE FROM bulletin_mention WHERE bulletin_id IN "
        "(SELECT id FROM bulletin WHERE status <> 'issued')"
    )
    op.execute("DELETE FROM bulletin WHERE status <> 'issued'")
    with op.batch_alter_table("bulletin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bulletin_status"))
        # The enum's CHECK goes with its column, or the copied table names a missing column.
        batch_op.drop_constraint(batch_op.f("ck_bulletin_bulletinstatus"), type_="check")
        batch_op.drop_column("status")
