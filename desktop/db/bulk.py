"""Bulk statements for package import: many rows of checked values in one statement per table.

Values are in the Python types their columns take (bool, date, aware datetime, dict for JSON).
Every statement is SQLAlchemy Core, run with a list of parameter sets (executemany, or
insertmanyvalues where the dialect has it), so it works on SQLite and PostgreSQL alike, and a
failing row comes out as SQLAlchemy's error (IntegrityError…).

SQLite gets one shortcut, because a large import's speed depends on it: the same statement,
compiled by SQLAlchemy for the dialect, goes to the driver's executemany with each column's
values bound in one pass over the column (C-level conversions for timestamps, dates and booleans
that give exactly what SQLAlchemy's SQLite types bind) instead of SQLAlchemy's per-row
parameter processing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from functools import partial
from itertools import chain, repeat
from operator import add, attrgetter, is_not, sub
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    Enum,
    Insert,
    Table,
    Update,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

from desktop.models.base import UTCDateTime

# Rows per IN (...) list: under SQLite's and PostgreSQL's limits on parameters.
CHUNK = 900
# Read a whole table instead of looking rows up by uuid when it has at most this many rows for
# each one wanted.
_WHOLE_TABLE = 4
_ROW_ID = "_row_id"
# Parameters to one INSERT of many rows: under SQLite's smallest limit (999).
_PARAMETERS = 900


def insert_rows(
    connection: Connection, table: Table, names: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT every row (values in `names` order)."""
    insert_columns(connection, table, names, list(zip(*rows, strict=True)))


def insert_columns(
    connection: Connection, table: Table, names: Sequence[str], columns: Sequence[Sequence[Any]]
) -> None:
    """INSERT rows given column by column: `columns[i]` holds every row's value of `names[i]`."""
    if not columns or not columns[0]:
        return
    binds = {name: (position, table.c[name].type) for position, name in enumerate(names)}
    if connection.dialect.name == "sqlite" and _driver_insert(connection, table, binds, columns):
        return
    _core_many(connection, insert(table), binds, columns)


def update_rows(
    connection: Connection, table: Table, names: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """UPDATE rows by id: each row is the values of `names` followed by the row's id."""
    if rows:
        columns = list(zip(*rows, strict=True))
        update_columns(connection, table, names, columns[:-1], columns[-1])


def update_columns(
    connection: Connection,
    table: Table,
    names: Sequence[str],
    columns: Sequence[Sequence[Any]],
    ids: Sequence[int],
) -> None:
    """UPDATE the rows with these ids, the values given column by column as for insert_columns."""
    if not ids:
        return
    statement = (
        update(table)
        .where(table.c.id == bindparam(_ROW_ID, type_=table.c.id.type))
        .values({c: bindparam(f"_v_{c}", type_=table.c[c].type) for c in names})
    )
    binds = {f"_v_{c}": (position, table.c[c].type) for position, c in enumerate(names)}
    binds[_ROW_ID] = (len(names), table.c.id.type)
    if connection.dialect.name == "sqlite" and _driver_update(
        connection, statement, binds, columns, ids
    ):
        return
    _core_many(connection, statement, binds, [*columns, ids])


def existing_by_uuid(
    connection: Connection, table: Table, wanted: Sequence[str]
) -> dict[str, tuple[int, int, str]]:
    """uuid -> (id, version, origin_office) of the rows among `wanted` that exist here.

    Looked up a chunk at a time; when the table has few rows beside the number wanted (a first
    import of a large package), reading the whole table is quicker and gives the same."""
    found: dict[str, tuple[int, int, str]] = {}
    if not wanted:
        return found
    columns = (table.c.uuid, table.c.id, table.c.version, table.c.origin_office)
    size = connection.execute(select(func.count()).select_from(table)).scalar_one()
    if size <= _WHOLE_TABLE * len(wanted):
        asked = set(wanted)
        for uuid, row_id, version, origin in connection.execute(select(*columns)):
            if uuid in asked:
                found[uuid] = (row_id, version, origin)
        return found
    for start in range(0, len(wanted), CHUNK):
        chunk = list(wanted[start : start + CHUNK])
        for uuid, row_id, version, origin in connection.execute(
            select(*columns).where(table.c.uuid.in_(chunk))
        ):
            found[uuid] = (row_id, version, origin)
    return found


def largest_id(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.max(table.c.id))).scalar() or 0)


