"""Annual assessment (考核): schemes with weighted indicators, and each unit's result."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Travelling, UTCDateTime, utcnow


class AssessmentScheme(Travelling, Base):
    __tablename__ = "assessment_scheme"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(120))
    total_points: Mapped[float] = mapped_column(Float, default=100.0)

    indicators: Mapped[list[AssessmentIndicator]] = relationship(
        back_populates="scheme",
        cascade="all, delete-orphan",
        order_by="AssessmentIndicator.position",
    )


class AssessmentIndicator(Base):
    """One indicator: a rule from the fixed, documented set, its weight and its parameters."""

    __tablename__ = "assessment_indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_scheme.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    rule: Mapped[str] = mapped_column(String(40))
    weight: Mapped[float] = mapped_column(Float)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    scheme: Mapped[AssessmentScheme] = relationship(back_populates="indicators")


class AssessmentResult(Travelling, Base):
    """A unit's computed score for a scheme; `details` holds the per-indicator drill-down."""

    __tablename__ = "assessment_result"
    __table_args__ = (UniqueConstraint("scheme_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_scheme.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    total: Mapped[float] = mapped_column(Float)
    rank: Mapped[int | None] = mapped_column(Integer, default=None)
    provisional: Mapped[bool] = mapped_column(Boolean, default=True)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
