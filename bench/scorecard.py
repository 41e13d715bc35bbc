"""County scorecard speed: compute_scorecard against one hand-written SQL aggregate of its inputs."""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from desktop.core.assessment import compute_scorecard, get_scheme, year_rates
from desktop.core.assessment.facts import gather_facts
from desktop.core.assessment.pairs import as_of_date
from desktop.core.assessment.scoring import assessed_units, score_unit
from desktop.core.demo import build_demo
from desktop.db import open_database
from desktop.db.migrate import upgrade

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


def bench(year: int, today: date, runs: int, folder: Path) -> None:
    path = folder / "county.db"
    db = open_database(path)
    upgrade(db)
    start = time.perf_counter()
    with db.unit_of_work() as session:
        summary = build_demo(session, scale="county", today=today)
    built = time.perf_counter() - start
    print(f"county demo: {summary.office_name}, {summary.total_rows:,} rows in {built:.1f} s")
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lianxi-bench-") as tmp:
        bench(args.year, args.today, args.runs, Path(tmp))


if __name__ == "__main__":
    main()
