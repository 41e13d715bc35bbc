"""Office key pairs, fingerprints read aloud over the phone, setup files, and the trust list."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.sync.errors import PackageRejected
from desktop.sync.fields import MAX_NAME, UUID, FieldInvalid, JsonObject, format_utc
from desktop.sync.jsonl import dumps_canonical, loads_strict
from desktop.sync.manifest import KeyAnnouncement

SETUP_FORMAT = "lianxi-setup"
SETUP_VERSION = 1
SETUP_MAX_BYTES = 64 * 1024
_SETUP_KEYS = frozenset(
    [
        "format",
        "format_version",
        "office",
        "signing_key",
        "encryption_key",
        "fingerprint",
        "issued_at",
        "signature",
    ]
)
_RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


def fingerprint(signing_key: bytes, encryption_key: bytes) -> str:
    """128 bits of both public keys as eight groups of four hex digits, e.g. "3F2A 91C0 …".

    Short enough for two clerks to read to each other over the phone, long enough that nobody
    can make a key pair with the same fingerprint.
    """
    digest = hashlib.sha256(b"LianXi office keys v1\0" + signing_key + encryption_key).digest()
    hexed = digest[:16].hex().upper()
    return " ".join(hexed[i : i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class PublicOffice:
    """Another office as this one knows it: who it is and the public half of its keys."""

    uuid: str
    name: str
    signing_key: bytes  # raw Ed25519, 32 bytes (as Office.signing_public_key stores it)
    encryption_key: bytes  # raw X25519, 32 bytes
    # The office's own entry in its unit directory, as its setup file names it (files written
    # before it was added do not): whoever trusts the office makes it one with theirs.
    unit_uuid: str | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key, self.encryption_key)

    def verifies(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.signing_key).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True, eq=False)
class OfficeKeys:
    """This office's private keys: Ed25519 to sign packages, X25519 to open packages sealed to it."""

    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    @classmethod
    def generate(cls) -> OfficeKeys:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @classmethod
    def from_pem(cls, signing_pem: bytes, encryption_pem: bytes) -> OfficeKeys:
        """Unencrypted PKCS#8 PEM, as core.office stores them; ValueError if they are not."""
        signing = serialization.load_pem_private_key(signing_pem, password=None)
        encryption = serialization.load_pem_private_key(encryption_pem, password=None)
        if not isinstance(signing, Ed25519PrivateKey):
            raise ValueError("the signing key is not an Ed25519 private key")
        if not isinstance(encryption, X25519PrivateKey):
            raise ValueError("the encryption key is not an X25519 private key")
        return cls(signing, encryption)

    def to_pem(self) -> tuple[bytes, bytes]:
        """(signing, encryption) as unencrypted PKCS#8 PEM."""
        args = serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8
        plain = serialization.NoEncryption()
        return self.signing.private_bytes(*args, plain), self.encryption.private_bytes(*args, plain)

    @property
    def signing_public(self) -> bytes:
        return self.signing.public_key().public_bytes(*_RAW)

    @property
    def encryption_public(self) -> bytes:
        return self.encryption.public_key().public_bytes(*_RAW)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public, self.encryption_public)


@dataclass(frozen=True)
class LocalOffice:
    """This installation's office: what it signs packages as and opens packages with."""

    uuid: str
    name: str
    keys: OfficeKeys

    def public(self) -> PublicOffice:
        return PublicOffice(
            self.uuid, self.name, self.keys.signing_public, self.keys.encryption_public
        )


class TrustStore(Protocol):
    """Which offices' keys this office accepts; the database layer implements it over its rows."""

    def is_revoked(self, fingerprint: str) -> bool: ...

    def find(self, office_uuid: str, fingerprint: str) -> PublicOffice | None: ...


@dataclass(frozen=True)
class TrustList:
    """A TrustStore held in memory: trusted offices' public keys and revoked fingerprints."""

    offices: tuple[PublicOffice, ...] = ()
    revoked: frozenset[str] = frozenset()

    @classmethod
    def of(cls, offices: Iterable[PublicOffice], revoked: Iterable[str] = ()) -> TrustList:
        return cls(tuple(offices), frozenset(revoked))

    def is_revoked(self, fingerprint: str) -> bool:
        return fingerprint in self.revoked

    def find(self, office_uuid: str, fingerprint: str) -> PublicOffice | None:
        return next(
            (o for o in self.offices if o.uuid == office_uuid and o.fingerprint == fingerprint),
            None,
        )


