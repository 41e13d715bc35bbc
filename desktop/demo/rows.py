"""Row buffers per table: complete column dicts, our own integer ids, the travelling columns."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Table

from desktop.models import Base

# Parents before children, so foreign keys hold row by row during executemany.
TABLE_ORDER = (
    "unit",
    "office",
    "establishment",
    "meeting",
    "meeting_participant",
    "working_group",
    "topic",
    "topic_research",
    "topic_consultation",
    "agenda_entry",
    "suggestion",
    "agreed_item",
    "item_cooperating_unit",
    "progress_feedback",
    "feedback_figure",
    "item_event",
    "supervision_notice",
    "notice_item",
    "bulletin",
    "bulletin_mention",
    "doc_counter",
)

Row = dict[str, Any]


def _defaults(table: Table) -> Row:
    """Every column with its scalar default; callable defaults (uuid, now) are always supplied."""
    out: Row = {}
    for column in table.columns:
        default = column.default
        arg = getattr(default, "arg", None)
        out[column.name] = arg if default is not None and default.is_scalar else None
    return out


class TableRows:
    """The rows of one table; `add` fills defaults and hands out the next id."""

    __slots__ = ("defaults", "has_id", "name", "rows", "width")

    def __init__(self, table: Table) -> None:
        self.name = table.name
        self.defaults = _defaults(table)
        self.width = len(self.defaults)
        self.has_id = "id" in self.defaults
        self.rows: list[Row] = []

    def add(self, **values: Any) -> int:
        row = self.defaults.copy()
        row.update(values)
        if len(row) != self.width:
            unknown = set(row) - set(self.defaults)
            raise KeyError(f"{self.name}: unknown columns {sorted(unknown)}")
        new_id = len(self.rows) + 1
        if self.has_id:
            row["id"] = new_id
        self.rows.append(row)
        return new_id


def stamp(day: date, salt: int) -> datetime:
    """A UTC time during Beijing office hours (09:00–17:00) of `day`, varied by `salt`."""
    return datetime(day.year, day.month, day.day, 1 + salt % 8, salt * 7 % 60, tzinfo=UTC)


@dataclass
class DemoRows:
    """All generated rows, keyed by table name, plus the sources of uuids and time stamps."""

    uuid_rng: random.Random
    office_uuid: str = field(init=False)
    tables: dict[str, TableRows] = field(init=False)

    def __post_init__(self) -> None:
        meta = Base.metadata.tables
        self.tables = {name: TableRows(meta[name]) for name in TABLE_ORDER}
        self.office_uuid = self.new_uuid()

    def new_uuid(self) -> str:
        return str(uuid.UUID(int=self.uuid_rng.getrandbits(128), version=4))

    def add(self, table: str, **values: Any) -> int:
        return self.tables[table].add(**values)

    def record(self, table: str, created: date, updated: date, **values: Any) -> int:
        """A travelling record owned by the local office, stamped from its own dates."""
        target = self.tables[table]
        salt = len(target.rows)
        created_at = stamp(created, salt)
        return target.add(
            uuid=self.new_uuid(),
            origin_office=self.office_uuid,
            created_at=created_at,
            updated_at=stamp(updated, salt + 1) if updated > created else created_at,
            version=1,
            deleted_at=None,
            **values,
        )

    def row(self, table: str, row_id: int) -> Row:
        return self.tables[table].rows[row_id - 1]

    def counts(self) -> dict[str, int]:
        return {name: len(t.rows) for name, t in self.tables.items()}


def days(n: int) -> timedelta:
    return timedelta(days=n)
