"""Schema migrations with Alembic: upgrade after a backup, refuse databases newer than the code."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from desktop.db.backup import backup_database, can_back_up
from desktop.db.engine import APPLICATION_ID, Database, DatabaseError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    with db.reading_connection() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _has_tables(db: Database) -> bool:
    with db.reading_connection() as connection:
        return bool(inspect(connection).get_table_names())


def _check_application_id(db: Database) -> None:
    if not db.is_sqlite:
        return
    with db.reading_connection() as connection:
        app_id = connection.exec_driver_sql("PRAGMA application_id").scalar()
    if app_id not in (0, APPLICATION_ID):
        raise DatabaseError("not_lianxi_database", path=db.display_name())


def needs_upgrade(db: Database) -> bool:
    """True when the schema is behind the code; raises when it is ahead or foreign."""
    _check_application_id(db)
    revision = current_revision(db)
    if revision is None:
        if _has_tables(db):
            raise DatabaseError("not_lianxi_database", path=db.display_name())
        return True
    if revision not in known_revisions():
        raise DatabaseError("database_too_new", revision=revision, path=db.display_name())
    return revision != head_revision()


def upgrade(db: Database, *, backup: bool = True) -> Path | None:
    """Bring the schema to the code's head. Backs up a non-empty database first.

    Returns the backup file, if one was written (a PostgreSQL database is backed up with
    pg_dump when it is on PATH). A database newer than the code is refused before anything is
    touched.
    """
    if not needs_upgrade(db):
        return None
    backup_file = None
    if backup and current_revision(db) is not None and can_back_up(db):
        backup_file = backup_database(db, reason="before-upgrade")
    config = _config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if db.is_sqlite:
            connection.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
    return backup_file


def stamp_revision_for_tests(db: Database, revision: str) -> None:
    """Overwrite the recorded revision (used to simulate a database from a newer program)."""
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :rev"), {"rev": revision})
