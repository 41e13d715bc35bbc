"""`lianxi db backup` and `db restore` on PostgreSQL (pg_dump's custom format, pg_restore in one
transaction), the backup before a schema upgrade, and the refusal when the tools are missing;
on the throwaway server of tests/postgres_server.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from desktop.cli import main
from desktop.core.units import UnitInput, create_unit
from desktop.db import open_database
from desktop.db.migrate import _config, current_revision, head_revision, upgrade
from desktop.models import Unit
from desktop.models.enums import Level, UnitKind
from tests.conftest import county_in
from tests.postgres_server import Server, _admin

pytestmark = pytest.mark.skipif(
    not (shutil.which("pg_dump") and shutil.which("pg_restore")), reason="no pg_dump/pg_restore"
)


def _county(url: str) -> None:
    db = open_database(url)
    county_in(db)
    db.dispose()


def _units(url: str) -> int:
    db = open_database(url)
    try:
        with db.reading() as s:
            return int(s.scalar(select(func.count()).select_from(Unit)) or 0)
    finally:
        db.dispose()


def _add_unit(url: str, name: str) -> None:
    db = open_database(url)
    try:
        with db.unit_of_work() as s:
            create_unit(s, UnitInput(name, UnitKind.DEPARTMENT, Level.COUNTY))
    finally:
        db.dispose()


def test_backup_then_restore_brings_the_records_back(
    postgres_url: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _county(postgres_url)
    before = _units(postgres_url)
    assert main(["--db-url", postgres_url, "db", "backup"]) == 0
    (dump,) = (data_dir / "backups").glob("postgresql-*/lianxi-*-manual.dump")
    assert str(dump) in capsys.readouterr().out
    _add_unit(postgres_url, "备份之后新建的单位")
    assert _units(postgres_url) == before + 1

    assert main(["--db-url", postgres_url, "db", "restore"]) == 0
    said = capsys.readouterr().out
    assert "已用备份" in said and str(dump) in said
    assert _units(postgres_url) == before
    # What was replaced is kept, and the restored database takes new records as before.
    (kept,) = dump.parent.glob("lianxi-*-before-restore.dump")
    assert str(kept) in said
    _add_unit(postgres_url, "恢复之后新建的单位")
    assert _units(postgres_url) == before + 1


def test_backup_to_a_chosen_file_and_restore_from_it(postgres_url: str, tmp_path: Path) -> None:
    _county(postgres_url)
    target = tmp_path / "县总工会.dump"
    assert main(["--db-url", postgres_url, "db", "backup", "--to", str(target)]) == 0
    assert target.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert not list(tmp_path.glob("*.partial"))
    _add_unit(postgres_url, "县审计局")
    assert main(["--db-url", postgres_url, "db", "restore", "--from", str(target)]) == 0
    assert _units(postgres_url) == 6


def test_a_damaged_backup_is_refused_and_nothing_changes(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _county(postgres_url)
    bad = tmp_path / "bad.dump"
    bad.write_bytes(b"PGDMP not really a dump")
    assert main(["--db-url", postgres_url, "db", "restore", "--from", str(bad)]) == 1
    assert "完整性检查" in capsys.readouterr().err
    assert _units(postgres_url) == 6


def test_without_the_tools_the_refusal_says_what_to_install(
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump, no pg_restore
    assert main(["--db-url", postgres_url, "db", "backup"]) == 1
    said = capsys.readouterr().err
    assert "找不到 PostgreSQL 的 pg_dump 程序" in said and "postgresql-client" in said
    assert main(["--db-url", postgres_url, "db", "restore"]) == 1
    assert "找不到 PostgreSQL 的" in capsys.readouterr().err  # restoring needs both tools


def test_a_schema_upgrade_on_postgres_is_backed_up_first(
    postgres_server: Server, data_dir: Path
) -> None:
    _admin(postgres_server, "CREATE DATABASE behind")
    url = postgres_server.url("behind")
    db = open_database(url)
    try:
        config = _config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
        backup = upgrade(db)
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()
    assert backup is not None and backup.name.endswith("-before-upgrade.dump")
    assert backup.parent == data_dir / "backups" / "postgresql-behind"
