"""Joint meetings (联席会议) with their participants, working groups and agenda."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Travelling, enum_column
from desktop.models.enums import (
    AttendanceRole,
    Level,
    MeetingKind,
    MeetingStatus,
    WorkingGroupKind,
)


class Meeting(Travelling, Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MeetingKind] = mapped_column(enum_column(MeetingKind))
    level: Mapped[Level] = mapped_column(enum_column(Level), index=True)
    union_unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    partner_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), default=None
    )
    partner_name: Mapped[str] = mapped_column(String(120))
    series_number: Mapped[int] = mapped_column(Integer)  # 第N次
    planned_on: Mapped[date | None] = mapped_column(Date, default=None)
    held_on: Mapped[date | None] = mapped_column(Date, index=True, default=None)
    place: Mapped[str] = mapped_column(String(200), default="")
    chair: Mapped[str] = mapped_column(String(60), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus), index=True, default=MeetingStatus.PLANNED
    )
    minutes_text: Mapped[str] = mapped_column(Text, default="")
    minutes_number: Mapped[str] = mapped_column(String(60), default="")
    minutes_issued_on: Mapped[date | None] = mapped_column(Date, default=None)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    # Held only for form (走过场): flagged with a reason, which orders a re-convened meeting.
    formality_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    formality_reason: Mapped[str] = mapped_column(Text, default="")
    reconvene_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), default=None
    )

    participants: Mapped[list[MeetingParticipant]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingParticipant.id"
    )
    working_groups: Mapped[list[WorkingGroup]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="WorkingGroup.id"
    )
    agenda: Mapped[list[AgendaEntry]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaEntry.position"
    )


class MeetingParticipant(Base):
    __tablename__ = "meeting_participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(60))
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), default=None
    )
    unit_name: Mapped[str] = mapped_column(String(120), default="")
    title: Mapped[str] = mapped_column(String(60), default="")
    role: Mapped[AttendanceRole] = mapped_column(enum_column(AttendanceRole))
    absence_reason: Mapped[str] = mapped_column(String(200), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="participants")


class WorkingGroup(Base):
    __tablename__ = "working_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[WorkingGroupKind] = mapped_column(enum_column(WorkingGroupKind))
    members: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="working_groups")


class AgendaEntry(Base):
    """A topic on a meeting's agenda, in order, with the meeting's decision on it."""

    __tablename__ = "agenda_entry"
    __table_args__ = (UniqueConstraint("meeting_id", "topic_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")


class MeetingTime(Base):
    """When a meeting starts (09:30), kept by this office for its notices.

    A table of its own rather than a meeting column: meeting rows travel in exchange packages,
    whose record format does not carry a start time yet.
    """

    __tablename__ = "meeting_time"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    starts_at: Mapped[str] = mapped_column(String(5))
