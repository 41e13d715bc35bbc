"""Worker suggestions (职工建议) received through any channel."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Travelling, enum_column
from desktop.models.enums import Channel, Level, SuggestionStatus


class Suggestion(Travelling, Base):
    __tablename__ = "suggestion"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    received_on: Mapped[date] = mapped_column(Date, index=True)
    # The union that received it; the suggestion belongs to that union's records.
    receiving_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True, default=None
    )
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    submitter_name: Mapped[str] = mapped_column(String(60), default="")
    # Personal data: shown to clerks, never exported in statistics.
    submitter_phone: Mapped[str] = mapped_column(String(40), default="")
    content: Mapped[str] = mapped_column(Text)
    target_level: Mapped[Level] = mapped_column(enum_column(Level))
    status: Mapped[SuggestionStatus] = mapped_column(
        enum_column(SuggestionStatus), index=True, default=SuggestionStatus.REGISTERED
    )
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("topic.id", ondelete="SET NULL"), index=True, default=None
    )
    forwarded_to_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), default=None
    )
    not_adopted_reason: Mapped[str] = mapped_column(Text, default="")
    reply_text: Mapped[str] = mapped_column(Text, default="")
    replied_on: Mapped[date | None] = mapped_column(Date, default=None)
