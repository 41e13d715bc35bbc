"""Tables for spreadsheets: the supervision next steps, the 走过场 checks, the year's rates,
the dashboard figures and the exchange log, as typed rows (numbers, dates, fractions for
percentages) with column codes; the CLI and the window word codes and headings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.assessment.rates import year_rates
from desktop.core.dashboard import dashboard_counts
from desktop.core.escalation import escalation_suggestions
from desktop.core.formalism import formalism_checks
from desktop.models import ExchangeLog
from desktop.models.enums import Level


@dataclass(frozen=True)
class Code:
    """A value the caller words: a code alone (a level, a step) or a finding with its fields."""

    code: str
    fields: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class ExportTable:
    name: str  # the sheet's code
    columns: tuple[str, ...]  # column codes
    kinds: tuple[str, ...]  # per column: text, integer, number, percent, date, datetime
    rows: tuple[tuple[object, ...], ...]


def _fraction(percent: float | None) -> float | None:
    """A rate in percent (85.0) as the fraction a spreadsheet formats as 85.0%."""
    return None if percent is None else percent / 100


def next_steps_table(session: Session, today: date) -> ExportTable:
    """Late items and the rung each should climb next (督办下一步)."""
    return ExportTable(
        "next_steps",
        ("item_id", "text", "lead_unit", "deadline", "workdays_late", "after", "step",
         "waiting_since", "workdays_waited"),
        ("integer", "text", "text", "date", "integer", "text", "text", "date", "integer"),
        tuple(
            (s.item_id, s.text, s.lead_unit_name, s.deadline, s.workdays_late,
             None if s.after is None else Code(s.after), Code(s.step), s.waiting_since,
             s.workdays_waited)
            for s in escalation_suggestions(session, today)
        ),
    )  # fmt: skip


def formalism_table(session: Session, today: date) -> ExportTable:
    """Meetings and items the 走过场 checks flag, each with its finding."""
    return ExportTable(
        "formalism",
        ("unit_name", "record_id", "problem"),
        ("text", "integer", "text"),
        tuple(
            (f.unit_name, f.record_id, Code(f.check, f.fields))
            for f in formalism_checks(session, today)
        ),
    )


def rates_tables(session: Session, year: int, today: date | None = None) -> tuple[ExportTable, ...]:
    """The year's convening, establishment and adoption rates and meeting activity."""
    rates = year_rates(session, year, today=today)
    return (
        ExportTable(
            "convening_rate",
            ("level", "period", "required", "convened", "meetings_held", "rate"),
            ("text", "text", "integer", "integer", "integer", "percent"),
            tuple(
                (Code(c.level), Code(c.period), c.required, c.convened, c.meetings_held,
                 _fraction(c.rate))
                for c in rates.convening
            ),
        ),
        _rate_by_level(
            "establishment_rate",
            ("pairs", "established"),
            [(e.level, e.pairs, e.established, e.rate) for e in rates.establishment],
        ),
        _rate_by_level(
            "adoption_rate",
            ("received", "adopted"),
            [(a.level, a.received, a.adopted, a.rate) for a in rates.adoption.by_level],
        ),
        ExportTable(
            "meeting_activity",
            ("level", "meetings", "topics", "items"),
            ("text", "integer", "integer", "integer"),
            tuple((Code(m.level), m.meetings, m.topics, m.items) for m in rates.activity),
        ),
    )  # fmt: skip


def _rate_by_level(
    name: str, counts: tuple[str, str], rows: list[tuple[Level, int, int, float | None]]
) -> ExportTable:
    """A rate per level: the whole, the part, and the part as a fraction of the whole."""
    return ExportTable(
        name,
        ("level", *counts, "rate"),
        ("text", "integer", "integer", "percent"),
        tuple((Code(level), whole, part, _fraction(rate)) for level, whole, part, rate in rows),
    )


def dashboard_table(session: Session, today: date) -> ExportTable:
    """The dashboard's figures, one a row: counts as numbers, days as dates."""
    counts = dashboard_counts(session, today)
    shown = [f.name for f in fields(counts) if f.name not in ("due_soon_estimated",)]
    return ExportTable(
        "dashboard",
        ("figure", "value"),
        ("text", "text"),
        tuple((Code(name), getattr(counts, name)) for name in shown),
    )


def exchange_log_table(session: Session, limit: int = 5000) -> ExportTable:
    """The packages written and read, newest first."""
    entries = session.scalars(
        select(ExchangeLog).order_by(ExchangeLog.at.desc(), ExchangeLog.id.desc()).limit(limit)
    )
    return ExportTable(
        "exchange_log",
        ("at", "direction", "peer_office_name", "sequence", "file_name", "username", "result"),
        ("datetime", "text", "text", "integer", "text", "text", "text"),
        tuple(
            (e.at, Code(e.direction), e.peer_office_name, e.sequence, e.file_name, e.username,
             Code(e.result))
            for e in entries
        ),
    )  # fmt: skip
