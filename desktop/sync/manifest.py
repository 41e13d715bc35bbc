"""The signed table of contents of a package: who sent it to whom, its sequence, its members."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime

from desktop.sync.errors import PackageRejected
from desktop.sync.fields import (
    FINGERPRINT,
    MAX_NAME,
    SHA256,
    UUID,
    FieldInvalid,
    JsonObject,
    format_utc,
)
from desktop.sync.jsonl import dumps_canonical, loads_strict
from desktop.sync.limits import DEFAULT_LIMITS, Limits

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
PAYLOAD_NAME = "payload.bin"
# The kinds a package may hold, by their names in packages: desktop.core.kinds's package names
# and receipts. Spelt out because this layer imports no database models; tests/core/test_kinds.py
# holds the two lists equal.
RECORD_KINDS: tuple[str, ...] = (
    "unit", "unit_merge", "establishment", "suggestion", "topic", "meeting", "agreed_item",
    "feedback", "supervision_notice", "bulletin", "assessment_scheme", "assessment_result",
    "holiday", "receipt", "attachment",
)  # fmt: skip
DATA_MEMBER = re.compile(r"data/([a-z][a-z0-9_]{0,39})\.jsonl")
ATTACHMENT_MEMBER = re.compile(r"attachments/([0-9a-f]{64})")
# A receipt lists what arrived since the last one; thousands means the peers lost track.
MAX_ACKNOWLEDGEMENTS = 1000


def data_member(kind: str) -> str:
    return f"data/{kind}.jsonl"


def attachment_member(sha256: str) -> str:
    return f"attachments/{sha256}"


def _require(ok: bool, where: str, reason: str) -> None:
    if not ok:
        raise FieldInvalid(where, reason)


@dataclass(frozen=True)
class OfficeRef:
    uuid: str
    name: str

    def check(self, where: str) -> None:
        _require(bool(UUID.fullmatch(self.uuid)), f"{where}.uuid", "not a lower-case UUID")
        _require(0 < len(self.name.strip()) <= MAX_NAME, f"{where}.name", "empty or too long")


@dataclass(frozen=True)
class OriginOffice(OfficeRef):
    key_fingerprint: str

    def check(self, where: str) -> None:
        super().check(where)
        ok = bool(FINGERPRINT.fullmatch(self.key_fingerprint))
        _require(ok, f"{where}.key_fingerprint", "badly formed")


@dataclass(frozen=True)
class Acknowledgement:
    """Receipt (回执) of one package the manifest's sender received from `origin_uuid`."""

    origin_uuid: str
    sequence: int
    package_id: str


@dataclass(frozen=True)
class KeyAnnouncement:
    """The sender's new public keys (base64, raw), announced in a package its previous key
    signs; `proof` is the new signing key's signature over `proof_message`, so the sender
    holds the new private key, not only the old one."""

    signing_key: str
    encryption_key: str
    proof: str

    def proof_message(self, office_uuid: str) -> bytes:
        return dumps_canonical(
            {
                "office": office_uuid,
                "signing_key": self.signing_key,
                "encryption_key": self.encryption_key,
            }
        )


@dataclass(frozen=True)
class MemberEntry:
    name: str
    size: int
    sha256: str

    @classmethod
    def of(cls, name: str, content: bytes) -> MemberEntry:
        return cls(name, len(content), hashlib.sha256(content).hexdigest())

    def check(self, where: str) -> None:
        _require(self.size >= 0, f"{where}.size", "negative")
        _require(bool(SHA256.fullmatch(self.sha256)), f"{where}.sha256", "not a SHA-256")
        attachment = ATTACHMENT_MEMBER.fullmatch(self.name)
        known = attachment is not None or DATA_MEMBER.fullmatch(self.name) is not None
        _require(known, f"{where}.name", "not a data or attachment member")
        if attachment is not None:
            _require(attachment.group(1) == self.sha256, f"{where}.name", "not its own hash")


