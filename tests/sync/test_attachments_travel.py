"""Attachments travel from one office's database to another's: their contents go from the sender's
database into the package and from the package into the recipient's database, checked by hash;
a refused package, or a preview, leaves none behind."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from desktop.core.attachments import AttachmentDTO, add_attachment, read_attachment
from desktop.core.errors import NotFound
from desktop.db import Database
from desktop.models import Attachment, AttachmentBlob, Meeting
from tests.sync.conftest import ExchangeBase
from tests.sync.exchange_env import Env, preview_import

SCAN = bytes(range(256)) * 4096  # a 1 MiB scan
MINUTES = "联席会议纪要".encode() * 2000


def _attach(env: Env, filename: str, data: bytes) -> AttachmentDTO:
    """Attached at the township to the first of its own meetings."""
    with env.township.unit_of_work() as s:
        meeting = s.scalars(
            select(Meeting.uuid)
            .where(Meeting.origin_office == env.t_keys.uuid)
            .order_by(Meeting.id)
        ).first()
        assert meeting is not None
        return add_attachment(
            s, owner_kind="meeting", owner_uuid=meeting, filename=filename, data=data
        )


def _read(db: Database, attachment_uuid: str) -> bytes:
    with db.unit_of_work() as s:
        found = s.scalars(select(Attachment.id).where(Attachment.uuid == attachment_uuid)).one()
        return read_attachment(s, found)[1]


def _blobs(db: Database) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(AttachmentBlob)) or 0


@pytest.fixture
def started(env: Env, exchange_base: ExchangeBase) -> Env:
    """The county has applied the township's first package; the next one follows it."""
    assert env.import_to_county(exchange_base.first).result == "applied"
    return env


def test_attachments_reach_the_other_database_and_read_back(started: Env) -> None:
    env = started
    scan = _attach(env, "签到表扫描.pdf", SCAN)
    minutes = _attach(env, "会议纪要.docx", MINUTES)
    copy = _attach(env, "签到表副本.pdf", SCAN)  # the same contents under another name
    package = env.export_up()
    assert package is not None
    carried = [m.name for m in package.manifest.members if m.name.startswith("attachments/")]
    assert carried == sorted(f"attachments/{a.sha256}" for a in (scan, minutes))
    before = _blobs(env.county)
    result = env.import_to_county(package.data)
    assert result.result == "applied", result.message
    assert _blobs(env.county) == before + 2  # once per contents, not per attachment
    assert _read(env.county, scan.uuid) == SCAN
    assert _read(env.county, copy.uuid) == SCAN
    assert _read(env.county, minutes.uuid) == MINUTES


def test_a_preview_or_a_refused_package_leaves_no_contents(started: Env) -> None:
    env = started
    _attach(env, "签到表扫描.pdf", SCAN)
    package = env.export_up()
    assert package is not None
    before = env.county_dump()
    assert preview_import(env.county, package.data).result == "applied"
    assert env.county_dump() == before
    # The same records and contents, one record broken: the whole package is refused.
    records = env.records_of(package.data)
    records["meeting"][0]["planned_on"] = "not a day"
    previous = package.manifest.previous_manifest_sha256
    broken = env.sign(records, sequence=2, previous=previous, attachments=[SCAN])
    refused = env.import_to_county(broken.data)
    assert refused.result == "rejected" and refused.code == "bad_record", refused.message
    assert env.county_dump() == before


def test_contents_damaged_at_the_sender_stay_behind(started: Env) -> None:
    env = started
    scan = _attach(env, "签到表扫描.pdf", SCAN)
    minutes = _attach(env, "会议纪要.docx", MINUTES)
    with env.township.unit_of_work() as s:
        s.execute(
            update(AttachmentBlob)
            .where(AttachmentBlob.sha256 == minutes.sha256)
            .values(data=b"tampered")
        )
    package = env.export_up()
    assert package is not None
    carried = {m.name for m in package.manifest.members if m.name.startswith("attachments/")}
    assert carried == {f"attachments/{scan.sha256}"}
    assert env.import_to_county(package.data).result == "applied"
    assert _read(env.county, scan.uuid) == SCAN
    with pytest.raises(NotFound):
        _read(env.county, minutes.uuid)  # the record came; its contents did not
