"""Backups of a PostgreSQL database with the server's own tools: `pg_dump` in its custom format
(compressed, restorable table by table), checked by reading its table of contents back with
`pg_restore --list`, and restored with `pg_restore --clean` in one transaction.

The tools come with the PostgreSQL client (Debian: postgresql-client); they must be on PATH and
not older than the server. The password, if the URL carries one, goes to them through the
environment (PGPASSWORD), never on a command line other users could read.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from desktop.db.engine import Database, DatabaseError

SUFFIX = ".dump"
TIMEOUT_S = 3600


def tools_present() -> bool:
    return all(shutil.which(tool) for tool in ("pg_dump", "pg_restore"))


def require_tools() -> None:
    """DatabaseError `postgres_tool_missing` naming the first of the tools not on PATH."""
    for tool in ("pg_dump", "pg_restore"):
        _tool(tool)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise DatabaseError("postgres_tool_missing", tool=name)
    return found


def _connection(url: URL) -> tuple[str, dict[str, str]]:
    """A libpq connection URI for `url` without its password, and the environment giving it."""
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def folder_name(url: URL) -> str:
    """backups/<this>: one folder per server database, a name safe on every file system."""
    return "postgresql-" + re.sub(r"[^A-Za-z0-9_.-]+", "_", url.database or "postgres")


def _run(command: list[str], env: dict[str, str], tool: str) -> str:
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise DatabaseError("postgres_tool_failed", tool=tool, detail=str(exc)) from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()[-800:]
        raise DatabaseError("postgres_tool_failed", tool=tool, detail=detail)
    return done.stdout


def dump(db: Database, to: Path) -> None:
    """pg_dump the database into `to` through a `.partial` file that replaces `to` only once
    the dump is complete and its table of contents reads back."""
    pg_dump, pg_restore = _tool("pg_dump"), _tool("pg_restore")
    dsn, env = _connection(db.url)
    tmp = to.with_name(to.name + ".partial")
    tmp.unlink(missing_ok=True)
    try:
        _run([pg_dump, "--format=custom", f"--file={tmp}", f"--dbname={dsn}"], env, "pg_dump")
        if not _readable(pg_restore, tmp):
            raise DatabaseError("backup_damaged", path=str(to))
        tmp.replace(to)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _readable(pg_restore: str, path: Path) -> bool:
    try:
        listing = _run([pg_restore, "--list", str(path)], dict(os.environ), "pg_restore")
    except DatabaseError:
        return False
    return "TABLE DATA" in listing


def is_good(path: Path) -> bool:
    """A dump whose table of contents pg_restore reads (False when pg_restore is missing)."""
    pg_restore = shutil.which("pg_restore")
    return pg_restore is not None and path.is_file() and _readable(pg_restore, path)


def restore(db: Database, backup: Path) -> None:
    """Replace the database's objects and rows with those of `backup`, all or nothing (one
    transaction: a failure leaves the database as it was). Other programs' connections wait
    for it, or make it wait, on their table locks."""
    pg_restore = _tool("pg_restore")
    if not is_good(backup):
        raise DatabaseError("backup_damaged", path=str(backup))
    dsn, env = _connection(db.url)
    db.dispose()
    command = [
        pg_restore, "--clean", "--if-exists", "--no-owner", "--no-privileges",
        "--single-transaction", "--exit-on-error", f"--dbname={dsn}", str(backup),
    ]  # fmt: skip
    _run(command, env, "pg_restore")
