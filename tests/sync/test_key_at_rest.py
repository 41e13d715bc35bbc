"""The office's private keys never sit in plain text in the database file or a backup of it."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select, text

from desktop import cli
from desktop.db import open_database
from desktop.messages import describe
from desktop.models import Office
from desktop.models.sealed_key import KEY_DIR_ENV, KEY_FILE, MARK, is_sealed
from desktop.sync.errors import KeyLocked
from desktop.sync.trust import local_keys
from tests.databases import sqlite_file_only

# The sealed keys as they lie in the SQLite file and its backups.
pytestmark = sqlite_file_only
PEM_HEADER = b"-----BEGIN PRIVATE KEY-----"


@pytest.fixture(autouse=True)
def key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config-keys"  # outside the data folder, as the per-user config is
    monkeypatch.setenv(KEY_DIR_ENV, str(folder))
    return folder


def _init(db: Path) -> None:
    assert cli.main(["--db", str(db), "init", "--name", "八滩镇工会", "--level", "township"]) == 0


def _secrets(db: Path) -> list[bytes]:
    """Every form the private keys could be found in: PEM header, base64 body, raw DER, raw key."""
    database = open_database(db)
    with database.unit_of_work() as s:
        keys = local_keys(s).keys
    database.dispose()
    found = [PEM_HEADER]
    for private in (keys.signing, keys.encryption):
        der = private.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        raw = private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        found += [der, raw, base64.b64encode(der)[:40]]
    return found


def _files_of(db: Path) -> list[Path]:
    return [p for p in db.parent.iterdir() if p.name.startswith(db.name)]


def _assert_absent(paths: list[Path], secrets: list[bytes]) -> None:
    for path in paths:
        content = path.read_bytes()
        for secret in secrets:
            assert secret not in content, (path.name, secret[:12])


def _backup(db: Path, to: Path) -> Path:
    assert cli.main(["--db", str(db), "db", "backup", "--to", str(to)]) == 0
    return to


def test_a_new_office_keeps_its_keys_sealed_in_the_file_and_in_backups(tmp_path: Path) -> None:
    db = tmp_path / "office" / "lianxi.db"
    db.parent.mkdir()
    _init(db)
    _assert_absent(_files_of(db), [PEM_HEADER])  # sealed when written, not when first used
    secrets = _secrets(db)
    backup = _backup(db, tmp_path / "backup.db")
    _assert_absent([*_files_of(db), backup], secrets)
    assert MARK in db.read_bytes()  # the sealed form is there instead


def test_a_plain_key_from_before_is_sealed_on_first_use(tmp_path: Path) -> None:
    db = tmp_path / "office" / "lianxi.db"
    db.parent.mkdir()
    _init(db)
    database = open_database(db)
    with database.unit_of_work() as s:
        keys = local_keys(s).keys
        plain = keys.signing.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        # As an older version stored it: plain PKCS#8 PEM, written past the column's sealing.
        s.execute(
            text("UPDATE office SET signing_private_key = :pem WHERE is_local"), {"pem": plain}
        )
    database.dispose()
    assert PEM_HEADER in db.read_bytes()
    database = open_database(db)
    with database.unit_of_work() as s:
        assert local_keys(s).keys.fingerprint == keys.fingerprint
    with database.unit_of_work() as s:
        stored = s.scalars(select(Office.signing_private_key).where(Office.is_local)).one()
        assert stored is not None and is_sealed(stored)
    database.dispose()
    backup = _backup(db, tmp_path / "backup.db")
    _assert_absent([*_files_of(db), backup], _secrets(db))


def test_a_database_copied_to_another_computer_cannot_sign(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "office" / "lianxi.db"
    db.parent.mkdir()
    _init(db)
    monkeypatch.setenv(KEY_DIR_ENV, str(tmp_path / "another-computer"))
    database = open_database(db)
    with database.unit_of_work() as s, pytest.raises(KeyLocked) as locked:
        local_keys(s)
    database.dispose()
    said = describe(locked.value)
    assert "这台电脑上没有解开它的密钥" in said and "another-computer" in said, said


def test_programs_starting_at_once_keep_one_key(key_dir: Path) -> None:
    """The window and the CLI started together on a new PC both make the key: one is kept and
    both use it (the second used to fail with FileExistsError)."""
    import os
    import subprocess
    import sys
    import time

    start = time.time() + 1.5
    code = (
        "import sys, time\n"
        "from desktop.models.sealed_key import key_encryption_key\n"
        f"while time.time() < {start}: time.sleep(0.001)\n"
        "print(key_encryption_key().hex())\n"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            env=os.environ | {KEY_DIR_ENV: str(key_dir)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    keys = set()
    for run in runs:
        out, err = run.communicate(timeout=60)
        assert run.returncode == 0, err[-2000:]
        keys.add(out.strip())
    assert len(keys) == 1
    assert [p.name for p in key_dir.iterdir()] == [KEY_FILE]  # no temporary file left


def test_the_key_is_kept_where_the_file_system_has_no_hard_links(
    key_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from desktop.models import sealed_key

    def no_links(_source: object, _target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(sealed_key, "_cache", {})
    kek = sealed_key.key_encryption_key()
    assert [p.name for p in key_dir.iterdir()] == [KEY_FILE]
    monkeypatch.setattr(sealed_key, "_cache", {})
    assert sealed_key.key_encryption_key() == kek  # read back, not made again
