"""Checked records hold values in the Python types their columns take, and on SQLite bulk.py binds
them a column at a time itself: what it binds for each column's checked value must be exactly
what SQLAlchemy itself would bind for the value the ORM would hold."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, Column, Date, Enum, Float, Integer, String
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import IntegrityError

from desktop.db.bulk import binder, insert_rows
from desktop.db.migrate import upgrade
from desktop.models import CalendarDay
from desktop.models.base import UTCDateTime
from desktop.sync.records import SPECS, _column_checker, parse_value
from tests.databases import open_test_database

DIALECT = sqlite.dialect()

MOMENTS = [
    "2027-03-18T08:00:00+00:00",
    "2027-03-18T08:00:00.123456+00:00",
    "2027-03-18T08:00:00.000001+00:00",
    "2027-03-18T16:00:00+08:00",  # another offset: converted to UTC
    "2027-03-18T00:30:00+08:00",  # … across midnight
    "1949-01-01T00:00:00+08:00",  # … across a year
    "2027-03-18T08:00:00Z",
    "2027-03-18T08:00:00.5+00:00",
    "2027-03-18T08:00+00:00",
    "2027-W11-4T08:00:00+00:00",  # an ISO week date: not to be cut as text
    "2100-12-31T23:59:59.999999-05:00",
]
DAYS = ["2027-03-18", "1949-01-01", "2100-12-31", "2028-02-29"]


def _samples(column: Column[Any]) -> list[Any]:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return MOMENTS
    if isinstance(kind, Date):
        return DAYS
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return [str(member.value) for member in kind.enum_class]
    if isinstance(kind, Boolean):
        return [True, False]
    if isinstance(kind, Integer):
        return [1, 7, 2**53]
    if isinstance(kind, Float):
        return [0, 2, 2.5, -1e15]
    if isinstance(kind, String):
        return ["", "八滩镇工会", "x" * (kind.length or 100)]
    return []


def _written(column: Column[Any], checked: Any) -> Any:
    """What bulk.py binds on SQLite for one checked value of the column."""
    return binder(column.type, DIALECT)([checked])[0]


def _bound(column: Column[Any], value: Any) -> Any:
    """What SQLAlchemy binds for the value the ORM would hold after reading this record."""
    held = parse_value(column.table, column.name, value)  # type: ignore[arg-type]
    process = column.type.dialect_impl(DIALECT).bind_processor(DIALECT)
    return held if process is None else process(held)


COLUMNS = [
    column
    for spec in SPECS
    for model in (spec.model, *(child.model for child in spec.children))
    for column in model.__table__.columns
    if column.name != "id" and not isinstance(column.type, JSON)
]


@pytest.mark.parametrize("column", COLUMNS, ids=lambda c: f"{c.table.name}.{c.name}")
def test_checked_value_is_what_sqlalchemy_binds(column: Column[Any]) -> None:
    check = _column_checker(column)
    for value in _samples(column):
        if column.name in ("uuid", "origin_office", "owner_uuid", "sha256"):
            continue  # patterned text: stored as it is, checked elsewhere
        assert _written(column, check(value)) == _bound(column, value), value
        assert type(_written(column, check(value))) is type(_bound(column, value)), value
    if column.nullable:
        assert check(None) is None
        assert _written(column, None) is None


def test_enum_columns_store_values() -> None:
    enums = [c for c in COLUMNS if isinstance(c.type, Enum)]
    assert enums
    for column in enums:
        for value in _samples(column):
            assert _column_checker(column)(value) == value


def test_driver_errors_are_raised_as_sqlalchemy_errors(tmp_path: Path) -> None:
    """Rows written through the driver fail like any other write: the importer's
    IntegrityError handler (a constraint the checks cannot see) still catches them."""
    db = open_test_database(tmp_path / "x.db")
    upgrade(db, backup=False)
    try:
        with db.unit_of_work() as session:
            connection = session.connection()
            day = (date(2027, 1, 1), False, "", "")
            columns = ("day", "is_workday", "name", "source")
            with pytest.raises(IntegrityError):
                insert_rows(connection, CalendarDay.__table__, columns, [day, day])
            session.rollback()
    finally:
        db.dispose()
