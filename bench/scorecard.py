"""County scorecard speed: compute_scorecard against one hand-written SQL aggregate of its inputs.

Then the charts' trend across years, as the 考核 page computes it: every earlier year scored
again, the year before taken from the scorecard, and the years the page has in its memo.
`--db PATH --every-union` times the scorecard and the trend on an existing database, scoring
every township and street union in it (the province demo: every county's townships at once).
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.assessment import (
    Scorecard,
    TotalsMemo,
    compute_scorecard,
    data_version,
    get_scheme,
    year_rates,
)
from desktop.core.assessment.charts import TREND_YEARS, first_record_year, score_trend
from desktop.core.assessment.facts import gather_facts
from desktop.core.assessment.scoring import assessed_units, previous_totals, score_unit
from desktop.core.pairs import as_of_date
from desktop.db import Database, open_database
from desktop.db.migrate import upgrade
from desktop.demo import build_demo
from desktop.models import Unit
from desktop.models.enums import UnitKind

T = TypeVar("T")

# Per assessed township (its own records and its enterprises'): meetings held for real,
# meetings required, and the year's items due, done and done on time.
RAW = """
WITH scope AS (
    SELECT u.id AS unit_id, u.id AS assessed_id FROM unit u
    WHERE u.parent_id = :office AND u.kind IN ('township_union', 'street_union')
    UNION ALL
    SELECT c.id, c.parent_id FROM unit c JOIN unit p ON p.id = c.parent_id
    WHERE p.parent_id = :office AND p.kind IN ('township_union', 'street_union')
),
held AS (
    SELECT s.assessed_id, COUNT(*) AS n FROM meeting m JOIN scope s ON s.unit_id = m.union_unit_id
    WHERE m.status IN ('held', 'minutes_issued') AND m.deleted_at IS NULL
      AND m.formality_flag = 0 AND m.held_on BETWEEN :start AND :end
    GROUP BY s.assessed_id
),
required AS (
    SELECT s.assessed_id, SUM(e.meetings_per_year) AS n
    FROM establishment e JOIN scope s ON s.unit_id = e.union_unit_id
    WHERE e.established = 1 AND e.established_on <= :end AND e.deleted_at IS NULL
    GROUP BY s.assessed_id
),
items AS (
    SELECT s.assessed_id, COUNT(*) AS due,
        SUM(a.status IN ('completed', 'verified') AND a.completed_on <= :end) AS done,
        SUM(a.status IN ('completed', 'verified') AND a.completed_on <= a.deadline) AS on_time
    FROM agreed_item a JOIN meeting m ON m.id = a.meeting_id
    JOIN scope s ON s.unit_id = m.union_unit_id
    WHERE a.deleted_at IS NULL AND a.deadline BETWEEN :start AND :end
      AND a.status IN ('assigned', 'in_progress', 'extension_requested', 'completed', 'verified')
    GROUP BY s.assessed_id
)
SELECT u.id, u.name, COALESCE(held.n, 0), COALESCE(required.n, 0),
    COALESCE(items.due, 0), COALESCE(items.done, 0), COALESCE(items.on_time, 0)
FROM unit u
JOIN (SELECT DISTINCT assessed_id FROM scope) a ON a.assessed_id = u.id
LEFT JOIN held ON held.assessed_id = u.id
LEFT JOIN required ON required.assessed_id = u.id
LEFT JOIN items ON items.assessed_id = u.id
"""


def best_of(runs: int, fn: Callable[[], T]) -> tuple[float, T]:
    """The fastest of `runs` calls (the first warms the caches), and its result."""
    timings = []
    for _ in range(max(1, runs)):
        start = time.perf_counter()
        result = fn()
        timings.append(time.perf_counter() - start)
    return min(timings), result


def every_earlier_year(session: Session, card: Scorecard, today: date) -> int:
    """The trend as it was first written: every earlier year scored again."""
    first = first_record_year(session) or card.year
    units = [(u.unit_id, u.unit_name) for u in card.units]
    start = max(card.year - TREND_YEARS + 1, first)
    for year in range(start, card.year):
        previous_totals(session, year, units, today)
    return card.year - start


def bench_trend(
    db: Database, year: int, today: date, runs: int, unit_ids: list[int] | None = None
) -> None:
    """The charts' trend across years: before and after reusing years already scored."""
    with db.unit_of_work() as session:
        memo: TotalsMemo = {}
        start = time.perf_counter()
        card = compute_scorecard(session, year, unit_ids, today=today, memo=memo)
        scored = time.perf_counter() - start
        old, earlier = best_of(runs, lambda: every_earlier_year(session, card, today))
        start = time.perf_counter()
        trend = score_trend(session, card, today, memo=memo)  # first visit: fills the memo
        first = time.perf_counter() - start
        again, _ = best_of(runs, lambda: score_trend(session, card, today, memo=memo))
        version, _ = best_of(runs, lambda: data_version(session))
        rescored, _ = best_of(
            1, lambda: compute_scorecard(session, year, unit_ids, today=today, memo=memo)
        )
    print(f"trend {trend[0].year}–{year}: {len(card.units)} units, {earlier} earlier years")
    print(f"  compute_scorecard (this year + last year)  {scored * 1000:8.1f} ms")
    print(f"  trend, every earlier year scored again     {old * 1000:8.1f} ms  (before)")
    print(f"  trend, last year from the scorecard        {first * 1000:8.1f} ms  (first visit)")
    print(f"  trend, earlier years from the page's memo  {again * 1000:8.1f} ms  (next visits)")
    print(f"  compute_scorecard, last year from the memo {rescored * 1000:8.1f} ms")
    print(f"  data_version (the memo's key)              {version * 1000:8.1f} ms")


