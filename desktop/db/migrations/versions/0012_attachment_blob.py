"""attachment_blob: attachments' contents in the database, one row per distinct SHA-256

Until now the bytes were files in an attachments folder of each PC, so on a county's shared
(PostgreSQL) database a file attached on one PC was missing on the others. The files already
attached are taken into this table after the upgrade, and at every later open by each PC that
still holds some (desktop.db.blobs.take_in_files): a migration sees one connection, not the
folders of every PC that used the database.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blob")),
    )


def downgrade() -> None:
    op.drop_table("attachment_blob")
