"""This installation's office, the peer offices it exchanges packages with, and business settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UTCDateTime, enum_column, new_uuid, utcnow
from desktop.models.enums import Level
from desktop.models.sealed_key import SealedKey


class Office(Base):
    """An office: the local one (is_local) or a peer whose packages we accept."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(120))
    level: Mapped[Level] = mapped_column(enum_column(Level))
    parent_uuid: Mapped[str | None] = mapped_column(String(36), default=None)
    parent_name: Mapped[str | None] = mapped_column(String(120), default=None)
    doc_prefix: Mapped[str] = mapped_column(String(20), default="")
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="SET NULL"), default=None
    )
    signing_public_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    encryption_public_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    # Private keys exist only on the local office's row, sealed at rest (see sealed_key.py).
    signing_private_key: Mapped[bytes | None] = mapped_column(SealedKey, default=None)
    encryption_private_key: Mapped[bytes | None] = mapped_column(SealedKey, default=None)
    # After a key change (lianxi keys rotate): the local office's previous private keys, which
    # sign packages announcing the new ones until every peer has them; on a peer's row, its
    # previous public keys, accepted on packages announcing the key now trusted.
    previous_signing_private_key: Mapped[bytes | None] = mapped_column(SealedKey, default=None)
    previous_encryption_private_key: Mapped[bytes | None] = mapped_column(SealedKey, default=None)
    previous_signing_public_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    previous_encryption_public_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    trusted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Setting(Base):
    """A business setting (e.g. traffic-light thresholds); the CLI sees these, unlike QSettings."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DocCounter(Base):
    """The last number issued per document series and year, so numbers never repeat locally."""

    __tablename__ = "doc_counter"

    series: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)
