"""Bulk statements for package import: many rows of checked values in one statement per table.

On SQLite the rows go straight to the driver's executemany (the import's speed depends on it);
on any other database the same statements are SQLAlchemy Core with the dialect's own
parameter style. Driver errors come out as SQLAlchemy's (IntegrityError…) on both.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.exc import DBAPIError

# Rows per IN (...) list: under SQLite's and PostgreSQL's limits on parameters.
CHUNK = 900


def _sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def _name(connection: Connection, table: Table, columns: Iterable[str] = ()) -> str:
    """`"table"` or `"table" ("a", "b")`, quoted for the dialect."""
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(column) for column in columns)
    return f"{quote(table.name)} ({names})" if names else quote(table.name)


def _executemany(connection: Connection, statement: str, rows: Sequence[Sequence[Any]]) -> None:
    driver = connection.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    try:
        cursor.executemany(statement, rows)
    except sqlite3.Error as error:
        raise DBAPIError.instance(statement, None, error, sqlite3.Error) from error
    finally:
        cursor.close()


def insert_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT every row (values in `columns` order)."""
    if not rows:
        return
    if _sqlite(connection):
        marks = ", ".join("?" * len(columns))
        _executemany(
            connection, f"INSERT INTO {_name(connection, table, columns)} VALUES ({marks})", rows
        )
        return
    connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])


def update_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """UPDATE rows by id: each row is the values of `columns` followed by the row's id."""
    if not rows:
        return
    if _sqlite(connection):
        quote = connection.dialect.identifier_preparer.quote
        assignments = ", ".join(f"{quote(c)} = ?" for c in columns)
        _executemany(
            connection, f"UPDATE {_name(connection, table)} SET {assignments} WHERE id = ?", rows
        )
        return
    statement = (
        update(table)
        .where(table.c.id == bindparam("_row_id"))
        .values({c: bindparam(f"_v_{c}") for c in columns})
    )
    connection.execute(
        statement,
        [
            {**{f"_v_{c}": v for c, v in zip(columns, row[:-1], strict=True)}, "_row_id": row[-1]}
            for row in rows
        ],
    )


def existing_by_uuid(
    connection: Connection, table: Table, wanted: Sequence[str]
) -> dict[str, tuple[int, int, str]]:
    """uuid -> (id, version, origin_office) of the rows among `wanted` that exist here."""
    found: dict[str, tuple[int, int, str]] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = list(wanted[start : start + CHUNK])
        rows = connection.execute(
            select(table.c.uuid, table.c.id, table.c.version, table.c.origin_office).where(
                table.c.uuid.in_(chunk)
            )
        )
        for uuid, row_id, version, origin in rows:
            found[uuid] = (row_id, version, origin)
    return found


def largest_id(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.max(table.c.id))).scalar() or 0)


def ids_after(connection: Connection, table: Table, before: int) -> dict[str, int]:
    """uuid -> id of the rows whose id is larger than `before` (the rows just inserted)."""
    return dict(
        connection.execute(select(table.c.uuid, table.c.id).where(table.c.id > before)).all()
    )
