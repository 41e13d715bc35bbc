"""The database: migrations match the models, newer files are refused, PRAGMAs, backups, checks."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import IntegrityError

from desktop.db import Database, DatabaseError, open_database
from desktop.db.backup import backup_database
from desktop.db.check import check_database
from desktop.db.engine import APPLICATION_ID
from desktop.db.migrate import (
    _config,
    current_revision,
    head_revision,
    revision_chain,
    stamp_revision_for_tests,
    upgrade,
)
from desktop.models import AgreedItem, Base
from tests.conftest import County, logical_dump


def test_migrations_produce_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == []
    assert current_revision(db) == head_revision()


def test_the_revisions_read_from_the_scripts_are_alembics() -> None:
    """A start reads the migration chain from the scripts' text, without Alembic: it must be
    the chain Alembic itself finds (every script read, none misread)."""
    scripts = ScriptDirectory.from_config(_config())
    assert revision_chain() == {
        script.revision: script.down_revision for script in scripts.walk_revisions()
    }
    assert head_revision() == scripts.get_current_head()


def test_the_revision_is_read_as_alembic_reads_it(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    try:
        assert current_revision(db) is None  # no version table yet
        upgrade(db)
        with db.engine.connect() as conn:
            assert current_revision(db) == MigrationContext.configure(conn).get_current_revision()
    finally:
        db.dispose()


def test_connection_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == 10_000
        assert pragma("application_id") == APPLICATION_ID


def test_foreign_keys_are_enforced(county: County) -> None:
    with pytest.raises(IntegrityError), county.db.unit_of_work() as s:
        s.add(AgreedItem(meeting_id=9999, text="x", origin_office="o"))
        s.flush()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_database_from_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    db = open_database(path)
    upgrade(db)
    stamp_revision_for_tests(db, "9999_future")
    db.dispose()
    before = _digest(path)
    db = open_database(path)
    with pytest.raises(DatabaseError) as err:
        upgrade(db)
    db.dispose()
    assert err.value.code == "database_too_new"
    assert _digest(path) == before
    assert not (tmp_path / "backups").exists()


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    db = open_database(path)
    with pytest.raises(DatabaseError) as err:
        upgrade(db)
    db.dispose()
    assert err.value.code == "not_lianxi_database"


def test_backup_is_a_consistent_copy(county: County, tmp_path: Path) -> None:
    target = backup_database(county.db, tmp_path / "copy.db")
    copy = open_database(target)
    assert logical_dump(copy) == logical_dump(county.db)
    assert check_database(copy).ok
    copy.dispose()
    with pytest.raises(DatabaseError):
        backup_database(county.db, county.db.path)


def test_check_reports_foreign_key_damage(county: County) -> None:
    assert check_database(county.db).ok
    county.db.dispose()
    assert county.db.path is not None
    with sqlite3.connect(county.db.path) as conn:  # a plain connection: foreign keys off
        conn.execute(
            "INSERT INTO item_event (item_id, on_date, actor, action, from_status, to_status, note,"
            " document_number, uuid, origin_office, created_at, updated_at, version, at)"
            " VALUES (4242, '2026-01-01', '', 'x', '', '', '', '', 'u', 'o', '2026-01-01',"
            " '2026-01-01', 1, '2026-01-01')"
        )
    report = check_database(county.db)
    assert not report.ok and report.foreign_key_violations[0][0] == "item_event"
