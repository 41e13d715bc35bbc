"""Keeping PostgreSQL's id sequences ahead of rows written with explicit ids (the demo): after
such a write the next ordinary insert would otherwise reuse id 1. SQLite needs nothing: its
next rowid follows the largest one."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.orm import Session


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
