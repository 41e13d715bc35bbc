"""Two clerks (or a window and the CLI) editing one record: the second save is refused.

An editor remembers the version of the record it showed; saving checks that the row still has
that version (every change bumps it: an edit, a workflow step, an import). If not, the save is
refused with who changed the record and when, and nothing is overwritten; the clerk reloads.

The check locks the row until the saving transaction ends (SELECT … FOR UPDATE): on a server
database two programs could otherwise both read the version they were shown, both pass and the
later save overwrite the other. SQLite needs no row lock: every unit of work that may write
holds the whole database's write lock from its start.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError
from desktop.core.kinds import record_kind
from desktop.core.office import local_office
from desktop.core.records import load, lock_row
from desktop.core.voiding import VOIDABLE, document_record
from desktop.models import AuditEntry, Office


class EditedElsewhere(DomainError):
    """The record changed after the editor showed it (`edited_elsewhere_by` when the audit
    trail names who)."""


def _shown(session: Session, kind: str, record_id: int) -> Any:
    """The record an editor shows: a live one, or a voided document (shown, never edited)."""
    if kind in VOIDABLE:
        return document_record(session, kind, record_id)
    return load(session, record_kind(kind).model, record_id, kind)


def version_of(session: Session, kind: str, record_id: int) -> int:
    """The record's version now (what an editor remembers when it shows the record)."""
    return int(_shown(session, kind, record_id).version)


def kept_by(session: Session, kind: str, record_id: int) -> str | None:
    """The name of the office that keeps this record, when it is not this office: a copy
    received in a package, which the owner edits (an edit here would only meet the owner's
    next change as a conflict). None for this office's own records."""
    record = _shown(session, kind, record_id)
    me = local_office(session).uuid
    if record.origin_office == me:
        return None
    name = session.scalar(select(Office.name).where(Office.uuid == record.origin_office))
    return name or "其他单位"


def require_version(session: Session, kind: str, record_id: int, seen: int) -> None:
    """Refuse (EditedElsewhere) unless the record still has the version the editor showed;
    the row stays locked against other programs' saves until the caller's transaction ends."""
    model = record_kind(kind).model
    lock_row(session, model, record_id)
    record: Any = load(session, model, record_id, kind)  # a travelling record: version, uuid
    if record.version == seen:
        return
    changed: datetime = record.updated_at
    if changed.tzinfo is None:
        changed = changed.replace(tzinfo=UTC)
    by = session.scalar(
        select(AuditEntry.username)
        .where(AuditEntry.target_uuid == record.uuid, AuditEntry.username != "")
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    when = changed.astimezone().strftime("%Y-%m-%d %H:%M")
    if by:
        raise EditedElsewhere("edited_elsewhere_by", by=by, when=when)
    raise EditedElsewhere("edited_elsewhere", when=when)
