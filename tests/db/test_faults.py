"""Storage faults a clerk meets: a lock held by another program, a read-only file, a full disk,
a damaged file. Each is worded in Chinese, loses nothing, and leaves a database that passes
its checks."""

from __future__ import annotations

import sqlite3
import threading
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from desktop.core.units import UnitInput, create_unit
from desktop.db import Database, DatabaseError, engine, open_database
from desktop.db import backup as backup_module
from desktop.db.backup import backup_database, newest_good_backup, restore_backup
from desktop.db.check import check_database
from desktop.messages import check_verdict, describe
from desktop.models import Unit
from desktop.models.enums import Level, UnitKind
from tests.conftest import County


def add_unit(db: Database, name: str) -> None:
    with db.unit_of_work() as session:
        create_unit(session, UnitInput(name, UnitKind.DEPARTMENT, Level.COUNTY))


def unit_count(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Unit)) or 0)


@pytest.fixture
def other_program(county: County) -> Iterator[sqlite3.Connection]:
    """Another program holding the database with BEGIN EXCLUSIVE until the test releases it."""
    assert county.db.path is not None
    holder = sqlite3.connect(county.db.path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    yield holder
    if holder.in_transaction:
        holder.execute("ROLLBACK")
    holder.close()


def test_a_write_waits_for_a_lock_released_within_the_busy_timeout(
    county: County, other_program: sqlite3.Connection
) -> None:
    before = unit_count(county.db)  # reading is not blocked by the other program's lock
    release = threading.Timer(0.5, other_program.execute, ("COMMIT",))
    release.start()
    started = time.monotonic()
    add_unit(county.db, "县总工会机关")
    assert time.monotonic() - started >= 0.4  # it waited rather than failing at once
    assert unit_count(county.db) == before + 1


def test_a_lock_held_past_the_busy_timeout_is_worded_and_loses_nothing(
    county: County, other_program: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    county.db.engine.dispose()  # new connections take the shorter timeout
    before = unit_count(county.db)
    started = time.monotonic()
    with pytest.raises(OperationalError) as fault:
        add_unit(county.db, "县总工会机关")
    assert time.monotonic() - started >= 0.25
    text = describe(fault.value, "zh")
    assert "数据库正被其他程序占用" in text and "locked" not in text
    other_program.execute("COMMIT")
    assert unit_count(county.db) == before
    add_unit(county.db, "县总工会机关")  # the same action succeeds once the lock is gone
    assert unit_count(county.db) == before + 1
    assert check_database(county.db).ok


def _on_every_connection(db: Database, pragma: str) -> None:
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(pragma)


def test_a_read_only_database_is_worded_and_loses_nothing(county: County) -> None:
    before = unit_count(county.db)
    # What SQLite does with a file it may not write (the tests run as root, so chmod cannot).
    _on_every_connection(county.db, "PRAGMA query_only = ON")
    with pytest.raises(OperationalError) as fault:
        add_unit(county.db, "县总工会机关")
    assert "只读" in describe(fault.value, "zh")
    assert unit_count(county.db) == before
    assert check_database(county.db).ok


def test_a_full_disk_is_worded_and_loses_nothing(county: County) -> None:
    with county.db.reading() as session:
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
    before = unit_count(county.db)
    # The file may not grow: SQLite says "database or disk is full", as on a full disk.
    _on_every_connection(county.db, f"PRAGMA max_page_count = {pages}")
    with pytest.raises(OperationalError) as fault, county.db.unit_of_work() as session:
        for n in range(400):
            create_unit(session, UnitInput(f"单位{n}" * 40, UnitKind.DEPARTMENT, Level.COUNTY))
        session.flush()
    text = describe(fault.value, "zh")
    assert "磁盘空间不足" in text and "full" not in text
    assert unit_count(county.db) == before
    assert check_database(county.db).ok


def _limited_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backups are written to a disk with no room for them."""

    def connect(target: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = sqlite3.connect(target, *args, **kwargs)
        if str(target).endswith(".partial"):
            connection.execute("PRAGMA max_page_count = 2")
        return connection

    shim = types.SimpleNamespace(**{**vars(sqlite3), "connect": connect})
    monkeypatch.setattr(backup_module, "sqlite3", shim)


def test_a_full_disk_during_a_backup_leaves_no_partial_file(
    county: County, monkeypatch: pytest.MonkeyPatch
) -> None:
    _limited_copies(monkeypatch)
    assert county.db.path is not None
    folder = county.db.path.parent / "backups"
    with pytest.raises(sqlite3.OperationalError) as fault:
        backup_database(county.db, reason="before-import")
    assert "磁盘空间不足" in describe(fault.value, "zh")
    assert list(folder.iterdir()) == []
    assert check_database(county.db).ok


def damage(path: Path, at_page: int = 2) -> None:
    """Overwrite 8 KiB of the file, as a failing disk or a killed copy might."""
    with path.open("r+b") as file:
        file.seek(4096 * at_page)
        file.write(b"\xab" * 8192)


@pytest.fixture
def damaged(county: County) -> Path:
    for n in range(200):  # enough pages that the damage falls inside the data
        add_unit(county.db, f"县直单位{n}")
    path = county.db.path
    assert path is not None
    county.db.dispose()
    damage(path)
    return path


def test_a_damaged_database_gets_a_verdict_not_a_crash(damaged: Path) -> None:
    db = open_database(damaged)
    report = check_database(db)
    db.dispose()
    assert report.damaged and not report.ok
    verdict = check_verdict(report, "zh")
    assert verdict.startswith("数据库已损坏") and "malformed" not in verdict
    assert "备份" in verdict


def test_a_backup_of_a_damaged_database_is_refused_and_removed(damaged: Path) -> None:
    db = open_database(damaged)
    with pytest.raises(DatabaseError) as refused:
        backup_database(db)
    db.dispose()
    assert refused.value.code == "backup_damaged"
    assert "完整性检查" in describe(refused.value, "zh")
    assert list((damaged.parent / "backups").iterdir()) == []


def test_a_damaged_database_is_restored_from_the_newest_good_backup(county: County) -> None:
    add_unit(county.db, "备份前的单位")
    good = backup_database(county.db, reason="daily")
    kept_count = unit_count(county.db)
    path = county.db.path
    assert path is not None
    county.db.dispose()
    damage(path, at_page=1)
    backups = path.parent / "backups"
    (backups / "lianxi-29990101-000000-000000-manual.db").write_bytes(b"not a database")
    assert newest_good_backup(backups) == good  # the newer, bad one is passed over
    kept = restore_backup(path, good)
    assert kept.exists() and kept != path
    restored = open_database(path)
    assert check_database(restored).ok and unit_count(restored) == kept_count
    restored.dispose()


def test_a_database_refusing_writes_still_reads(county: County) -> None:
    county.db.refuse_writes("database_needs_restore")
    with pytest.raises(DatabaseError) as refused:
        add_unit(county.db, "县总工会机关")
    assert "恢复" in describe(refused.value, "zh")
    assert unit_count(county.db) > 0


def test_rotation_keeps_backups_per_reason(county: County, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_module, "KEEP_BY_REASON", {"before-import": 2, "manual": 3})
    upgrade_backup = backup_database(county.db, reason="before-upgrade")
    for _ in range(4):
        backup_database(county.db, reason="before-import")
    for _ in range(5):
        backup_database(county.db)
    names = [p.name for p in upgrade_backup.parent.iterdir()]
    assert upgrade_backup.exists()  # many imports later, the pre-upgrade backup is kept
    assert sum(n.endswith("-before-import.db") for n in names) == 2
    assert sum(n.endswith("-manual.db") for n in names) == 3


def test_rotation_keeps_the_folder_within_its_budget(
    county: County, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counts allow 44 backups; a database that keeps attachments is large, so the folder also
    holds at most BUDGET_COPIES times the newest backup's size, the oldest going first and the
    newest of every reason staying."""
    monkeypatch.setattr(backup_module, "BUDGET_COPIES", 3)
    upgrade_backup = backup_database(county.db, reason="before-upgrade")
    for _ in range(4):
        backup_database(county.db, reason="manual")
    newest_import = backup_database(county.db, reason="before-import")
    folder = upgrade_backup.parent
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 3, names
    assert upgrade_backup.exists() and newest_import.exists()  # the newest of each reason
    assert sum(n.endswith("-manual.db") for n in names) == 1  # the newest manual one


def test_restoring_over_a_sound_database_backs_it_up_first(county: County) -> None:
    older = backup_database(county.db, reason="manual")
    add_unit(county.db, "备份之后的单位")
    newer_count = unit_count(county.db)
    path = county.db.path
    assert path is not None
    county.db.dispose()
    kept = restore_backup(path, older)
    assert kept.name.endswith("-before-restore.db") and kept.parent == older.parent
    restored, set_aside = open_database(path), open_database(kept)
    assert unit_count(restored) == newer_count - 1
    assert unit_count(set_aside) == newer_count  # nothing entered after the backup is lost
    restored.dispose()
    set_aside.dispose()
