"""void reason on the record: a voided notice or bulletin carries why, to every office

Until now the reason sat only in the voiding office's audit trail, so a peer saw the void and
its day but not why. Existing voids take their reason from that audit entry.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_TABLES = ("supervision_notice", "bulletin")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("void_reason", sa.Text(), nullable=False, server_default="")
            )
    bind = op.get_bind()
    audit = sa.table(
        "audit_entry",
        sa.column("id", sa.Integer),
        sa.column("action", sa.String),
        sa.column("target_kind", sa.String),
        sa.column("target_uuid", sa.String),
        sa.column("detail", sa.Text),
    )
    rows = bind.execute(
        sa.select(audit.c.target_kind, audit.c.target_uuid, audit.c.detail)
        .where(audit.c.action == "void", audit.c.target_kind.in_(_TABLES))
        .order_by(audit.c.id)
    ).all()
    for kind, uuid, detail in rows:
        try:
            reason = json.loads(detail).get("reason", "")
        except (ValueError, AttributeError):
            continue
        if isinstance(reason, str) and reason:
            record = sa.table(kind, sa.column("uuid", sa.String), sa.column("void_reason", sa.Text))
            bind.execute(sa.update(record).where(record.c.uuid == uuid).values(void_reason=reason))


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("void_reason")
