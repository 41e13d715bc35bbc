"""Online backups with SQLite's backup API (never a file copy of a live database)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.db.engine import Database, DatabaseError

KEEP_BACKUPS = 30


def default_backup_dir(db: Database) -> Path:
    """Backups sit beside the database they protect, in backups/."""
    assert db.path is not None
    folder = db.path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup_database(db: Database, to: Path | None = None, *, reason: str = "manual") -> Path:
    """Copy the live database consistently to `to` (default: a dated file in backups/)."""
    if db.path is None:
        raise DatabaseError("backup_needs_sqlite_file", url=db.display_name())
    if to is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        to = default_backup_dir(db) / f"lianxi-{stamp}-{reason}.db"
    to = to.expanduser().resolve()
    if to == db.path:
        raise DatabaseError("backup_onto_itself", path=str(to))
    to.parent.mkdir(parents=True, exist_ok=True)
    tmp = to.with_name(to.name + ".partial")
    tmp.unlink(missing_ok=True)
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            # A single self-contained file: no WAL beside the copy.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        raw.close()
    tmp.replace(to)
    _prune(to.parent)
    return to


def _prune(folder: Path) -> None:
    backups = sorted(folder.glob("lianxi-*.db"))
    for old in backups[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
