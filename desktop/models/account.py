"""User accounts, roles and the hash-chained audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UTCDateTime, enum_column, utcnow
from desktop.models.enums import Role


class User(Base):
    """A person who logs in; `password_hash` is an Argon2id hash, never the password."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(60), default="")
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.CLERK)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Lock-out: failures since the last good log-in, and until when the account is locked.
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # SHA-256 of the CLI token (`lianxi account token`); the token itself is only in its file.
    token_hash: Mapped[str] = mapped_column(String(64), default="")


class AuditEntry(Base):
    """One change: who, when, which record, old → new values (JSON in `detail`).

    `entry_hash` = SHA-256(previous entry's hash + canonical JSON of this entry), so editing,
    deleting or reordering an entry breaks the chain from there on (desktop.core.audit).
    """

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(60))
    target_kind: Mapped[str] = mapped_column(String(40), default="")
    target_uuid: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="")
