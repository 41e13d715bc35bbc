"""The same demo county on SQLite and on PostgreSQL: list pages, the scorecard and reports.

Usage: python bench/postgres.py [--db-url postgresql+psycopg://…/EMPTY_DATABASE] [--runs N]
Without --db-url a throwaway PostgreSQL server is started in a temporary folder (Debian's
postgresql package, as the tests do; tests/postgres_server.py), listening on a unix socket only.
Prints, per operation, the best of N runs on each database and their ratio; a server that
cannot be started, or an operation that fails, is said and skipped: it never fails a build.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli_report import pdf_for
from desktop.core.assessment import compute_scorecard, year_rates
from desktop.core.catalog import ListQuery
from desktop.core.listing import list_records
from desktop.db import Database, open_database
from desktop.db.migrate import upgrade
from desktop.demo import build_demo

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 21)
YEAR = 2025
LISTS = ("unit", "meeting", "item", "notice", "suggestion")


def best_of(runs: int, fn: Callable[[], Any]) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - start)
    return min(timings)


def operations(db: Database) -> dict[str, Callable[[], Any]]:
    """What a clerk waits for, each reading in its own transaction as the window does."""

    def reading(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[[], Any]:
        def run() -> Any:
            with db.reading() as session:
                return fn(session, *args, **kwargs)

        return run

    ops: dict[str, Callable[[], Any]] = {}
    for kind in LISTS:
        ops[f"list {kind}, first 200 rows"] = reading(
            list_records, kind, ListQuery(limit=200, today=TODAY)
        )
    ops["list item, overdue, search 工会"] = reading(
        list_records, "item", ListQuery(search="工会", overdue_on=TODAY, limit=200, today=TODAY)
    )
    ops[f"scorecard {YEAR}"] = reading(compute_scorecard, YEAR, today=TODAY)
    ops[f"year_rates {YEAR}"] = reading(year_rates, YEAR, today=TODAY)
    ops[f"report: statistics {YEAR} PDF"] = reading(pdf_for, "statistics", str(YEAR))
    ops["report: latest minutes PDF"] = reading(pdf_for, "minutes", "latest")
    return ops


def measure(name: str, db: Database, runs: int) -> dict[str, float | None]:
    upgrade(db, backup=False)
    start = time.perf_counter()
    with db.unit_of_work() as session:
        summary = build_demo(session, scale="county", seed=1, today=TODAY)
    built = time.perf_counter() - start
    if db.engine.dialect.name == "postgresql":
        # The planner's statistics, as autovacuum gathers them soon after such a load.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
    print(f"{name}: demo {summary.office_name}, {summary.total_rows:,} rows in {built:.1f} s")
    found: dict[str, float | None] = {"demo build (s)": built}
    for label, fn in operations(db).items():
        try:
            fn()  # warm: the first run fills caches and fonts for both databases alike
            found[label] = best_of(runs, fn)
        except Exception as exc:  # a benchmark reports, it never fails the build
            print(f"  {label}: failed on {name}: {type(exc).__name__}: {exc}"[:300])
            found[label] = None
    return found


@contextmanager
def throwaway_server() -> Iterator[str | None]:
    """The URL of an empty database on a server started for this run, or None."""
    sys.path.insert(0, str(ROOT))  # tests.postgres_server starts the throwaway server
    try:
        import psycopg  # noqa: F401

        from tests.postgres_server import START_ERRORS, _admin, running_server
    except ImportError as exc:
        print(f"PostgreSQL skipped: {exc} (pip install -e '.[postgres]')")
        yield None
        return
    with ExitStack() as stack:
        try:
            server = stack.enter_context(running_server("lianxi-bench-pg-"))
        except START_ERRORS as exc:
            print(f"PostgreSQL skipped: the server did not start: {exc}"[:400])
            yield None
            return
        _admin(server, "CREATE DATABASE bench")
        yield server.url("bench")


def show(sqlite: dict[str, float | None], postgres: dict[str, float | None] | None) -> None:
    def ms(value: float | None, label: str) -> str:
        if value is None:
            return "—"
        return f"{value:.1f} s" if label.endswith("(s)") else f"{value * 1000:.1f} ms"

    print(f"\n{'':40} {'SQLite':>10} {'PostgreSQL':>11} {'PG/SQLite':>10}")
    for label, lite in sqlite.items():
        pg = postgres.get(label) if postgres else None
        ratio = f"{pg / lite:.2f}x" if pg is not None and lite else "—"
        print(f"{label:40} {ms(lite, label):>10} {ms(pg, label):>11} {ratio:>10}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db-url", help="an empty PostgreSQL database to build the demo in")
    parser.add_argument("--runs", type=int, default=5, help="best of this many runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lianxi-bench-") as folder:
        lite = open_database(Path(folder) / "county.db")
        sqlite = measure("SQLite", lite, args.runs)
        lite.dispose()
    postgres = None
    with throwaway_server() if args.db_url is None else _given(args.db_url) as url:
        if url is not None:
            try:
                db = open_database(url)
                postgres = measure("PostgreSQL", db, args.runs)
                db.dispose()
            except Exception as exc:  # a benchmark reports, it never fails the build
                print(f"PostgreSQL failed: {type(exc).__name__}: {exc}"[:400])
    show(sqlite, postgres)


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url


if __name__ == "__main__":
    main()
