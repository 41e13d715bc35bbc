"""Engine creation with safe SQLite defaults, and the unit of work that owns each transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

# "LXI1": lets us tell our database files from any other SQLite file.
APPLICATION_ID = 0x4C584931
BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """A database-level refusal with a stable code; the CLI and views word it in Chinese."""

    def __init__(self, code: str, **fields: Any) -> None:
        super().__init__(code, fields)
        self.code = code
        self.fields = fields


def server_place(url: URL) -> str:
    """user@host:port/database of a server database's URL, for a person: never the password
    (a socket folder given in the query stands for the host)."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    host = url.host or str(url.query.get("host") or "")
    port = url.port or url.query.get("port") or 5432
    user = f"{url.username}@" if url.username else ""
    return f"{user}{host}:{port}/{url.database or ''}"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # A unit of work that may write takes the write lock at its start, waiting up to the
        # busy timeout for another program's write: a deferred one that read first and then
        # found another commit in between would fail at once (SQLITE_BUSY_SNAPSHOT), and a
        # read-modify-write such as a document counter would not be safe across programs.
        read_only = connection.get_execution_options().get("read_only", False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # No JIT compilation: the scorecard's queries, planned over a recursive unit tree whose
        # size the planner overestimates, spent 0.4 s each compiling for 15 ms of work (the
        # county scorecard took 3.3 times as long as on SQLite; bench/postgres.py).
        cursor = dbapi_connection.cursor()
        cursor.execute("SET jit = off")
        cursor.close()
        dbapi_connection.commit()  # a SET inside a transaction later rolled back would not stay


@dataclass
class Database:
    """An open database: its engine and the session factory for units of work."""

    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)
    _readers: sessionmaker[Session] = field(init=False, repr=False)
    _watch: Any = field(default=None, init=False, repr=False)
    # Set when the file is found damaged: writing into it could spread the damage.
    write_refusal: DatabaseError | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(
            self.engine.execution_options(read_only=True), expire_on_commit=False
        )

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database or an in-memory one."""
        name = self.engine.url.database
        if not self.is_sqlite or not name or name == ":memory:":
            return None
        return Path(name)

    def display_name(self) -> str:
        """The SQLite file's path, or user@host:port/database of a server (no password)."""
        path = self.path
        return str(path) if path is not None else server_place(self.engine.url)

    def unit_of_work(self) -> AbstractContextManager[Session]:
        """One transaction: commit on success, roll back on any error, always close.

        Refused (DatabaseError) once `refuse_writes` was called: only `reading` is left.
        """
        if self.write_refusal is not None:
            raise DatabaseError(self.write_refusal.code, **self.write_refusal.fields)
        return _transaction(self.sessions)

    def refuse_writes(self, code: str, **fields: Any) -> None:
        """From now on every unit of work is refused with `code` (a damaged file, say)."""
        self.write_refusal = DatabaseError(code, **fields)

    def data_version(self) -> int | None:
        """A number that moves when the data changes, polled to notice another program's (or
        another clerk's) change; None for an in-memory database. Call it from one thread only.

        On SQLite, the file's count of commits made through other connections, seen on one
        connection kept for it. On a server database, the newest audit entry: every write
        through the program leaves one (core.audit's flush listener and record_event), and the
        last id is one index lookup. There our own writes move it too; Operations skips the
        look that follows them."""
        if not self.is_sqlite:
            with self.reading_connection() as connection:
                return int(connection.exec_driver_sql(_NEWEST_AUDIT_ENTRY).scalar() or 0)
        if self.path is None:
            return None
        if self._watch is None:
            self._watch = self.engine.raw_connection()
        cursor = self._watch.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            return int(cursor.fetchone()[0])
        finally:
            cursor.close()

    def reading(self) -> AbstractContextManager[Session]:
        """A transaction meant for reading: it does not take the write lock at its start, so
        it never waits for another program's write (on SQLite; elsewhere the same as
        unit_of_work). It acts as the account `sessions` acts as: what is shown may depend on
        who reads (a leader sees workers' phone numbers masked)."""
        self._readers.configure(info=dict(self.sessions.kw.get("info") or {}))
        return _transaction(self._readers)

    def reading_connection(self) -> Connection:
        """A connection whose transactions only read (a check, the schema's revision): it
        never takes the write lock, so it neither waits for another program nor fails on a
        read-only file."""
        return self.engine.execution_options(read_only=True).connect()

    def dispose(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self.engine.dispose()


_NEWEST_AUDIT_ENTRY = "SELECT max(id) FROM audit_entry"


@contextmanager
def _transaction(sessions: sessionmaker[Session]) -> Iterator[Session]:
    session = sessions()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def open_database(target: str | Path | URL) -> Database:
    """Open (without migrating) a database given a file path or any SQLAlchemy URL."""
    if isinstance(target, Path) or (isinstance(target, str) and "://" not in target):
        path = Path(target).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        url = URL.create("sqlite", database=str(path))
    else:
        url = make_url(target)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    elif engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
    return Database(engine)
