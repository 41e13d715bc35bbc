"""Private keys at rest: sealed with a key-encryption key that never enters the database.

An office's private keys sign and open its packages; a copy of the database (each backup, a
lost stick) must not be enough to sign as the office. Every write of a private-key column is
sealed with AES-256-GCM under a key-encryption key (KEK) kept outside the data folder:

* in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service) when a usable
  backend exists, under service "LianXi", name "key-encryption-key";
* otherwise in `key-encryption-key` in the per-user config folder (platformdirs), mode 0600,
  a folder backups never copy. LIANXI_KEY_DIR names another folder (tests, portable installs)
  and then only the file is used.

A KEK found in either place is used; a new one goes to the keyring if it reads back, else to
the file. Sealed value = MARK ‖ KEK id (8 bytes of its SHA-256) ‖ nonce (12) ‖ ciphertext+tag,
so a plain PEM (written before sealing existed) is told apart and sealed when next read.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from platformdirs import user_config_path
from sqlalchemy import LargeBinary
from sqlalchemy.types import TypeDecorator

MARK = b"LXSEALED1\n"
KEY_DIR_ENV = "LIANXI_KEY_DIR"
KEYRING_SERVICE, KEYRING_NAME = "LianXi", "key-encryption-key"
KEY_FILE = "key-encryption-key"
_AAD = b"LianXi private key at rest v1"
_NONCE, _ID = 12, 8
_cache: dict[str, bytes] = {}


class SealedKeyUnavailable(Exception):
    """The key-encryption key that sealed a private key is not on this computer."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


def is_sealed(value: bytes) -> bool:
    return value.startswith(MARK)


def seal(private_pem: bytes) -> bytes:
    kek = key_encryption_key()
    nonce = os.urandom(_NONCE)
    return MARK + _kek_id(kek) + nonce + AESGCM(kek).encrypt(nonce, private_pem, _AAD)


def unseal(value: bytes) -> bytes:
    """The private key in PEM; a value that was never sealed is returned as it is."""
    if not is_sealed(value):
        return value
    body = value[len(MARK) :]
    kek = key_encryption_key()
    if body[:_ID] != _kek_id(kek):
        raise SealedKeyUnavailable(key_location())
    nonce, sealed = body[_ID : _ID + _NONCE], body[_ID + _NONCE :]
    return AESGCM(kek).decrypt(nonce, sealed, _AAD)


def key_location() -> str:
    """Where the KEK lives, for a message: the keyring, or the file's path."""
    file = _key_file()
    if file.exists() or os.environ.get(KEY_DIR_ENV) or _keyring() is None:
        return str(file)
    return "系统钥匙串（keyring）"


def key_encryption_key() -> bytes:
    """This user's KEK: found in the key file or the keyring, else made and kept in one."""
    file = _key_file()
    if str(file) in _cache:
        return _cache[str(file)]
    kek = _read_file(file)
    # The keyring only when there is no file: loading its backends is not free.
    ring = None if kek is not None or os.environ.get(KEY_DIR_ENV) else _keyring()
    if kek is None and ring is not None:
        kek = _read_keyring(ring)
    if kek is None:
        kek = AESGCM.generate_key(bit_length=256)
        if ring is None or not _write_keyring(ring, kek):
            kek = _write_file(file, kek)
    _cache[str(file)] = kek
    return kek


def _kek_id(kek: bytes) -> bytes:
    return hashlib.sha256(b"LianXi KEK id\0" + kek).digest()[:_ID]


def _key_file() -> Path:
    override = os.environ.get(KEY_DIR_ENV)
    folder = Path(override) if override else user_config_path("lianxi", appauthor=False)
    return folder / KEY_FILE


def _read_file(file: Path) -> bytes | None:
    try:
        kek = base64.b64decode(file.read_text(encoding="ascii").strip(), validate=True)
    except (OSError, ValueError):
        return None
    return kek if len(kek) == 32 else None


def _write_file(file: Path, kek: bytes) -> bytes:
    """Keep `kek` in `file`, or the key another program kept there first (the window and the
    CLI started at once): the key kept. The file appears whole or not at all (written aside,
    then linked in), and never replaces a key already there."""
    file.parent.mkdir(parents=True, exist_ok=True)
    temp = file.with_name(f".{file.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            stream.write(base64.b64encode(kek).decode("ascii") + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        _link_or_move(temp, file)
    except FileExistsError:
        kept = _read_file(file)
        if kept is None:  # a file there, but not a key: a person must look at it
            raise
        return kept
    finally:
        temp.unlink(missing_ok=True)
    return kek


def _link_or_move(temp: Path, file: Path) -> None:
    """Put `temp` in place as `file`, FileExistsError when `file` is there: a hard link where
    the file system has them, else a rename after an exclusive check (a folder on a file system
    without hard links, say; two programs starting in the same instant there is left to
    chance)."""
    try:
        os.link(temp, file)
    except FileExistsError:
        raise
    except OSError:
        if file.exists():
            raise FileExistsError(str(file)) from None
        temp.replace(file)


def _keyring() -> Any | None:
    """The keyring backend when a usable one exists (not the 'fail' or 'null' placeholders)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
            return None
        return backend
    except Exception:  # a broken keyring install is no keyring
        return None


def _read_keyring(backend: Any) -> bytes | None:
    try:
        text = backend.get_password(KEYRING_SERVICE, KEYRING_NAME)
        kek = base64.b64decode(text, validate=True) if text else None
    except Exception:
        return None
    return kek if kek is not None and len(kek) == 32 else None


def _write_keyring(backend: Any, kek: bytes) -> bool:
    """Store the KEK; True only if it reads back (a locked or read-only keyring is no use)."""
    try:
        backend.set_password(KEYRING_SERVICE, KEYRING_NAME, base64.b64encode(kek).decode())
    except Exception:
        return False
    return _read_keyring(backend) == kek


class SealedKey(TypeDecorator[bytes]):
    """A private-key column: sealed whenever written; read back as stored (sealed), so that
    listing offices never needs the KEK. `unseal` opens it where the key is used."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: bytes | None, dialect: Any) -> bytes | None:
        if value is None or is_sealed(value):
            return value
        return seal(value)
