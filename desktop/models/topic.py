"""Topics (议题): candidates for a joint meeting, with research visits and consultations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Travelling, enum_column
from desktop.models.enums import TopicSource, TopicStatus


class Topic(Travelling, Base):
    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[TopicSource] = mapped_column(enum_column(TopicSource))
    # The union that will bring the topic to its joint meeting.
    union_unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    proposing_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), default=None
    )
    priority: Mapped[int] = mapped_column(Integer, default=2)  # 1 high, 2 normal, 3 low
    status: Mapped[TopicStatus] = mapped_column(
        enum_column(TopicStatus), index=True, default=TopicStatus.CANDIDATE
    )
    # The extended office meeting (办公室扩大会) that vetted it.
    vetted_on: Mapped[date | None] = mapped_column(Date, default=None)
    vetting_conclusion: Mapped[str] = mapped_column(Text, default="")
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    deferral_reason: Mapped[str] = mapped_column(Text, default="")
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("topic.id", ondelete="SET NULL"), default=None
    )

    research_visits: Mapped[list[TopicResearch]] = relationship(
        back_populates="topic", cascade="all, delete-orphan", order_by="TopicResearch.visited_on"
    )
    consultations: Mapped[list[TopicConsultation]] = relationship(
        back_populates="topic",
        cascade="all, delete-orphan",
        order_by="TopicConsultation.consulted_on",
    )


class TopicResearch(Base):
    """A research visit or forum (调研/座谈) on a topic."""

    __tablename__ = "topic_research"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    participants: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[str] = mapped_column(Text, default="")

    topic: Mapped[Topic] = relationship(back_populates="research_visits")


class TopicConsultation(Base):
    """The vice-chair's consultation of a government department before the meeting."""

    __tablename__ = "topic_consultation"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    department_unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    consulted_on: Mapped[date] = mapped_column(Date)
    opinion: Mapped[str] = mapped_column(Text, default="")
    agrees: Mapped[bool] = mapped_column(Boolean, default=True)

    topic: Mapped[Topic] = relationship(back_populates="consultations")
