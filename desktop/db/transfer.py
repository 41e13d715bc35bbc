"""Moving an office's data from its SQLite file into a server database (PostgreSQL), checked.

Every table is copied row for row in one transaction (parents before children), the id sequences
are moved past the copied ids, and each table is then compared on both sides: the number of rows
and a SHA-256 over its rows in id order, each value in a form both databases give alike. The
source file is only read.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from desktop.db.engine import Database, DatabaseError
from desktop.db.sequences import advance_sequences
from desktop.models import Base

CHUNK = 5_000  # rows per INSERT batch
# Bytes of binary values per batch: attachments (up to 200 MB each) go a few at a time.
CHUNK_BYTES = 32 * 1024 * 1024
# Rows the drivers fetch at a time while reading a table through.
_STREAMED = {"stream_results": True, "max_row_buffer": 100}


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows: int
    digest: str  # the same on both sides, or the copy is refused


@dataclass(frozen=True)
class Transfer:
    tables: tuple[TableCopy, ...]

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def _plain(value: Any) -> Any:
    """A value as both databases give it back: aware moments in UTC, bytes by their SHA-256."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)
        return moment.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):  # an attachment: its hash stands for it
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def table_digest(connection: Connection, table: Table) -> TableCopy:
    """The table's row count and a hash of its rows in primary-key order."""
    digest = hashlib.sha256()
    order = list(table.primary_key.columns) or list(table.columns)
    count = 0
    for row in connection.execute(select(table).order_by(*order).execution_options(**_STREAMED)):
        values = [_plain(v) for v in row]
        digest.update(json.dumps(values, ensure_ascii=False, default=str).encode("utf-8"))
        count += 1
    return TableCopy(table.name, count, digest.hexdigest())


def _empty(connection: Connection) -> bool:
    return all(
        not connection.execute(select(func.count()).select_from(table)).scalar()
        for table in Base.metadata.sorted_tables
    )


def copy_database(source: Database, target: Database) -> Transfer:
    """Copy every row of `source` into the empty, migrated `target`, then verify each table;
    DatabaseError (target_not_empty, copy_mismatch) and nothing kept in the target otherwise."""
    tables = Base.metadata.sorted_tables
    with source.engine.connect() as reading, target.engine.begin() as writing:
        if not _empty(writing):
            raise DatabaseError("target_not_empty", url=target.display_name())
        for table in tables:
            batch: list[dict[str, Any]] = []
            size = 0
            for row in reading.execute(select(table).execution_options(**_STREAMED)):
                batch.append(dict(row._mapping))
                size += sum(len(v) for v in row if isinstance(v, bytes | memoryview))
                if len(batch) >= CHUNK or size >= CHUNK_BYTES:
                    writing.execute(insert(table), batch)
                    batch, size = [], 0
            if batch:
                writing.execute(insert(table), batch)
        advance_sequences(writing, tables)
        copies = []
        for table in tables:
            there, here = table_digest(reading, table), table_digest(writing, table)
            if there != here:
                raise DatabaseError(
                    "copy_mismatch", table=table.name, source=there.rows, target=here.rows
                )
            copies.append(here)
    return Transfer(tuple(copies))
