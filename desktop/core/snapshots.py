"""A record's own fields as a snapshot, and putting them back: what undo and redo of an edit need."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from desktop.core.listing import spec_for
from desktop.core.records import load, touch
from desktop.models import AgreedItem, Unit
from desktop.models.base import Travelling

# Bookkeeping columns are never rolled back: an undo is itself a new edit.
KEPT = frozenset(
    {"id", "uuid", "origin_office", "created_at", "updated_at", "version", "deleted_at"}
)

Snapshot = dict[str, Any]


def snapshot(session: Session, kind: str, record_id: int) -> Snapshot:
    model = spec_for(kind).model
    record = load(session, model, record_id, kind)
    values: Snapshot = {
        attr.key: getattr(record, attr.key)
        for attr in inspect(model).column_attrs
        if attr.key not in KEPT
    }
    if isinstance(record, AgreedItem):
        values["cooperating_unit_ids"] = tuple(u.id for u in record.cooperating_units)
    return values


def restore(session: Session, kind: str, record_id: int, values: Snapshot) -> None:
    """Put a snapshot's fields back, counting it as an edit for exchange packages."""
    model = spec_for(kind).model
    record = load(session, model, record_id, kind)
    for key, value in values.items():
        if key == "cooperating_unit_ids":
            record.cooperating_units = [load(session, Unit, uid, "unit") for uid in value]
        else:
            setattr(record, key, value)
    if isinstance(record, Travelling):
        touch(record)
    session.flush()
