"""Demo build speed: our insert path against raw sqlite3.executemany of the very same rows."""

from __future__ import annotations

import argparse
import enum
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.db import open_database
from desktop.db.engine import BUSY_TIMEOUT_MS
from desktop.db.migrate import upgrade
from desktop.demo import DemoData, generate_demo, insert_demo
from desktop.demo.insert import require_empty
from desktop.demo.rows import TABLE_ORDER

Params = list[tuple[Any, ...]]


def _sqlite_value(value: Any) -> Any:
    """What SQLAlchemy's SQLite types store: ISO dates, naive UTC datetimes, enum values."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _raw_statements(data: DemoData) -> list[tuple[str, Params]]:
    statements = []
    for table in TABLE_ORDER:
        rows = data.tables[table]
        if not rows:
            continue
        columns = list(rows[0])
        sql = (
            f'INSERT INTO "{table}" ({", ".join(columns)}) '
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        statements.append((sql, [tuple(_sqlite_value(r[c]) for c in columns) for r in rows]))
    return statements


def _migrated(folder: Path, name: str) -> Path:
    path = folder / name
    db = open_database(path)
    upgrade(db)
    db.dispose()
    return path


def _ours(path: Path, data: DemoData) -> float:
    db = open_database(path)
    start = time.perf_counter()
    with db.unit_of_work() as session:
        require_empty(session)
        insert_demo(session, data)
    elapsed = time.perf_counter() - start
    db.dispose()
    return elapsed


def _raw(path: Path, statements: list[tuple[str, Params]]) -> float:
    """The same rows with the same PRAGMAs as our engine, in one transaction."""
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
        "foreign_keys = ON",
        "journal_mode = WAL",
        "synchronous = FULL",
    ):
        connection.execute(f"PRAGMA {pragma}")
    start = time.perf_counter()
    connection.execute("BEGIN")
    for sql, params in statements:
        connection.executemany(sql, params)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def bench(scale: str, seed: int, years: int, today: date, folder: Path) -> None:
    start = time.perf_counter()
    data = generate_demo(scale=scale, seed=seed, years=years, today=today)
    generated = time.perf_counter() - start
    rows = sum(data.counts().values())
    ours = _ours(_migrated(folder, f"{scale}-ours.db"), data)
    start = time.perf_counter()
    statements = _raw_statements(data)
    converted = time.perf_counter() - start
    raw = _raw(_migrated(folder, f"{scale}-raw.db"), statements)
    print(f"{scale}: {rows:,} rows in {len(data.tables)} tables ({data.office.name})")
    print(f"  generate                  {generated:7.2f} s  {rows / generated:10,.0f} rows/s")
    print(f"  ours (Core executemany)   {ours:7.2f} s  {rows / ours:10,.0f} rows/s")
    print(f"  raw sqlite3.executemany   {raw:7.2f} s  {rows / raw:10,.0f} rows/s")
    print(
        f"  raw + value conversion    {raw + converted:7.2f} s  {rows / (raw + converted):10,.0f} rows/s"
    )
    print(
        f"  ours / raw                {ours / raw:7.2f} x  (with conversion {ours / (raw + converted):.2f} x)"
    )
    print(f"  whole build (gen + ours)  {generated + ours:7.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--scale",
        nargs="+",
        default=["county", "province"],
        choices=["township", "county", "province"],
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 21))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lianxi-bench-") as tmp:
        for scale in args.scale:
            bench(scale, args.seed, args.years, args.today, Path(tmp))


if __name__ == "__main__":
    main()