@dataclass(frozen=True)
class Manifest:
    """Every field the reader trusts once the signature over `to_json()` verifies."""

    schema_version: int
    package_id: str
    created_at: datetime
    origin: OriginOffice
    recipient: OfficeRef
    sequence: int
    previous_manifest_sha256: str | None
    members: tuple[MemberEntry, ...]
    record_counts: Mapping[str, int]
    acknowledgements: tuple[Acknowledgement, ...] = ()
    # The encrypted inner ZIP when the package is sealed to the recipient; `members` then
    # describe what is inside it.
    payload: MemberEntry | None = None
    format_version: int = FORMAT_VERSION
    # The sender changed its keys: the new ones, in packages still signed with the old key.
    new_keys: KeyAnnouncement | None = None

    @property
    def encrypted(self) -> bool:
        return self.payload is not None

    def __post_init__(self) -> None:
        _require(self.format_version == FORMAT_VERSION, "format_version", "unsupported")
        _require(self.schema_version >= 1, "schema_version", "less than 1")
        _require(bool(UUID.fullmatch(self.package_id)), "package_id", "not a lower-case UUID")
        aware = self.created_at.tzinfo is not None and self.created_at.microsecond == 0
        _require(aware, "created_at", "not whole seconds with a time zone")
        self.origin.check("origin_office")
        self.recipient.check("recipient_office")
        _require(self.origin.uuid != self.recipient.uuid, "recipient_office", "same as origin")
        _require(self.sequence >= 1, "sequence", "less than 1")
        previous = self.previous_manifest_sha256
        chained = previous is not None and SHA256.fullmatch(previous) is not None
        chain_rule = "null for sequence 1, the previous manifest's SHA-256 after it"
        _require(chained == (self.sequence > 1), "previous_manifest_sha256", chain_rule)
        for i, ack in enumerate(self.acknowledgements):
            ids = UUID.fullmatch(ack.origin_uuid) and UUID.fullmatch(ack.package_id)
            _require(bool(ids) and ack.sequence >= 1, f"acknowledgements[{i}]", "badly formed")
        _require(len(self.acknowledgements) <= MAX_ACKNOWLEDGEMENTS, "acknowledgements", "too many")
        names = [m.name for m in self.members]
        _require(len(set(names)) == len(names), "members", "a name appears twice")
        for i, member in enumerate(self.members):
            member.check(f"members[{i}]")
        kinds = {m.group(1) for name in names if (m := DATA_MEMBER.fullmatch(name))}
        _require(set(self.record_counts) == kinds, "record_counts", "kinds differ from members")
        counts_ok = all(n >= 0 for n in self.record_counts.values())
        _require(counts_ok, "record_counts", "negative count")
        if self.payload is not None:
            hashed = SHA256.fullmatch(self.payload.sha256) is not None
            _require(hashed and self.payload.name == PAYLOAD_NAME, "payload", f"not {PAYLOAD_NAME}")

    def to_json(self) -> bytes:
        """Canonical bytes: these exact bytes are signed and hashed into the next manifest."""
        # The dataclasses' field names are the JSON keys, so asdict() spells them.
        announced = {} if self.new_keys is None else {"new_keys": asdict(self.new_keys)}
        return dumps_canonical(
            {
                **announced,
                "format_version": self.format_version,
                "schema_version": self.schema_version,
                "package_id": self.package_id,
                "created_at": format_utc(self.created_at),
                "origin_office": asdict(self.origin),
                "recipient_office": asdict(self.recipient),
                "sequence": self.sequence,
                "previous_manifest_sha256": self.previous_manifest_sha256,
                "acknowledgements": [asdict(a) for a in self.acknowledgements],
                "members": [asdict(m) for m in self.members],
                "record_counts": dict(self.record_counts),
                "encrypted": self.encrypted,
                "payload": None if self.payload is None else asdict(self.payload),
            }
        )

    @classmethod
    def from_json(cls, raw: bytes, *, limits: Limits = DEFAULT_LIMITS) -> Manifest:
        """Parse and validate; PackageRejected (bad_json…, too_new_format, bad_manifest) if not."""
        value = loads_strict(raw, member=MANIFEST_NAME, max_depth=limits.max_depth)
        version = value.get("format_version") if isinstance(value, dict) else None
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            raise PackageRejected("too_new_format", version=version, supported=FORMAT_VERSION)
        try:
            announcing = isinstance(value, dict) and "new_keys" in value
            keys = _MANIFEST_KEYS | ({"new_keys"} if announcing else set())
            return _parse(JsonObject(value, "", frozenset(keys)), limits)
        except FieldInvalid as invalid:
            raise PackageRejected(
                "bad_manifest", field=invalid.field, reason=invalid.reason
            ) from None


