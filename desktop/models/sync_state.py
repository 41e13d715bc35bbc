"""What the exchange layer remembers per peer: sequences, receipts, held packages and conflicts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UTCDateTime, utcnow


class ExchangePeer(Base):
    """Our side of one sender → recipient pair: the last package we wrote to that peer."""

    __tablename__ = "exchange_peer"

    peer_office_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    last_sent_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_sent_manifest_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    # We started our numbering to this peer again (after a restore) and asked it to do the
    # same: its next package starting at number 1 is then expected, not a question.
    expect_restart: Mapped[bool] = mapped_column(Boolean, default=False)
    # The peer started again: our next package to it starts a new chain too and carries back
    # the peer's own records we hold, which its restored database may lack.
    return_records: Mapped[bool] = mapped_column(Boolean, default=False)
    # Our keys changed: packages to this peer announce the new ones, signed with the previous
    # key, from `announce_keys_in` on until the peer's receipt for one of them arrives.
    announce_keys: Mapped[bool] = mapped_column(Boolean, default=False)
    announce_keys_in: Mapped[int | None] = mapped_column(Integer, default=None)


class ReceivedPackage(Base):
    """A package applied from a peer; also the receipt we owe it until `acknowledged_in`."""

    __tablename__ = "exchange_received"

    peer_office_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The sequence of our package to that peer that carried the receipt; None = still owed.
    acknowledged_in: Mapped[int | None] = mapped_column(Integer, default=None)


class SentRecord(Base):
    """The last content of a record sent to a peer, and the last content the peer acknowledged."""

    __tablename__ = "exchange_sent"

    peer_office_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_key: Mapped[str] = mapped_column(String(36), primary_key=True)
    sent_sha256: Mapped[str] = mapped_column(String(64))
    sent_sequence: Mapped[int] = mapped_column(Integer)
    acked_sha256: Mapped[str | None] = mapped_column(String(64), default=None)


class ReceivedBase(Base):
    """The copy of a record last taken from its owner (its SHA-256): the base a local edit is
    measured against, so an owner's change never silently overwrites an edit it did not see."""

    __tablename__ = "exchange_base"

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))


class HeldPackage(Base):
    """An authentic package that arrived before the ones it follows; applied once they are."""

    __tablename__ = "exchange_held"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    peer_office_uuid: Mapped[str] = mapped_column(String(36), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    held_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ExchangeConflict(Base):
    """An incoming change to a record this office does not let the sender write; a person decides."""

    __tablename__ = "exchange_conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    package_id: Mapped[str] = mapped_column(String(36), index=True)
    peer_office_uuid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    local_value: Mapped[dict[str, Any]] = mapped_column(JSON)
    incoming_value: Mapped[dict[str, Any]] = mapped_column(JSON)
    resolution: Mapped[str | None] = mapped_column(String(12), default=None)  # mine / theirs
    resolved_by: Mapped[str] = mapped_column(String(60), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class PendingExport(Base):
    """A package recorded as sent whose file is not yet known to be on the stick.

    Written in the transaction that records the sequence, removed once the file is written and
    read back. If the write fails or the program dies in between, the next export writes these
    very bytes again, so a sequence number never stands for two different packages.
    """

    __tablename__ = "exchange_pending"

    peer_office_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer)
    package_id: Mapped[str] = mapped_column(String(36))
    file_name: Mapped[str] = mapped_column(String(255))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    acknowledgements: Mapped[int] = mapped_column(Integer, default=0)
    built_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
