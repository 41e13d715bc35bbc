"""Online backups with SQLite's backup API (never a file copy of a live database), each one
verified with quick_check, kept per reason, and restored in place of a damaged file. A
PostgreSQL database is backed up with pg_dump instead (desktop.db.pg_backup), named and
rotated the same way (`.dump` files in backups/postgresql-<database>/ of the data folder)."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop.db import pg_backup
from desktop.db.engine import Database, DatabaseError
from desktop.paths import data_dir

# How many backups of each reason rotation keeps; the reason is the file name's last part.
KEEP_BY_REASON = {
    "manual": 10,
    "daily": 14,
    "before-import": 5,
    "before-upgrade": 10,
    "before-restore": 5,
}
KEEP_OTHER = 5
# Beyond the counts, the folder holds at most this many times the newest backup's size (a
# database that keeps attachments grows, and so would its 44 backups); the oldest go first,
# the newest of every reason always stays.
BUDGET_COPIES = 12
_NAME = re.compile(r"^lianxi-(\d{8}-\d{6}-\d{6})-([a-z-]+)(\.db|\.dump)$")


def is_postgres(db: Database) -> bool:
    return db.engine.dialect.name == "postgresql"


def can_back_up(db: Database) -> bool:
    """A SQLite file, or a PostgreSQL database with pg_dump and pg_restore on PATH."""
    return db.path is not None or (is_postgres(db) and pg_backup.tools_present())


def default_backup_dir(db: Database) -> Path:
    """Backups sit beside the database they protect, in backups/; a PostgreSQL database's in
    backups/postgresql-<database>/ of this PC's data folder."""
    if db.path is None:
        folder = data_dir() / "backups" / pg_backup.folder_name(db.url)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return backup_dir_of(db.path)


def backup_dir_of(path: Path) -> Path:
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup_name(reason: str, suffix: str = ".db") -> str:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return f"lianxi-{stamp}-{reason}{suffix}"


def backup_database(db: Database, to: Path | None = None, *, reason: str = "manual") -> Path:
    """Copy the live database consistently to `to` (default: a dated file in backups/ named
    after `reason`). The copy must pass quick_check, else it is deleted and DatabaseError
    `backup_damaged` raised; a failed write (a full disk) leaves no partial file behind.

    On PostgreSQL the same with pg_dump (DatabaseError `postgres_tool_missing` without it)."""
    if db.path is None and is_postgres(db):
        return _dump(db, to, reason)
    if db.path is None:
        raise DatabaseError("backup_needs_sqlite_file", url=db.display_name())
    if to is None:
        to = default_backup_dir(db) / backup_name(reason)
    to = to.expanduser().resolve()
    if to == db.path:
        raise DatabaseError("backup_onto_itself", path=str(to))
    to.parent.mkdir(parents=True, exist_ok=True)
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        _write_verified(source, to)
    finally:
        raw.close()
    _prune(to.parent)
    return to


def _dump(db: Database, to: Path | None, reason: str) -> Path:
    if to is None:
        to = default_backup_dir(db) / backup_name(reason, pg_backup.SUFFIX)
    to = to.expanduser().resolve()
    to.parent.mkdir(parents=True, exist_ok=True)
    pg_backup.dump(db, to)
    _prune(to.parent)
    return to


def restore_server_backup(db: Database, backup: Path | None = None) -> tuple[Path, Path]:
    """Put a pg_dump backup (default: the newest good one) in place of a PostgreSQL database's
    contents, after backing the current contents up (reason before-restore). Returns the
    backup restored and the one of what it replaced."""
    pg_backup.require_tools()
    folder = default_backup_dir(db)
    if backup is None:
        backup = newest_good_backup(folder, pg_backup.is_good, suffix=pg_backup.SUFFIX)
        if backup is None:
            raise DatabaseError("no_good_backup", folder=str(folder))
    elif not pg_backup.is_good(backup):
        raise DatabaseError("backup_damaged", path=str(backup))
    kept = _dump(db, None, "before-restore")
    pg_backup.restore(db, backup)
    return backup, kept


def restore_database(db: Database, backup: Path | None = None) -> tuple[Path, Path]:
    """Put `backup` (default: the newest good one) in place of the database, a SQLite file or
    a PostgreSQL database, its current contents backed up first. Returns the backup restored
    and where what it replaced went; the engine reconnects on its next use."""
    if db.path is None and is_postgres(db):
        return restore_server_backup(db, backup)
    path = db.path
    if path is None:
        raise DatabaseError("backup_needs_sqlite_file", url=db.display_name())
    db.dispose()  # nothing may hold the file it replaces
    backup = backup or newest_good_backup(backup_dir_of(path))
    if backup is None:
        raise DatabaseError("no_good_backup", folder=str(backup_dir_of(path)))
    return backup, restore_backup(path, backup)


