"""Issued documents: the frozen copy of every document an office has issued, by version."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class IssuedDocument(Base):
    """One version of an issued document: its data as printed (JSON of the report DTO), its
    number and date. Never edited: a correction (更正) is a new row that supersedes it.

    Numbers are unique per office, kind, year and serial (a correction keeps its number and
    takes the next version); a record copy of another body's document has no serial.
    """

    __tablename__ = "issued_document"
    __table_args__ = (
        UniqueConstraint("office_uuid", "kind", "year", "serial", "version"),
        UniqueConstraint("office_uuid", "kind", "record_id", "version"),
        Index("ix_issued_document_record", "kind", "record_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_uuid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(24))  # minutes, notice, reminder, … assessment
    # The record it was issued from: a meeting, a notice, a bulletin; the year for assessment.
    record_id: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(120), default="")
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int | None] = mapped_column(Integer, default=None)
    issued_on: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(
        ForeignKey("issued_document.id", ondelete="RESTRICT"), default=None
    )
    reason: Mapped[str] = mapped_column(Text, default="")  # why a correction was issued
    content: Mapped[str] = mapped_column(Text)  # canonical JSON of the document's DTO
    content_sha256: Mapped[str] = mapped_column(String(64))
    # The PDF's hash, recorded at its first rendering (core cannot render: reports sit above it).
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
