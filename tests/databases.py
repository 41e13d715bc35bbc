"""Which database the tests run on: SQLite files (the default), or with LIANXI_TEST_DB=postgres a
database of its own on the throwaway PostgreSQL server (tests/postgres_server.py) for every file
a test would have made (`make test-postgres`).

Tests and their helpers name databases by the SQLite file they would use; `target(path)` turns
that into what to open. On PostgreSQL each path gets a fresh database copied from the migrated
template, `copy_database` copies one with CREATE DATABASE … TEMPLATE, and the databases a test
made are dropped after it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.db import Database, open_database

ON_POSTGRES = os.environ.get("LIANXI_TEST_DB", "sqlite").lower() in ("postgres", "postgresql")
# Tests of the SQLite file itself (its bytes, WAL, a copy of it): not run on PostgreSQL.
sqlite_file_only = pytest.mark.skipif(ON_POSTGRES, reason="about the SQLite file itself")

_server: object | None = None  # tests.postgres_server.Server, set by use_server
_names: dict[Path, str] = {}
_numbers = itertools.count(1)


def use_server(server: object) -> None:
    global _server
    _server = server


def _admin(sql: str) -> None:
    from tests.postgres_server import Server, _admin

    assert isinstance(_server, Server), "LIANXI_TEST_DB=postgres but no server was started"
    _admin(_server, sql)


def _url(name: str) -> str:
    from tests.postgres_server import Server

    assert isinstance(_server, Server)
    return _server.url(name)


def database_name(path: Path) -> str:
    """The PostgreSQL database standing for the SQLite file `path`, made from the migrated
    template the first time it is named."""
    key = path.expanduser().resolve()
    name = _names.get(key)
    if name is None:
        from tests.postgres_server import TEMPLATE

        name = f"file_{next(_numbers)}"
        _admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        _names[key] = name
    return name


def target(path: Path) -> Path | str:
    """What to open for the database a test keeps in `path`: the path itself on SQLite, the URL
    of its own PostgreSQL database otherwise."""
    if not ON_POSTGRES:
        return path
    return _url(database_name(path))


def open_test_database(path: Path) -> Database:
    return open_database(target(path))


def copy_database(source: Path, to: Path) -> Path:
    """A closed database under another name: a file copy on SQLite, a database made with
    `source` as its template on PostgreSQL (no connection to `source` may be open)."""
    if not ON_POSTGRES:
        if source.resolve() != to.resolve():
            shutil.copyfile(source, to)
        return to
    if source.expanduser().resolve() == to.expanduser().resolve():
        return to
    origin = database_name(source)
    key = to.expanduser().resolve()
    old = _names.pop(key, None)
    if old is not None:
        _admin(f"DROP DATABASE IF EXISTS {old} WITH (FORCE)")
    name = f"file_{next(_numbers)}"
    _admin(f"CREATE DATABASE {name} TEMPLATE {origin}")
    _names[key] = name
    return to


def known() -> set[Path]:
    return set(_names)


def drop_all_but(keep: set[Path]) -> None:
    """Drop the databases named since `keep` was taken (after each test, on PostgreSQL)."""
    for key in set(_names) - keep:
        _admin(f"DROP DATABASE IF EXISTS {_names.pop(key)} WITH (FORCE)")


def cli_database(path: Path) -> list[str]:
    """The `lianxi` options that open the database a test keeps in `path`."""
    if not ON_POSTGRES:
        return ["--db", str(path)]
    return ["--db-url", _url(database_name(path))]


def path_of(db: Database) -> Path:
    """The path a test named the database `db` by (its file on SQLite)."""
    if db.path is not None:
        return db.path
    name = db.url.database
    return next(path for path, known in _names.items() if known == name)


def url_of(db: Database) -> str:
    """What another program opens `db` by: its file, or its URL."""
    return str(db.path) if db.path is not None else db.url.render_as_string(hide_password=False)


def behind_the_programs_back(db: Database, *statements: str) -> None:
    """Run `statements` straight through the driver (no engine hooks, no audit), committed;
    `db` is disposed first, so it reconnects to what they left."""
    db.dispose()
    if db.path is None:
        raw = db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            for sql in statements:
                cursor.execute(sql)
            raw.commit()
        finally:
            raw.close()
        db.dispose()
        return
    connection = sqlite3.connect(db.path)
    with connection:
        for sql in statements:
            connection.execute(sql)
    connection.close()


def restore_test_backup(db: Database, path: Path, backup: Path) -> None:
    """Put `backup` (written by backup_database) in place of the database a test keeps in
    `path`, open as `db`: the file swapped on SQLite, pg_restore on PostgreSQL."""
    from desktop.db.backup import restore_backup, restore_server_backup

    db.dispose()
    if ON_POSTGRES:
        restore_server_backup(db, backup)
        db.dispose()
        return
    restore_backup(path, backup)
