"""kill -9 at a random moment of `lianxi package import` and `package export`: the database is as
before or as after, passes its checks, and the command can simply be run again."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desktop.sync import read_package
from desktop.sync.exchange import export_packages
from desktop.sync.importer import import_package
from desktop.sync.records import KINDS, SCHEMA_VERSION
from desktop.sync.trust import OfficeTrust, local_keys
from tests.databases import sqlite_file_only
from tests.sync.conftest import ExchangeBase
from tests.sync.exchange_env import copy_db, open_db

# kill -9 against a SQLite file and its WAL; on PostgreSQL the server keeps transactions whole.
pytestmark = sqlite_file_only
TRIALS = 12
ROOT = Path(__file__).resolve().parents[2]
# Columns that say when, not what: they differ between two runs that did the same thing.
_CLOCK = {"at", "applied_at", "held_at", "detected_at"}


def state(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, without clock columns; opening recovers the WAL like the app."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if r[0] != "audit_entry"  # the actions that led here, with their times
        ]
        dump = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY 1')
            keep = [i for i, d in enumerate(cursor.description) if d[0] not in _CLOCK]
            dump[table] = sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)
        return dump
    finally:
        connection.close()


def checks(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def lianxi(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "desktop", *map(str, args)]


def run_killed(command: list[str], database: Path, delay: float) -> tuple[int | None, float]:
    """Start the command; once it has opened `database` (its WAL file appears), SIGKILL it after
    `delay` seconds. Its exit code if it ended first, and the seconds from opening to the end."""
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    wal = database.with_name(database.name + "-wal")
    wal.unlink(missing_ok=True)
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while not wal.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    opened = time.monotonic()
    try:
        code: int | None = process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        code = None
    return code, time.monotonic() - opened


@dataclass(frozen=True)
class Calibration:
    before: dict[str, list[tuple[Any, ...]]]
    after: dict[str, list[tuple[Any, ...]]]
    work: float  # seconds from opening the database to the end of an uninterrupted run

    def moments(self, seed: int) -> list[float]:
        """Kill times after the database is opened: across the work, a few after its end."""
        rng = random.Random(seed)
        return [rng.uniform(0.0, 1.1 * self.work) for _ in range(TRIALS)]


def calibrate(command: list[str], database: Path) -> tuple[dict[str, Any], dict[str, Any], float]:
    before = state(database)
    code, work = run_killed(command, database, 120)
    assert code == 0, command
    return before, state(database), work


def _parallel(function: Any, items: list[Any]) -> list[Any]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(function, items))


@pytest.fixture(scope="module")
def package_file(exchange_base: ExchangeBase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stick") / "p1.lxpkg"
    path.write_bytes(exchange_base.first)
    return path


@pytest.fixture(scope="module")
def import_calibration(
    exchange_base: ExchangeBase, package_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Calibration:
    folder = tmp_path_factory.mktemp("calibrate-import")
    county = copy_db(exchange_base.county, folder / "c.db")
    return Calibration(
        *calibrate(lianxi("--db", county, "package", "import", package_file), county)
    )


def test_kill_during_import(
    exchange_base: ExchangeBase,
    package_file: Path,
    import_calibration: Calibration,
    tmp_path: Path,
) -> None:
    cal = import_calibration
    assert cal.after != cal.before

    def trial(item: tuple[int, float]) -> str:
        number, delay = item
        folder = tmp_path / str(number)
        folder.mkdir()
        county = copy_db(exchange_base.county, folder / "c.db")
        code, _ = run_killed(
            lianxi("--db", county, "package", "import", package_file), county, delay
        )
        checks(county)
        found = state(county)
        assert found in (cal.before, cal.after), (number, delay, code)
        outcome = "after" if found == cal.after else "before"
        assert code in (None, 0)
        # Simply run it again: it ends in the after state whatever happened.
        db = open_db(county)
        try:
            with db.unit_of_work() as s:
                result = import_package(s, package_file.read_bytes(), file_name="p1.lxpkg")
        finally:
            db.dispose()
        expected = "already_applied" if outcome == "after" else "applied"
        assert result.result == expected, (number, result)
        checks(county)
        assert state(county) == cal.after
        return outcome

    outcomes = _parallel(trial, list(enumerate(cal.moments(seed=6))))
    assert len(outcomes) == TRIALS


@pytest.fixture(scope="module")
def export_calibration(
    exchange_base: ExchangeBase, tmp_path_factory: pytest.TempPathFactory
) -> Calibration:
    folder = tmp_path_factory.mktemp("calibrate-export")
    township = copy_db(exchange_base.township, folder / "t.db")
    (folder / "stick").mkdir()
    command = lianxi("--db", township, "package", "export", "--to", folder / "stick")
    return Calibration(*calibrate(command, township))


def _last_sent(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute("SELECT last_sent_sequence FROM exchange_peer").fetchone()
        return int(row[0])
    finally:
        connection.close()


def _read(data: bytes, county: Path) -> int:
    """The sequence of a package file, read as the county would: every check passes."""
    db = open_db(county)
    try:
        with db.unit_of_work() as s:
            opened = read_package(
                data,
                me=local_keys(s),
                trust=OfficeTrust(s),
                schema_version=SCHEMA_VERSION,
                kinds=KINDS,
            )
        return opened.manifest.sequence
    finally:
        db.dispose()


def _pending(path: Path) -> int | None:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute("SELECT sequence FROM exchange_pending").fetchone()
        return None if row is None else int(row[0])
    finally:
        connection.close()


def test_kill_during_export(
    exchange_base: ExchangeBase, export_calibration: Calibration, tmp_path: Path
) -> None:
    cal = export_calibration
    # The base township already wrote no. 1; the export under test writes no. 2.
    county = copy_db(exchange_base.county, tmp_path / "c.db")

    def trial(item: tuple[int, float]) -> str:
        number, delay = item
        folder = tmp_path / str(number)
        stick = folder / "stick"
        stick.mkdir(parents=True)
        township = copy_db(exchange_base.township, folder / "t.db")
        command = lianxi("--db", township, "package", "export", "--to", stick)
        code, _ = run_killed(command, township, delay)
        checks(township)
        assert code in (None, 0)
        recorded = _last_sent(township)
        assert recorded in (1, 2), recorded
        if recorded == 1:
            assert state(township) == cal.before, number
        packages = sorted(stick.glob("*.lxpkg"))
        # No partial file under a package name: whatever is there is complete and authentic.
        for path in packages:
            assert _read(path.read_bytes(), county) == 2
        for path in stick.iterdir():
            assert path.suffix == ".tmp" or path in packages, path
        pending = _pending(township)
        if pending is not None:
            assert pending == recorded == 2, "only the package being written can be pending"
        elif recorded == 2:
            assert len(packages) == 1, "the database says no. 2 was written: it must be there"
        # Simply run it again: a pending package is written again byte for byte.
        db = open_db(township)
        try:
            with db.unit_of_work() as s:
                peer = s.execute(text("SELECT peer_office_uuid FROM exchange_peer")).scalar_one()
            (again,) = export_packages(db, stick, [peer])
        finally:
            db.dispose()
        checks(township)
        expected = 2 if pending is not None else recorded + 1
        assert again.path is not None and again.sequence == expected
        assert again.rewritten == (pending is not None)
        assert _read(again.path.read_bytes(), county) == expected
        assert not list(stick.glob(".*.tmp")), "the killed write's temporary file is gone"
        assert _pending(township) is None and _last_sent(township) == expected
        if pending is not None:
            return "pending"
        return "written" if recorded == 2 else ("orphan" if packages else "nothing")

    outcomes = _parallel(trial, list(enumerate(cal.moments(seed=9))))
    assert len(outcomes) == TRIALS
