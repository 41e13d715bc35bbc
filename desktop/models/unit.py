"""The unit directory: governments, departments and unions the office deals with, as a hierarchy."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Travelling, enum_column
from desktop.models.enums import Level, UnitKind


class Unit(Travelling, Base):
    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    short_name: Mapped[str] = mapped_column(String(60), default="")
    kind: Mapped[UnitKind] = mapped_column(enum_column(UnitKind), index=True)
    level: Mapped[Level] = mapped_column(enum_column(Level), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True, default=None
    )
    contact_person: Mapped[str] = mapped_column(String(60), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    member_count: Mapped[int | None] = mapped_column(Integer, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    # Pinyin initials ("bhx" for 滨海县) and full pinyin, kept for search.
    pinyin_initials: Mapped[str] = mapped_column(String(120), index=True, default="")
    pinyin_full: Mapped[str] = mapped_column(String(400), default="")

    parent: Mapped[Unit | None] = relationship(remote_side=[id], lazy="raise")


class UnitMerge(Travelling, Base):
    """One unit merged into another: the same union or department entered twice.

    The merged unit's references moved to `into_unit_id` and its row was retired; its uuid
    stays here so records that still name it (from a package, or a peer that has not merged
    yet) land on the unit it was merged into. It travels, so the peers merge too.
    """

    __tablename__ = "unit_merge"

    id: Mapped[int] = mapped_column(primary_key=True)
    merged_unit_uuid: Mapped[str] = mapped_column(String(36), index=True)
    merged_name: Mapped[str] = mapped_column(String(120), default="")
    into_unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
