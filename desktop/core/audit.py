"""The audit trail: every change written in its own transaction, hash-chained against tampering.

An `after_flush` listener on every Session turns what the flush wrote into audit entries —
who (the session's actor), when, which record (table and uuid), old → new values — and inserts
them in one statement on the same connection, so they commit or roll back with the change.
Bulk writes the ORM does not see (a package import) write one summary entry (`record_event`).

Each entry's hash is SHA-256 of the previous entry's hash and the canonical JSON of the entry
(its id included), so `verify_chain` finds an entry edited, deleted or moved behind the
program's back: the first entry whose stored hash differs from the recomputed one. Deleting
the newest entries leaves a shorter chain that still verifies: the anchor kept outside the
database (desktop.core.audit_anchor) is the check for that.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Table, event, insert, inspect, select
from sqlalchemy.orm import Session

from desktop.core.audit_anchor import REANCHOR, check_anchor, remember_head
from desktop.core.permissions import actor_of, require
from desktop.db.sequences import lock_for_transaction, sequence_past
from desktop.models import AuditEntry
from desktop.models.base import utcnow
from desktop.models.enums import Role

AUDIT_TABLE: Table = AuditEntry.__table__  # type: ignore[assignment]
# Secrets are never copied into the trail; a change to them shows as "***" → "***".
SECRET_COLUMNS = frozenset(
    {"password_hash", "token_hash", "signing_private_key", "encryption_private_key"}
)
# A long text (an issued document's frozen content) is kept as its digest.
LONGEST_VALUE = 300


@dataclass(frozen=True)
class AuditRow:
    """One entry as the viewer and `lianxi audit list` show it."""

    id: int
    at: datetime
    username: str
    action: str
    target_kind: str
    target_uuid: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class ChainReport:
    """The chain's verdict: `first_broken` is the id of the first entry that does not match."""

    entries: int
    first_broken: int | None = None
    # The newest entry this computer wrote, when the chain no longer holds it: the newest
    # entries were deleted (or rewritten) and the shorter chain verifies on its own.
    missing_from: int | None = None

    @property
    def ok(self) -> bool:
        return self.first_broken is None and self.missing_from is None


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, str) and len(value) > LONGEST_VALUE:
        return "sha256:" + hashlib.sha256(value.encode()).hexdigest()
    if isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        return _plain(text) if len(text) > LONGEST_VALUE else value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _value(key: str, value: Any) -> Any:
    return "***" if key in SECRET_COLUMNS else _plain(value)


def _record_detail(operation: str, obj: Any) -> dict[str, Any]:
    """Old → new values: every value of a new or deleted record, the changed ones of an edit."""
    state = inspect(obj)
    detail: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if operation != "update":
            if key in state.dict:
                detail[key] = _value(key, state.dict[key])
            continue
        history = state.attrs[key].history
        if history.added or history.deleted:
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            detail[key] = [_value(key, old), _value(key, new)]
    return detail


def _target(obj: Any) -> tuple[str, str]:
    table = getattr(type(obj), "__tablename__", type(obj).__name__)
    uuid = getattr(obj, "uuid", None)
    if not isinstance(uuid, str):
        identity = inspect(obj).mapper.primary_key_from_instance(obj)
        uuid = "/".join(str(part) for part in identity if part is not None)
    return table, uuid[:36]


def _after_flush(session: Session, _context: Any) -> None:
    entries: list[tuple[str, str, str, dict[str, Any]]] = []
    for operation, objects in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objects:
            if operation == "update" and not session.is_modified(obj):
                continue
            detail = _record_detail(operation, obj)
            if operation == "update" and not detail:
                continue
            kind, uuid = _target(obj)
            entries.append((operation, kind, uuid, detail))
    if entries:
        _append(session, entries)


def record_event(
    session: Session,
    action: str,
    target_kind: str = "",
    target_uuid: str = "",
    detail: Mapping[str, Any] | None = None,
) -> None:
    """One entry for what the flushes do not show: a package import's summary, a log-in."""
    session.flush()
    _append(session, [(action, target_kind, target_uuid[:36], dict(detail or {}))])


