"""Office-prefixed document numbers (滨工联督〔2024〕3号), assigned locally so offices never collide."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

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
    """Take the next serial of a series for a year; the caller's transaction makes it stick."""
    if series not in SERIES_MARK:
        raise KeyError(series)
    counter = session.scalar(
        select(DocCounter).where(DocCounter.series == series, DocCounter.year == year)
    )
    if counter is None:
        counter = DocCounter(series=series, year=year, last_number=0)
        session.add(counter)
    counter.last_number += 1
    session.flush()
    prefix = local_office(session).doc_prefix
    return DocNumber(
        series, year, counter.last_number, format_number(prefix, series, year, counter.last_number)
    )