_MANIFEST_KEYS = frozenset(
    [
        "format_version",
        "schema_version",
        "package_id",
        "created_at",
        "origin_office",
        "recipient_office",
        "sequence",
        "previous_manifest_sha256",
        "acknowledgements",
        "members",
        "record_counts",
        "encrypted",
        "payload",
    ]
)
_MEMBER_KEYS = frozenset({"name", "size", "sha256"})
_NEW_KEYS = frozenset({"signing_key", "encryption_key", "proof"})
_OFFICE_KEYS = frozenset({"uuid", "name"})
_ACK_KEYS = frozenset({"origin_uuid", "sequence", "package_id"})


def _member(obj: JsonObject) -> MemberEntry:
    return MemberEntry(obj.text("name"), obj.integer("size"), obj.text("sha256"))


def _items(obj: JsonObject, key: str, keys: frozenset[str], limit: int) -> list[JsonObject]:
    where = obj.where(key)
    return [JsonObject(v, f"{where}[{i}]", keys) for i, v in enumerate(obj.array(key, limit))]


def _parse(obj: JsonObject, limits: Limits) -> Manifest:
    origin = obj.child("origin_office", _OFFICE_KEYS | {"key_fingerprint"})
    recipient = obj.child("recipient_office", _OFFICE_KEYS)
    counts = obj.raw("record_counts")
    if not isinstance(counts, dict):
        raise FieldInvalid("record_counts", "not an object")
    count_obj = JsonObject(counts, "record_counts", frozenset(counts))
    payload = obj.optional_child("payload", _MEMBER_KEYS)
    announced = None
    if obj.has("new_keys"):
        new = obj.child("new_keys", _NEW_KEYS)
        announced = KeyAnnouncement(
            new.text("signing_key", max_len=100),
            new.text("encryption_key", max_len=100),
            new.text("proof", max_len=200),
        )
    manifest = Manifest(
        format_version=obj.integer("format_version"),
        schema_version=obj.integer("schema_version"),
        package_id=obj.text("package_id"),
        created_at=obj.timestamp("created_at"),
        origin=OriginOffice(
            origin.text("uuid"), origin.text("name"), origin.text("key_fingerprint")
        ),
        recipient=OfficeRef(recipient.text("uuid"), recipient.text("name")),
        sequence=obj.integer("sequence"),
        previous_manifest_sha256=obj.optional_text("previous_manifest_sha256", SHA256),
        acknowledgements=tuple(
            Acknowledgement(a.text("origin_uuid"), a.integer("sequence"), a.text("package_id"))
            for a in _items(obj, "acknowledgements", _ACK_KEYS, MAX_ACKNOWLEDGEMENTS)
        ),
        members=tuple(_member(m) for m in _items(obj, "members", _MEMBER_KEYS, limits.max_members)),
        record_counts={kind: count_obj.integer(kind) for kind in counts},
        payload=None if payload is None else _member(payload),
        new_keys=announced,
    )
    if obj.boolean("encrypted") != manifest.encrypted:
        raise FieldInvalid("encrypted", "disagrees with payload")
    return manifest