def export_setup_file(
    office: LocalOffice, *, unit_uuid: str | None = None, issued_at: datetime | None = None
) -> bytes:
    """The office's public keys as a small JSON file, self-signed to prove the private key;
    with `unit_uuid`, the office's own entry in its directory."""
    public = office.public()
    named: dict[str, str] = {"uuid": public.uuid, "name": public.name}
    if unit_uuid is not None:
        named["unit_uuid"] = unit_uuid
    body = {
        "format": SETUP_FORMAT,
        "format_version": SETUP_VERSION,
        "office": named,
        "signing_key": base64.b64encode(public.signing_key).decode("ascii"),
        "encryption_key": base64.b64encode(public.encryption_key).decode("ascii"),
        "fingerprint": public.fingerprint,
        "issued_at": format_utc(issued_at or datetime.now(UTC)),
    }
    signature = office.keys.signing.sign(dumps_canonical(body))
    return dumps_canonical(body | {"signature": base64.b64encode(signature).decode("ascii")})


def import_setup_file(raw: bytes, *, expected_fingerprint: str | None = None) -> PublicOffice:
    """Check a setup file and return the office it introduces, or raise PackageRejected.

    Pass the fingerprint the other clerk read out over the phone: only that proves the file is
    theirs, since anyone can make a self-signed file with any office name.
    """
    if len(raw) > SETUP_MAX_BYTES:
        raise PackageRejected("bad_setup_file", reason="file too large")
    try:
        value = loads_strict(raw, member="setup file")
    except PackageRejected as rejected:
        raise PackageRejected("bad_setup_file", reason=rejected.code) from None
    try:
        setup = JsonObject(value, "", _SETUP_KEYS)
        if setup.text("format") != SETUP_FORMAT:
            raise FieldInvalid("format", f"not {SETUP_FORMAT}")
        if setup.integer("format_version") != SETUP_VERSION:
            raise FieldInvalid("format_version", "unsupported")
        named = value.get("office")
        with_unit = isinstance(named, dict) and "unit_uuid" in named
        office = setup.child(
            "office", frozenset({"uuid", "name", *(["unit_uuid"] if with_unit else [])})
        )
        public = PublicOffice(
            uuid=office.text("uuid", UUID),
            name=office.text("name", max_len=MAX_NAME),
            signing_key=_base64(setup, "signing_key", 32),
            encryption_key=_base64(setup, "encryption_key", 32),
            unit_uuid=office.text("unit_uuid", UUID) if with_unit else None,
        )
        setup.timestamp("issued_at")  # checked for form; the trust list keeps its own dates
        if setup.text("fingerprint") != public.fingerprint:
            raise FieldInvalid("fingerprint", "does not match the keys")
        signature = _base64(setup, "signature", 64)
    except FieldInvalid as invalid:
        raise PackageRejected("bad_setup_file", reason=str(invalid)) from None
    body = {k: v for k, v in value.items() if k != "signature"}
    if not public.verifies(signature, dumps_canonical(body)):
        raise PackageRejected("bad_setup_file", reason="signature does not verify")
    typed = expected_fingerprint
    if typed is not None and _squeeze(typed) != _squeeze(public.fingerprint):
        raise PackageRejected("fingerprint_mismatch", actual=public.fingerprint, expected=typed)
    return public


def _base64(setup: JsonObject, key: str, length: int) -> bytes:
    try:
        raw = base64.b64decode(setup.text(key), validate=True)
    except binascii.Error as exc:
        raise FieldInvalid(setup.where(key), "not base64") from exc
    if len(raw) != length:
        raise FieldInvalid(setup.where(key), f"not {length} bytes")
    return raw


def _squeeze(typed: str) -> str:
    """What a clerk typed, without the spaces and case that do not matter."""
    return "".join(typed.split()).upper()


def announce_keys(office_uuid: str, new: OfficeKeys) -> KeyAnnouncement:
    """An office's new public keys for its peers, proven by the new signing key itself."""
    unsigned = KeyAnnouncement(
        base64.b64encode(new.signing_public).decode("ascii"),
        base64.b64encode(new.encryption_public).decode("ascii"),
        "",
    )
    proof = new.signing.sign(unsigned.proof_message(office_uuid))
    return KeyAnnouncement(
        unsigned.signing_key, unsigned.encryption_key, base64.b64encode(proof).decode("ascii")
    )


def announced_keys(office_uuid: str, announcement: KeyAnnouncement) -> tuple[bytes, bytes]:
    """The raw new signing and encryption keys of an announcement whose proof verifies, or
    PackageRejected (bad_key_announcement)."""
    try:
        signing = base64.b64decode(announcement.signing_key, validate=True)
        encryption = base64.b64decode(announcement.encryption_key, validate=True)
        proof = base64.b64decode(announcement.proof, validate=True)
    except binascii.Error:
        raise PackageRejected("bad_key_announcement") from None
    if len(signing) != 32 or len(encryption) != 32 or len(proof) != 64:
        raise PackageRejected("bad_key_announcement")
    try:
        Ed25519PublicKey.from_public_bytes(signing).verify(
            proof, announcement.proof_message(office_uuid)
        )
    except (InvalidSignature, ValueError):
        raise PackageRejected("bad_key_announcement") from None
    return signing, encryption
