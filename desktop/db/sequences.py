"""Keeping PostgreSQL's id sequences ahead of rows written with explicit ids (the demo, the audit
chain): after such a write the next ordinary insert would otherwise reuse id 1. SQLite needs
nothing: its next rowid follows the largest one. Also the lock that queues writers of such rows
on PostgreSQL, where (unlike SQLite's BEGIN IMMEDIATE) two transactions can write at once."""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.orm import Session


def _dialect_name(session: Session | Connection) -> str:
    bind = session if isinstance(session, Connection) else session.get_bind()
    return bind.dialect.name


def lock_for_transaction(session: Session | Connection, name: str) -> None:
    """Queue the transactions that take the lock `name` until this one ends (a PostgreSQL
    advisory lock; on SQLite the write lock every unit of work takes already does it)."""
    if _dialect_name(session) != "postgresql":
        return
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": zlib.crc32(name.encode())})


def sequence_past(session: Session | Connection, table: Table, largest: int) -> None:
    """After rows with explicit ids up to `largest`: the next ordinary insert gets a larger one
    (PostgreSQL only)."""
    if _dialect_name(session) != "postgresql":
        return
    session.execute(
        text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :value)"),
        {"table": table.name, "value": largest},
    )


def advance_sequences(session: Session | Connection, tables: Iterable[Table]) -> None:
    """Move each table's id sequence past its largest id (PostgreSQL only)."""
    dialect = session.dialect if isinstance(session, Connection) else session.get_bind().dialect
    if dialect.name != "postgresql":
        return
    for table in tables:
        if "id" not in table.c or not table.c.id.autoincrement:
            continue
        sequence = session.scalar(select(func.pg_get_serial_sequence(table.name, "id")))
        if sequence is None:
            continue
        largest = session.scalar(select(func.max(table.c.id)))
        session.execute(
            text("SELECT setval(CAST(:sequence AS regclass), :value, :called)"),
            {"sequence": sequence, "value": largest or 1, "called": largest is not None},
        )