def _append(session: Session, entries: list[tuple[str, str, str, dict[str, Any]]]) -> None:
    connection = session.connection()
    # Two clerks' transactions on PostgreSQL would both read the same last entry.
    lock_for_transaction(connection, "audit_entry")
    last = connection.execute(
        select(AUDIT_TABLE.c.id, AUDIT_TABLE.c.entry_hash)
        .order_by(AUDIT_TABLE.c.id.desc())
        .limit(1)
    ).first()
    last_id, previous = (last[0], last[1]) if last is not None else (0, "")
    actor = actor_of(session)
    username = actor.username if actor is not None else ""
    at = utcnow()
    rows = []
    for offset, (action, kind, uuid, detail) in enumerate(entries, start=1):
        row = {
            "id": last_id + offset,
            "at": at,
            "username": username[:60],
            "action": action,
            "target_kind": kind[:40],
            "target_uuid": uuid,
            "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
        }
        previous = row["entry_hash"] = chain_hash(previous, row)
        rows.append(row)
    connection.execute(insert(AUDIT_TABLE), rows)
    head_id, head_hash = last_id + len(rows), str(previous)
    remember_head(session, head_id, head_hash)
    sequence_past(connection, AUDIT_TABLE, head_id)


def chain_hash(previous: str, row: Mapping[str, Any]) -> str:
    """SHA-256 of the previous hash and the entry's canonical JSON."""
    at = row["at"]
    if isinstance(at, datetime) and at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    canonical = json.dumps(
        {
            "id": row["id"],
            "at": at.isoformat(sep=" ") if isinstance(at, datetime) else str(at),
            "username": row["username"],
            "action": row["action"],
            "target_kind": row["target_kind"],
            "target_uuid": row["target_uuid"],
            "detail": row["detail"],
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256((previous + canonical).encode()).hexdigest()


def verify_chain(connection: Connection | Session) -> ChainReport:
    """Recompute the chain from the first entry; name the first entry that does not match,
    or else the anchored entry the chain no longer reaches (its tail deleted)."""
    previous = ""
    count = 0
    result = connection.execute(select(AUDIT_TABLE).order_by(AUDIT_TABLE.c.id))
    for row in result.mappings():
        count += 1
        previous_expected = chain_hash(previous, dict(row))
        if row["entry_hash"] != previous_expected:
            return ChainReport(count, first_broken=row["id"])
        previous = row["entry_hash"]
    missing = check_anchor(connection) if isinstance(connection, Session) else None
    return ChainReport(count, missing_from=missing.entry_id if missing is not None else None)


def reanchor(session: Session) -> None:
    """Accept the chain as it is now as this computer's anchor (after restoring an older
    backup, which shortens it on purpose); the office admin's act, itself an entry."""
    require(session, "change_settings", Role.ADMIN)
    missing = check_anchor(session)
    session.info[REANCHOR] = True
    record_event(
        session,
        "audit_reanchor",
        detail={"missing_from": missing.entry_id if missing is not None else None},
    )


def may_restore(session: Session) -> None:
    """A restore replaces every record and shortens the trail on purpose: the office admin's
    act (NotPermitted for anyone else)."""
    require(session, "restore_backup", Role.ADMIN)


def record_restore(session: Session, backup: str) -> None:
    """After a backup was restored: an entry saying which backup, by whom, and the chain as
    restored accepted as this computer's anchor (`lianxi audit verify` would otherwise report
    the entries made after the backup as a cut tail)."""
    missing = check_anchor(session)
    session.info[REANCHOR] = True
    record_event(
        session,
        "backup_restored",
        detail={
            "backup": backup,
            "missing_from": missing.entry_id if missing is not None else None,
        },
    )


def list_entries(
    session: Session,
    *,
    username: str | None = None,
    kind: str | None = None,
    record: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
) -> list[AuditRow]:
    """The newest entries first, filtered by person, record kind, record uuid and time."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if username:
        query = query.where(AuditEntry.username == username)
    if kind:
        query = query.where(AuditEntry.target_kind == kind)
    if record:
        query = query.where(AuditEntry.target_uuid.startswith(record))
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if until is not None:
        query = query.where(AuditEntry.at < until)
    return [_row(entry) for entry in session.scalars(query)]


def _row(entry: AuditEntry) -> AuditRow:
    try:
        detail = json.loads(entry.detail) if entry.detail else {}
    except ValueError:
        detail = {"raw": entry.detail}
    return AuditRow(
        entry.id,
        entry.at,
        entry.username,
        entry.action,
        entry.target_kind,
        entry.target_uuid,
        detail if isinstance(detail, dict) else {"value": detail},
    )


def audited_kinds(session: Session) -> list[str]:
    """The record kinds the trail has entries for, for a filter's choices."""
    query = select(AuditEntry.target_kind).distinct().order_by(AuditEntry.target_kind)
    return [kind for kind in session.scalars(query) if kind]


event.listen(Session, "after_flush", _after_flush)
