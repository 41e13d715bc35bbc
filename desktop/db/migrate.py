"""Schema migrations with Alembic: upgrade after a backup, refuse databases newer than the code.

Alembic is imported only to upgrade: whether a database needs it is read with a plain query of
its alembic_version table against the revisions the migration scripts declare, which a window
start does without importing Alembic (about 0.15 s with its template engine).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from desktop.db.backup import backup_database, can_back_up
from desktop.db.blobs import TakenIn, contents_lacking, take_in_files
from desktop.db.engine import APPLICATION_ID, Database, DatabaseError
from desktop.paths import attachments_dir

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
# A migration script's identifiers, as Alembic's template writes them: `revision = "0011"` and
# `down_revision = "0010"` (None for the first).
_REVISION = re.compile(r"""^revision\s*(?::[^=]*)?=\s*["']([^"']+)["']""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision\s*(?::[^=]*)?=\s*(?:None|["']([^"']+)["'])""", re.MULTILINE
)


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def revision_chain() -> dict[str, str | None]:
    """Each revision the migration scripts declare, with the one it revises (None for the
    first), read from the scripts' text (tests/db/test_database.py holds it to what Alembic
    reads)."""
    chain: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            continue  # not a migration (the package's __init__)
        chain[revision.group(1)] = down.group(1)
    return chain


def head_revision() -> str:
    """The revision no other script revises: the schema this code works with."""
    chain = revision_chain()
    heads = set(chain) - set(chain.values())
    assert len(heads) == 1, f"the migrations must form one line, heads: {sorted(heads)}"
    return heads.pop()


def known_revisions() -> set[str]:
    return set(revision_chain())


def current_revision(db: Database) -> str | None:
    """The revision recorded in the database (Alembic's version table), None before any."""
    with db.reading_connection() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(
            text(f"SELECT version_num FROM {VERSION_TABLE}")
        ).scalar_one_or_none()


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
    """Bring the schema to the code's head (backing a non-empty database up first), then take
    in the attachment files this PC still keeps in a folder (take_in_attachment_files).

    Returns the backup file, if one was written (a PostgreSQL database is backed up with
    pg_dump when it is on PATH). A database newer than the code is refused before anything is
    touched.
    """
    backup_file = None
    if needs_upgrade(db):
        if backup and current_revision(db) is not None and can_back_up(db):
            backup_file = backup_database(db, reason="before-upgrade")
        from alembic import command

        config = _config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if db.is_sqlite:
                connection.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
    take_in_attachment_files(db)
    return backup_file


def take_in_attachment_files(db: Database) -> TakenIn | None:
    """Attachment contents an earlier version kept as files (beside the SQLite file, or in this
    PC's data folder for a server database), moved into the database where it lacks them; the
    files stay. Run at every open, since on a shared database each PC holds its own: it only
    reads unless an attachment lacks its contents, and None means none did."""
    with db.reading_connection() as connection:
        if not contents_lacking(connection):
            return None
    with db.engine.begin() as connection:
        return take_in_files(connection, attachments_dir(db.path))


def stamp_revision_for_tests(db: Database, revision: str) -> None:
    """Overwrite the recorded revision (used to simulate a database from a newer program)."""
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :rev"), {"rev": revision})
