"""Supervision documents: reminders, supervision notices, rectification orders, bulletins."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Travelling, enum_column
from desktop.models.enums import BulletinStatus, MentionKind, NoticeKind
from desktop.models.item import AgreedItem

notice_item = Table(
    "notice_item",
    Base.metadata,
    Column("notice_id", ForeignKey("supervision_notice.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", ForeignKey("agreed_item.id", ondelete="RESTRICT"), primary_key=True),
)


class SupervisionNotice(Travelling, Base):
    """A numbered supervision document sent to a responsible unit about one or more items."""

    __tablename__ = "supervision_notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[NoticeKind] = mapped_column(enum_column(NoticeKind), index=True)
    number: Mapped[str] = mapped_column(String(60), index=True)  # 滨工联督〔2024〕3号
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date, index=True)
    target_unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    requirements: Mapped[str] = mapped_column(Text, default="")
    feedback_deadline: Mapped[date | None] = mapped_column(Date, default=None)
    # Rectification orders only: the problem, the deadline to fix it, and what came of it.
    problem: Mapped[str] = mapped_column(Text, default="")
    rectify_deadline: Mapped[date | None] = mapped_column(Date, default=None)
    result: Mapped[str] = mapped_column(Text, default="")
    void_reason: Mapped[str] = mapped_column(Text, default="")  # why it was voided (作废)

    items: Mapped[list[AgreedItem]] = relationship(
        secondary=notice_item, lazy="selectin", order_by=AgreedItem.id
    )


class Bulletin(Travelling, Base):
    """A supervision bulletin (督查通报 第N期): drafted, reviewed, then issued with a number.

    A draft has no number yet (`number` "", `issue_no` 0); `issued_on` is the day it is meant
    to be issued until it is, and `year` that day's year.
    """

    __tablename__ = "bulletin"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[BulletinStatus] = mapped_column(enum_column(BulletinStatus), index=True)
    number: Mapped[str] = mapped_column(String(60), index=True)
    year: Mapped[int] = mapped_column(Integer)
    issue_no: Mapped[int] = mapped_column(Integer)  # 第N期
    issued_on: Mapped[date] = mapped_column(Date, index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    void_reason: Mapped[str] = mapped_column(Text, default="")  # why it was voided (作废)

    mentions: Mapped[list[BulletinMention]] = relationship(
        back_populates="bulletin", cascade="all, delete-orphan", order_by="BulletinMention.id"
    )


class BulletinMention(Base):
    """A commendation or circulated criticism of a unit (通报表扬/批评) in a bulletin."""

    __tablename__ = "bulletin_mention"

    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(
        ForeignKey("bulletin.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[MentionKind] = mapped_column(enum_column(MentionKind))
    reason: Mapped[str] = mapped_column(Text, default="")

    bulletin: Mapped[Bulletin] = relationship(back_populates="mentions")
