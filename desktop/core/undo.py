"""Undo and redo of a saved edit, kept in the core so they obey the same rules as every edit.

An edit's undo entry holds the record's own fields before and after and the row's version right
after the edit. Undo and redo put fields back only while the row is exactly as the entry left it:
a later workflow step, an import or another clerk's save bumps the version, and the undo is
refused (`undo_stale`) instead of silently reversing them. Workflow state is never part of an
entry: states change only through their state machines.

A delete, or the void of an issued document, is undone the same way: its entry holds the row's
version right after the tombstone, and undo lifts the tombstone only while nothing has touched
the row since (a package that brought the delete to another office is not taken back by it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError
from desktop.core.kinds import record_kind
from desktop.core.records import load, lock_row, tombstone, touch
from desktop.models import AgreedItem, Meeting, Unit
from desktop.models.base import Travelling
from desktop.models.meeting import MeetingParticipant, WorkingGroup

# Bookkeeping columns are never rolled back: an undo is itself a new edit.
BOOKKEEPING = frozenset(
    {"id", "uuid", "origin_office", "created_at", "updated_at", "version", "deleted_at"}
)
# Columns that only workflow steps write: an undo never rewrites a state.
STATE = frozenset({"status"})

Snapshot = dict[str, Any]
PARTICIPANT_COLUMNS = ("name", "unit_id", "unit_name", "title", "role", "absence_reason")


class UndoStale(DomainError):
    """The record changed after the edit (a workflow step, an import, another clerk)."""

    code = "undo_stale"


@dataclass(frozen=True)
class EditUndo:
    """One saved edit: enough to reverse it, and to know whether it still may be."""

    kind: str
    record_id: int
    before: Snapshot
    after: Snapshot
    version: int  # the row's version as the edit (or the last undo/redo) left it


def snapshot(session: Session, kind: str, record_id: int) -> Snapshot:
    """A record's own editable fields (not bookkeeping, not its workflow state)."""
    model = record_kind(kind).model
    record = load(session, model, record_id, kind)
    values: Snapshot = {
        attr.key: getattr(record, attr.key)
        for attr in inspect(model).column_attrs
        if attr.key not in BOOKKEEPING and attr.key not in STATE
    }
    if isinstance(record, AgreedItem):
        values["cooperating_unit_ids"] = tuple(u.id for u in record.cooperating_units)
    if isinstance(record, Meeting):
        # The meeting editor saves these with the meeting's own fields, in one action.
        values["participants"] = tuple(
            tuple(getattr(p, column) for column in PARTICIPANT_COLUMNS) for p in record.participants
        )
        values["working_groups"] = tuple((g.kind, g.members) for g in record.working_groups)
    return values


def _put_meeting_lists(record: Meeting, key: str, value: Any) -> None:
    if key == "participants":
        record.participants = [
            MeetingParticipant(**dict(zip(PARTICIPANT_COLUMNS, row, strict=True))) for row in value
        ]
    else:
        record.working_groups = [
            WorkingGroup(kind=kind, members=members) for kind, members in value
        ]


def _version(session: Session, kind: str, record_id: int) -> int:
    record = load(session, record_kind(kind).model, record_id, kind)
    return int(record.version) if isinstance(record, Travelling) else 0


def edit_entry(session: Session, kind: str, record_id: int, before: Snapshot) -> EditUndo | None:
    """The undo entry of an edit just flushed, or None when it changed nothing."""
    session.flush()
    after = snapshot(session, kind, record_id)
    if after == before:
        return None
    return EditUndo(kind, record_id, before, after, _version(session, kind, record_id))


def _put_back(session: Session, entry: EditUndo, expected: Snapshot, values: Snapshot) -> int:
    model = record_kind(entry.kind).model
    lock_row(session, model, entry.record_id)  # another program's save ends first, or waits
    record = load(session, model, entry.record_id, entry.kind)
    version = int(record.version) if isinstance(record, Travelling) else 0
    if version != entry.version or snapshot(session, entry.kind, entry.record_id) != expected:
        changed_at: datetime | None = getattr(record, "updated_at", None)
        raise UndoStale(
            kind=entry.kind,
            id=entry.record_id,
            changed_at=changed_at.astimezone().strftime("%Y-%m-%d %H:%M") if changed_at else "",
        )
    for key, value in values.items():
        if key == "cooperating_unit_ids" and isinstance(record, AgreedItem):
            record.cooperating_units = [load(session, Unit, uid, "unit") for uid in value]
        elif key in ("participants", "working_groups") and isinstance(record, Meeting):
            _put_meeting_lists(record, key, value)
        else:
            setattr(record, key, value)
    if isinstance(record, Travelling):
        touch(record)
    session.flush()
    return _version(session, entry.kind, entry.record_id)


def undo_edit(session: Session, entry: EditUndo) -> EditUndo:
    """Reverse the edit; returns the entry as its redo must find the row. UndoStale if changed."""
    version = _put_back(session, entry, entry.after, entry.before)
    return replace(entry, version=version)


def redo_edit(session: Session, entry: EditUndo) -> EditUndo:
    """Make the edit again after an undo; returns the entry for the next undo."""
    version = _put_back(session, entry, entry.before, entry.after)
    return replace(entry, version=version)


@dataclass(frozen=True)
class TombstoneUndo:
    """A delete or a void: the record and its version as the tombstone (or its undo) left it."""

    kind: str
    record_id: int
    version: int


def _tombstoned_row(session: Session, entry: TombstoneUndo, deleted: bool) -> Travelling:
    """The row, refused (UndoStale) unless it is as the entry left it."""
    record = lock_row(session, record_kind(entry.kind).model, entry.record_id)
    if not isinstance(record, Travelling):
        raise UndoStale(kind=entry.kind, id=entry.record_id, changed_at="")
    if record.version != entry.version or (record.deleted_at is not None) != deleted:
        changed_at: datetime | None = record.updated_at
        raise UndoStale(
            kind=entry.kind,
            id=entry.record_id,
            changed_at=changed_at.astimezone().strftime("%Y-%m-%d %H:%M") if changed_at else "",
        )
    return record


def tombstone_entry(session: Session, kind: str, record_id: int) -> TombstoneUndo:
    """The undo entry of a delete or void just made."""
    session.flush()
    record = session.get(record_kind(kind).model, record_id)
    assert isinstance(record, Travelling) and record.deleted_at is not None
    return TombstoneUndo(kind, record_id, record.version)


def undo_tombstone(session: Session, entry: TombstoneUndo) -> TombstoneUndo:
    """Bring a deleted or voided record back; UndoStale when it changed since."""
    record = _tombstoned_row(session, entry, deleted=True)
    record.deleted_at = None
    touch(record)
    session.flush()
    return replace(entry, version=record.version)


def redo_tombstone(session: Session, entry: TombstoneUndo) -> TombstoneUndo:
    """Delete (or void, for the reason first given) the record again after an undo."""
    record = _tombstoned_row(session, entry, deleted=False)
    tombstone(record)
    session.flush()
    return replace(entry, version=record.version)
