"""The welcome dialog's demo county: a database file of its own, built from nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.core.office import local_office
from desktop.db import open_database
from desktop.demo.database import demo_database


def test_a_demo_database_replaces_the_file_and_holds_an_office(tmp_path: Path) -> None:
    target = tmp_path / "demo.db"
    target.write_bytes(b"not a database")
    summary = demo_database(target, scale="township", seed=7, years=1, today=date(2026, 11, 21))
    db = open_database(target)
    try:
        with db.unit_of_work() as session:
            assert local_office(session).name == summary.office_name
    finally:
        db.dispose()
