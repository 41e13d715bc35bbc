"""A county and a new township, from `init` and their setup files: one identity per office.

The township is made as `lianxi init --name 八滩镇工会 --level township --parent 滨海县总工会`
makes it; the county picks its own directory entry 八滩镇工会 when it trusts the township's
setup file. From then on the township's records count for the county's entry and the county's
items for that entry reach the township, with no unit doubled on either side.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.items import ItemInput, assign_item, create_item
from desktop.core.meetings import MeetingInput, create_meeting
from desktop.core.office import create_local_office, local_office
from desktop.core.unit_merge import merge_units
from desktop.core.units import UnitInput, create_unit
from desktop.db import Database
from desktop.models import AgreedItem, ExchangeConflict, Meeting, Unit
from desktop.models.enums import Level, MeetingKind, UnitKind
from desktop.sync import import_setup_file
from desktop.sync.exchange import resolve_conflict
from desktop.sync.exporter import build_export
from desktop.sync.importer import ImportResult, import_package
from desktop.sync.trust import local_keys, setup_file, trust_office
from tests.conftest import County, make_county
from tests.core.helpers import held_meeting
from tests.sync.exchange_env import open_db

DAY = date(2026, 5, 12)


@dataclass
class Offices:
    county: County
    township: Database
    c_uuid: str
    t_uuid: str

    def up(self) -> ImportResult:
        return _send(self.township, self.county.db, self.c_uuid)

    def down(self) -> ImportResult:
        return _send(self.county.db, self.township, self.t_uuid)


def _send(source: Database, target: Database, recipient: str) -> ImportResult:
    with source.unit_of_work() as s:
        built = build_export(s, recipient)
    assert built is not None
    with target.unit_of_work() as s:
        result = import_package(s, built.package.data, file_name=built.package.file_name())
    assert result.result == "applied", result.message
    return result


def _swap_setup_files(county: County, township: Database, *, pick: int | None) -> Offices:
    with county.db.unit_of_work() as s:
        c_file, c_keys = setup_file(s), local_keys(s)
    with township.unit_of_work() as s:
        t_file, t_keys = setup_file(s), local_keys(s)
    with county.db.unit_of_work() as s:  # the fingerprint read out over the phone
        public = import_setup_file(t_file, expected_fingerprint=t_keys.keys.fingerprint)
        trust_office(s, public, unit_id=pick)
    with township.unit_of_work() as s:
        trust_office(s, import_setup_file(c_file, expected_fingerprint=c_keys.keys.fingerprint))
    return Offices(county, township, c_keys.uuid, t_keys.uuid)


def _new_township(folder: Path) -> Database:
    township = open_db(folder / "t.db")
    with township.unit_of_work() as s:
        create_local_office(
            s,
            name="八滩镇工会",
            level=Level.TOWNSHIP,
            parent_name="滨海县总工会",
            doc_prefix="八工",
            parent_entry=True,
        )
    return township


def _township_meeting(township: Database) -> int:
    with township.unit_of_work() as s:
        me = local_office(s).unit_id
        government = create_unit(
            s, UnitInput("八滩镇人民政府", UnitKind.GOVERNMENT, Level.TOWNSHIP)
        ).id
        meeting = create_meeting(
            s,
            MeetingInput(
                MeetingKind.GOVERNMENT_UNION,
                Level.TOWNSHIP,
                me,
                "八滩镇人民政府",
                partner_unit_id=government,
                planned_on=DAY,
                place="镇政府会议室",
            ),
        ).id
        return int(meeting)


def _county_item_for_the_township(county: County) -> int:
    meeting, _ = held_meeting(county)
    item = county.run(
        create_item,
        ItemInput(
            meeting,
            "八滩镇建成职工服务驿站",
            lead_unit_id=county.township_union,
            deadline=date(2026, 9, 30),
        ),
    )
    county.run(assign_item, item.id, date(2026, 4, 2))
    return int(item.id)


def _named(db: Database, name: str) -> list[int]:
    with db.unit_of_work() as s:
        return list(s.scalars(select(Unit.id).where(Unit.name == name, Unit.deleted_at.is_(None))))


def _meetings_of(db: Database, unit_id: int) -> int:
    with db.unit_of_work() as s:
        return int(
            s.scalar(
                select(func.count(Meeting.id)).where(
                    Meeting.union_unit_id == unit_id, Meeting.deleted_at.is_(None)
                )
            )
            or 0
        )


@pytest.mark.parametrize("first", ["township sends first", "county sends first"])
def test_one_identity_from_init_and_setup_files(tmp_path: Path, first: str) -> None:
    county = make_county(tmp_path / "c")
    township = _new_township(tmp_path)
    offices = _swap_setup_files(county, township, pick=county.township_union)
    _township_meeting(township)
    item = _county_item_for_the_township(county)
    if first == "township sends first":
        offices.up()
        offices.down()
    else:
        offices.down()
        offices.up()
    offices.up()  # the township's records, now naming the county's entry, again

    # At the county: the township's meeting counts for the county's own 八滩镇工会.
    assert _named(county.db, "八滩镇工会") == [county.township_union]
    assert _meetings_of(county.db, county.township_union) == 1
    # At the township: its own entry is the county's, and the county's item reached it.
    with township.unit_of_work() as s:
        me = local_office(s).unit_id
        mine = s.scalar(select(Unit.uuid).where(Unit.id == me))
        lead = s.scalar(select(AgreedItem.lead_unit_id).where(AgreedItem.text.like("八滩镇%")))
    with county.db.unit_of_work() as s:
        county_entry = s.scalar(select(Unit.uuid).where(Unit.id == county.township_union))
        assert s.get(AgreedItem, item) is not None
    assert mine == county_entry
    assert lead == me
    assert _named(township, "八滩镇工会") == [me]
    assert _meetings_of(township, me) == 1
    assert len(_named(township, "滨海县总工会")) == 1


def test_a_duplicate_made_before_the_trust_step_is_merged_with_its_references(
    tmp_path: Path,
) -> None:
    """A county that imported the township before choosing its entry: the copy is merged."""
    county = make_county(tmp_path / "c")
    township = _new_township(tmp_path)
    offices = _swap_setup_files(county, township, pick=None)
    _township_meeting(township)
    offices.up()
    copies = _named(county.db, "八滩镇工会")
    assert len(copies) == 2  # the old behaviour: the township's own entry, without a parent
    copy = next(i for i in copies if i != county.township_union)
    assert _meetings_of(county.db, copy) == 1
    county.run(merge_units, copy, county.township_union)  # 合并重复单位
    assert _named(county.db, "八滩镇工会") == [county.township_union]
    assert _meetings_of(county.db, county.township_union) == 1
    offices.down()  # the merge travels: the township takes the county's entry as its own
    offices.up()
    assert _named(county.db, "八滩镇工会") == [county.township_union]
    assert _meetings_of(county.db, county.township_union) == 1
    with township.unit_of_work() as s:
        me = local_office(s).unit_id
    assert _named(township, "八滩镇工会") == [me]
    assert _meetings_of(township, me) == 1


def _county_unit(offices: Offices) -> str:
    with offices.county.db.unit_of_work() as s:
        return str(s.scalar(select(Unit.uuid).where(Unit.id == offices.county.finance)))


def _edit_unit(db: Database, uuid: str, note: str) -> None:
    """An edit as the unit editor makes it (the note, the version counted)."""
    with db.unit_of_work() as s:
        unit = s.scalars(select(Unit).where(Unit.uuid == uuid)).one()
        unit.note = note
        unit.version += 1


def _note(db: Database, uuid: str) -> str:
    with db.unit_of_work() as s:
        return str(s.scalar(select(Unit.note).where(Unit.uuid == uuid)))


def _open_conflicts(db: Database) -> list[ExchangeConflict]:
    with db.unit_of_work() as s:
        return list(
            s.scalars(select(ExchangeConflict).where(ExchangeConflict.resolution.is_(None)))
        )


@pytest.mark.parametrize("order", ["township edits first", "county edits first"])
@pytest.mark.parametrize("township_edits", [1, 2])
def test_an_owner_change_never_overwrites_an_edit_it_did_not_see(
    tmp_path: Path, order: str, township_edits: int
) -> None:
    county = make_county(tmp_path / "c")
    offices = _swap_setup_files(county, _new_township(tmp_path), pick=county.township_union)
    offices.down()
    finance = _county_unit(offices)
    edits = [lambda n=n: _edit_unit(offices.township, finance, f"乡镇改{n}") for n in (1, 2)]
    if order == "township edits first":
        for edit in edits[:township_edits]:
            edit()
        _edit_unit(county.db, finance, "县里改")
    else:
        _edit_unit(county.db, finance, "县里改")
        for edit in edits[:township_edits]:
            edit()
    result = offices.down()
    assert result.counts["unit"]["conflicts"] == 1, result.counts["unit"]
    (conflict,) = _open_conflicts(offices.township)
    assert conflict.incoming_value["note"] == "县里改"
    assert conflict.local_value["note"] == f"乡镇改{township_edits}"
    assert _note(offices.township, finance) == f"乡镇改{township_edits}"  # nothing overwritten
    with offices.township.unit_of_work() as s:
        resolve_conflict(s, conflict.id, "theirs")
    assert _note(offices.township, finance) == "县里改"
    _edit_unit(county.db, finance, "县里再改")  # later changes, seen by nobody here, just apply
    offices.down()
    assert _note(offices.township, finance) == "县里再改"
    assert _open_conflicts(offices.township) == []


def test_an_owner_change_applies_when_nothing_was_edited_here(tmp_path: Path) -> None:
    county = make_county(tmp_path / "c")
    offices = _swap_setup_files(county, _new_township(tmp_path), pick=county.township_union)
    offices.down()
    finance = _county_unit(offices)
    for n in range(3):  # three owner edits, each carried down
        _edit_unit(county.db, finance, f"县里改{n}")
        assert offices.down().counts["unit"]["updated"] == 1
    assert _note(offices.township, finance) == "县里改2"
    assert _open_conflicts(offices.township) == []


def test_keeping_mine_is_asked_again_only_for_a_new_owner_change(tmp_path: Path) -> None:
    county = make_county(tmp_path / "c")
    offices = _swap_setup_files(county, _new_township(tmp_path), pick=county.township_union)
    offices.down()
    finance = _county_unit(offices)
    _edit_unit(offices.township, finance, "乡镇改")
    _edit_unit(county.db, finance, "县里改")
    offices.down()
    (conflict,) = _open_conflicts(offices.township)
    with offices.township.unit_of_work() as s:
        resolve_conflict(s, conflict.id, "mine")
    offices.down()  # the same package content again (no receipt yet): not asked again
    assert _open_conflicts(offices.township) == []
    _edit_unit(county.db, finance, "县里又改")
    offices.down()
    (again,) = _open_conflicts(offices.township)
    assert again.incoming_value["note"] == "县里又改"
    assert _note(offices.township, finance) == "乡镇改"


def test_the_parent_typed_at_first_start_is_an_entry_that_becomes_the_countys(
    tmp_path: Path,
) -> None:
    township = _new_township(tmp_path)
    with township.unit_of_work() as s:
        me = s.get(Unit, local_office(s).unit_id)
        assert me is not None and me.parent_id is not None
        typed = s.get(Unit, me.parent_id)
        assert typed is not None and typed.name == "滨海县总工会"
    county = make_county(tmp_path / "c")
    offices = _swap_setup_files(county, township, pick=county.township_union)
    offices.down()
    with county.db.unit_of_work() as s:
        county_own = s.scalar(select(Unit.uuid).where(Unit.id == county.federation))
    with township.unit_of_work() as s:
        (parent,) = s.scalars(select(Unit).where(Unit.name == "滨海县总工会")).all()
        assert parent.uuid == county_own  # the typed entry took the county's identity


def test_a_void_travels_with_its_reason(tmp_path: Path) -> None:
    from desktop.core.supervision import NoticeInput, issue_notice
    from desktop.core.voiding import void_document
    from desktop.models import SupervisionNotice
    from desktop.models.enums import NoticeKind

    county = make_county(tmp_path / "c")
    offices = _swap_setup_files(county, _new_township(tmp_path), pick=county.township_union)
    item = _county_item_for_the_township(county)
    on = date(2026, 10, 9)
    notice = county.run(
        issue_notice,
        NoticeInput(NoticeKind.REMINDER, county.township_union, (item,), on, "请于五日内反馈"),
        today=on,
    )
    offices.down()
    county.run(void_document, "notice", notice.id, "误发：事项已于十月八日办结")
    offices.down()
    with offices.township.unit_of_work() as s:
        copy = s.scalars(
            select(SupervisionNotice).where(SupervisionNotice.uuid == notice.uuid)
        ).one()
        assert copy.deleted_at is not None
        assert copy.void_reason == "误发：事项已于十月八日办结"


def test_a_townships_extension_request_and_completion_reach_the_county(tmp_path: Path) -> None:
    """Issue 12: 办结 and 申请延期 on a county item changed only the township's copy."""
    from desktop.core.extensions import pending_extensions
    from desktop.core.items import approve_extension, complete_item, get_item, request_extension
    from desktop.models.enums import ItemStatus

    county = make_county(tmp_path / "c")
    offices = _swap_setup_files(county, _new_township(tmp_path), pick=county.township_union)
    item = _county_item_for_the_township(county)
    offices.down()
    with county.db.unit_of_work() as s:
        item_uuid = s.scalar(select(AgreedItem.uuid).where(AgreedItem.id == item))
    with offices.township.unit_of_work() as s:
        copy = s.scalar(select(AgreedItem.id).where(AgreedItem.uuid == item_uuid))
        request_extension(
            s, copy, new_deadline=date(2026, 12, 31), reason="场地改造延误", on=date(2026, 9, 20)
        )
    offices.up()
    with county.db.unit_of_work() as s:
        (waiting,) = pending_extensions(s, date(2026, 9, 25))
        assert waiting.item_id == item and waiting.requested_deadline == date(2026, 12, 31)
        assert waiting.reason == "场地改造延误"
    county.run(approve_extension, item, on=date(2026, 9, 26))
    offices.down()  # the decision travels down
    with offices.township.unit_of_work() as s:
        assert get_item(s, copy).deadline == date(2026, 12, 31)
        complete_item(s, copy, on=date(2026, 11, 30), note="驿站已建成投用")
    offices.up()
    done = county.run(get_item, item)
    assert done.status == ItemStatus.COMPLETED and done.completed_on == date(2026, 11, 30)
    assert done.percent_done == 100


def test_the_countys_timeline_of_an_item_reaches_the_township(tmp_path: Path) -> None:
    from desktop.models import ItemEvent

    county = make_county(tmp_path / "c")
    offices = _swap_setup_files(county, _new_township(tmp_path), pick=county.township_union)
    _county_item_for_the_township(county)
    offices.down()
    with offices.township.unit_of_work() as s:
        actions = list(s.scalars(select(ItemEvent.action).order_by(ItemEvent.on_date)))
    assert "assign" in actions  # 交办, as the county recorded it
