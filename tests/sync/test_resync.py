"""A township restores an older backup: the exchange recovers with one resync, nothing lost.

Before: every later package from the restored township was refused for good (同号数据包内容不
同), and revoking and trusting again did not help. Now the township resyncs (重新同步); its
first package starts a new numbering, which the county accepts once its clerk confirms; the
county starts its own numbering again and carries back the township's records the restore
took; afterwards both hold the same records.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.db import Database
from desktop.db.backup import backup_database
from desktop.models import ExchangeConflict, Meeting, UnitMerge
from desktop.sync.exchange import open_conflicts, request_resync, resolve_conflict
from desktop.sync.exporter import build_export
from desktop.sync.importer import ImportResult, import_package
from desktop.sync.records import SPECS, Uuids, load_records
from tests.conftest import make_county
from tests.databases import restore_test_backup
from tests.sync.exchange_env import open_db
from tests.sync.test_two_offices import (
    Offices,
    _new_township,
    _swap_setup_files,
    _township_meeting,
)


def _package(source: Database, recipient: str) -> bytes:
    with source.unit_of_work() as s:
        built = build_export(s, recipient)
    assert built is not None
    return built.package.data


def _import(target: Database, data: bytes, **kwargs: Any) -> ImportResult:
    with target.unit_of_work() as s:
        return import_package(s, data, file_name="p.lxpkg", **kwargs)


def _records(db: Database) -> dict[tuple[str, str], dict[str, Any]]:
    """Every travelling record by kind and uuid, as packages carry it; a unit merged away is
    left out (its row stays retired where it was entered; the merge record itself travels)."""
    with db.unit_of_work() as s:
        uuids = Uuids(s)
        merged = set(s.scalars(select(UnitMerge.merged_unit_uuid)))
        return {
            (spec.kind, record["uuid"]): record
            for spec in SPECS
            for record in load_records(s, spec, uuids).values()
            if not (spec.kind == "unit" and record["uuid"] in merged)
        }


def _until_quiet(offices: Offices) -> None:
    """Packages both ways until neither side has anything (records or receipts) to send."""
    for _ in range(6):
        sent = False
        for source, target, recipient in (
            (offices.township, offices.county.db, offices.c_uuid),
            (offices.county.db, offices.township, offices.t_uuid),
        ):
            with source.unit_of_work() as s:
                built = build_export(s, recipient)
            if built is not None:
                assert _import(target, built.package.data).result == "applied"
                sent = True
        if not sent:
            return
    raise AssertionError("the offices never fell quiet")


def open_conflicts_in(db: Database) -> list[ExchangeConflict]:
    with db.unit_of_work() as s:
        return open_conflicts(s)


def _meeting_places(db: Database) -> set[str]:
    with db.unit_of_work() as s:
        return set(s.scalars(select(Meeting.place)))


def test_restore_then_resync_leaves_both_offices_equal(tmp_path: Path) -> None:
    county = make_county(tmp_path / "c")
    township_path = tmp_path / "t.db"
    township = _new_township(tmp_path)
    offices = _swap_setup_files(county, township, pick=county.township_union)
    _township_meeting(township)
    offices.up()
    offices.down()
    backup = backup_database(township, tmp_path / "backups" / "t-before.db", reason="manual")

    # After the backup: an edit and a second meeting, sent to the county and acknowledged.
    with township.unit_of_work() as s:
        s.scalars(select(Meeting)).one().place = "镇政府二楼会议室"
    second = _township_meeting(township)
    _until_quiet(offices)
    assert _meeting_places(county.db) == {"镇政府二楼会议室", "镇政府会议室"}

    # The township's disk fails; the office restores last week's backup, and work goes on.
    restore_test_backup(township, township_path, backup)
    township = open_db(township_path)
    offices = Offices(county, township, offices.c_uuid, offices.t_uuid)
    assert _meeting_places(township) == {"镇政府会议室"}  # the edit and the meeting are gone
    with township.unit_of_work() as s:
        s.scalars(select(Meeting)).one().place = "镇政府三楼会议室"
    refused = _import(county.db, _package(township, offices.c_uuid))
    assert refused.result == "rejected" and refused.code == "sequence_reused"
    assert "重新同步" in refused.message

    # One resync at the township; the county's clerk confirms the new start.
    with township.unit_of_work() as s:
        request_resync(s, offices.c_uuid)
    first = _package(township, offices.c_uuid)
    asked = _import(county.db, first)
    assert asked.result == "rejected" and asked.code == "restart_unconfirmed"
    accepted = _import(county.db, first, accept_restart=True)
    assert accepted.result == "applied", accepted.message
    # The township's restored copy of its meeting is no newer than the county's, and differs:
    # the county keeps its copy until a person decides, so the edit the restore took is not
    # silently overwritten.
    (at_county,) = open_conflicts_in(county.db)
    assert at_county.local_value["place"] == "镇政府二楼会议室"
    assert at_county.incoming_value["place"] == "镇政府三楼会议室"
    # The county starts again too, and carries back what the restore took from the township.
    back = _import(township, _package(county.db, offices.t_uuid))
    assert back.result == "applied", back.message
    assert back.counts["meeting"]["new"] == 1  # the meeting the restore took, carried back
    (at_township,) = open_conflicts_in(township)  # and the edit it took, shown to decide
    assert at_township.incoming_value["place"] == "镇政府二楼会议室"
    assert at_township.local_value["place"] == "镇政府三楼会议室"
    # Both offices settle on the place set since the restore.
    with county.db.unit_of_work() as s:
        resolve_conflict(s, at_county.id, "theirs")
    with township.unit_of_work() as s:
        resolve_conflict(s, at_township.id, "mine")
    _until_quiet(offices)

    assert _records(township) == _records(county.db)
    assert _meeting_places(township) == {"镇政府三楼会议室", "镇政府会议室"}
    with township.unit_of_work() as s:
        assert s.get(Meeting, second) is not None
    # The exchange goes on as before: nothing more to send either way.
    with township.unit_of_work() as s:
        assert build_export(s, offices.c_uuid) is None
    with county.db.unit_of_work() as s:
        assert build_export(s, offices.t_uuid) is None


def test_a_package_from_before_the_resync_is_not_a_new_start(tmp_path: Path) -> None:
    """A stale first package (of the old numbering) presented again is refused, never taken
    as the peer starting again."""
    county = make_county(tmp_path / "c")
    township = _new_township(tmp_path)
    offices = _swap_setup_files(county, township, pick=county.township_union)
    _township_meeting(township)
    old_first = _package(township, offices.c_uuid)
    assert _import(county.db, old_first).result == "applied"
    with township.unit_of_work() as s:
        request_resync(s, offices.c_uuid)
    new_first = _package(township, offices.c_uuid)
    assert _import(county.db, new_first, accept_restart=True).result == "applied"
    again = _import(county.db, old_first, accept_restart=True)
    assert again.result == "rejected" and again.code == "stale"
