"""Office-prefixed document numbers (滨工联督〔2024〕3号), assigned locally so offices never collide."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError
from desktop.core.office import local_office
from desktop.models import DocCounter

# The character after the office prefix tells the series apart.
SERIES_MARK = {
    "minutes": "纪",
    "reminder": "催",
    "supervision": "督",
    "rectification": "改",
    "bulletin": "通",
    "notice": "会",
    "assessment": "考",
    "reconvene": "重",
}


@dataclass(frozen=True)
class DocNumber:
    series: str
    year: int
    serial: int
    text: str


def format_number(prefix: str, series: str, year: int, serial: int) -> str:
    return f"{prefix}{SERIES_MARK[series]}〔{year}〕{serial}号"


def next_number(session: Session, series: str, year: int) -> DocNumber:
    """Reserve the next serial of a series for a year, in the caller's transaction.

    The counter is moved by one UPDATE (last_number + 1) before it is read, so two clerks or
    two programs issuing at once queue on the row and never get the same number; the first
    number of a year is inserted, and a clash with another program's first is retried.
    """
    if series not in SERIES_MARK:
        raise KeyError(series)
    where = (DocCounter.series == series, DocCounter.year == year)
    for _attempt in range(3):
        moved = session.execute(
            update(DocCounter)
            .where(*where)
            .values(last_number=DocCounter.last_number + 1)
            .execution_options(synchronize_session=False)
        )
        if getattr(moved, "rowcount", 0):
            serial = int(session.scalar(select(DocCounter.last_number).where(*where)) or 0)
            break
        try:
            with session.begin_nested():
                session.execute(insert(DocCounter).values(series=series, year=year, last_number=1))
            serial = 1
            break
        except IntegrityError:
            continue  # another program made this year's counter first: move it instead
    else:
        raise DomainError("number_unavailable", series=series, year=year)
    prefix = local_office(session).doc_prefix
    return DocNumber(series, year, serial, format_number(prefix, series, year, serial))
