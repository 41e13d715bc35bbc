"""Attachments: files kept once by SHA-256 in the attachments folder, linked to their record."""

from __future__ import annotations

import hashlib
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput, NotFound
from desktop.core.records import load, required_text, stamp_new, tombstone
from desktop.models import Attachment

MAX_BYTES = 200 * 1024 * 1024  # a scanned document set, not a video archive
FORBIDDEN_NAME_CHARS = set('/\\:*?"<>|\0')


@dataclass(frozen=True)
class AttachmentDTO:
    id: int
    uuid: str
    sha256: str
    filename: str
    media_type: str
    size: int


def blob_path(store: Path, sha256: str) -> Path:
    return store / sha256[:2] / sha256


def _dto(a: Attachment) -> AttachmentDTO:
    return AttachmentDTO(a.id, a.uuid, a.sha256, a.filename, a.media_type, a.size)


def _write_blob(store: Path, sha256: str, data: bytes) -> None:
    target = blob_path(store, sha256)
    if target.exists() and target.stat().st_size == len(data):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(target)


def add_attachment(
    session: Session, *, store: Path, owner_kind: str, owner_uuid: str, filename: str, data: bytes
) -> AttachmentDTO:
    """Keep the file (once, whatever its name) and link it to the record."""
    name = required_text(Path(filename).name, "filename", 255)
    if any(c in FORBIDDEN_NAME_CHARS for c in name):
        raise InvalidInput("bad_filename", field="filename")
    if len(data) > MAX_BYTES:
        raise InvalidInput("file_too_large", field="filename", max_mb=MAX_BYTES // 2**20)
    sha = hashlib.sha256(data).hexdigest()
    _write_blob(store, sha, data)
    attachment = Attachment(
        sha256=sha,
        filename=name,
        media_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
        size=len(data),
        owner_kind=owner_kind,
        owner_uuid=owner_uuid,
    )
    stamp_new(session, attachment)
    session.add(attachment)
    session.flush()
    return _dto(attachment)


def list_attachments(session: Session, owner_uuid: str) -> tuple[AttachmentDTO, ...]:
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.owner_uuid == owner_uuid, Attachment.deleted_at.is_(None))
        .order_by(Attachment.id)
    )
    return tuple(_dto(a) for a in rows)


def read_attachment(
    session: Session, store: Path, attachment_id: int
) -> tuple[AttachmentDTO, bytes]:
    """The file's bytes, checked against its hash so a damaged copy is never handed out."""
    attachment = load(session, Attachment, attachment_id, "attachment")
    path = blob_path(store, attachment.sha256)
    if not path.exists():
        raise NotFound(kind="attachment_file", id=attachment_id)
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise InvalidInput("attachment_damaged", field="filename", name=attachment.filename)
    return _dto(attachment), data


def remove_attachment(session: Session, attachment_id: int) -> None:
    """Unlink from the record (a tombstone; the file stays for other records and packages)."""
    tombstone(load(session, Attachment, attachment_id, "attachment"))
