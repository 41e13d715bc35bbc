"""Attachments: files stored once by SHA-256 in the data folder, linked to the record they belong to."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Travelling


class Attachment(Travelling, Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    # The owning record, by kind and UUID so the link survives travel between offices.
    owner_kind: Mapped[str] = mapped_column(String(40))
    owner_uuid: Mapped[str] = mapped_column(String(36), index=True)
