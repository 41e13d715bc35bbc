"""A demo county in a database file of its own, built from nothing (the welcome dialog's
"浏览演示县", the self-test)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.db.fresh import fresh_database
from desktop.demo import DemoSummary, build_demo
from desktop.demo.insert import Cancelled, Progress


def demo_database(
    target: Path,
    *,
    scale: str = "county",
    seed: int = 1,
    years: int = 3,
    today: date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DemoSummary:
    """Replace whatever database is at `target` with a new one holding a demo office and
    `years` of its history ending at `today`, in one transaction; the file is closed after."""
    db = fresh_database(target)
    try:
        with db.unit_of_work() as session:
            return build_demo(
                session,
                scale=scale,
                seed=seed,
                years=years,
                today=today,
                progress=progress,
                cancelled=cancelled,
            )
    finally:
        db.dispose()
