"""Helpers every lifecycle module shares: loading live records, stamping edits, validating input."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput, NotFound
from desktop.core.office import local_office
from desktop.models.base import Base, Travelling, utcnow

R = TypeVar("R", bound=Base)

# Dates outside this range are typing errors (a year 202 or 20245), not real records.
MIN_YEAR = 1990
MAX_YEAR = 2100


def load(session: Session, model: type[R], record_id: int, kind: str) -> R:
    """A live (not tombstoned) record by id, or NotFound naming the kind."""
    record = session.get(model, record_id)
    if record is None or (isinstance(record, Travelling) and record.deleted_at is not None):
        raise NotFound(kind=kind, id=record_id)
    return record


def lock_row(session: Session, model: type[Any], record_id: int) -> Any:
    """The row read afresh and locked against other programs' writes until this transaction
    ends (SELECT … FOR UPDATE: a second program checking a version waits, then sees the first
    one's save). SQLite needs no row lock: a unit of work holds the write lock from its start."""
    return session.get(model, record_id, with_for_update=True, populate_existing=True)


def stamp_new(session: Session, record: Travelling) -> None:
    """A new travelling record is owned by this office."""
    record.origin_office = local_office(session).uuid


def touch(record: Travelling) -> None:
    """Count an owner's edit so exchange packages can tell newer from older."""
    record.version = (record.version or 0) + 1
    record.updated_at = utcnow()


def tombstone(record: Travelling) -> None:
    record.deleted_at = utcnow()
    touch(record)


def required_text(value: str | None, field: str, max_len: int) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput("required", field=field)
    return limited_text(text, field, max_len)


def limited_text(value: str | None, field: str, max_len: int) -> str:
    text = (value or "").strip()
    if len(text) > max_len:
        raise InvalidInput("too_long", field=field, max=max_len)
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        raise InvalidInput("control_characters", field=field)
    return text


def sane_date(value: date | None, field: str, *, required: bool = False) -> date | None:
    if value is None:
        if required:
            raise InvalidInput("required", field=field)
        return None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise InvalidInput("absurd_date", field=field, value=value.isoformat())
    return value


def required_date(value: date | None, field: str) -> date:
    result = sane_date(value, field, required=True)
    assert result is not None
    return result


def required_reason(value: str | None, field: str = "reason") -> str:
    return required_text(value, field, 2000)
