"""What a clerk does with packages, one user action each: export, preview, import, decide conflicts.

The window and the CLI both call these; each opens its own transaction on the database.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes, note_changes
from desktop.core.errors import DomainError
from desktop.core.kinds import EXCHANGE, by_package_name
from desktop.db import Database
from desktop.db.backup import backup_database, can_back_up
from desktop.models import (
    ExchangeConflict,
    ExchangeLog,
    ExchangePeer,
    HeldPackage,
    Office,
    PendingExport,
    ReceivedBase,
    ReceivedPackage,
)
from desktop.sync import importer as importer_module
from desktop.sync.apply import write_record
from desktop.sync.archive import PACKAGE_SUFFIX
from desktop.sync.atomic import remove_stale_temporaries, write_file_atomic
from desktop.sync.errors import PackageRejected, SyncError, WriteFailed
from desktop.sync.exporter import build_export, subordinates
from desktop.sync.importer import (
    ImportResult,
    apply_held,
    import_package,
    restart_numbering,
    would_change,
)
from desktop.sync.messages import rejection_message
from desktop.sync.records import BY_KIND, Uuids, record_hash, ref_key, to_record
from desktop.sync.trust import office_fingerprint


@dataclass(frozen=True)
class Peer:
    """An office we exchange packages with."""

    id: int
    uuid: str
    name: str
    is_parent: bool
    fingerprint: str
    trusted: bool
    revoked: bool


def peers(session: Session) -> list[Peer]:
    """Every other office we know, parent first."""
    local = session.scalars(select(Office).where(Office.is_local.is_(True))).one()
    rows = session.scalars(select(Office).where(Office.is_local.is_(False)).order_by(Office.name))
    found = [
        Peer(
            o.id,
            o.uuid,
            o.name,
            o.uuid == local.parent_uuid,
            office_fingerprint(o),
            o.trusted_at is not None,
            o.revoked_at is not None,
        )
        for o in rows
    ]
    return sorted(found, key=lambda p: not p.is_parent)


def default_recipients(session: Session) -> list[str]:
    """A township writes for its parent; a county for each trusted subordinate office."""
    local = session.scalars(select(Office).where(Office.is_local.is_(True))).one()
    if local.parent_uuid:
        parent = session.scalars(select(Office).where(Office.uuid == local.parent_uuid)).first()
        if parent is not None and parent.trusted_at is not None and parent.revoked_at is None:
            return [parent.uuid]
        return []
    return [o.uuid for o in subordinates(session)]


@dataclass(frozen=True)
class Written:
    """One package written for a peer, or (path None) the news that there was nothing to send."""

    peer_name: str
    path: Path | None
    counts: dict[str, int] = field(default_factory=dict)
    acknowledgements: int = 0
    sequence: int = 0
    rewritten: bool = False  # recorded earlier, but its file never safely reached a stick


def export_packages(db: Database, folder: Path, recipients: Sequence[str]) -> list[Written]:
    """Write, for each recipient (office uuid), its pending package or else the next one.

    Building a package records its sequence and keeps its bytes as a pending export, in one
    transaction; the file is then written and read back, and only then is the pending export
    dropped. A failed write (SyncError) or a crash leaves it pending, and the next export writes
    the very same bytes again: a sequence number never stands for two different packages.
    """
    if not folder.is_dir():
        raise WriteFailed("folder_missing", path=str(folder))
    remove_stale_temporaries(folder, PACKAGE_SUFFIX)  # what an export killed mid-write left
    written = []
    for uuid in recipients:
        outcome = _next_package(db, uuid)
        written.append(
            outcome if isinstance(outcome, Written) else _write_pending(db, folder, outcome)
        )
    return written


@dataclass(frozen=True)
class _Pending:
    peer_uuid: str
    peer_name: str
    sequence: int
    package_id: str
    file_name: str
    data: bytes
    counts: dict[str, int]
    acknowledgements: int
    rewritten: bool


def _next_package(db: Database, uuid: str) -> _Pending | Written:
    """The pending package for `uuid`, else a new one (recorded), else Written(None)."""
    with db.unit_of_work() as session:
        peer = session.scalars(select(Office).where(Office.uuid == uuid)).one()
        row = session.get(PendingExport, uuid)
        rewritten = row is not None
        if row is None:
            built = build_export(session, uuid)
            if built is None:
                return Written(peer.name, None)
            manifest = built.package.manifest
            row = PendingExport(
                peer_office_uuid=uuid,
                sequence=manifest.sequence,
                package_id=manifest.package_id,
                file_name=built.package.file_name(),
                data=built.package.data,
                counts=dict(built.counts),
                acknowledgements=len(manifest.acknowledgements),
            )
            session.add(row)
            session.flush()
        return _Pending(
            uuid,
            peer.name,
            row.sequence,
            row.package_id,
            row.file_name,
            row.data,
            dict(row.counts),
            row.acknowledgements,
            rewritten,
        )


def _write_pending(db: Database, folder: Path, pending: _Pending) -> Written:
    try:
        path = write_file_atomic(folder, pending.file_name, pending.data)
    except SyncError as failed:
        with db.unit_of_work() as session:
            _log_export(session, pending, "write_failed", code=failed.code, fields=failed.fields)
        raise
    with db.unit_of_work() as session:
        row = session.get(PendingExport, pending.peer_uuid)
        if row is not None and row.package_id == pending.package_id:
            session.delete(row)
        if pending.rewritten:
            _log_export(session, pending, "rewritten", path=str(path))
    return Written(
        pending.peer_name,
        path,
        pending.counts,
        pending.acknowledgements,
        pending.sequence,
        pending.rewritten,
    )


def _log_export(session: Session, pending: _Pending, result: str, **detail: Any) -> None:
    """Log an export; a failure keeps its code and fields, worded when the log is read."""
    session.add(
        ExchangeLog(
            direction="export",
            package_id=pending.package_id,
            peer_office_uuid=pending.peer_uuid,
            peer_office_name=pending.peer_name[:120],
            sequence=pending.sequence,
            file_name=pending.file_name[:255],
            username=getpass.getuser()[:60],
            result=result,
            detail={"counts": pending.counts, **detail},
        )
    )


def read_package_file(path: Path) -> bytes:
    """A package file's bytes, its size checked before any is read: a video picked by mistake
    is refused with its real size (`package_too_large`) and never loaded. PackageRejected."""
    limit = importer_module.LIMITS.max_package_bytes
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > limit:
                raise PackageRejected("package_too_large", size=size, max=limit)
            data = stream.read(limit + 1)  # a device or pipe reports no size: still bounded
    except OSError as exc:
        raise PackageRejected(
            "unreadable_file", path=str(path), reason=exc.strerror or ""
        ) from None
    if len(data) > limit:
        raise PackageRejected("package_too_large", size=len(data), max=limit)
    return data


def _read(path: Path) -> bytes | ImportResult:
    try:
        return read_package_file(path)
    except PackageRejected as refused:
        message = rejection_message(refused.code, refused.fields)
        return ImportResult(
            path.name, "rejected", message=message, code=refused.code, fields=refused.fields
        )


def _import_all(
    session: Session, paths: Sequence[Path], accept_restart: bool = False
) -> list[ImportResult]:
    results: list[ImportResult] = []
    for path in paths:
        data = _read(path)
        if isinstance(data, ImportResult):
            results.append(data)
            continue
        results.append(
            import_package(session, data, file_name=path.name, accept_restart=accept_restart)
        )
        results += apply_held(session)
    return results


def _would_change(db: Database, paths: Sequence[Path]) -> bool:
    with db.reading() as session:
        for path in paths:
            data = _read(path)
            if not isinstance(data, ImportResult) and would_change(session, data):
                return True
    return False


def preview_files(
    db: Database, paths: Sequence[Path], *, accept_restart: bool = False
) -> list[ImportResult]:
    """What importing these files in this order would do, including held packages that would
    follow; everything, attachments included, is rolled back."""
    with db.unit_of_work() as session:
        savepoint = session.begin_nested()
        try:
            return _import_all(session, paths, accept_restart)
        finally:
            savepoint.rollback()


def import_files(
    db: Database, paths: Sequence[Path], *, accept_restart: bool = False
) -> tuple[list[ImportResult], Path | None]:
    """Back up, then apply every file in one transaction; returns the results and the backup
    (None when no file would change anything: packages imported before need no backup).
    `accept_restart`: the clerk confirmed a peer's new start after its restore (重新同步)."""
    backup = None
    if can_back_up(db) and _would_change(db, paths):  # a SQLite file, or pg_dump at hand
        backup = backup_database(db, reason="before-import")
    with db.unit_of_work() as session:
        results = _import_all(session, paths, accept_restart)
    return results, backup