def every_union(db: Database) -> list[int]:
    with db.unit_of_work() as session:
        kinds = (UnitKind.TOWNSHIP_UNION, UnitKind.STREET_UNION)
        return list(session.scalars(select(Unit.id).where(Unit.kind.in_(kinds))))


def bench(year: int, today: date, runs: int, folder: Path) -> None:
    path = folder / "county.db"
    db = open_database(path)
    upgrade(db)
    start = time.perf_counter()
    with db.unit_of_work() as session:
        summary = build_demo(session, scale="county", today=today)
    built = time.perf_counter() - start
    print(f"county demo: {summary.office_name}, {summary.total_rows:,} rows in {built:.1f} s")
    bench_trend(db, year + 1, today, runs)
    with db.unit_of_work() as session:
        ours, card = best_of(runs, lambda: compute_scorecard(session, year, today=today))
        rates, _ = best_of(runs, lambda: year_rates(session, year, today=today))
        units = assessed_units(session)
        scheme = get_scheme(session, year)
        as_of = as_of_date(year, today)
        facts_time, facts = best_of(runs, lambda: gather_facts(session, units, year, as_of))
        rules_time, _ = best_of(runs, lambda: [score_unit(f, scheme) for f in facts.values()])
    db.dispose()
    connection = sqlite3.connect(path)
    office = connection.execute("SELECT unit_id FROM office WHERE is_local = 1").fetchone()[0]
    params = {"office": office, "start": f"{year}-01-01", "end": f"{year}-12-31"}
    raw, rows = best_of(runs, lambda: connection.execute(RAW, params).fetchall())
    connection.close()
    lines = sum(len(i.details) for u in card.units for i in u.indicators)
    print(f"year {year}, {len(card.units)} townships and streets, {lines:,} drill-down lines")
    print(f"  compute_scorecard (this year + last year)  {ours * 1000:8.1f} ms")
    print(f"    of which one year's facts (SQL)          {facts_time * 1000:8.1f} ms")
    print(f"    and one year's rules (Python)            {rules_time * 1000:8.1f} ms")
    print(f"  year_rates (whole office)                  {rates * 1000:8.1f} ms")
    print(f"  raw sqlite3 aggregate ({len(rows)} rows)          {raw * 1000:8.1f} ms")
    print(f"  scorecard / raw aggregate                  {ours / raw:8.1f} x")
    print(f"  one year's facts / raw aggregate           {facts_time / raw:8.1f} x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 21))
    parser.add_argument("--runs", type=int, default=5, help="best of this many runs")
    parser.add_argument("--db", type=Path, help="time the trend on this database instead")
    parser.add_argument(
        "--every-union", action="store_true", help="with --db: every township and street union"
    )
    args = parser.parse_args()
    if args.db is not None:
        db = open_database(args.db)
        bench_trend(
            db, args.year, args.today, args.runs, every_union(db) if args.every_union else None
        )
        db.dispose()
        return
    with tempfile.TemporaryDirectory(prefix="lianxi-bench-") as tmp:
        bench(args.year, args.today, args.runs, Path(tmp))


if __name__ == "__main__":
    main()
