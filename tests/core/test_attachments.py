"""Attachments are kept once by hash in the database, refuse bad names and oversize files, and a
damaged copy is never handed out."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select, update

from desktop.core import attachments
from desktop.core.errors import InvalidInput, NotFound
from desktop.models import AttachmentBlob
from tests.conftest import County

SIGN_IN_SHEET = "会议签到表".encode() * 100


def _attach(
    county: County, data: bytes, owner_uuid: str, filename: str
) -> attachments.AttachmentDTO:
    return county.run(
        attachments.add_attachment,
        owner_kind="meeting",
        owner_uuid=owner_uuid,
        filename=filename,
        data=data,
    )


def _blob_rows(county: County) -> int:
    with county.db.reading() as s:
        return s.scalar(select(func.count()).select_from(AttachmentBlob)) or 0


def test_the_same_file_twice_is_kept_once_and_reads_back(county: County) -> None:
    first = _attach(county, SIGN_IN_SHEET, "m-1", "签到表.pdf")
    second = _attach(county, SIGN_IN_SHEET, "i-1", "副本.pdf")
    assert first.sha256 == second.sha256 and first.media_type == "application/pdf"
    assert first.id != second.id and _blob_rows(county) == 1
    dto, back = county.run(attachments.read_attachment, second.id)
    assert back == SIGN_IN_SHEET and dto.filename == "副本.pdf"
    other = _attach(county, b"%PDF-1.4 other", "m-1", "议程.pdf")
    assert _blob_rows(county) == 2
    assert county.run(attachments.read_attachment, other.id)[1] == b"%PDF-1.4 other"


def test_removing_one_link_keeps_the_contents_for_the_other(county: County) -> None:
    first = _attach(county, SIGN_IN_SHEET, "m-1", "签到表.pdf")
    second = _attach(county, SIGN_IN_SHEET, "i-1", "副本.pdf")
    county.run(attachments.remove_attachment, second.id)
    assert county.run(attachments.list_attachments, "i-1") == ()
    assert [a.id for a in county.run(attachments.list_attachments, "m-1")] == [first.id]
    assert county.run(attachments.read_attachment, first.id)[1] == SIGN_IN_SHEET


def test_damaged_contents_are_refused_not_handed_out(county: County) -> None:
    kept = _attach(county, SIGN_IN_SHEET, "m-1", "签到表.pdf")
    with county.db.unit_of_work() as s:
        s.execute(
            update(AttachmentBlob)
            .where(AttachmentBlob.sha256 == kept.sha256)
            .values(data=b"tampered")
        )
    with pytest.raises(InvalidInput) as err:
        county.run(attachments.read_attachment, kept.id)
    assert err.value.code == "attachment_damaged"
    assert err.value.fields["name"] == "签到表.pdf"
    # A package leaves damaged contents out rather than carry them.
    with county.db.reading() as s:
        assert list(attachments.intact_contents(s, [kept.sha256])) == []


def test_missing_contents_are_a_not_found(county: County) -> None:
    kept = _attach(county, SIGN_IN_SHEET, "m-1", "签到表.pdf")
    with county.db.unit_of_work() as s:
        s.execute(AttachmentBlob.__table__.delete())
    with pytest.raises(NotFound) as err:
        county.run(attachments.read_attachment, kept.id)
    assert err.value.fields["kind"] == "attachment_file"


def test_contents_kept_only_under_their_own_hash(county: County) -> None:
    with county.db.unit_of_work() as s:
        x = hashlib.sha256(b"x").hexdigest()
        assert not attachments.keep_contents(s, "0" * 64, b"not zeros")
        assert attachments.keep_contents(s, x, b"x")
        assert attachments.keep_contents(s, x, b"x")  # again: nothing more
    assert _blob_rows(county) == 1


def test_refusals(county: County, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InvalidInput) as err:
        _attach(county, b"x", "x", "a:b.txt")
    assert err.value.code == "bad_filename"
    monkeypatch.setattr(attachments, "MAX_BYTES", 10)
    with pytest.raises(InvalidInput) as err2:
        _attach(county, b"x" * 11, "x", "big.bin")
    assert err2.value.code == "file_too_large"
    assert county.run(attachments.list_attachments, "x") == ()
    assert _blob_rows(county) == 0
