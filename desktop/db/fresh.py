"""A new, empty database file at the newest structure, replacing whatever was at its path."""

from __future__ import annotations

from pathlib import Path

from desktop.db.engine import Database, open_database
from desktop.db.migrate import upgrade


def database_files(path: Path) -> tuple[Path, ...]:
    """The file of an SQLite database and the write-ahead files SQLite keeps beside it."""
    return (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))


def fresh_database(path: Path) -> Database:
    """Remove a database at `path` (with its `-wal`/`-shm` leftovers, which would otherwise be
    replayed into the new file) and open an empty one there, migrated to the newest structure."""
    for leftover in database_files(path):
        leftover.unlink(missing_ok=True)
    db = open_database(path)
    try:
        upgrade(db, backup=False)  # nothing to keep: the file is new
    except BaseException:
        db.dispose()
        raise
    return db
