"""Database health checks: quick_check, integrity_check and foreign_key_check, as a verdict."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Connection, exists, select, text
from sqlalchemy.exc import DBAPIError

from desktop.db.engine import Database
from desktop.db.sequences import sequences_behind
from desktop.models import Base

# SQLite's words in a check's lines, and the kind of damage they report (worded in messages).
_PROBLEM_KINDS = (
    ("is never used", "page_unused"),
    ("missing from index", "index_mismatch"),
    ("wrong # of entries in index", "index_mismatch"),
    ("non-unique entry in index", "index_mismatch"),
    ("NULL value in", "bad_value"),
    ("CHECK constraint failed", "bad_value"),
    # PostgreSQL's catalog, as _check_server words it.
    ("invalid index", "index_mismatch"),
    ("constraint not validated", "bad_value"),
    ("sequence behind", "sequence_behind"),
    ("missing table", "schema_mismatch"),
    ("missing column", "schema_mismatch"),
)


@dataclass(frozen=True)
class CheckReport:
    quick_check: tuple[str, ...]
    integrity_check: tuple[str, ...]
    foreign_key_violations: tuple[tuple[str, int, str], ...]  # (table, rowid, parent table)
    # SQLite could not even run a check ("database disk image is malformed").
    unreadable: bool = False

    @property
    def damaged(self) -> bool:
        """The file itself is damaged (as opposed to rows that break a foreign key)."""
        return self.unreadable or self.quick_check != ("ok",) or self.integrity_check != ("ok",)

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.foreign_key_violations

    def problems(self) -> Counter[str]:
        """How many lines of the checks report each kind of damage (page_damaged by default)."""
        lines = {
            line.strip()
            for result in (*self.quick_check, *self.integrity_check)
            for line in result.splitlines()
        }
        lines -= {"ok", "*** in database main ***", ""}
        found = Counter(
            next((kind for words, kind in _PROBLEM_KINDS if words in line), "page_damaged")
            for line in lines
        )
        if self.unreadable:
            found["unreadable"] = 1
        return found


def check_database(db: Database, *, quick_only: bool = False) -> CheckReport:
    """Run SQLite's checks (on a server database: its catalog and every foreign key).

    A file too damaged for the checks to run is reported `unreadable`, never raised.
    """
    if not db.is_sqlite:
        return _check_server(db, quick_only=quick_only)
    quick: tuple[str, ...] = ()
    integrity: tuple[str, ...] = ()
    try:
        with db.reading_connection() as connection:
            quick = tuple(str(r[0]) for r in connection.exec_driver_sql("PRAGMA quick_check"))
            if quick_only:
                return CheckReport(quick, ("ok",), ())
            integrity = tuple(
                str(r[0]) for r in connection.exec_driver_sql("PRAGMA integrity_check")
            )
            fk = tuple(
                (str(r[0]), int(r[1]) if r[1] is not None else -1, str(r[2]))
                for r in connection.exec_driver_sql("PRAGMA foreign_key_check")
            )
    except DBAPIError as exc:
        if not is_damage(exc.orig):
            raise
        return CheckReport(quick, integrity, (), unreadable=True)
    return CheckReport(quick, integrity, fk)


def _check_server(db: Database, *, quick_only: bool) -> CheckReport:
    """PostgreSQL: tables or columns the program needs and the database lacks, indexes left
    invalid (a failed build), constraints not validated, id sequences behind their table's
    largest id (the next new record would be refused: rows were written with explicit ids and the
    sequence never moved on), and rows whose reference points at no row (possible only if a
    constraint was ever bypassed)."""
    with db.reading_connection() as connection:
        schema = _schema_gaps(connection)
        catalog = (
            schema
            + [
                f"invalid index {name}"
                for (name,) in connection.execute(
                    text(
                        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                        " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        " WHERE NOT i.indisvalid AND n.nspname = current_schema()"
                    )
                )
            ]
            + [
                f"constraint not validated {name}"
                for (name,) in connection.execute(
                    text(
                        "SELECT conname FROM pg_constraint c"
                        " JOIN pg_namespace n ON n.oid = c.connamespace"
                        " WHERE NOT c.convalidated AND n.nspname = current_schema()"
                    )
                )
            ]
        )
        if not schema:
            catalog += [
                f"sequence behind {table.name}"
                for table in sequences_behind(connection, Base.metadata.sorted_tables)
            ]
        quick = tuple(catalog) or ("ok",)
        if quick_only or schema:
            return CheckReport(quick, ("ok",), ())
        return CheckReport(quick, ("ok",), tuple(_orphans(connection)))


def _schema_gaps(connection: Connection) -> list[str]:
    """The program's tables and columns the database does not have."""
    present: dict[str, set[str]] = {}
    for table, column in connection.execute(
        text(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema()"
        )
    ):
        present.setdefault(table, set()).add(column)
    gaps = []
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            gaps.append(f"missing table {table.name}")
            continue
        gaps += [
            f"missing column {table.name}.{c.name}"
            for c in table.columns
            if c.name not in present[table.name]
        ]
    return gaps


def _orphans(connection: Connection) -> list[tuple[str, int, str]]:
    """(table, id, parent table) of rows whose foreign key names no row, first 50 per key."""
    found: list[tuple[str, int, str]] = []
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c:
            continue
        for fk in table.foreign_keys:
            parent = fk.column.table.alias("parent")  # a table may point at itself
            child = fk.parent
            missing = (
                select(table.c.id)
                .where(child.is_not(None), ~exists().where(parent.c[fk.column.name] == child))
                .limit(50)
            )
            name = fk.column.table.name
            found += [(table.name, int(i), name) for (i,) in connection.execute(missing)]
    return found


def is_damage(exc: BaseException | None) -> bool:
    """SQLite says the file is not a (sound) database: malformed, or not a database at all."""
    return isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorname", "") in (
        "SQLITE_CORRUPT",
        "SQLITE_NOTADB",
    )
