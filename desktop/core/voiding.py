"""Voiding (作废) an issued supervision notice or bulletin entered or issued by mistake.

A voided document keeps its number (the counter never gives it again) and its frozen issued
copy; it stays listed and printable, marked 已作废 with the day and the reason, and stops
counting anywhere: the escalation ladder, bulletin statistics, assessment and a unit's history
read only live documents.

The void is the record's tombstone (`deleted_at`), so it travels in exchange packages as an
ordinary change of the record, its reason (`void_reason`) with it; the audit trail's `void`
entry records it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import and_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desktop.core.audit import record_event
from desktop.core.errors import DomainError, NotFound
from desktop.core.office import local_office
from desktop.core.permissions import require
from desktop.core.records import required_reason, tombstone
from desktop.models import Bulletin, SupervisionNotice
from desktop.models.enums import BulletinStatus, Role

# The record kinds that are issued documents, by their registry key.
VOIDABLE: dict[str, type[SupervisionNotice] | type[Bulletin]] = {
    "notice": SupervisionNotice,
    "bulletin": Bulletin,
}
VOID_ACTION = "void"  # the audit trail's action for a void


class CannotVoid(DomainError):
    code = "cannot_void"


@dataclass(frozen=True)
class VoidInfo:
    """When and why an issued document was voided ("" when the void came from elsewhere)."""

    voided_on: date
    reason: str


def listed_tombstones(kind: str) -> ColumnElement[bool] | None:
    """Which tombstoned records of `kind` are still listed (voided documents), or None."""
    if kind == "notice":
        return SupervisionNotice.deleted_at.is_not(None)
    if kind == "bulletin":  # a deleted draft is gone; a voided issue stays on the list
        return and_(Bulletin.deleted_at.is_not(None), Bulletin.status == BulletinStatus.ISSUED)
    return None


def _is_voided(record: SupervisionNotice | Bulletin) -> bool:
    if record.deleted_at is None:
        return False
    return not isinstance(record, Bulletin) or record.status == BulletinStatus.ISSUED


def document_record(session: Session, kind: str, record_id: int) -> SupervisionNotice | Bulletin:
    """A notice or bulletin, live or voided (not a deleted draft); NotFound otherwise."""
    record = cast(SupervisionNotice | Bulletin | None, session.get(VOIDABLE[kind], record_id))
    if record is None or (record.deleted_at is not None and not _is_voided(record)):
        raise NotFound(kind=kind, id=record_id)
    return record


def void_document(session: Session, kind: str, record_id: int, reason: str) -> int:
    """Void an issued notice or bulletin of this office (a reviewer's or the admin's act),
    for `reason`; its id back. A bulletin not yet issued is deleted instead."""
    require(session, "issue_documents", Role.REVIEWER, Role.ADMIN)
    model = VOIDABLE.get(kind)
    if model is None:
        raise CannotVoid("kind_not_voidable", kind=kind, id=record_id)
    record = document_record(session, kind, record_id)
    if record.deleted_at is not None:
        raise CannotVoid("already_voided", kind=kind, id=record_id)
    if isinstance(record, Bulletin) and record.status != BulletinStatus.ISSUED:
        raise CannotVoid("not_issued_delete_instead", kind=kind, id=record_id)
    if record.origin_office != local_office(session).uuid:
        raise CannotVoid("not_own_document", kind=kind, id=record_id)
    text = required_reason(reason)
    # A document issued before frozen copies existed is frozen now, as it stood when issued
    # (issuing is imported here only: the lists import this module for their tombstones).
    from desktop.core.issued import printable

    issued_kind = str(record.kind) if isinstance(record, SupervisionNotice) else kind
    printable(session, issued_kind, record_id)
    record.void_reason = text
    tombstone(record)
    session.flush()
    record_event(session, VOID_ACTION, model.__tablename__, record.uuid, {"reason": text})
    return record_id


def void_infos(session: Session, kind: str, record_ids: list[int]) -> dict[int, VoidInfo]:
    """The void of each voided record among `record_ids` (live ones are left out)."""
    model = VOIDABLE[kind]
    listed = listed_tombstones(kind)
    assert listed is not None
    voided = {
        uuid: (record_id, deleted_at)
        for record_id, uuid, deleted_at in session.execute(
            select(model.id, model.uuid, model.deleted_at).where(model.id.in_(record_ids), listed)
        )
    }
    if not voided:
        return {}
    reasons: dict[str, str] = {
        uuid: reason
        for uuid, reason in session.execute(
            select(model.uuid, model.void_reason).where(model.uuid.in_(list(voided)))
        )
    }
    return {
        record_id: VoidInfo(deleted_at.astimezone().date(), reasons.get(uuid, ""))
        for uuid, (record_id, deleted_at) in voided.items()
        if deleted_at is not None  # `listed` keeps tombstoned rows only
    }


def void_info(session: Session, kind: str, record_id: int) -> VoidInfo | None:
    """The record's void, or None while it stands."""
    return void_infos(session, kind, [record_id]).get(record_id)
