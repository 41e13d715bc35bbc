"""The database connection saved on a PC (issue 17): host, port, database and user in the config
folder, the password only in the keyring (refused without one), and which database a command
opens: --db-url, --db, the saved connection, the default file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy.engine import URL

from desktop.db import DatabaseError
from desktop.db.connection import (
    KEYRING_SERVICE,
    PASSWORD_ENV,
    ServerConnection,
    clear_connection,
    config_path,
    database_target,
    password_of,
    save_connection,
    saved_connection,
)
from desktop.messages import describe
from desktop.paths import default_db_path
from tests.conftest import MemoryKeyring

COUNTY = ServerConnection("db.binhai.gov.cn", "lianxi", "clerk", 5433)
PASSWORD = "县总工会2026!"


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_the_password_goes_to_the_keyring_and_nowhere_on_disk(
    memory_keyring: MemoryKeyring, config_dir: Path
) -> None:
    save_connection(COUNTY, PASSWORD)
    assert saved_connection() == ServerConnection(
        "db.binhai.gov.cn", "lianxi", "clerk", 5433, has_password=True
    )
    written = config_path().read_text(encoding="utf-8")
    assert config_path().parent == config_dir
    assert json.loads(written)["host"] == "db.binhai.gov.cn"
    assert PASSWORD not in written
    assert not [p for p in config_dir.rglob("*") if PASSWORD in p.read_text(errors="ignore")]
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, "clerk@db.binhai.gov.cn:5433/lianxi"): PASSWORD
    }
    saved = saved_connection()
    assert saved is not None and password_of(saved) == PASSWORD


def test_without_a_keyring_nothing_is_saved_and_the_refusal_says_why(
    no_keyring: None,
) -> None:
    with pytest.raises(DatabaseError) as refused:
        save_connection(COUNTY, PASSWORD)
    assert refused.value.code == "keyring_unavailable"
    assert "系统钥匙串" in describe(refused.value, "zh")
    assert "密码不写入任何文件" in describe(refused.value, "zh")
    assert not config_path().exists()
    assert saved_connection() is None


def test_a_blank_password_needs_no_keyring(no_keyring: None) -> None:
    saved = save_connection(COUNTY, "")
    assert not saved.has_password
    assert password_of(saved) is None
    assert database_target(None, None) == COUNTY.url(None)


def test_a_password_gone_from_the_keyring_is_worded(memory_keyring: MemoryKeyring) -> None:
    saved = save_connection(COUNTY, PASSWORD)
    memory_keyring.passwords.clear()
    with pytest.raises(DatabaseError) as refused:
        password_of(saved)
    assert refused.value.code == "keyring_password_missing"
    assert "db.binhai.gov.cn:5433/lianxi" in describe(refused.value, "zh")
    assert "lianxi db connect" in describe(refused.value, "zh")


def test_the_environment_gives_the_password_to_a_script(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = save_connection(COUNTY, PASSWORD)
    monkeypatch.setenv(PASSWORD_ENV, "从环境变量")
    assert password_of(saved) == "从环境变量"


def test_which_database_is_opened(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    url = "postgresql+psycopg://other@elsewhere/lianxi"
    assert database_target(None, None) == default_db_path()
    save_connection(COUNTY, PASSWORD)
    target = database_target(None, None)
    assert isinstance(target, URL)
    assert (target.host, target.port, target.database) == ("db.binhai.gov.cn", 5433, "lianxi")
    assert (target.username, target.password) == ("clerk", PASSWORD)
    assert database_target(str(tmp_path / "a.db"), None) == tmp_path / "a.db"
    assert database_target(None, url) == url
    clear_connection()
    assert database_target(None, None) == default_db_path()


def test_clearing_forgets_the_password_too(memory_keyring: MemoryKeyring) -> None:
    save_connection(COUNTY, PASSWORD)
    assert clear_connection() is not None
    assert memory_keyring.passwords == {}
    assert saved_connection() is None
    assert clear_connection() is None  # nothing saved: nothing to do


def test_a_new_server_replaces_the_old_one_and_its_password(
    memory_keyring: MemoryKeyring,
) -> None:
    save_connection(COUNTY, PASSWORD)
    city = ServerConnection("10.0.0.8", "lianxi_city", "clerk")
    save_connection(city, "新密码")
    assert list(memory_keyring.passwords.values()) == ["新密码"]
    assert saved_connection() == ServerConnection(
        "10.0.0.8", "lianxi_city", "clerk", has_password=True
    )


def test_a_socket_folder_is_a_host_too() -> None:
    local = ServerConnection("/run/postgresql", "lianxi", "clerk", 5432)
    url = local.url("pw")
    assert url.host is None and url.query["host"] == "/run/postgresql"
    assert local.display() == "clerk@/run/postgresql:5432/lianxi"


def test_a_damaged_config_file_is_no_connection(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    config_path().write_text("{not json", encoding="utf-8")
    assert saved_connection() is None
    assert database_target(None, None) == default_db_path()


def test_the_audit_anchor_of_a_server_is_the_same_however_it_is_opened() -> None:
    """A restore through --db-url re-anchors the trail the window (on the saved connection)
    checks: one server database, one anchor, whatever the URL's driver, options or password."""
    from types import SimpleNamespace

    from sqlalchemy.engine import make_url

    from desktop.core.audit_anchor import database_key

    def key(url: URL | str) -> str | None:
        return database_key(SimpleNamespace(engine=SimpleNamespace(url=make_url(url))))

    saved = key(COUNTY.url(PASSWORD))
    assert saved == key("postgresql+psycopg://clerk@db.binhai.gov.cn:5433/lianxi")
    assert saved == key("postgresql://clerk:other@db.binhai.gov.cn:5433/lianxi")
    assert PASSWORD not in str(saved)
    assert saved != key("postgresql+psycopg://clerk@db.binhai.gov.cn:5433/lianxi_city")
