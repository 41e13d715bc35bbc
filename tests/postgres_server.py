"""A throwaway PostgreSQL server for the tests that run on PostgreSQL as well as SQLite.

Started once per test run from Debian's server binaries (the Makefile's system step installs
them), in a temporary folder, as an unprivileged user, listening only on a unix socket. Each test
gets an empty database with the schema migrated (copied from a migrated template, so quickly).

Under CI (CI=true) a server that cannot be started fails the run loudly; on a developer machine
without the binaries the PostgreSQL tests are skipped with the reason.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

TEMPLATE = "lianxi_template"
_numbers = itertools.count(1)


@dataclass(frozen=True)
class Server:
    socket_dir: Path
    port: int
    user: str = "lianxi"

    def url(self, database: str) -> str:
        return (
            f"postgresql+psycopg://{self.user}@/{database}?host={self.socket_dir}&port={self.port}"
        )


def _binaries() -> Path | None:
    """The newest installed server's bin folder (Debian: /usr/lib/postgresql/N/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _version(path: str) -> int:
    try:
        return int(Path(path).parent.parent.name)
    except ValueError:
        return 0


def _run_as() -> str | None:
    """PostgreSQL refuses to run as root: a root run uses the `postgres` system user (or
    `nobody`); anyone else runs it as themselves."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    return None


def _command(user: str | None, *args: str | Path) -> list[str]:
    command = [str(a) for a in args]
    return ["runuser", "-u", user, "--", *command] if user else command


def start_server(folder: Path) -> tuple[Server, list[str]]:
    """Start a server in `folder`; returns it and the command that stops it."""
    binaries = _binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
    user = _run_as()
    if os.geteuid() == 0 and user is None:
        raise RuntimeError("running as root with no unprivileged user to start PostgreSQL as")
    if user is not None:
        shutil.chown(folder, user)
    data, log = folder / "data", folder / "server.log"
    initdb = _command(
        user, binaries / "initdb", "-D", data, "-A", "trust", "-U", "lianxi", "--no-sync", "-E",
        "UTF8", "--locale", "C.UTF-8",
    )  # fmt: skip
    subprocess.run(initdb, check=True, capture_output=True, timeout=120)
    port = 50000 + os.getpid() % 10000
    options = f"-p {port} -k {folder} -c listen_addresses='' -F -c max_connections=60"
    start = _command(user, binaries / "pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "start")
    done = subprocess.run(start, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else done.stderr
        raise RuntimeError(f"PostgreSQL did not start: {tail}")
    stop = _command(user, binaries / "pg_ctl", "-D", data, "-m", "immediate", "stop")
    return Server(folder, port), stop


def _admin(server: Server, sql: str) -> None:
    import psycopg

    with psycopg.connect(
        host=str(server.socket_dir), port=server.port, user=server.user, dbname="postgres",
        autocommit=True,
    ) as connection:  # fmt: skip
        connection.execute(sql)  # type: ignore[arg-type]


def _collation() -> str:
    """LIANXI_TEST_PG_COLLATION=zh-CN (say): the test databases sort text by that ICU
    collation, as a server set up in Chinese does (pinyin order), not by code point."""
    locale = os.environ.get("LIANXI_TEST_PG_COLLATION")
    if not locale:
        return ""
    return f" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{locale}' LOCALE 'C.UTF-8'"


# What a server that cannot be started raises.
START_ERRORS = (RuntimeError, OSError, subprocess.SubprocessError)


@contextmanager
def running_server(prefix: str = "lianxi-pg-") -> Iterator[Server]:
    """A server in a fresh temporary folder, stopped and removed at the end (one of
    START_ERRORS when it cannot be started); bench/postgres.py uses it too."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    try:
        server, stop = start_server(folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        yield server
    finally:
        subprocess.run(stop, capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    pytest.importorskip("psycopg")
    with ExitStack() as stack:
        try:
            server = stack.enter_context(running_server())
        except START_ERRORS as exc:
            if os.environ.get("CI") or os.environ.get("LIANXI_TEST_DB", "").startswith("postgres"):
                pytest.fail(f"PostgreSQL could not be started for the tests: {exc}", pytrace=False)
            pytest.skip(f"PostgreSQL could not be started: {exc}")
        from desktop.db import open_database
        from desktop.db.migrate import upgrade

        _admin(server, f"CREATE DATABASE {TEMPLATE}{_collation()}")
        template = open_database(server.url(TEMPLATE))
        upgrade(template, backup=False)
        template.dispose()
        yield server


@pytest.fixture
def postgres_url(postgres_server: Server) -> str:
    """An empty, migrated database of its own for one test."""
    name = f"test_{next(_numbers)}"
    _admin(postgres_server, f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    return postgres_server.url(name)
