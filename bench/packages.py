"""Exchange packages: import of a 100k-record package against raw sqlite3.executemany of the same
rows into the same schema, export throughput, and peak memory."""

from __future__ import annotations

import argparse
import gc
import resource
import shutil
import sqlite3
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from desktop.core.office import create_local_office
from desktop.db import Database, open_database
from desktop.db.engine import BUSY_TIMEOUT_MS
from desktop.db.migrate import upgrade
from desktop.models import Suggestion, Unit
from desktop.models.enums import Channel, Level, SuggestionStatus
from desktop.sync import export_setup_file, import_setup_file
from desktop.sync.exporter import build_export
from desktop.sync.importer import import_package
from desktop.sync.trust import local_keys, trust_office

RECORDS = 100_000


def _open(path: Path) -> Database:
    db = open_database(path)
    upgrade(db, backup=False)
    return db


def township_with_suggestions(folder: Path, count: int) -> tuple[Path, Path]:
    """A township holding `count` worker suggestions, and an empty county trusting it."""
    township, county = _open(folder / "t.db"), _open(folder / "c.db")
    with township.unit_of_work() as s:
        create_local_office(s, name="八滩镇工会", level=Level.TOWNSHIP, parent_name="滨海县总工会")
    with county.unit_of_work() as s:
        create_local_office(s, name="滨海县总工会", level=Level.COUNTY)
    with township.unit_of_work() as s:
        t = local_keys(s)
    with county.unit_of_work() as s:
        c = local_keys(s)
        trust_office(s, import_setup_file(export_setup_file(t)))
    with township.unit_of_work() as s:
        trust_office(s, import_setup_file(export_setup_file(c)))
        union = s.scalars(select(Unit.id).where(Unit.origin_office == t.uuid)).one()
        channels, statuses = list(Channel), list(SuggestionStatus)
        start, now = date(2025, 1, 1), datetime(2027, 3, 18, 8, tzinfo=UTC)
        rows = [
            {
                "uuid": f"00000000-0000-4000-8000-{i:012d}",
                "origin_office": t.uuid,
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "deleted_at": None,
                "channel": channels[i % len(channels)],
                "received_on": start + timedelta(days=i % 800),
                "receiving_unit_id": union,
                "anonymous": i % 3 == 0,
                "submitter_name": f"职工{i}",
                "submitter_phone": f"1380000{i % 10000:04d}",
                "content": f"建议第{i}号：职工食堂延长开放时间，增加夜班职工的热饭供应。",
                "target_level": Level.TOWNSHIP,
                "status": statuses[i % len(statuses)],
                "topic_id": None,
                "forwarded_to_unit_id": None,
                "not_adopted_reason": "",
                "reply_text": "已转镇政府研究办理。" if i % 2 else "",
                "replied_on": None,
            }
            for i in range(count)
        ]
        s.execute(insert(Suggestion), rows)
    township.dispose()
    county.dispose()
    return folder / "t.db", folder / "c.db"


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def peak_python_memory(action: Callable[[], Any]) -> int:
    """Peak bytes Python allocated while `action` ran (a second, traced run)."""
    gc.collect()
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def export(township: Path, county_uuid: str) -> bytes:
    db = open_database(township)
    try:
        with db.unit_of_work() as s:
            built = build_export(s, county_uuid)
            assert built is not None
            return built.package.data
    finally:
        db.dispose()


def import_into(county: Path, data: bytes) -> dict[str, Any]:
    db = open_database(county)
    try:
        with db.unit_of_work() as s:
            result = import_package(s, data, file_name="bench.lxpkg")
        assert result.result == "applied", result.message
        return dict(result.counts["suggestion"])
    finally:
        db.dispose()


def raw_insert(county: Path, township: Path) -> tuple[int, float]:
    """The township's suggestion rows, as stored, into the county's table: sqlite3.executemany
    in one transaction with the same PRAGMAs as the application (WAL, synchronous=FULL, FKs)."""
    source = sqlite3.connect(township)
    columns = [r[1] for r in source.execute("PRAGMA table_info(suggestion)") if r[1] != "id"]
    names = ", ".join(columns)
    rows = source.execute(f"SELECT {names} FROM suggestion WHERE origin_office != ''").fetchall()
    source.close()
    target = sqlite3.connect(county, isolation_level=None)
    target.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    target.execute("PRAGMA journal_mode = WAL")
    target.execute("PRAGMA synchronous = FULL")
    target.execute("PRAGMA foreign_keys = OFF")  # the unit ids are the township's
    marks = ", ".join("?" for _ in columns)
    start = time.perf_counter()
    target.execute("BEGIN")
    target.executemany(f"INSERT INTO suggestion ({names}) VALUES ({marks})", rows)
    target.execute("COMMIT")
    elapsed = time.perf_counter() - start
    target.close()
    return len(rows), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=RECORDS)
    parser.add_argument(
        "--repeat", type=int, default=3, help="import and raw runs, interleaved; the best counts"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        township, county = township_with_suggestions(folder / "base", args.records)
        db = open_database(county)
        with db.unit_of_work() as s:
            county_uuid = local_keys(s).uuid
        db.dispose()

        work = folder / "run"
        work.mkdir()

        def fresh(source: Path, target: str) -> Path:
            return Path(shutil.copyfile(source, work / target))

        export_seconds, data = timed(lambda: export(fresh(township, "t1.db"), county_uuid))
        # Import and raw insert in turns, each into a fresh copy, the best of each kept: on a
        # busy machine one run of either can take twice as long as the next.
        import_seconds = raw_seconds = float("inf")
        for turn in range(args.repeat):
            seconds, counts = timed(partial(import_into, fresh(county, f"c1_{turn}.db"), data))
            import_seconds = min(import_seconds, seconds)
            count, seconds = raw_insert(fresh(county, f"c2_{turn}.db"), township)
            raw_seconds = min(raw_seconds, seconds)
        # Peak memory in second, traced runs (tracing slows them; they are not timed).
        export_peak = peak_python_memory(lambda: export(fresh(township, "t2.db"), county_uuid))
        import_peak = peak_python_memory(lambda: import_into(fresh(county, "c3.db"), data))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    n = counts["new"]
    assert n == count, (n, count)
    print(
        f"package of {n} suggestions, {len(data) / 1e6:.1f} MB; import and raw best of {args.repeat}"
    )
    print(f"  {'what':<44}{'seconds':>9}{'records/s':>12}")
    print(
        f"  {'export (build_export, sign, in memory)':<44}{export_seconds:9.2f}{n / export_seconds:12,.0f}"
    )
    print(
        f"  {'import (verify, check, apply, commit)':<44}{import_seconds:9.2f}{n / import_seconds:12,.0f}"
    )
    print(
        f"  {'raw sqlite3.executemany of the same rows':<44}{raw_seconds:9.2f}{n / raw_seconds:12,.0f}"
    )
    print(
        f"  import / raw                              {raw_seconds / import_seconds:9.2f}×  (goal ≥ 0.5×)"
    )
    print(f"  peak Python memory: export {export_peak / 1e6:.0f} MB, import {import_peak / 1e6:.0f} MB;"
          f" process peak RSS {rss / 1e6:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