def import_log(session: Session, limit: int = 500) -> list[ExchangeLog]:
    """The packages written and read, newest first."""
    return list(
        session.scalars(
            select(ExchangeLog).order_by(ExchangeLog.at.desc(), ExchangeLog.id.desc()).limit(limit)
        )
    )


def open_conflicts(session: Session) -> list[ExchangeConflict]:
    return list(
        session.scalars(
            select(ExchangeConflict)
            .where(ExchangeConflict.resolution.is_(None))
            .order_by(ExchangeConflict.detected_at, ExchangeConflict.id)
        )
    )


@dataclass(frozen=True)
class FieldDifference:
    name: str
    local: Any
    incoming: Any


# Bookkeeping every record carries; a person decides on content, not on counters.
_BOOKKEEPING = {"uuid", "origin_office", "version", "created_at", "updated_at"}


def differences(conflict: ExchangeConflict) -> list[FieldDifference]:
    """The fields where the incoming record differs from ours, for a side-by-side view."""
    local, incoming = conflict.local_value, conflict.incoming_value
    names = [n for n in dict.fromkeys([*local, *incoming]) if n not in _BOOKKEEPING]
    return [
        FieldDifference(n, local.get(n), incoming.get(n))
        for n in names
        if local.get(n) != incoming.get(n)
    ]


