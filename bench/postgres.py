"""The same demo county on SQLite and on PostgreSQL: list pages, the scorecard and reports, and
the import of a township's package into a county on each.

Usage: python bench/postgres.py [--db-url postgresql+psycopg://…/EMPTY_DATABASE] [--runs N]
                                [--records N]
Without --db-url a throwaway PostgreSQL server is started in a temporary folder (Debian's
postgresql package, as the tests do; tests/postgres_server.py), listening on a unix socket only.
Prints, per operation, the best of N runs on each database and their ratio; a server that
cannot be started, or an operation that fails, is said and skipped: it never fails a build.
The package import needs databases of its own, so it runs on the throwaway server only.
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

from packages import export, import_into, timed, township_with_suggestions

from desktop.cli_report import pdf_for
from desktop.core.assessment import compute_scorecard, year_rates
from desktop.core.catalog import ListQuery
from desktop.core.listing import list_records
from desktop.db import Database, open_database
from desktop.db.migrate import upgrade
from desktop.db.transfer import copy_database
from desktop.demo import build_demo
from desktop.sync.trust import local_keys

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


Timings = dict[str, float | None]


def package_imports(
    records: int, runs: int, new_database: Callable[[str], str] | None
) -> tuple[Timings, Timings]:
    """Seconds to import a township's package of `records` worker suggestions into its county,
    the county on SQLite and (given a way to make empty server databases) on PostgreSQL: the
    best of `runs`, each into a fresh copy of the same county."""
    label = f"package import, {records:,} suggestions (s)"
    found: Timings = {"sqlite": None, "postgresql": None}
    with tempfile.TemporaryDirectory(prefix="lianxi-bench-pkg-") as name:
        folder = Path(name)
        township, county = township_with_suggestions(folder / "base", records)
        db = open_database(county)
        with db.unit_of_work() as session:
            county_uuid = local_keys(session).uuid
        db.dispose()
        data = export(township, county_uuid)
        copies = []
        for turn in range(runs):
            copy = folder / f"county_{turn}.db"
            copy.write_bytes(county.read_bytes())
            copies.append(copy)
        found["sqlite"] = min(timed(lambda c=c: import_into(c, data))[0] for c in copies)
        if new_database is not None:
            try:
                source = open_database(county)
                urls = []
                for turn in range(runs):
                    url = new_database(f"county_{turn}")
                    target = open_database(url)
                    copy_database(source, target)  # the county's own records, as migrated
                    target.dispose()
                    urls.append(url)
                source.dispose()
                found["postgresql"] = min(timed(lambda u=u: import_into(u, data))[0] for u in urls)
            except Exception as exc:  # a benchmark reports, it never fails the build
                print(f"  {label}: failed on PostgreSQL: {type(exc).__name__}: {exc}"[:300])
    return {label: found["sqlite"]}, {label: found["postgresql"]}


@contextmanager
def throwaway_server() -> Iterator[Any]:
    """A server started for this run (tests.postgres_server.Server), or None."""
    sys.path.insert(0, str(ROOT))  # tests.postgres_server starts the throwaway server
    try:
        import psycopg  # noqa: F401

        from tests.postgres_server import START_ERRORS, running_server
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
        yield server


def database_maker(server: Any) -> Callable[[str], str]:
    """Makes an empty, migrated database on `server` and gives its URL."""
    from tests.postgres_server import _admin

    def make(name: str) -> str:
        _admin(server, f"CREATE DATABASE {name}")
        db = open_database(server.url(name))
        upgrade(db, backup=False)
        db.dispose()
        return server.url(name)

    return make


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
    parser.add_argument(
        "--records", type=int, default=20_000, help="worker suggestions in the township's package"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lianxi-bench-") as folder:
        lite = open_database(Path(folder) / "county.db")
        sqlite = measure("SQLite", lite, args.runs)
        lite.dispose()
    postgres = None
    with throwaway_server() if args.db_url is None else _given(None) as server:
        make = database_maker(server) if server is not None else None
        url = args.db_url or (make("bench") if make else None)
        if url is not None:
            try:
                db = open_database(url)
                postgres = measure("PostgreSQL", db, args.runs)
                db.dispose()
            except Exception as exc:  # a benchmark reports, it never fails the build
                print(f"PostgreSQL failed: {type(exc).__name__}: {exc}"[:400])
        runs = min(args.runs, 3)
        lite_import, pg_import = package_imports(args.records, runs, make)
    sqlite.update(lite_import)
    if postgres is not None:
        postgres.update(pg_import)
    show(sqlite, postgres)
    for name, found in (("SQLite", lite_import), ("PostgreSQL", pg_import)):
        for label, seconds in found.items():
            if seconds:
                print(f"{name}: {label[:-4]}: {args.records / seconds:,.0f} records/s")


@contextmanager
def _given(server: Any) -> Iterator[Any]:
    yield server


if __name__ == "__main__":
    main()
