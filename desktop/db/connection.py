"""The server database this PC uses when no --db or --db-url is given (issue 17).

Host, port, database name and user are kept in `database.json` of the per-user config folder
(desktop.paths.config_dir); the password only in the OS keyring (Windows Credential Manager,
macOS Keychain, Secret Service), never on disk: without a usable keyring a connection with a
password is refused (`keyring_unavailable`). LIANXI_DB_PASSWORD, when set, stands in for the
keyring (a script on a server without one). A blank password stores nothing: the server trusts
the PC, or libpq finds the password in the user's own pgpass file.

Which database a command or the window opens: --db-url, else --db, else the saved connection,
else the SQLite file in the data folder.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from desktop.db.engine import DatabaseError, open_database, server_place
from desktop.paths import config_dir, default_db_path

CONFIG_FILE = "database.json"
PASSWORD_ENV = "LIANXI_DB_PASSWORD"
KEYRING_SERVICE = "LianXi database"
DEFAULT_PORT = 5432
# Seconds to wait for a server that does not answer (a wrong address, a firewall).
CONNECT_TIMEOUT_S = 10


@dataclass(frozen=True)
class ServerConnection:
    """Where the office's PostgreSQL database is; `host` may be a socket folder (/run/…)."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    # Whether a password was put in the keyring for it.
    has_password: bool = False

    def url(self, password: str | None) -> URL:
        # A socket folder goes in the query: in the URL's host place it would not parse back.
        on_socket = self.host.startswith("/")
        query = {"connect_timeout": str(CONNECT_TIMEOUT_S)}
        if on_socket:
            query |= {"host": self.host, "port": str(self.port)}
        return URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            password=password or None,
            host=None if on_socket else self.host,
            port=None if on_socket else self.port,
            database=self.database,
            query=query,
        )

    def display(self) -> str:
        """user@host:port/database, for a person and as the keyring's name for its password."""
        return server_place(self.url(None))

    def keyring_name(self) -> str:
        return self.display()


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def saved_connection() -> ServerConnection | None:
    """The connection saved on this PC, or None (none saved, or a file that does not read)."""
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
        return ServerConnection(
            host=str(data["host"]),
            database=str(data["database"]),
            user=str(data["user"]),
            port=int(data["port"]),
            has_password=bool(data.get("has_password", False)),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_connection(connection: ServerConnection, password: str) -> ServerConnection:
    """Keep `connection` for every later start, its password (if any) in the keyring first:
    DatabaseError `keyring_unavailable` when there is none, and then nothing is saved."""
    saved = ServerConnection(**{**asdict(connection), "has_password": bool(password)})
    previous = saved_connection()
    if password:
        backend = _keyring()
        try:
            backend.set_password(KEYRING_SERVICE, saved.keyring_name(), password)
            stored = backend.get_password(KEYRING_SERVICE, saved.keyring_name())
        except Exception as exc:  # a locked or read-only keyring is no keyring
            raise DatabaseError("keyring_unavailable", detail=str(exc)) from exc
        if stored != password:
            raise DatabaseError("keyring_unavailable", detail="")
    if previous is not None and previous.keyring_name() != saved.keyring_name():
        _forget_password(previous)
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(asdict(saved), ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)
    return saved


def clear_connection() -> ServerConnection | None:
    """Forget the saved connection and its password; returns what was saved."""
    previous = saved_connection()
    if previous is not None:
        _forget_password(previous)
    config_path().unlink(missing_ok=True)
    return previous


def password_of(connection: ServerConnection) -> str | None:
    """LIANXI_DB_PASSWORD, else the keyring's password for `connection` (None: none needed).

    DatabaseError `keyring_unavailable` when one is needed and there is no keyring, and
    `keyring_password_missing` when the keyring no longer holds it."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not connection.has_password:
        return None
    backend = _keyring()
    try:
        password = backend.get_password(KEYRING_SERVICE, connection.keyring_name())
    except Exception as exc:  # a locked keyring, a refused unlock
        raise DatabaseError("keyring_unavailable", detail=str(exc)) from exc
    if password is None:
        raise DatabaseError("keyring_password_missing", server=connection.display())
    return str(password)


def database_target(db: str | None, db_url: str | None) -> str | Path | URL:
    """What to open: --db-url, else --db, else the saved connection, else the default file."""
    if db_url:
        return db_url
    if db:
        return Path(db)
    saved = saved_connection()
    if saved is not None:
        return saved.url(password_of(saved))
    return default_db_path()


def check_connection(connection: ServerConnection, password: str) -> str:
    """Open the server's database and read its schema's revision: `connection_ready`,
    `connection_empty` (no tables yet) or `connection_behind` (older than this program).

    A server that refuses or cannot be reached raises SQLAlchemy's error (worded by
    desktop.messages.describe); a database newer than the program or not LianXi's raises
    DatabaseError."""
    from desktop.db.migrate import current_revision, needs_upgrade

    db = open_database(connection.url(password))
    try:
        behind = needs_upgrade(db)
        if current_revision(db) is None:
            return "connection_empty"
        return "connection_behind" if behind else "connection_ready"
    finally:
        db.dispose()


def _keyring() -> Any:
    """The keyring backend, or DatabaseError `keyring_unavailable` when there is only keyring's
    placeholder (a Linux PC without Secret Service, say)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring install is no keyring
        raise DatabaseError("keyring_unavailable", detail=str(exc)) from exc
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        raise DatabaseError("keyring_unavailable", detail=type(backend).__name__)
    return backend


def _forget_password(connection: ServerConnection) -> None:
    if not connection.has_password:
        return
    try:
        _keyring().delete_password(KEYRING_SERVICE, connection.keyring_name())
    except Exception:  # already gone, or no keyring to take it from: nothing is kept
        return