class ConflictGone(Exception):
    """The conflict was already decided, or its record no longer exists."""


def resolve_conflict(session: Session, conflict_id: int, keep: str) -> ExchangeConflict:
    """Decide one conflict: keep "mine" as it is, or take "theirs" into our record.

    A peer's change to a record we own: taking theirs keeps our ownership and raises our
    version, so our next package carries the decision back to the sender. The owner's change
    meeting an edit made here: taking theirs takes the owner's copy as it is. Either way the
    owner's copy becomes the base its next change is measured against.
    """
    if keep not in ("mine", "theirs"):
        raise ValueError(keep)
    conflict = session.get(ExchangeConflict, conflict_id)
    if conflict is None or conflict.resolution is not None:
        raise ConflictGone()
    spec = BY_KIND[conflict.kind]
    row = session.scalars(select(spec.model).where(spec.model.uuid == conflict.record_uuid)).first()
    if row is None:
        raise ConflictGone()
    owners_copy = row.origin_office == conflict.peer_office_uuid
    if keep == "theirs":
        uuids = Uuids(session)
        current = to_record(row, spec, uuids)
        record = dict(conflict.incoming_value)
        if not owners_copy:
            record |= {k: current[k] for k in _BOOKKEEPING if k in current}
        write_record(session, spec, row, record, uuids)
        for column in spec.self_refs:
            target = record.get(ref_key(column))
            setattr(row, column, uuids.id(spec.model, target) if target else None)
        if not owners_copy:
            row.version = current["version"] + 1
            row.updated_at = datetime.now(UTC)
    if owners_copy:
        _take_base(session, conflict)
    conflict.resolution = keep
    conflict.resolved_by = getpass.getuser()[:60]
    conflict.resolved_at = datetime.now(UTC)
    session.flush()
    return conflict


def _take_base(session: Session, conflict: ExchangeConflict) -> None:
    """The owner's copy in a decided conflict is the base of edits made here from now on."""
    base = session.get(ReceivedBase, (conflict.kind, conflict.record_uuid))
    digest = record_hash(conflict.incoming_value)
    if base is None:
        session.add(
            ReceivedBase(kind=conflict.kind, record_uuid=conflict.record_uuid, sha256=digest)
        )
    else:
        base.sha256 = digest


def request_resync(session: Session, peer_uuid: str) -> Office:
    """After restoring a backup: start our numbering to this peer again and ask it to do the
    same (重新同步). Our next package to it is no. 1 and carries every record it should have;
    the peer checks our signature, accepts the new start (its clerk confirms), carries back the
    records of ours it holds that the restore took from us, and starts its own numbering to us
    again, which we accept without asking. Nothing is lost on either side."""
    peer = session.scalars(select(Office).where(Office.uuid == peer_uuid)).first()
    if peer is None or peer.is_local:
        raise DomainError("peer_not_named", name=peer_uuid)
    state = session.get(ExchangePeer, peer_uuid) or ExchangePeer(
        peer_office_uuid=peer_uuid, last_sent_sequence=0
    )
    session.add(state)
    restart_numbering(session, state)
    state.expect_restart, state.return_records = True, False
    for model in (ReceivedPackage, HeldPackage):
        session.execute(delete(model).where(model.peer_office_uuid == peer_uuid))
    session.add(
        ExchangeLog(
            direction="export",
            package_id=str(uuid4()),
            peer_office_uuid=peer_uuid,
            peer_office_name=peer.name[:120],
            sequence=0,
            username=getpass.getuser()[:60],
            result="resync",
            detail={},
        )
    )
    session.flush()
    note_changes(session, Changes.of(EXCHANGE))
    return peer


def changes_of_import(results: Sequence[ImportResult]) -> Changes:
    """What an import touched, for the pages that show it: the kinds of the records it wrote,
    and the exchange state (log, conflicts) always."""
    kinds = {EXCHANGE}
    for result in results:
        if result.result != "applied":
            continue
        for package_kind, counts in result.counts.items():
            if not any(counts.get(o, 0) for o in ("new", "updated", "conflicts")):
                continue
            try:
                kinds.add(by_package_name(package_kind).key)
            except KeyError:  # receipts and other package-only kinds
                continue
    return Changes.kinds_only(kinds)