def ids_after(connection: Connection, table: Table, before: int) -> dict[str, int]:
    """uuid -> id of the rows whose id is larger than `before` (the rows just inserted)."""
    return dict(
        connection.execute(select(table.c.uuid, table.c.id).where(table.c.id > before)).all()
    )


# ---------------------------------------------------------------------------------------------

Binds = dict[str, tuple[int, TypeEngine[Any]]]  # bind name -> (its column's position, type)


def _core_many(
    connection: Connection,
    statement: Insert | Update,
    binds: Binds,
    columns: Sequence[Sequence[Any]],
) -> None:
    """The portable way: the Core statement with one parameter dict per row."""
    names = list(binds)
    rows = zip(*(columns[binds[name][0]] for name in names), strict=True)
    connection.execute(statement, [dict(zip(names, row, strict=True)) for row in rows])


def _bound(
    connection: Connection, order: Sequence[str], binds: Binds, columns: Sequence[Sequence[Any]]
) -> tuple[Any, ...]:
    """Every row's parameters in `order`, one flat tuple (row after row): a slice of it is one
    statement's parameters."""
    bound = []
    for name in order:
        position, kind = binds[name]
        bound.append(binder(kind, connection.dialect)(columns[position]))
    return tuple(chain.from_iterable(zip(*bound, strict=True)))


def _driver_insert(
    connection: Connection, table: Table, binds: Binds, columns: Sequence[Sequence[Any]]
) -> bool:
    """INSERT through the driver's executemany, many rows to a statement (INSERT … VALUES (…),
    (…), …: a third quicker than a row at a time), the statements compiled by SQLAlchemy.
    False (nothing done) if a statement binds anything but the given values."""
    dialect = connection.dialect
    single = insert(table).compile(dialect=dialect, column_keys=list(binds))
    order = single.positiontup
    if not dialect.positional or order is None or sorted(order) != sorted(binds):
        return False
    width, count = len(order), len(columns[0])
    per = max(1, _PARAMETERS // width)  # rows to a statement
    many = _many_rows(connection, table, order, per) if count >= per else None
    flat = _bound(connection, order, binds, columns)
    done = 0
    if many is not None:
        done = count - count % per
        step = per * width
        connection.exec_driver_sql(many, [flat[i : i + step] for i in range(0, done * width, step)])
    if done < count:
        rest = range(done * width, count * width, width)
        connection.exec_driver_sql(single.string, [flat[i : i + width] for i in rest])
    return True


def _many_rows(connection: Connection, table: Table, order: Sequence[str], per: int) -> str | None:
    """INSERT of `per` rows in one statement, its parameters row after row in `order`; None if
    SQLAlchemy renders them otherwise."""
    rows = [
        {name: bindparam(f"r{i}_{name}", type_=table.c[name].type) for name in order}
        for i in range(per)
    ]
    compiled = insert(table).values(rows).compile(dialect=connection.dialect)
    expected = [f"r{i}_{name}" for i in range(per) for name in order]
    return compiled.string if compiled.positiontup == expected else None


def _driver_update(
    connection: Connection,
    statement: Update,
    binds: Binds,
    columns: Sequence[Sequence[Any]],
    ids: Sequence[int],
) -> bool:
    """UPDATE through the driver's executemany, a row at a time, the statement compiled by
    SQLAlchemy. False (nothing done) if it binds anything but the given values."""
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect)
    order = compiled.positiontup
    if not dialect.positional or order is None or sorted(order) != sorted(binds):
        return False
    width = len(order)
    flat = _bound(connection, order, binds, [*columns, ids])
    rows = range(0, len(flat), width)
    connection.exec_driver_sql(compiled.string, [flat[i : i + width] for i in rows])
    return True


