"""Agreed items (议定事项), their cooperating units, progress feedback and timeline."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Column,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Travelling, UTCDateTime, enum_column, utcnow
from desktop.models.enums import ItemStatus
from desktop.models.unit import Unit

item_cooperating_unit = Table(
    "item_cooperating_unit",
    Base.metadata,
    Column("item_id", ForeignKey("agreed_item.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("unit.id", ondelete="RESTRICT"), primary_key=True, index=True),
)


class AgreedItem(Travelling, Base):
    __tablename__ = "agreed_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="RESTRICT"), index=True
    )
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("topic.id", ondelete="SET NULL"), index=True, default=None
    )
    sequence: Mapped[int] = mapped_column(Integer, default=1)  # order within the meeting
    text: Mapped[str] = mapped_column(Text)
    lead_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True, default=None
    )
    deadline: Mapped[date | None] = mapped_column(Date, index=True, default=None)
    target_text: Mapped[str] = mapped_column(Text, default="")
    target_number: Mapped[float | None] = mapped_column(Float, default=None)
    target_unit: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[ItemStatus] = mapped_column(
        enum_column(ItemStatus), index=True, default=ItemStatus.DRAFTED
    )
    assigned_on: Mapped[date | None] = mapped_column(Date, default=None)
    completed_on: Mapped[date | None] = mapped_column(Date, default=None)
    verified_on: Mapped[date | None] = mapped_column(Date, default=None)
    verification_note: Mapped[str] = mapped_column(Text, default="")
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    extension_deadline: Mapped[date | None] = mapped_column(Date, default=None)
    send_back_reason: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    last_feedback_on: Mapped[date | None] = mapped_column(Date, default=None)
    percent_done: Mapped[int] = mapped_column(Integer, default=0)

    cooperating_units: Mapped[list[Unit]] = relationship(
        secondary=item_cooperating_unit, order_by=Unit.id, lazy="selectin"
    )


class ProgressFeedback(Travelling, Base):
    """Progress feedback (进展反馈) from the responsible unit."""

    __tablename__ = "progress_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agreed_item.id", ondelete="RESTRICT"), index=True
    )
    reported_on: Mapped[date] = mapped_column(Date)
    reporting_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), default=None
    )
    text: Mapped[str] = mapped_column(Text)
    percent_done: Mapped[int] = mapped_column(Integer, default=0)

    figures: Mapped[list[FeedbackFigure]] = relationship(
        back_populates="feedback", cascade="all, delete-orphan", order_by="FeedbackFigure.id"
    )


class FeedbackFigure(Base):
    """An outcome figure in a feedback, e.g. 安置职工 1126 人."""

    __tablename__ = "feedback_figure"

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_id: Mapped[int] = mapped_column(
        ForeignKey("progress_feedback.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(60))
    number: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20), default="")

    feedback: Mapped[ProgressFeedback] = relationship(back_populates="figures")


class ItemEvent(Travelling, Base):
    """One entry on an agreed item's timeline: a status change, feedback, reminder or document."""

    __tablename__ = "item_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agreed_item.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    on_date: Mapped[date] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str] = mapped_column(String(24), default="")
    to_status: Mapped[str] = mapped_column(String(24), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    document_number: Mapped[str] = mapped_column(String(60), default="")
    # An extension request: the deadline asked for (so the office that owns the item can
    # queue the request when the entry arrives from the lead unit's office).
    requested_deadline: Mapped[date | None] = mapped_column(Date, default=None)
