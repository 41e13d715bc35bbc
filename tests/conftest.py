"""Shared fixtures: every test gets its own data folder and a freshly migrated database."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from desktop.core.office import create_local_office
from desktop.core.units import UnitInput, create_unit
from desktop.db import Database
from desktop.db.migrate import upgrade
from desktop.models.enums import Level, UnitKind
from tests import databases

# postgres_server / postgres_url: a throwaway PostgreSQL server for the PostgreSQL tests.
pytest_plugins = ["tests.postgres_server"]
# The key that seals offices' private keys: one folder for the whole run, never the user's own
# (subprocesses inherit it, so a CLI run opens what a test created).
# Each pytest-xdist worker has its own (the audit anchors kept beside the key are per folder).
if "PYTEST_XDIST_WORKER" in os.environ or "LIANXI_KEY_DIR" not in os.environ:
    os.environ["LIANXI_KEY_DIR"] = tempfile.mkdtemp(prefix="lianxi-test-keys-")


@pytest.fixture(autouse=True)
def _light_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at the library's recommended cost takes a tenth of a second or more per hash,
    and the account tests log in hundreds of times: in-process tests hash at the lowest cost
    (hashes still verify either way: each carries its own parameters). Programs the tests start
    as subprocesses hash as shipped."""
    from argon2 import PasswordHasher

    from desktop.core import accounts

    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("LIANXI_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user config folder (a saved database connection, the CLI token): the test's own,
    so a connection saved on the developer's PC never sends a test to that server."""
    folder = tmp_path / "config"
    monkeypatch.setenv("LIANXI_CONFIG_DIR", str(folder))
    monkeypatch.delenv("LIANXI_DB_PASSWORD", raising=False)
    return folder


class MemoryKeyring(KeyringBackend):
    """An OS keyring in memory, so no test reads or writes the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The keyring for this test: in memory; the one before it is put back after."""
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture(scope="session", autouse=True)
def _test_database_server(request: pytest.FixtureRequest) -> None:
    """With LIANXI_TEST_DB=postgres every test database is one on the throwaway server."""
    if databases.ON_POSTGRES:
        databases.use_server(request.getfixturevalue("postgres_server"))


@pytest.fixture(autouse=True)
def _drop_test_databases() -> Iterator[None]:
    """On PostgreSQL, the databases a test made are dropped after it (the server's disk)."""
    before = databases.known()
    yield
    if databases.ON_POSTGRES:
        databases.drop_all_but(before)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = databases.open_test_database(tmp_path / "lianxi.db")
    upgrade(database)
    yield database
    database.dispose()


@dataclass(frozen=True)
class County:
    """A small hand-made county: the federation, its government, two departments, a township."""

    db: Database
    federation: int
    government: int
    hrss: int  # 县人社局
    finance: int  # 县财政局
    township_union: int
    township_government: int

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """One core call in its own transaction, as a user action would be."""
        with self.db.unit_of_work() as session:
            return fn(session, *args, **kwargs)


@pytest.fixture
def county(db: Database) -> County:
    return county_in(db)


def make_county(folder: Path) -> County:
    """A fresh county database in `folder` (for tests that need one per Hypothesis example)."""
    database = databases.open_test_database(folder / "lianxi.db")
    upgrade(database)
    return county_in(database)


def county_in(db: Database) -> County:
    with db.unit_of_work() as s:
        office = create_local_office(
            s, name="滨海县总工会", level=Level.COUNTY, doc_prefix="滨工联"
        )
        assert office.unit_id is not None
        gov = create_unit(s, UnitInput("滨海县人民政府", UnitKind.GOVERNMENT, Level.COUNTY)).id
        hrss = create_unit(s, UnitInput("县人社局", UnitKind.DEPARTMENT, Level.COUNTY, gov)).id
        fin = create_unit(s, UnitInput("县财政局", UnitKind.DEPARTMENT, Level.COUNTY, gov)).id
        tu = create_unit(
            s, UnitInput("八滩镇工会", UnitKind.TOWNSHIP_UNION, Level.TOWNSHIP, office.unit_id)
        ).id
        tg = create_unit(s, UnitInput("八滩镇人民政府", UnitKind.GOVERNMENT, Level.TOWNSHIP)).id
    return County(db, office.unit_id, gov, hrss, fin, tu, tg)


def logical_dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ordered: equal dumps mean equal databases.

    The audit trail is left out: it logs the actions that led here (with their times), so two
    databases holding the same records after different actions still dump equal.
    """
    from sqlalchemy import inspect, text

    tables = sorted(set(inspect(database.engine).get_table_names()) - {"audit_entry"})
    with database.engine.connect() as conn:
        return {
            t: [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{t}" ORDER BY 1'))]
            for t in tables
        }
