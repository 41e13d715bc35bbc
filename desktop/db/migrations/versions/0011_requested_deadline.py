"""item_event.requested_deadline: an extension request carries the deadline asked for

A township's 申请延期 on an item its county assigned travels to the county as a timeline
entry; with the deadline asked for on it, the county's item joins its 延期待批 queue.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("item_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("requested_deadline", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("item_event", schema=None) as batch_op:
        batch_op.drop_column("requested_deadline")
