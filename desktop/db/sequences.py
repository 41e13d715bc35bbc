"""Keeping PostgreSQL's id sequences ahead of rows written with explicit ids (the demo, the audit
chain): after such a write the next ordinary insert would otherwise reuse id 1. SQLite needs
nothing: its next rowid follows the largest one. Also the lock that queues writers of such rows
on PostgreSQL, where (unlike SQLite's BEGIN IMMEDIATE) two transactions can write at once."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.orm import Session

from desktop.db.engine import Database


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


def _id_sequences(
    session: Session | Connection, tables: Iterable[Table]
) -> Iterator[tuple[Table, str, int | None]]:
    """(table, its id sequence's name, its largest id) for each table with one (PostgreSQL
    only; nothing elsewhere)."""
    dialect = session.dialect if isinstance(session, Connection) else session.get_bind().dialect
    if dialect.name != "postgresql":
        return
    for table in tables:
        if "id" not in table.c or not table.c.id.autoincrement:
            continue
        sequence = session.scalar(select(func.pg_get_serial_sequence(table.name, "id")))
        if sequence is not None:
            yield table, sequence, session.scalar(select(func.max(table.c.id)))


def advance_sequences(session: Session | Connection, tables: Iterable[Table]) -> None:
    """Move each table's id sequence past its largest id (PostgreSQL only)."""
    for _table, sequence, largest in list(_id_sequences(session, tables)):
        session.execute(
            text("SELECT setval(CAST(:sequence AS regclass), :value, :called)"),
            {"sequence": sequence, "value": largest or 1, "called": largest is not None},
        )


def sequences_behind(connection: Connection, tables: Iterable[Table]) -> list[Table]:
    """The tables whose id sequence would hand out an id a row already has (PostgreSQL)."""
    behind = []
    for table, sequence, largest in list(_id_sequences(connection, tables)):
        # The name comes from the catalog, not from anyone's input.
        state = connection.execute(text(f"SELECT last_value, is_called FROM {sequence}")).one()
        next_id = state.last_value + 1 if state.is_called else state.last_value
        if largest is not None and next_id <= largest:
            behind.append(table)
    return behind


def realign_sequences(db: Database) -> list[str]:
    """Move every id sequence left behind its table's largest id past it (PostgreSQL: rows
    written with explicit ids by an older program or by hand); the names of the tables mended."""
    from desktop.models import Base

    with db.engine.begin() as connection:
        behind = sequences_behind(connection, Base.metadata.sorted_tables)
        advance_sequences(connection, behind)
    return [table.name for table in behind]
