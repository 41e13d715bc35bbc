"""Township ⇄ county through the database layer: export, import, receipts, refusals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.office import create_local_office
from desktop.db import Database
from desktop.db.migrate import upgrade
from desktop.demo import build_demo
from desktop.models import (
    AgreedItem,
    Bulletin,
    CalendarDay,
    ExchangeConflict,
    Meeting,
    ProgressFeedback,
    Suggestion,
    Topic,
    Unit,
)
from desktop.models.enums import BulletinStatus, Level
from desktop.sync import export_setup_file, import_setup_file
from desktop.sync.exporter import build_export
from desktop.sync.importer import import_package
from desktop.sync.trust import local_keys, trust_office
from tests.conftest import logical_dump
from tests.databases import open_test_database
from tests.sync.exchange_env import preview_import, trust_each_other

TODAY = date(2027, 3, 18)


@dataclass
class Pair:
    township: Database
    county: Database
    township_uuid: str
    county_uuid: str

    def export_up(self) -> bytes | None:
        with self.township.unit_of_work() as s:
            built = build_export(s, self.county_uuid)
            return None if built is None else built.package.data

    def export_down(self) -> bytes | None:
        with self.county.unit_of_work() as s:
            built = build_export(s, self.township_uuid)
            return None if built is None else built.package.data

    def import_to(self, db: Database, data: bytes):  # type: ignore[no-untyped-def]
        with db.unit_of_work() as s:
            return import_package(s, data, file_name="p.lxpkg")


def _db(path: Path) -> Database:
    db = open_test_database(path)
    upgrade(db, backup=False)
    return db


@pytest.fixture
def pair(tmp_path: Path) -> Pair:
    township, county = _db(tmp_path / "t.db"), _db(tmp_path / "c.db")
    with township.unit_of_work() as s:
        build_demo(s, scale="township", seed=3, years=1, today=TODAY)
    with county.unit_of_work() as s:
        create_local_office(s, name="滨海县总工会", level=Level.COUNTY)
    t, c = trust_each_other(township, county)
    yield Pair(township, county, t.uuid, c.uuid)
    township.dispose()
    county.dispose()


def _count(db: Database, model: type, origin: str) -> int:
    with db.unit_of_work() as s:
        return int(
            s.scalar(select(func.count()).select_from(model).where(model.origin_office == origin))
            or 0
        )


def test_township_records_reach_the_county_once(pair: Pair) -> None:
    data = pair.export_up()
    assert data is not None
    result = pair.import_to(pair.county, data)
    assert result.result == "applied", result
    for model in (Unit, Meeting, AgreedItem, ProgressFeedback, Suggestion, Topic):
        expected = _count(pair.township, model, pair.township_uuid)
        assert expected > 0
        assert _count(pair.county, model, pair.township_uuid) == expected, model
    assert result.counts["meeting"]["new"] == _count(pair.township, Meeting, pair.township_uuid)
    assert not result.problems
    before = logical_dump(pair.county)
    again = pair.import_to(pair.county, data)
    assert again.result == "already_applied"
    assert logical_dump(pair.county) == before


def test_dry_run_changes_nothing_and_counts_like_apply(pair: Pair) -> None:
    data = pair.export_up()
    assert data is not None
    before = logical_dump(pair.county)
    preview = preview_import(pair.county, data)
    assert logical_dump(pair.county) == before
    assert pair.import_to(pair.county, data).counts == preview.counts


def test_receipt_stops_resending(pair: Pair) -> None:
    first = pair.export_up()
    assert first is not None
    pair.import_to(pair.county, first)
    # Without a receipt the township sends everything again.
    resent = pair.export_up()
    assert resent is not None
    assert pair.import_to(pair.county, resent).counts["meeting"]["unchanged"] > 0
    receipt = pair.export_down()
    assert receipt is not None
    assert pair.import_to(pair.township, receipt).result == "applied"
    # Nothing changed: only the township's own receipt for the county's package travels.
    with pair.township.unit_of_work() as s:
        receipt_only = build_export(s, pair.county_uuid)
    assert receipt_only is not None and receipt_only.counts == {}
    assert len(receipt_only.package.manifest.acknowledgements) == 1
    pair.import_to(pair.county, receipt_only.package.data)
    # A package of receipts alone is owed no receipt: the exchange falls silent.
    with pair.county.unit_of_work() as s:
        assert build_export(s, pair.township_uuid) is None
    with pair.township.unit_of_work() as s:
        assert build_export(s, pair.county_uuid) is None
    with pair.township.unit_of_work() as s:
        meeting = s.scalars(select(Meeting).order_by(Meeting.id)).first()
        assert meeting is not None
        meeting.place = "镇政府三楼会议室"
        meeting.version += 1
    later = pair.export_up()
    assert later is not None
    result = pair.import_to(pair.county, later)
    assert result.counts == {
        "meeting": {"new": 0, "updated": 1, "unchanged": 0, "conflicts": 0, "rejected": 0}
    }


def test_county_notice_bulletin_units_holidays_reach_the_township(pair: Pair) -> None:
    pair.import_to(pair.county, pair.export_up() or b"")
    with pair.county.unit_of_work() as s:
        s.add(CalendarDay(day=date(2027, 10, 1), is_workday=False, name="国庆节"))
        s.add(
            Bulletin(
                number="滨工联督通〔2027〕1号",
                year=2027,
                issue_no=1,
                issued_on=TODAY,
                period_start=TODAY,
                period_end=TODAY,
                title="一季度督查通报",
                status=BulletinStatus.ISSUED,
                origin_office=pair.county_uuid,
            )
        )
        s.add(  # a draft stays in the office that writes it
            Bulletin(
                number="",
                year=2027,
                issue_no=0,
                issued_on=TODAY,
                period_start=TODAY,
                period_end=TODAY,
                title="二季度督查通报（草稿）",
                status=BulletinStatus.DRAFT,
                origin_office=pair.county_uuid,
            )
        )
    data = pair.export_down()
    assert data is not None
    result = pair.import_to(pair.township, data)
    assert result.result == "applied", result
    assert result.counts["bulletin"]["new"] == 1
    assert result.counts["holiday"]["new"] == 1
    assert result.counts["unit"]["new"] >= 1  # the county's own unit
    with pair.township.unit_of_work() as s:
        assert s.get(CalendarDay, date(2027, 10, 1)) is not None
        assert (
            s.scalars(select(Bulletin).where(Bulletin.origin_office == pair.county_uuid))
            .one()
            .title
            == "一季度督查通报"
        )


def test_township_changing_a_county_record_is_queued_as_conflict(pair: Pair) -> None:
    pair.import_to(pair.county, pair.export_up() or b"")
    pair.import_to(pair.township, pair.export_down() or b"")
    with pair.county.unit_of_work() as s:
        county_unit = s.scalars(select(Unit).where(Unit.origin_office == pair.county_uuid)).one()
        target = county_unit.uuid
    with pair.township.unit_of_work() as s:
        unit = s.scalars(select(Unit).where(Unit.uuid == target)).one()
        unit.origin_office = pair.township_uuid  # a township claiming the county's record
        unit.note = "乡镇改的"
        unit.version += 1
    result = pair.import_to(pair.county, pair.export_up() or b"")
    assert result.counts["unit"]["conflicts"] == 1
    with pair.county.unit_of_work() as s:
        conflict = s.scalars(select(ExchangeConflict)).one()
        assert conflict.incoming_value["note"] == "乡镇改的"
        assert s.scalars(select(Unit).where(Unit.uuid == target)).one().note == ""


def test_bad_packages_change_nothing(pair: Pair, tmp_path: Path) -> None:
    data = pair.export_up()
    assert data is not None
    wrong = pair.export_down()  # addressed to the township, not to the county
    assert wrong is not None
    before = logical_dump(pair.county)
    tampered = bytearray(data)
    tampered[len(tampered) // 2] ^= 0xFF
    assert pair.import_to(pair.county, bytes(tampered)).result == "rejected"
    refused = pair.import_to(pair.county, wrong)
    assert refused.result == "rejected" and refused.message
    stranger = _db(tmp_path / "s.db")
    with stranger.unit_of_work() as s:
        create_local_office(s, name="外县总工会", level=Level.COUNTY)
    with stranger.unit_of_work() as s:
        c_setup = export_setup_file(local_keys(s))
    assert logical_dump(pair.county) == before
    with pair.county.unit_of_work() as s:
        county_keys = local_keys(s)
    with stranger.unit_of_work() as s:
        trust_office(s, import_setup_file(export_setup_file(county_keys)))
        unknown = build_export(s, county_keys.uuid)
    assert unknown is not None
    result = pair.import_to(pair.county, unknown.package.data)
    assert result.result == "rejected" and "外县总工会" in result.message
    assert logical_dump(pair.county) == before
    assert c_setup
    stranger.dispose()


def test_stale_and_reused_sequences_are_refused(pair: Pair) -> None:
    first = pair.export_up()
    second = pair.export_up()
    assert first is not None and second is not None
    assert pair.import_to(pair.county, first).result == "applied"
    assert pair.import_to(pair.county, second).result == "applied"
    with pair.township.unit_of_work() as s:
        from desktop.models import ExchangePeer

        peer = s.get(ExchangePeer, pair.county_uuid)
        assert peer is not None
        peer.last_sent_sequence = 1  # a restored backup: number 2 again, other content
    reused = pair.export_up()
    assert reused is not None
    before = logical_dump(pair.county)
    assert pair.import_to(pair.county, reused).result == "rejected"
    assert logical_dump(pair.county) == before
