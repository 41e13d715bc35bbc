"""Writing and reading whole .lxpkg packages: build, sign, seal; then check everything, in order."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.sync.envelope import open_sealed, seal
from desktop.sync.errors import ExportRefused, PackageRejected
from desktop.sync.jsonl import parse_jsonl, write_jsonl
from desktop.sync.keys import LocalOffice, PublicOffice, TrustStore, announced_keys
from desktop.sync.limits import DEFAULT_LIMITS, Limits
from desktop.sync.manifest import (
    DATA_MEMBER,
    MANIFEST_NAME,
    PAYLOAD_NAME,
    RECORD_KINDS,
    SIGNATURE_NAME,
    Acknowledgement,
    KeyAnnouncement,
    Manifest,
    MemberEntry,
    OfficeRef,
    OriginOffice,
    attachment_member,
    data_member,
)
from desktop.sync.safezip import ZipBuilder, ZipMember, list_members, read_member

PACKAGE_SUFFIX = ".lxpkg"
_SIGNATURE_LEN = 64
_UNSAFE_IN_FILE_NAME = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


@dataclass(frozen=True)
class BuiltPackage:
    """A package ready to save; the caller logs `manifest` and keeps `manifest_sha256` to chain."""

    data: bytes
    manifest: Manifest
    manifest_sha256: str

    def file_name(self) -> str:
        """A name a clerk recognises on the stick: sender, recipient, number, date; and the
        recipient's office number's first four characters, so two offices of one name never
        share a file name on the same stick."""
        m = self.manifest
        # 20 characters of each name keep the whole under 255 bytes of UTF-8 (ext4, FAT).
        origin, recipient = m.origin.name[:20], m.recipient.name[:20]
        tag = m.recipient.uuid[:4]
        name = f"{origin}至{recipient}-{tag}_第{m.sequence:05d}号_{m.created_at:%Y%m%d}"
        return _UNSAFE_IN_FILE_NAME.sub("_", name) + PACKAGE_SUFFIX


@dataclass(frozen=True)
class OpenedPackage:
    """Everything in a package that passed every check; nothing has been applied yet."""

    manifest: Manifest
    manifest_sha256: str
    signer: PublicOffice
    records: Mapping[str, tuple[dict[str, Any], ...]]
    attachments: Mapping[str, bytes]  # by SHA-256 hex


def _context(package_id: str, origin: str, recipient: str) -> bytes:
    return f"{package_id}|{origin}|{recipient}".encode("ascii")


def write_package(
    *,
    origin: LocalOffice,
    recipient: PublicOffice,
    records: Mapping[str, Iterable[Mapping[str, Any]]],
    attachments: Iterable[bytes] = (),
    sequence: int,
    previous_manifest_sha256: str | None,
    schema_version: int,
    acknowledgements: Sequence[Acknowledgement] = (),
    encrypt: bool = False,
    kinds: Collection[str] = RECORD_KINDS,
    limits: Limits = DEFAULT_LIMITS,
    created_at: datetime | None = None,
    package_id: str | None = None,
    new_keys: KeyAnnouncement | None = None,
) -> BuiltPackage:
    """Sign (and optionally seal) records and attachment contents into one package file.

    Attachments are taken from `attachments` one at a time, each written into the archive
    before the next is asked for, so a package of many large files holds only one of them
    besides the archive; that is why, unsealed, the manifest and its signature (which need
    every member's hash) come last.
    Kinds without records are left out. ExportRefused if a record or the whole would be refused
    by read_package with the same limits; ValueError for arguments no valid package can carry.
    """
    with ZipBuilder() as inner:
        members, counts = _write_members(inner, records, attachments, kinds, limits)
        package_id = package_id or str(uuid.uuid4())
        payload = sealed = None
        if encrypt:
            context = _context(package_id, origin.uuid, recipient.uuid)
            sealed = seal(inner.finish(), recipient_key=recipient.encryption_key, context=context)
            payload = MemberEntry.of(PAYLOAD_NAME, sealed)
        manifest = Manifest(
            schema_version=schema_version,
            package_id=package_id,
            created_at=(created_at or datetime.now(UTC)).replace(microsecond=0),
            origin=OriginOffice(origin.uuid, origin.name, origin.keys.fingerprint),
            recipient=OfficeRef(recipient.uuid, recipient.name),
            sequence=sequence,
            previous_manifest_sha256=previous_manifest_sha256,
            members=members,
            record_counts=counts,
            acknowledgements=tuple(acknowledgements),
            payload=payload,
            new_keys=new_keys,
        )
        manifest_bytes = manifest.to_json()
        signature = origin.keys.signing.sign(manifest_bytes)
        archive = inner if sealed is None else ZipBuilder()
        archive.add(MANIFEST_NAME, manifest_bytes, True)
        archive.add(SIGNATURE_NAME, signature, False)
        if sealed is not None:
            archive.add(PAYLOAD_NAME, sealed, False)
        data = archive.finish()
    _refuse_over(len(data), limits.max_package_bytes)
    return BuiltPackage(data, manifest, hashlib.sha256(manifest_bytes).hexdigest())


def _write_members(
    archive: ZipBuilder,
    records: Mapping[str, Iterable[Mapping[str, Any]]],
    attachments: Iterable[bytes],
    kinds: Collection[str],
    limits: Limits,
) -> tuple[tuple[MemberEntry, ...], dict[str, int]]:
    """Every data member, then each attachment as it comes, written into `archive`: their
    entries in name order, and the record count of each kind that has records. ExportRefused
    as soon as one member, or all of them together, would be over the limits."""
    entries: dict[str, MemberEntry] = {}
    counts: dict[str, int] = {}
    total = 0

    def add(entry: MemberEntry, content: bytes, compress: bool) -> None:
        nonlocal total
        total += entry.size
        _refuse_over(entry.size, limits.max_member_bytes)
        _refuse_over(total, limits.max_total_bytes)
        entries[entry.name] = entry
        archive.add(entry.name, content, compress)

    for kind in sorted(records):
        if kind not in kinds or not DATA_MEMBER.fullmatch(data_member(kind)):
            raise ValueError(f"unknown record kind {kind!r}")
        lines, count = write_jsonl(records[kind], kind=kind, limits=limits)
        if count:
            add(MemberEntry.of(data_member(kind), lines), lines, True)
            counts[kind] = count
    for blob in attachments:
        sha256 = hashlib.sha256(blob).hexdigest()
        name = attachment_member(sha256)
        if name not in entries:  # the same contents under two records travel once
            add(MemberEntry(name, len(blob), sha256), blob, False)
    return tuple(entries[name] for name in sorted(entries)), counts


def _refuse_over(size: int, limit: int) -> None:
    if size > limit:
        raise ExportRefused("export_too_large", size=size, max=limit)


def read_package(
    data: bytes,
    *,
    me: LocalOffice,
    trust: TrustStore,
    schema_version: int,
    kinds: Collection[str] = RECORD_KINDS,
    limits: Limits = DEFAULT_LIMITS,
    previous: LocalOffice | None = None,
) -> OpenedPackage:
    """Open a package addressed to `me`, or raise PackageRejected with the first failed check.

    `previous`: our keys before a key change still being announced; a package sealed to them
    (by a peer that had not yet taken our new keys) still opens.

    Order matters: the ZIP structure and its declared sizes are checked before anything is
    inflated, the signature before any member is trusted, and hashes before any JSON is parsed,
    so only a trusted sender's exact bytes ever reach the record parser.
    """
    if not data:
        raise PackageRejected("empty")
    if len(data) > limits.max_package_bytes:
        raise PackageRejected("package_too_large", size=len(data), max=limits.max_package_bytes)
    outer = list_members(data, limits)
    manifest, manifest_bytes, signer = _authentic_manifest(data, outer, trust, limits)
    if manifest.new_keys is not None:
        announced_keys(manifest.origin.uuid, manifest.new_keys)  # the proof must verify
    if manifest.recipient.uuid != me.uuid:
        raise PackageRejected("wrong_recipient", recipient=manifest.recipient.name, me=me.name)
    if manifest.schema_version > schema_version:
        version = manifest.schema_version
        raise PackageRejected("too_new_schema", version=version, supported=schema_version)
    for kind in manifest.record_counts:
        if kind not in kinds:
            raise PackageRejected("unknown_kind", kind=kind)
    source, listing = data, outer
    if manifest.payload is None:
        _same_members(outer, {MANIFEST_NAME, SIGNATURE_NAME} | {m.name for m in manifest.members})
    else:
        _same_members(outer, {MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME})
        sealed = _checked(data, outer, manifest.payload, limits.max_package_bytes)
        context = _context(manifest.package_id, manifest.origin.uuid, me.uuid)
        source = _unsealed(sealed, me, previous, context)
        listing = list_members(source, limits)
        _same_members(listing, {m.name for m in manifest.members})
    contents = {
        m.name: _checked(source, listing, m, limits.max_member_bytes) for m in manifest.members
    }
    records = {
        kind: _records(contents.pop(data_member(kind)), kind, expected, limits)
        for kind, expected in manifest.record_counts.items()
    }
    attachments = {name.removeprefix("attachments/"): blob for name, blob in contents.items()}
    manifest_sha256 = hashlib.sha256(manifest_bytes).hexdigest()
    return OpenedPackage(manifest, manifest_sha256, signer, records, attachments)


def _unsealed(
    sealed: bytes, me: LocalOffice, previous: LocalOffice | None, context: bytes
) -> bytes:
    """The payload opened with our encryption key, or with the previous one after a key change
    the sender had not yet heard of."""
    try:
        return open_sealed(sealed, private_key=me.keys.encryption, context=context)
    except PackageRejected:
        if previous is None:
            raise
        return open_sealed(sealed, private_key=previous.keys.encryption, context=context)


def _authentic_manifest(
    data: bytes, outer: Mapping[str, ZipMember], trust: TrustStore, limits: Limits
) -> tuple[Manifest, bytes, PublicOffice]:
    """The manifest, its exact bytes and its signer, once the signature verifies."""
    for name in (MANIFEST_NAME, SIGNATURE_NAME):
        if name not in outer:
            raise PackageRejected("missing_member", name=name)
    manifest_bytes = read_member(data, outer[MANIFEST_NAME], limits.max_manifest_bytes)
    # Read more than a signature's length so a wrong one is a bad signature, not a bomb.
    signature = read_member(data, outer[SIGNATURE_NAME], 16 * _SIGNATURE_LEN)
    manifest = Manifest.from_json(manifest_bytes, limits=limits)
    origin = manifest.origin
    fields = {"office": origin.name, "fingerprint": origin.key_fingerprint}
    # Revocation first: a revoked key may well have been removed from the trusted list too.
    if trust.is_revoked(origin.key_fingerprint):
        raise PackageRejected("revoked_key", **fields)
    signer = trust.find(origin.uuid, origin.key_fingerprint)
    if signer is None:
        raise PackageRejected("unknown_key", **fields)
    if len(signature) != _SIGNATURE_LEN or not signer.verifies(signature, manifest_bytes):
        raise PackageRejected("bad_signature", office=origin.name)
    return manifest, manifest_bytes, signer


def _same_members(listing: Mapping[str, object], expected: set[str]) -> None:
    missing = sorted(expected - listing.keys())
    if missing:
        raise PackageRejected("missing_member", name=missing[0])
    extra = sorted(listing.keys() - expected)
    if extra:
        raise PackageRejected("unexpected_member", name=extra[0])


def _checked(
    source: bytes, listing: Mapping[str, ZipMember], entry: MemberEntry, cap: int
) -> bytes:
    """A member's content, matching the size and hash the signed manifest gives it."""
    content = read_member(source, listing[entry.name], cap)
    if len(content) != entry.size:
        raise PackageRejected(
            "member_size_mismatch", name=entry.name, expected=entry.size, actual=len(content)
        )
    if hashlib.sha256(content).hexdigest() != entry.sha256:
        raise PackageRejected("member_hash_mismatch", name=entry.name)
    return content


def _records(raw: bytes, kind: str, expected: int, limits: Limits) -> tuple[dict[str, Any], ...]:
    parsed = parse_jsonl(raw, member=data_member(kind), limits=limits)
    if len(parsed) != expected:
        raise PackageRejected(
            "record_count_mismatch", kind=kind, expected=expected, actual=len(parsed)
        )
    return parsed
