"""Demo data: a realistic county (or township, or city of counties) with years of joint meetings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from sqlalchemy.orm import Session

from desktop.core.errors import DomainError
from desktop.core.issued import backfill
from desktop.demo.generate import SCALES, DemoData, generate_demo
from desktop.demo.insert import Cancelled, Progress, insert_demo, require_empty

__all__ = ["SCALES", "DemoData", "DemoSummary", "build_demo", "generate_demo", "insert_demo"]


@dataclass(frozen=True)
class DemoSummary:
    office_name: str
    scale: str
    counts: Mapping[str, int]  # rows per table

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def build_demo(
    session: Session,
    *,
    scale: str = "county",
    seed: int = 1,
    years: int = 3,
    today: date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DemoSummary:
    """Fill an empty database with a demo office and `years` of history ending at `today`.

    The same scale, seed and today give identical rows. Refuses a database that already has
    an office ("demo_needs_empty_database"); raises DomainError("cancelled") when `cancelled`
    says so. Never commits: the caller's unit of work does.
    """
    require_empty(session)
    data = generate_demo(scale=scale, seed=seed, years=years, today=today)
    if cancelled is not None and cancelled():
        raise DomainError("cancelled")
    insert_demo(session, data, progress=progress, cancelled=cancelled)
    # The office's own issued minutes, notices and bulletins are frozen as at their issue.
    # The record copies of the townships' and enterprises' minutes (4,000+ in a county, about
    # 25 ms each to build) are frozen at their first print instead of doubling the build time.
    backfill(session, record_copies=False)
    return DemoSummary(data.office.name, scale, MappingProxyType(data.counts()))
