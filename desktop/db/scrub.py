"""Erasing what a transaction overwrites: old values must not linger in the database's free space."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session


@contextmanager
def erasing_freed_space(session: Session) -> Iterator[None]:
    """Writes flushed inside this block zero the space their old values leave (SQLite's
    secure_delete), so a replaced secret is in no page a backup copies. Other databases
    manage their own storage; nothing to do there."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        session.execute(text("PRAGMA secure_delete = ON"))
    try:
        yield
        session.flush()
    finally:
        if sqlite:
            session.execute(text("PRAGMA secure_delete = OFF"))
