"""The demo office's issued documents are frozen as an office's are at issue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.core import documents, issued
from desktop.core.office import local_office
from desktop.db import open_database
from desktop.db.migrate import upgrade
from desktop.demo import build_demo
from desktop.models import Bulletin, IssuedDocument, Meeting, SupervisionNotice
from desktop.models.enums import MeetingStatus


def test_the_demo_office_has_its_issued_documents_frozen(tmp_path: Path) -> None:
    db = open_database(tmp_path / "demo.db")
    upgrade(db)
    try:
        with db.unit_of_work() as s:
            build_demo(s, scale="township", seed=3, today=date(2026, 12, 5))
        with db.unit_of_work() as s:
            office = local_office(s)
            own_minutes = set(
                s.scalars(
                    select(Meeting.id).where(
                        Meeting.status == MeetingStatus.MINUTES_ISSUED,
                        Meeting.union_unit_id == office.unit_id,
                    )
                )
            )
            frozen = set(s.execute(select(IssuedDocument.kind, IssuedDocument.record_id)).all())
            notices = set(s.execute(select(SupervisionNotice.kind, SupervisionNotice.id)).all())
            bulletins = set(s.scalars(select(Bulletin.id)))
            assert own_minutes and notices and bulletins
            assert {("minutes", m) for m in own_minutes} <= frozen
            assert {(str(k), n) for k, n in notices} <= frozen
            assert {("bulletin", b) for b in bulletins} <= frozen
            # The frozen copy is what the records said: printing it reads nothing else.
            latest = max(bulletins)
            copy = issued.printable(s, "bulletin", latest)
            assert copy.issue is not None and copy.doc == documents.bulletin_doc(s, latest)
            # A lower body's minutes, recorded here, freeze when first printed.
            other = s.scalar(
                select(Meeting.id).where(
                    Meeting.status == MeetingStatus.MINUTES_ISSUED,
                    Meeting.union_unit_id != office.unit_id,
                )
            )
            assert other is not None and ("minutes", other) not in frozen
            first = issued.printable(s, "minutes", other)
            assert first.issue is not None and first.issue.version == 1
    finally:
        db.dispose()
