"""A fresh database replaces the file at its path, write-ahead leftovers included."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from desktop.db.fresh import database_files, fresh_database
from desktop.db.migrate import current_revision, head_revision


def test_a_fresh_database_is_empty_at_the_newest_structure(tmp_path: Path) -> None:
    target = tmp_path / "demo.db"
    for path in database_files(target):
        path.write_bytes(b"left over from a build that was cancelled")
    db = fresh_database(target)
    try:
        assert current_revision(db) == head_revision()
        with db.unit_of_work() as session:
            assert session.execute(text("SELECT count(*) FROM office")).scalar() == 0
    finally:
        db.dispose()
