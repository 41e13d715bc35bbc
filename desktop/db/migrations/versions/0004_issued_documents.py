"""issued documents: the frozen copy of every issued document; meetings' start times

Existing databases are not backfilled here: a migration runs without the document builders
(they read the live records through the current code, which a migration must not import).
An issued record without a frozen copy (minutes 印发 before this revision, supervision
notices, bulletins, the notice of a meeting in the notified state) is frozen from its records
the first time it is printed, previewed or saved (desktop.core.issued.printable); the demo
freezes its office's own documents when it is built (desktop.core.issued.backfill).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issued_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=120), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["issued_document.id"],
            name=op.f("fk_issued_document_supersedes_id_issued_document"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_document")),
        sa.UniqueConstraint(
            "office_uuid",
            "kind",
            "year",
            "serial",
            "version",
            name=op.f("uq_issued_document_office_uuid_kind_year_serial_version"),
        ),
        sa.UniqueConstraint(
            "office_uuid",
            "kind",
            "record_id",
            "version",
            name=op.f("uq_issued_document_office_uuid_kind_record_id_version"),
        ),
    )
    op.create_index("ix_issued_document_record", "issued_document", ["kind", "record_id"])
    op.create_table(
        "meeting_time",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.String(length=5), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_time_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_meeting_time")),
    )


def downgrade() -> None:
    op.drop_table("meeting_time")
    op.drop_index("ix_issued_document_record", table_name="issued_document")
    op.drop_table("issued_document")
