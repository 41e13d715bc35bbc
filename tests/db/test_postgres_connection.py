"""A PC pointed at the county's PostgreSQL server (issue 17), on the throwaway server of
tests/postgres_server.py: `lianxi db connect` tries the server and saves the connection, every
command then uses it; the check words a wrong password, a missing database and one without
tables; a restore (SQLite and PostgreSQL) re-anchors the audit trail; the daily backup is a
pg_dump."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop.cli import main
from desktop.core.audit import verify_chain
from desktop.core.office import local_office
from desktop.core.units import UnitInput, create_unit
from desktop.db import Database, open_database
from desktop.db.backup import backup_daily, backup_database
from desktop.db.connection import ServerConnection, check_connection, saved_connection
from desktop.messages import describe
from desktop.models import AuditEntry
from desktop.models.enums import Level, UnitKind
from tests.conftest import County, MemoryKeyring, county_in
from tests.postgres_server import Server, _admin

CLERK, CLERK_PASSWORD = "county_clerk", "right-password"
needs_tools = pytest.mark.skipif(
    not (shutil.which("pg_dump") and shutil.which("pg_restore")), reason="no pg_dump/pg_restore"
)


def connection_to(url: str, user: str | None = None) -> ServerConnection:
    """The Settings fields for a test database: the socket folder is the host."""
    parsed = make_url(url)
    return ServerConnection(
        host=str(parsed.query["host"]),
        database=str(parsed.database),
        user=user or str(parsed.username),
        port=int(str(parsed.query["port"])),
    )


def password_role(server: Server) -> tuple[str, str]:
    """A login that needs its password (the test server trusts its own user): a superuser,
    so it reads every test database, asked for a SCRAM password over the socket."""
    hba = server.socket_dir / "data" / "pg_hba.conf"
    rule = f"local all {CLERK} scram-sha-256\n"
    if rule not in hba.read_text():
        _admin(server, f"CREATE ROLE {CLERK} LOGIN SUPERUSER PASSWORD '{CLERK_PASSWORD}'")
        hba.write_text(rule + hba.read_text())
        _admin(server, "SELECT pg_reload_conf()")
    return CLERK, CLERK_PASSWORD


def connect_args(url: str) -> list[str]:
    c = connection_to(url)
    return ["db", "connect", "--host", c.host, "--port", str(c.port), "--name", c.database]


def test_db_connect_saves_the_server_and_every_command_uses_it(
    postgres_url: str,
    memory_keyring: MemoryKeyring,
    config_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    user, password = password_role(_server(postgres_url))
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))  # a script pipes it
    assert main([*connect_args(postgres_url), "--user", user]) == 0
    said = capsys.readouterr().out
    assert "连接成功" in said and "已保存数据库连接" in said
    assert list(memory_keyring.passwords.values()) == [password]
    assert password not in (config_dir / "database.json").read_text(encoding="utf-8")

    assert main(["init", "--name", "滨海县总工会", "--level", "county"]) == 0
    server = open_database(postgres_url)
    try:
        with server.reading() as session:
            assert local_office(session).name == "滨海县总工会"  # written on the server
    finally:
        server.dispose()
    assert main(["db", "connect"]) == 0
    assert "正在使用服务器数据库" in capsys.readouterr().out

    assert main(["db", "connect", "--clear"]) == 0
    assert "本机数据库文件" in capsys.readouterr().out
    assert memory_keyring.passwords == {}
    assert main(["list", "unit"]) == 1  # this PC's own file: no office set up in it
    assert "本单位" in capsys.readouterr().err


def test_a_wrong_password_is_not_saved(
    postgres_url: str,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    user, _password = password_role(_server(postgres_url))
    monkeypatch.setenv("LIANXI_DB_PASSWORD", "wrong")
    assert main([*connect_args(postgres_url), "--user", user]) == 1
    assert "用户名或密码不正确" in capsys.readouterr().err
    assert saved_connection() is None and memory_keyring.passwords == {}


def test_the_entry_point_opens_the_saved_server(
    postgres_url: str, config_dir: Path, data_dir: Path
) -> None:
    county_in(open_database(postgres_url))
    # The test server trusts its own user: no password, so no keyring in the subprocess.
    env = {**os.environ, "LIANXI_CONFIG_DIR": str(config_dir), "LIANXI_DATA_DIR": str(data_dir)}
    connect = [sys.executable, "-m", "desktop", *connect_args(postgres_url), "--user", "lianxi"]
    subprocess.run(connect, env=env, input="\n", text=True, check=True, capture_output=True)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "list", "unit"],
        env=env,
        text=True,
        capture_output=True,
        check=True,
    )
    assert "县人社局" in done.stdout
    assert not (data_dir / "lianxi.db").exists()  # the server, not this PC's file


def test_the_check_says_what_it_found(postgres_url: str, postgres_server: Server) -> None:
    user, password = password_role(postgres_server)
    ready = connection_to(postgres_url, user)
    assert check_connection(ready, password) == "connection_ready"
    _admin(postgres_server, "CREATE DATABASE no_tables_yet")
    empty = connection_to(postgres_server.url("no_tables_yet"), user)
    assert check_connection(empty, password) == "connection_empty"

    with pytest.raises(Exception) as wrong:
        check_connection(ready, "wrong")
    assert describe(wrong.value, "zh") == "数据库服务器拒绝登录：用户名或密码不正确。"
    missing = connection_to(postgres_server.url("no_such_database"), user)
    with pytest.raises(Exception) as absent:
        check_connection(missing, password)
    assert describe(absent.value, "zh").startswith("服务器上没有这个数据库")
    nowhere = ServerConnection("127.0.0.1", "lianxi", user, port=1)
    with pytest.raises(Exception) as unreachable:
        check_connection(nowhere, password)
    assert describe(unreachable.value, "zh").startswith("连接不上数据库服务器")


def _server(url: str) -> Server:
    c = connection_to(url)
    return Server(Path(c.host), c.port)


def _restore_and_verify(db: Database, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Back up, write after it, restore with the CLI: `audit verify` is content, and the trail
    says which backup was restored."""
    backup = backup_database(db, reason="manual")
    with db.unit_of_work() as session:
        create_unit(session, UnitInput("备份之后新建的单位", UnitKind.DEPARTMENT, Level.COUNTY))
    db.dispose()  # the CLI replaces what this engine has open
    assert main([*args, "db", "restore", "--from", str(backup)]) == 0
    assert main([*args, "audit", "verify"]) == 0
    assert "操作记录完整" in capsys.readouterr().out
    with db.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.action == "backup_restored"
        assert str(backup) in last.detail
        assert verify_chain(session).ok


def test_a_restore_of_a_file_reanchors_the_trail(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    if county.db.path is None:
        pytest.skip("a SQLite file")
    _restore_and_verify(county.db, ["--db", str(county.db.path)], capsys)


@needs_tools
def test_a_restore_on_postgres_reanchors_the_trail(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(postgres_url)
    try:
        county_in(db)
        _restore_and_verify(db, ["--db-url", postgres_url], capsys)
    finally:
        db.dispose()


@needs_tools
def test_the_daily_backup_on_postgres_is_a_dump(postgres_url: str, data_dir: Path) -> None:
    db = open_database(postgres_url)
    try:
        county_in(db)
        first = backup_daily(db)
        assert first is not None and first.name.endswith("-daily.dump")
        assert first.parent.parent == data_dir / "backups"
        assert backup_daily(db) is None  # one a day
    finally:
        db.dispose()


def test_the_daily_backup_without_pg_dump_says_what_to_install(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    db = open_database(postgres_url)
    try:
        with pytest.raises(Exception) as missing:
            backup_daily(db)
    finally:
        db.dispose()
    assert "postgresql-client" in describe(missing.value, "zh")
