"""What a clerk does with packages, one user action each: export, preview, import, decide conflicts.

The window and the CLI both call these; each opens its own transaction on the database.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.db.backup import backup_database
from desktop.models import ExchangeConflict, ExchangeLog, Office
from desktop.paths import attachments_dir
from desktop.sync.apply import write_record
from desktop.sync.atomic import write_file_atomic
from desktop.sync.errors import PackageRejected
from desktop.sync.exporter import build_export, subordinates
from desktop.sync.importer import ImportResult, apply_held, import_package
from desktop.sync.messages import rejection_message
from desktop.sync.records import BY_KIND, Uuids, ref_key, to_record
from desktop.sync.trust import office_fingerprint

# The reader never loads more than this from a file the clerk picked (the container layer has
# its own, smaller limit and says so in words); this only keeps a wrong pick from eating memory.
_READ_LIMIT = 2 * 1024 * 1024 * 1024


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
    """One peer's outcome of an export: the file written, or why nothing was."""

    peer_name: str
    path: Path | None
    counts: dict[str, int] = field(default_factory=dict)
    acknowledgements: int = 0


def export_packages(db: Database, folder: Path, recipients: Sequence[str]) -> list[Written]:
    """Write the next package for each recipient (office uuid) into `folder`.

    Per recipient one transaction: the package is built, written and read back on the stick,
    and only then is its sequence recorded. A failed write records nothing (SyncError raised).
    """
    store = attachments_dir(db.path)
    written = []
    for uuid in recipients:
        with db.unit_of_work() as session:
            peer = session.scalars(select(Office).where(Office.uuid == uuid)).one()
            built = build_export(session, uuid, store=store)
            if built is None:
                written.append(Written(peer.name, None))
                continue
            path = write_file_atomic(folder, built.package.file_name(), built.package.data)
            acks = len(built.package.manifest.acknowledgements)
            written.append(Written(peer.name, path, dict(built.counts), acks))
    return written


def _read(path: Path) -> bytes | ImportResult:
    try:
        with path.open("rb") as stream:
            return stream.read(_READ_LIMIT)
    except OSError as exc:
        refused = PackageRejected("unreadable_file", path=str(path), reason=exc.strerror or "")
        message = rejection_message(refused.code, refused.fields)
        return ImportResult(path.name, "rejected", message=message)


def _import_all(session: Session, paths: Sequence[Path], store: Path | None) -> list[ImportResult]:
    results: list[ImportResult] = []
    for path in paths:
        data = _read(path)
        if isinstance(data, ImportResult):
            results.append(data)
            continue
        results.append(import_package(session, data, file_name=path.name, store=store))
        results += apply_held(session, store)
    return results


def preview_files(db: Database, paths: Sequence[Path]) -> list[ImportResult]:
    """What importing these files in this order would do, including held packages that would
    follow; everything is rolled back and no attachment is stored."""
    with db.unit_of_work() as session:
        savepoint = session.begin_nested()
        try:
            return _import_all(session, paths, None)
        finally:
            savepoint.rollback()


def import_files(db: Database, paths: Sequence[Path]) -> tuple[list[ImportResult], Path | None]:
    """Back up, then apply every file in one transaction; returns the results and the backup."""
    backup = backup_database(db, reason="before-import") if db.path is not None else None
    with db.unit_of_work() as session:
        results = _import_all(session, paths, attachments_dir(db.path))
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

    Taking theirs keeps our ownership and raises our version, so our next package carries the
    decision back to the sender.
    """
    if keep not in ("mine", "theirs"):
        raise ValueError(keep)
    conflict = session.get(ExchangeConflict, conflict_id)
    if conflict is None or conflict.resolution is not None:
        raise ConflictGone()
    if keep == "theirs":
        spec = BY_KIND[conflict.kind]
        row = session.scalars(
            select(spec.model).where(spec.model.uuid == conflict.record_uuid)
        ).first()
        if row is None:
            raise ConflictGone()
        uuids = Uuids(session)
        current = to_record(row, spec, uuids)
        record = {
            **conflict.incoming_value,
            **{k: current[k] for k in _BOOKKEEPING if k in current},
        }
        write_record(session, spec, row, record, uuids)
        for column in spec.self_refs:
            target = record.get(ref_key(column))
            setattr(row, column, uuids.id(spec.model, target) if target else None)
        row.version = current["version"] + 1
        row.updated_at = datetime.now(UTC)
    conflict.resolution = keep
    conflict.resolved_by = getpass.getuser()[:60]
    conflict.resolved_at = datetime.now(UTC)
    session.flush()
    return conflict
