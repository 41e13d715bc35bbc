"""Attachments: their contents stored once by SHA-256 in the database, linked to their record."""

from __future__ import annotations

from sqlalchemy import Integer, LargeBinary, String
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


class AttachmentBlob(Base):
    """One distinct file content, whatever records and names it is attached under: in the
    database, so every clerk of a shared (PostgreSQL) database reads the same file."""

    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    # Deferred: listing or checking blobs never loads their contents.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
