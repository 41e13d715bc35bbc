"""Writing generated rows: the office through create_local_office, the rest by executemany."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError
from desktop.core.office import create_local_office
from desktop.db.sequences import advance_sequences
from desktop.demo.generate import DemoData
from desktop.demo.rows import TABLE_ORDER
from desktop.models import Base, Office, Unit

CHUNK = 20_000  # rows per executemany: progress and cancellation are checked between chunks

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def require_empty(session: Session) -> None:
    """The demo is built into a database with no office and no directory yet."""
    for model in (Office, Unit):
        if session.scalar(select(func.count()).select_from(model)):
            raise DomainError("demo_needs_empty_database")


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise DomainError("cancelled")


def _adopt_office(session: Session, data: DemoData) -> None:
    """Create the office the ordinary way, then give it and its unit the seeded identity."""
    spec = data.office
    info = create_local_office(
        session,
        name=spec.name,
        level=spec.level,
        parent_name=spec.parent_name,
        doc_prefix=spec.doc_prefix,
        keys=spec.keys,
    )
    office_row, unit_row = data.tables["office"][0], data.tables["unit"][0]
    # The generated rows use id 1 for both; an empty database hands out exactly that.
    if (info.id, info.unit_id) != (office_row["id"], unit_row["id"]):
        raise DomainError("demo_needs_empty_database")
    office, unit = Base.metadata.tables["office"], Base.metadata.tables["unit"]
    session.execute(
        update(office)
        .where(office.c.id == info.id)
        .values(uuid=spec.uuid, created_at=office_row["created_at"])
    )
    values = {k: v for k, v in unit_row.items() if k != "id"}
    session.execute(update(unit).where(unit.c.id == info.unit_id).values(**values))
    session.expire_all()


def insert_demo(
    session: Session,
    data: DemoData,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Insert every generated row in the caller's transaction (never commits)."""
    total = sum(len(rows) for rows in data.tables.values())
    _adopt_office(session, data)
    done = 2
    if progress is not None:
        progress(done, total)
    for name in TABLE_ORDER:
        _check(cancelled)
        rows = data.tables[name]
        if name in ("office", "unit"):
            rows = rows[1:]  # the office's own rows were made by create_local_office
        statement = insert(Base.metadata.tables[name])
        for start in range(0, len(rows), CHUNK):
            session.execute(statement, rows[start : start + CHUNK])
            done += len(rows[start : start + CHUNK])
            if progress is not None:
                progress(done, total)
            _check(cancelled)
    # The rows carry their ids: the next ordinary insert must not reuse one (PostgreSQL).
    advance_sequences(session, [Base.metadata.tables[name] for name in TABLE_ORDER])