Binder = Callable[[Sequence[Any]], Sequence[Any]]

_given = partial(is_not, None)
_DATETIME, _DATE, _BOOL = frozenset({datetime}), frozenset({date}), frozenset({bool})
_tzinfo = attrgetter("tzinfo")
# An aware moment minus this is its distance from it in UTC; added to the naive twin, the moment
# as naive UTC (two C-level operations, where astimezone and replace take several times longer).
_EPOCH, _NAIVE_EPOCH = datetime(2000, 1, 1, tzinfo=UTC), datetime(2000, 1, 1)


def binder(kind: TypeEngine[Any], dialect: Dialect) -> Binder:
    """A column's values as the driver takes them: what SQLAlchemy's own bind processing of the
    type gives, in one pass (tests/sync/test_storage_form.py holds the two equal on SQLite)."""
    process = kind.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return _same
    if isinstance(kind, UTCDateTime) and dialect.name == "sqlite":
        return _converted(_DATETIME, _stored_moments, process)
    if isinstance(kind, Date) and dialect.name == "sqlite":
        return _converted(_DATE, _stored_days, process)
    if isinstance(kind, Boolean) and dialect.name == "sqlite":
        return _converted(_BOOL, partial(map, int), process)
    if isinstance(kind, Enum) and all(process(value) == value for value in kind.enums):
        return _if_all(frozenset(kind.enums), _each(process))  # a stored value binds as itself
    return _each(process)


def _same(values: Sequence[Any]) -> Sequence[Any]:
    return values


def _each(process: Callable[[Any], Any]) -> Binder:
    return lambda values: list(map(process, values))


def _stored_moments(moments: list[datetime]) -> Iterable[str] | None:
    """Naive UTC text with microseconds, as SQLAlchemy's SQLite DATETIME writes it."""
    if None in map(_tzinfo, moments):
        return None  # naive: SQLAlchemy's processing refuses them
    utc = map(add, repeat(_NAIVE_EPOCH), map(sub, moments, repeat(_EPOCH)))
    return map(datetime.isoformat, utc, repeat(" "), repeat("microseconds"))


def _stored_days(days: list[date]) -> Iterable[str]:
    """ISO text, as SQLAlchemy's SQLite DATE writes it; many rows share a day: each is written
    once."""
    distinct = set(days)
    text = dict(zip(distinct, map(date.isoformat, distinct), strict=True))
    return map(text.__getitem__, days)


def _converted(
    types: frozenset[type],
    convert: Callable[[list[Any]], Iterable[Any] | None],
    process: Callable[[Any], Any],
) -> Binder:
    """`convert` over the non-null values when each is of one of `types` (and it takes them);
    SQLAlchemy's processing, value by value, otherwise."""

    def bind(values: Sequence[Any]) -> Sequence[Any]:
        given = list(filter(_given, values))
        converted = convert(given) if set(map(type, given)) <= types else None
        if converted is None:
            return list(map(process, values))
        return _nulls_kept(values, converted)

    return bind


def _if_all(allowed: frozenset[Any], otherwise: Binder) -> Binder:
    """Values bound as they are when each is null or in `allowed` (anything else goes through
    SQLAlchemy's processing, which refuses or converts it)."""

    def bind(values: Sequence[Any]) -> Sequence[Any]:
        return values if allowed.issuperset(filter(_given, values)) else otherwise(values)

    return bind


def _nulls_kept(values: Sequence[Any], converted: Iterable[Any]) -> Sequence[Any]:
    """The converted values (one per non-null value) put back among the nulls."""
    if None not in values:
        return list(converted)
    if not any(map(_given, values)):
        return values
    given = iter(converted)
    return [None if value is None else next(given) for value in values]
