"""Deleting a record entered by mistake, while nothing else depends on it yet.

A delete is a tombstone (`deleted_at`), so it travels in exchange packages like any edit. Only
records that nothing has built on may go: a suggestion not yet adopted or forwarded, a topic
still a candidate and not drawn from a suggestion, a meeting still planned with an empty agenda
and no agreed items, an agreed item not yet assigned, an establishment record, a bulletin
not yet issued (a draft, or one awaiting review). Issued documents (supervision notices, issued
bulletins) and directory units are never deleted: an issued document is voided instead
(desktop.core.voiding), keeping its number and its frozen copy.
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError
from desktop.core.kinds import record_kind
from desktop.core.records import load, tombstone
from desktop.models import AgreedItem, Meeting, Suggestion, Topic
from desktop.models.base import Travelling
from desktop.models.enums import (
    BulletinStatus,
    ItemStatus,
    MeetingStatus,
    SuggestionStatus,
    TopicStatus,
)

# The states in which a record of each kind can still be deleted; None: any state.
DELETABLE_STATES: dict[str, frozenset[str] | None] = {
    "suggestion": frozenset({SuggestionStatus.REGISTERED}),
    "topic": frozenset({TopicStatus.CANDIDATE}),
    "meeting": frozenset({MeetingStatus.PLANNED}),
    "item": frozenset({ItemStatus.DRAFTED}),
    "establishment": None,
    # Unnumbered: nothing counts a bulletin until it is issued.
    "bulletin": frozenset({BulletinStatus.DRAFT, BulletinStatus.SUBMITTED}),
}
# Documents that are issued as they are made: voided, never deleted.
ISSUED_DOCUMENTS = frozenset({"notice"})


class CannotDelete(DomainError):
    code = "cannot_delete"


def _in_use(session: Session, record: Travelling) -> bool:
    """Whether a live record builds on this one (a suggestion's topic, a meeting's items)."""
    if isinstance(record, Topic):
        query = select(
            exists().where(Suggestion.topic_id == record.id, Suggestion.deleted_at.is_(None))
        )
        return bool(session.scalar(query))
    if isinstance(record, Meeting):
        if record.agenda:
            return True
        query = select(
            exists().where(AgreedItem.meeting_id == record.id, AgreedItem.deleted_at.is_(None))
        )
        return bool(session.scalar(query))
    return False


def check_deletable(session: Session, kind: str, record_id: int) -> None:
    """Refuse (CannotDelete, with the reason's code) unless the record may be deleted."""
    if kind in ISSUED_DOCUMENTS:
        raise CannotDelete("document_issued", kind=kind, id=record_id)
    if kind not in DELETABLE_STATES:
        raise CannotDelete("kind_not_deletable", kind=kind, id=record_id)
    record = load(session, record_kind(kind).model, record_id, kind)
    assert isinstance(record, Travelling)
    states = DELETABLE_STATES[kind]
    status = getattr(record, "status", None)
    if kind == "bulletin" and status == BulletinStatus.ISSUED:
        raise CannotDelete("document_issued", kind=kind, id=record_id)
    if states is not None and status not in states:
        raise CannotDelete("record_in_progress", kind=kind, id=record_id, state=str(status))
    if _in_use(session, record):
        raise CannotDelete("record_in_use", kind=kind, id=record_id)


def delete_record(session: Session, kind: str, record_id: int) -> int:
    """Tombstone a record entered by mistake (its id back); refused when its state or use forbids."""
    check_deletable(session, kind, record_id)
    record = load(session, record_kind(kind).model, record_id, kind)
    assert isinstance(record, Travelling)
    tombstone(record)
    session.flush()
    return record_id
