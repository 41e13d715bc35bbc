"""Establishment (建制): whether a government–union pair has set up its joint-meeting system."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Travelling, enum_column
from desktop.models.enums import Level


class Establishment(Travelling, Base):
    __tablename__ = "establishment"
    # One live record per union–partner pair (tombstones stay in the table, hence partial
    # indexes): by partner unit when there is one, and by partner name, which every record has.
    __table_args__ = (
        Index(
            "uq_establishment_live_partner_unit",
            "union_unit_id",
            "partner_unit_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index(
            "uq_establishment_live_partner_name",
            "union_unit_id",
            "partner_name",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    union_unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    # The other side: a government, party committee, enterprise administration or association.
    partner_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), default=None
    )
    partner_name: Mapped[str] = mapped_column(String(120))
    level: Mapped[Level] = mapped_column(enum_column(Level), index=True)
    established: Mapped[bool] = mapped_column(Boolean, default=False)
    established_on: Mapped[date | None] = mapped_column(Date, default=None)
    document_title: Mapped[str] = mapped_column(String(200), default="")
    document_number: Mapped[str] = mapped_column(String(60), default="")
    meetings_per_year: Mapped[int] = mapped_column(Integer, default=1)
    reason_not_established: Mapped[str] = mapped_column(Text, default="")
    establish_deadline: Mapped[date | None] = mapped_column(Date, default=None)
