"""Attachment contents in the database: one row per SHA-256, written once; and the files earlier
versions kept in a folder, taken in.

Up to schema 0011 an attachment's bytes were a file `attachments/<sha[:2]>/<sha>` beside the
SQLite file, or in each PC's data folder for a server database, so on a shared database a file
attached on one PC was missing on the others. Every open after the upgrade takes in the files
this PC's folder holds for attachments whose contents the database lacks (on a shared database
each PC brings its own); a file is taken only when its SHA-256 is the one its attachment row
names. A missing or damaged file is left out (reading that attachment then says so), and no
file is ever deleted.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, exists, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.models import Attachment, AttachmentBlob

_SHA256 = re.compile(r"[0-9a-f]{64}")


def has_blob(executor: Session | Connection, sha256: str) -> bool:
    found = executor.execute(select(AttachmentBlob.sha256).where(AttachmentBlob.sha256 == sha256))
    return found.first() is not None


def put_blob(executor: Session | Connection, sha256: str, data: bytes) -> None:
    """Keep `data` under `sha256` unless a row already holds it. The caller has checked that
    `sha256` is the hash of `data` (what a mismatch means is the caller's: a refused package,
    a file left out). Two clerks keeping the same contents at once leave one row."""
    if has_blob(executor, sha256):
        return  # the contents are not sent to the server again
    bind = executor.get_bind() if isinstance(executor, Session) else executor
    dialect = bind.dialect.name
    values = {"sha256": sha256, "size": len(data), "data": data}
    statement: Any
    if dialect == "postgresql":
        statement = postgresql.insert(AttachmentBlob).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(AttachmentBlob).on_conflict_do_nothing()
    else:
        statement = insert(AttachmentBlob)
    executor.execute(statement.values(**values))


def blob_data(executor: Session | Connection, sha256: str) -> bytes | None:
    """The contents kept under `sha256` as stored (unchecked), or None when there are none."""
    data = executor.execute(
        select(AttachmentBlob.data).where(AttachmentBlob.sha256 == sha256)
    ).scalar()
    return None if data is None else bytes(data)


@dataclass(frozen=True)
class TakenIn:
    """What one pass over an old attachments folder did."""

    moved: int  # files whose contents are now in the database
    left_out: tuple[str, ...]  # hashes still without contents: no file here, or a damaged one


def contents_lacking(connection: Connection) -> dict[str, set[int]]:
    """The hash of every attachment whose contents the database does not hold, with the sizes
    its attachment rows give (one, unless a record was wrong about it)."""
    lacking = ~exists().where(AttachmentBlob.sha256 == Attachment.sha256)
    rows = connection.execute(select(Attachment.sha256, Attachment.size).where(lacking).distinct())
    found: dict[str, set[int]] = {}
    for sha256, size in rows:
        found.setdefault(sha256, set()).add(size)
    return found


def take_in_files(connection: Connection, folder: Path) -> TakenIn:
    """Move the contents of `folder`'s files into the database where attachments lack them;
    idempotent (a second pass finds nothing more to take). Never deletes a file."""
    moved, left_out = 0, []
    for sha256, sizes in sorted(contents_lacking(connection).items()):
        data = _file_matching(folder, sha256, sizes)
        if data is None:
            left_out.append(sha256)
            continue
        put_blob(connection, sha256, data)
        moved += 1
    return TakenIn(moved, tuple(left_out))


def _file_matching(folder: Path, sha256: str, sizes: set[int]) -> bytes | None:
    """The file kept for `sha256`, when it is there, readable and holds exactly those contents."""
    if not _SHA256.fullmatch(sha256):
        return None  # not a name this folder ever used
    path = folder / sha256[:2] / sha256
    try:
        if path.stat().st_size not in sizes:
            return None  # damaged (cut short, say): not read, so not hashed at every start
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None
