"""accounts and audit: the 审核 role, lock-out and token columns, the audit chain's hash

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _role(*values: str) -> sa.Enum:
    return sa.Enum(*values, name="role", native_enum=False, create_constraint=True, length=24)


def upgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_login_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("token_hash", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.alter_column(
            "role",
            existing_type=_role("admin", "clerk", "leader"),
            type_=_role("admin", "reviewer", "clerk", "leader"),
            existing_nullable=False,
        )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("entry_hash", sa.String(length=64), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_column("entry_hash")
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.alter_column(
            "role",
            existing_type=_role("admin", "reviewer", "clerk", "leader"),
            type_=_role("admin", "clerk", "leader"),
            existing_nullable=False,
        )
        batch_op.drop_column("token_hash")
        batch_op.drop_column("last_login_at")
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_attempts")
