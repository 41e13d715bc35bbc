"""The clerk's actions on packages: export to a folder, preview, import with backup, conflicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.items import FeedbackInput, ItemInput, assign_item, create_item, report_progress
from desktop.core.office import create_local_office, local_office
from desktop.core.records import stamp_new
from desktop.core.units import UnitInput, create_unit
from desktop.db.migrate import upgrade
from desktop.messages import describe
from desktop.models import (
    AgreedItem,
    Bulletin,
    BulletinMention,
    ExchangeConflict,
    ExchangePeer,
    PendingExport,
    SentRecord,
    Unit,
)
from desktop.models.enums import BulletinStatus, ItemStatus, Level, MentionKind, UnitKind
from desktop.sync.errors import WriteFailed
from desktop.sync.exchange import (
    ConflictGone,
    default_recipients,
    differences,
    export_packages,
    import_files,
    import_log,
    open_conflicts,
    peers,
    preview_files,
    resolve_conflict,
)
from desktop.sync.exporter import build_export
from tests.conftest import County, logical_dump
from tests.core.helpers import held_meeting
from tests.databases import open_test_database
from tests.sync.exchange_env import trust_each_other
from tests.sync.test_db_exchange import Pair, pair  # noqa: F401  (the fixture)


def _export_up(pair: Pair, folder: Path) -> Path:  # noqa: F811
    folder.mkdir(exist_ok=True)
    (written,) = export_packages(pair.township, folder, [pair.county_uuid])
    assert written.path is not None and written.path.parent == folder
    return written.path


def test_recipients_and_peers(pair: Pair) -> None:  # noqa: F811
    with pair.township.unit_of_work() as s:
        assert default_recipients(s) == [pair.county_uuid]
        (county,) = peers(s)
        assert county.is_parent and county.trusted and not county.revoked
        assert len(county.fingerprint) > 10
    with pair.county.unit_of_work() as s:
        assert default_recipients(s) == [pair.township_uuid]
        (township,) = peers(s)
        assert not township.is_parent


def test_export_writes_a_verified_file_and_records_its_sequence(
    pair: Pair,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = _export_up(pair, tmp_path / "stick")
    assert path.suffix == ".lxpkg" and path.stat().st_size > 0
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    with pair.township.unit_of_work() as s:
        peer = s.get(ExchangePeer, pair.county_uuid)
        assert peer is not None and peer.last_sent_sequence == 1
        assert [e.direction for e in import_log(s)] == ["export"]


def test_export_to_a_missing_folder_records_nothing(pair: Pair, tmp_path: Path) -> None:  # noqa: F811
    before = logical_dump(pair.township)
    with pytest.raises(WriteFailed) as raised:
        export_packages(pair.township, tmp_path / "unplugged", [pair.county_uuid])
    assert "文件夹不存在" in describe(raised.value, "zh")
    assert logical_dump(pair.township) == before


def test_a_failed_write_is_written_again_byte_for_byte(
    pair: Pair,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full(folder: Path, name: str, data: bytes) -> Path:
        raise WriteFailed("disk_full", path=str(folder / name), reason="No space left on device")

    monkeypatch.setattr("desktop.sync.exchange.write_file_atomic", full)
    with pytest.raises(WriteFailed):
        export_packages(pair.township, tmp_path, [pair.county_uuid])
    with pair.township.unit_of_work() as s:
        pending = s.get(PendingExport, pair.county_uuid)
        assert pending is not None and pending.sequence == 1
        kept = pending.data
        assert [e.result for e in import_log(s)] == ["write_failed", "written"]
    monkeypatch.undo()
    (again,) = export_packages(pair.township, tmp_path, [pair.county_uuid])
    assert again.rewritten and again.sequence == 1
    assert again.path is not None and again.path.read_bytes() == kept
    (result,), _ = import_files(pair.county, [again.path])
    assert result.result == "applied"
    with pair.township.unit_of_work() as s:
        assert s.get(PendingExport, pair.county_uuid) is None
        assert import_log(s)[0].result == "rewritten"
    (following,) = export_packages(pair.township, tmp_path, [pair.county_uuid])
    assert following.sequence == 2 and not following.rewritten


def test_preview_in_any_order_changes_nothing_and_import_drains_held(
    pair: Pair,  # noqa: F811
    tmp_path: Path,
) -> None:
    first = _export_up(pair, tmp_path / "a")
    second = _export_up(pair, tmp_path / "b")
    before = logical_dump(pair.county)
    preview = preview_files(pair.county, [second, first])
    assert [r.result for r in preview] == ["held", "applied", "applied"]
    assert [r.sequence for r in preview] == [2, 1, 2]
    assert logical_dump(pair.county) == before
    results, backup = import_files(pair.county, [second, first])
    assert [(r.result, r.sequence) for r in results] == [
        ("held", 2),
        ("applied", 1),
        ("applied", 2),
    ]
    assert [r.counts for r in results] == [r.counts for r in preview]
    assert backup is not None and backup.exists()
    with pair.county.unit_of_work() as s:
        log = [(e.direction, e.result, e.sequence) for e in import_log(s)]
        assert log == [("import", "applied", 2), ("import", "applied", 1), ("import", "held", 2)]
    again, no_backup = import_files(pair.county, [first])
    assert again[0].result == "already_applied"
    assert no_backup is None  # nothing to change, so no copy of the whole database
    assert len(list(backup.parent.glob("*-before-import.*"))) == 1


def test_an_unreadable_file_is_a_clear_refusal(pair: Pair, tmp_path: Path) -> None:  # noqa: F811
    before = logical_dump(pair.county)
    (result,) = preview_files(pair.county, [tmp_path / "gone.lxpkg"])
    assert result.result == "rejected" and "无法读取" in result.message
    assert logical_dump(pair.county) == before


def _conflict(pair: Pair, tmp_path: Path) -> str:  # noqa: F811
    import_files(pair.county, [_export_up(pair, tmp_path / "up1")])
    (down,) = export_packages(pair.county, tmp_path, [pair.township_uuid])
    assert down.path is not None
    import_files(pair.township, [down.path])
    with pair.county.unit_of_work() as s:
        target = s.scalars(select(Unit).where(Unit.origin_office == pair.county_uuid)).one().uuid
    with pair.township.unit_of_work() as s:
        unit = s.scalars(select(Unit).where(Unit.uuid == target)).one()
        unit.origin_office = pair.township_uuid
        unit.note = "乡镇改的"
        unit.version += 1
    (result,), _ = import_files(pair.county, [_export_up(pair, tmp_path / "up2")])
    assert result.counts["unit"]["conflicts"] == 1
    return target


def test_keep_mine_changes_no_record(pair: Pair, tmp_path: Path) -> None:  # noqa: F811
    target = _conflict(pair, tmp_path)
    with pair.county.unit_of_work() as s:
        (conflict,) = open_conflicts(s)
        diff = differences(conflict)
        assert [(d.name, d.local, d.incoming) for d in diff] == [("note", "", "乡镇改的")]
        conflict_id = conflict.id
    before = {k: v for k, v in logical_dump(pair.county).items() if k != "exchange_conflict"}
    with pair.county.unit_of_work() as s:
        resolve_conflict(s, conflict_id, "mine")
    after = logical_dump(pair.county)
    assert {k: v for k, v in after.items() if k != "exchange_conflict"} == before
    with pair.county.unit_of_work() as s:
        assert open_conflicts(s) == []
        assert s.scalars(select(Unit).where(Unit.uuid == target)).one().note == ""
        with pytest.raises(ConflictGone):
            resolve_conflict(s, conflict_id, "theirs")


def test_take_theirs_keeps_our_ownership_and_travels_back(
    pair: Pair,  # noqa: F811
    tmp_path: Path,
) -> None:
    target = _conflict(pair, tmp_path)
    with pair.county.unit_of_work() as s:
        unit = s.scalars(select(Unit).where(Unit.uuid == target)).one()
        version = unit.version
        resolve_conflict(s, open_conflicts(s)[0].id, "theirs")
    with pair.county.unit_of_work() as s:
        unit = s.scalars(select(Unit).where(Unit.uuid == target)).one()
        assert unit.note == "乡镇改的"
        assert unit.origin_office == pair.county_uuid
        assert unit.version == version + 1
        assert s.scalars(select(ExchangeConflict)).one().resolution == "theirs"
    (down,) = export_packages(pair.county, tmp_path, [pair.township_uuid])
    assert down.counts.get("unit", 0) >= 1


def test_the_same_change_sent_again_is_one_conflict(pair: Pair, tmp_path: Path) -> None:  # noqa: F811
    _conflict(pair, tmp_path)
    (again,), _ = import_files(pair.county, [_export_up(pair, tmp_path / "up3")])
    assert again.result == "applied" and again.counts["unit"]["conflicts"] == 1
    with pair.county.unit_of_work() as s:
        assert len(open_conflicts(s)) == 1


def test_township_feedback_moves_the_county_item_it_was_given(
    pair: Pair,  # noqa: F811
    tmp_path: Path,
) -> None:
    import_files(pair.county, [_export_up(pair, tmp_path / "up1")])
    with pair.county.unit_of_work() as s:
        federation = local_office(s).unit_id
        government = create_unit(
            s, UnitInput("滨海县人民政府", UnitKind.GOVERNMENT, Level.COUNTY)
        ).id
        township_union = s.scalars(
            select(Unit.id).where(
                Unit.origin_office == pair.township_uuid, Unit.name == "八滩镇工会"
            )
        ).one()
    assert federation is not None
    county = County(pair.county, federation, government, township_union, township_union, 0, 0)
    meeting, topic = held_meeting(county)
    item = county.run(
        create_item,
        ItemInput(
            meeting,
            "各镇建立职工服务驿站",
            topic_id=topic,
            lead_unit_id=township_union,
            deadline=date(2026, 12, 31),
        ),
    )
    county.run(assign_item, item.id, date(2026, 4, 2))
    with pair.county.unit_of_work() as s:
        item_uuid = s.get(AgreedItem, item.id).uuid  # type: ignore[union-attr]
    (down,) = export_packages(pair.county, tmp_path, [pair.township_uuid])
    assert down.path is not None and down.counts["agreed_item"] == 1
    import_files(pair.township, [down.path])
    with pair.township.unit_of_work() as s:
        local_id = s.scalars(select(AgreedItem.id).where(AgreedItem.uuid == item_uuid)).one()
        report_progress(
            s,
            local_id,
            FeedbackInput(reported_on=date(2026, 5, 8), text="驿站选址已完成。", percent_done=30),
        )
    (up,) = export_packages(pair.township, tmp_path / "up1", [pair.county_uuid])
    assert up.path is not None and "agreed_item" not in up.counts  # the item is not ours to send
    (result,), _ = import_files(pair.county, [up.path])
    assert result.result == "applied" and result.counts["feedback"]["new"] == 1
    with pair.county.unit_of_work() as s:
        arrived = s.get(AgreedItem, item.id)
        assert arrived is not None
        assert (arrived.status, arrived.percent_done, arrived.last_feedback_on) == (
            ItemStatus.IN_PROGRESS,
            30,
            date(2026, 5, 8),
        )


def test_the_county_relays_another_townships_unit_its_bulletin_names(
    pair: Pair,  # noqa: F811
    tmp_path: Path,
) -> None:
    other = open_test_database(tmp_path / "b.db")
    upgrade(other, backup=False)
    with other.unit_of_work() as s:
        create_local_office(s, name="八巨镇工会", level=Level.TOWNSHIP, parent_name="滨海县总工会")
    b, _ = trust_each_other(other, pair.county)
    import_files(pair.county, [_export_up(pair, tmp_path / "up1")])
    with pair.county.unit_of_work() as s:
        named = s.scalars(
            select(Unit).where(
                Unit.origin_office == pair.township_uuid, Unit.parent_id.is_not(None)
            )
        ).first()
        assert named is not None
        named_uuid = named.uuid
        bulletin = Bulletin(
            number="滨工联督通〔2027〕1号",
            year=2027,
            issue_no=1,
            issued_on=date(2027, 3, 18),
            period_start=date(2027, 1, 1),
            period_end=date(2027, 3, 18),
            title="一季度督查通报",
            status=BulletinStatus.ISSUED,
        )
        bulletin.mentions = [
            BulletinMention(unit_id=named.id, kind=MentionKind.COMMENDATION, reason="按时办结")
        ]
        stamp_new(s, bulletin)
        s.add(bulletin)
    written = export_packages(pair.county, tmp_path, [b.uuid])
    assert written[0].path is not None and written[0].counts["bulletin"] == 1
    (result,), _ = import_files(other, [written[0].path])
    assert result.result == "applied", result.message
    with other.unit_of_work() as s:
        relayed = s.scalars(select(Unit).where(Unit.uuid == named_uuid)).one()
        assert relayed.origin_office == pair.township_uuid  # still the township's, only passed on
        mention = s.scalars(select(BulletinMention)).one()
        assert mention.unit_id == relayed.id
    with pair.township.unit_of_work() as s:
        unit = s.scalars(select(Unit).where(Unit.uuid == named_uuid)).one()
        unit.contact_phone, unit.version = "0515-84100000", unit.version + 1
    import_files(pair.county, [_export_up(pair, tmp_path / "up2")])
    (again,) = export_packages(pair.county, tmp_path / "up2", [b.uuid])
    assert again.path is not None
    (result,), _ = import_files(other, [again.path])
    assert result.counts["unit"]["updated"] >= 1
    with other.unit_of_work() as s:
        assert s.scalars(select(Unit).where(Unit.uuid == named_uuid)).one().contact_phone == (
            "0515-84100000"
        )
    with other.unit_of_work() as s:
        # The relayed entry is not the other township's to send back up.
        up = build_export(s, pair.county_uuid)
        assert up is not None and up.counts == {"unit": 1}  # its own directory entry only
        sent = s.scalars(select(SentRecord.record_key).where(SentRecord.kind == "unit")).all()
        assert named_uuid not in sent
    other.dispose()
