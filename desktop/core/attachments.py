"""Attachments: contents kept once by SHA-256 in the database, linked to their record.

In the database, not a folder of one PC, so every clerk of a shared database reads the file
another attached; every read checks the contents against their hash.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput, NotFound
from desktop.core.records import load, required_text, stamp_new, tombstone
from desktop.db.blobs import blob_data, put_blob
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


def _dto(a: Attachment) -> AttachmentDTO:
    return AttachmentDTO(a.id, a.uuid, a.sha256, a.filename, a.media_type, a.size)


def add_attachment(
    session: Session, *, owner_kind: str, owner_uuid: str, filename: str, data: bytes
) -> AttachmentDTO:
    """Keep the file's contents (once, whatever its name or record) and link it to the record."""
    name = required_text(Path(filename).name, "filename", 255)
    if any(c in FORBIDDEN_NAME_CHARS for c in name):
        raise InvalidInput("bad_filename", field="filename")
    if len(data) > MAX_BYTES:
        raise InvalidInput("file_too_large", field="filename", max_mb=MAX_BYTES // 2**20)
    sha = hashlib.sha256(data).hexdigest()
    put_blob(session, sha, data)
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


def read_attachment(session: Session, attachment_id: int) -> tuple[AttachmentDTO, bytes]:
    """The file's bytes, checked against its hash so a damaged copy is never handed out."""
    attachment = load(session, Attachment, attachment_id, "attachment")
    data = blob_data(session, attachment.sha256)
    if data is None:
        raise NotFound(kind="attachment_file", id=attachment_id)
    if not _intact(data, attachment.sha256):
        raise InvalidInput("attachment_damaged", field="filename", name=attachment.filename)
    return _dto(attachment), data


def keep_contents(session: Session, sha256: str, data: bytes) -> bool:
    """Keep contents that arrived named by `sha256` (a package's attachment), their hash checked
    first: False, and nothing kept, when they are not what the name says."""
    if not _intact(data, sha256):
        return False
    put_blob(session, sha256, data)
    return True


def intact_contents(session: Session, hashes: Iterable[str]) -> Iterator[bytes]:
    """The contents of each hash, read one at a time as the caller asks for the next (a package
    of large attachments never holds them all), leaving out those missing or damaged here."""
    for sha256 in hashes:
        data = blob_data(session, sha256)
        if data is not None and _intact(data, sha256):
            yield data


def _intact(data: bytes, sha256: str) -> bool:
    return hashlib.sha256(data).hexdigest() == sha256


def remove_attachment(session: Session, attachment_id: int) -> None:
    """Unlink from the record (a tombstone; the contents stay for other records and packages)."""
    tombstone(load(session, Attachment, attachment_id, "attachment"))
