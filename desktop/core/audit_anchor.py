"""The audit trail's anchor: its newest entry as this computer last wrote it, kept outside the
database, so that deleting the newest entries (which leaves a shorter chain that still
verifies) is found too.

After every commit that appended entries, the head (id and hash of the newest entry) is written
to `audit-anchors.json` beside the key-encryption key (LIANXI_KEY_DIR or the per-user config
folder, never in the data folder, never copied into backups), keyed by the database it belongs
to. `check_anchor` then asks that the chain still hold that entry with that hash.

What it proves: someone who edits or truncates the database file (a copy on a stick, sqlite3 on
the data folder, another account that can write it) cannot remove the entries this computer
wrote without it showing. What it does not: someone working as the same OS user can edit this
file too; another computer's writes to a shared PostgreSQL database are anchored only on that
computer. A restore of an older backup shortens the chain on purpose: `lianxi db restore` and
the window's 从备份恢复 re-anchor as they restore (audit.record_restore); a file put back by any
other means (copied over, restored at start after damage) needs an admin's `reanchor`.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_path
from sqlalchemy import Connection, event, select
from sqlalchemy.orm import Session

from desktop.db.engine import server_place
from desktop.models import AuditEntry

ANCHOR_FILE = "audit-anchors.json"
KEY_DIR_ENV = "LIANXI_KEY_DIR"
HEAD = "audit_head"
REANCHOR = "audit_reanchor"
# Databases remembered; the oldest written is forgotten past this (test runs, moved files).
KEEP = 200


@dataclass(frozen=True)
class Anchor:
    entry_id: int
    entry_hash: str


def anchor_path() -> Path:
    override = os.environ.get(KEY_DIR_ENV)
    folder = Path(override) if override else user_config_path("lianxi", appauthor=False)
    return folder / ANCHOR_FILE


def database_key(bind: Any) -> str | None:
    """Which database an anchor belongs to: a SQLite file's full path, a server's
    user@host:port/database (however the URL names its driver or options: --db-url and the
    connection saved in Settings are one database); None for an in-memory database."""
    url = bind.engine.url
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return None
        return "sqlite:" + str(Path(url.database).resolve())
    return f"{url.get_backend_name()}://{server_place(url)}"


def _read() -> dict[str, Any]:
    try:
        data = json.loads(anchor_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def anchor_of(key: str | None) -> Anchor | None:
    entry = _read().get(key or "")
    if not isinstance(entry, dict):
        return None
    try:
        return Anchor(int(entry["id"]), str(entry["hash"]))
    except (KeyError, TypeError, ValueError):
        return None


def write_anchor(key: str | None, anchor: Anchor | None) -> None:
    """Remember `anchor` for the database `key` (None: forget it), replacing the file whole."""
    if key is None:
        return
    data = _read()
    data.pop(key, None)
    if anchor is not None:
        data[key] = {"id": anchor.entry_id, "hash": anchor.entry_hash}
    data = dict(list(data.items())[-KEEP:])
    path = anchor_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
    partial.replace(path)


def head(connection: Connection | Session) -> Anchor | None:
    row = connection.execute(
        select(AuditEntry.id, AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return Anchor(row[0], row[1]) if row is not None else None


def check_anchor(session: Session) -> Anchor | None:
    """The anchor the chain no longer reaches (its newest entries were deleted or rewritten),
    or None when the chain holds it or this computer has no anchor for the database."""
    anchor = anchor_of(database_key(session.get_bind()))
    if anchor is None:
        return None
    stored = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.id == anchor.entry_id))
    return None if stored == anchor.entry_hash else anchor


def remember_head(session: Session, entry_id: int, entry_hash: str) -> None:
    """Called by the trail as it appends: the head to anchor once the transaction commits.

    An anchor the chain no longer reaches stays where it is (so the next ordinary change does
    not hide a truncation), unless this transaction re-anchors on purpose (`audit.reanchor`).
    """
    if not session.info.get(REANCHOR) and check_anchor(session) is not None:
        session.info.pop(HEAD, None)
        return
    session.info[HEAD] = Anchor(entry_id, entry_hash)


def _after_commit(session: Session) -> None:
    session.info.pop(REANCHOR, None)
    anchor = session.info.pop(HEAD, None)
    if isinstance(anchor, Anchor):
        # A full or read-only config folder loses the anchor, never the user's work.
        with contextlib.suppress(OSError):
            write_anchor(database_key(session.get_bind()), anchor)


def _after_rollback(session: Session) -> None:
    session.info.pop(HEAD, None)
    session.info.pop(REANCHOR, None)


event.listen(Session, "after_commit", _after_commit)
event.listen(Session, "after_rollback", _after_rollback)
