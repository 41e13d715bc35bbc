"""The log of exchange packages written and read, one row per package."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UTCDateTime, utcnow


class ExchangeLog(Base):
    __tablename__ = "exchange_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    direction: Mapped[str] = mapped_column(String(8))  # "export" or "import"
    package_id: Mapped[str] = mapped_column(String(36), index=True)
    peer_office_uuid: Mapped[str] = mapped_column(String(36), index=True)
    peer_office_name: Mapped[str] = mapped_column(String(120), default="")
    sequence: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    username: Mapped[str] = mapped_column(String(60), default="")
    result: Mapped[str] = mapped_column(String(40))  # applied, already_applied, rejected, held…
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