def backup_daily(db: Database) -> Path | None:
    """A backup with reason "daily" unless one was written today; None when none was needed
    (or the database is neither a file nor PostgreSQL). On PostgreSQL without pg_dump,
    DatabaseError `postgres_tool_missing`: the clerk is told there is no backup."""
    if db.path is None and not is_postgres(db):
        return None
    suffix = ".db" if db.path is not None else pg_backup.SUFFIX
    today = datetime.now().strftime("%Y%m%d")
    if any(default_backup_dir(db).glob(f"lianxi-{today}-*-daily{suffix}")):
        return None
    return backup_database(db, reason="daily")


def _write_verified(source: sqlite3.Connection, to: Path) -> None:
    """Copy `source` into `to` through a `.partial` file that replaces `to` only once the
    copy is complete and passes quick_check."""
    tmp = to.with_name(to.name + ".partial")
    tmp.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            # A single self-contained file: no WAL beside the copy.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        if not passes_quick_check(tmp):
            raise DatabaseError("backup_damaged", path=str(to))
        tmp.replace(to)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def passes_quick_check(path: Path) -> bool:
    """The file at `path` opens as a database and its quick_check says ok (read-only)."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()


def backups_newest_first(folder: Path, suffix: str = ".db") -> list[Path]:
    return sorted(
        (p for p in folder.glob(f"lianxi-*{suffix}") if _NAME.match(p.name)), reverse=True
    )


def newest_good_backup(
    folder: Path, is_good: Callable[[Path], bool] = passes_quick_check, *, suffix: str = ".db"
) -> Path | None:
    """The newest backup in `folder` that passes quick_check (or `is_good`), or None."""
    return next((p for p in backups_newest_first(folder, suffix) if is_good(p)), None)


def restore_backup(path: Path, backup: Path) -> Path:
    """Put `backup` (checked first) in place of the database file at `path`, on which no
    engine may be open. A sound file it replaces is first backed up with reason
    "before-restore"; a damaged one is kept beside it as `<name>.replaced-<stamp>`, since it
    may still hold something worth recovering. Returns where the replaced file went."""
    if not passes_quick_check(backup):
        raise DatabaseError("backup_damaged", path=str(backup))
    staged = path.with_name(path.name + ".restoring")
    _copy_file(backup, staged)
    kept = _set_aside(path)
    staged.replace(path)
    return kept


def _copy_file(source_path: Path, to: Path) -> None:
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _write_verified(source, to)
    finally:
        source.close()


def _set_aside(path: Path) -> Path:
    """Move the database at `path` out of the way: into a backup if sound, else renamed."""
    # Write-ahead files belong to the replaced file and would be replayed into the new one.
    files = [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm")]
    if path.exists() and passes_quick_check(path):
        kept = backup_dir_of(path) / backup_name("before-restore")
        _copy_file(path, kept)
        for file in files:
            file.unlink(missing_ok=True)
        _prune(kept.parent)
        return kept
    kept = path.with_name(f"{path.name}.replaced-{datetime.now():%Y%m%d-%H%M%S}")
    for file, suffix in zip(files, ("", "-wal", "-shm"), strict=True):
        if file.exists():
            file.replace(kept.with_name(kept.name + suffix))
    return kept


def _prune(folder: Path) -> None:
    by_reason: dict[str, list[Path]] = defaultdict(list)
    for backup in [*backups_newest_first(folder), *backups_newest_first(folder, ".dump")]:
        match = _NAME.match(backup.name)
        assert match is not None
        by_reason[match.group(2) + match.group(3)].append(backup)
    kept: list[Path] = []
    for reason, backups in by_reason.items():
        keep = KEEP_BY_REASON.get(reason.rsplit(".", 1)[0], KEEP_OTHER)
        for old in backups[keep:]:
            old.unlink(missing_ok=True)
        kept += backups[:keep]
    _keep_within_budget(kept, newest_of_each={backups[0] for backups in by_reason.values()})


def _written_at(backup: Path) -> str:
    """The time in a backup's name (YYYYmmdd-HHMMSS-microseconds: it sorts as it reads)."""
    match = _NAME.match(backup.name)
    assert match is not None
    return match.group(1)


def _keep_within_budget(backups: list[Path], *, newest_of_each: set[Path]) -> None:
    """Remove the oldest backups (never the newest of a reason) while the folder holds more
    than BUDGET_COPIES times the newest backup's size."""
    sizes = {b: b.stat().st_size for b in backups if b.exists()}
    if not sizes:
        return
    oldest_first = sorted(sizes, key=_written_at)
    budget = BUDGET_COPIES * sizes[oldest_first[-1]]
    total = sum(sizes.values())
    for backup in oldest_first:
        if total <= budget:
            break
        if backup in newest_of_each:
            continue
        backup.unlink(missing_ok=True)
        total -= sizes[backup]
