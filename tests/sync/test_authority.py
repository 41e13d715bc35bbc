"""A trusted township cannot change what it does not own, through any reference (issue 15)."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy import select

from desktop.models import AgreedItem, ExchangeLog, Unit
from desktop.models.enums import ItemStatus
from desktop.sync.apply import write_record
from desktop.sync.records import BY_KIND, Uuids
from tests.sync.authority_env import World, fresh_uuid

HAN = ("\u4e00", "\u9fff")


def _own_copy(world: World, kind: str, name: str, **changes: Any) -> dict[str, Any]:
    """A new record of the township's own of `kind`, with changes."""
    record = world.township_record(kind)
    record["uuid"] = fresh_uuid("township", kind, name)
    record["version"] = 1
    return record | changes


def _refused_without_change(world: World, kind: str, record: dict[str, Any], code: str) -> str:
    """Send one record from the township; it must be refused with `code`, the preview must say
    so in Chinese, and the county must be unchanged but for the exchange bookkeeping."""
    preview = world.preview("township", {kind: [record]})
    assert preview.result == "applied", preview.message
    assert preview.counts[kind]["rejected"] == 1, preview.counts
    (said,) = preview.problems
    assert any(HAN[0] <= c <= HAN[1] for c in said) and "未导入" in said, said
    before = world.recipient_dump("township")
    result = world.send("township", {kind: [record]})
    assert result.result == "applied" and result.counts[kind]["rejected"] == 1
    assert result.problems == preview.problems
    assert world.recipient_dump("township") == before
    with world.env.county.unit_of_work() as s:
        log = s.scalars(select(ExchangeLog).order_by(ExchangeLog.id.desc())).first()
        assert log is not None and log.detail["problems"] == list(result.problems)
    assert code  # the code is in the tally, the sentence in problems
    return said


def _county_item(world: World, *, lead: str | None) -> str:
    """The county's item, assigned and untouched, led by the unit `lead` (a uuid)."""
    item_uuid = world.county_records["agreed_item"]["uuid"]
    with world.env.county.unit_of_work() as s:
        item = s.scalars(select(AgreedItem).where(AgreedItem.uuid == item_uuid)).one()
        item.status, item.percent_done, item.last_feedback_on = ItemStatus.ASSIGNED, 0, None
        item.lead_unit_id = (
            None if lead is None else s.scalars(select(Unit.id).where(Unit.uuid == lead)).one()
        )
        item.cooperating_units = []
    return item_uuid


def _enterprise_of_the_county(world: World) -> str:
    """A unit of the county's own directory (an enterprise outside the township)."""
    return str(world.county_records["unit"]["uuid"])


def _township_union(world: World) -> str:
    with world.env.county.unit_of_work() as s:
        return s.scalars(
            select(Unit.uuid).where(
                Unit.origin_office == world.env.t_keys.uuid, Unit.name == "八滩镇工会"
            )
        ).one()


def _another_township_unit(world: World) -> str:
    """A union of another township the county knows (owned by that township's office)."""
    record = copy.deepcopy(world.township_records["unit"][0])
    record |= {
        "uuid": fresh_uuid("other", "unit"),
        "origin_office": fresh_uuid("other", "office"),
        "name": "六套镇工会",
        "parent_uuid": None,
    }
    with world.env.county.unit_of_work() as s:
        row = Unit()
        with s.no_autoflush:
            write_record(s, BY_KIND["unit"], row, record, Uuids(s))
        s.add(row)
    return str(record["uuid"])


# ---------------------------------------------------------------------------------------------
# The cases, each refused with the county unchanged


def test_feedback_on_a_county_item_led_by_an_enterprise_is_refused(world: World) -> None:
    item_uuid = _county_item(world, lead=_enterprise_of_the_county(world))
    feedback = _own_copy(
        world,
        "feedback",
        "on-county-item",
        item_uuid=item_uuid,
        reporting_unit_uuid=_township_union(world),
        percent_done=100,
    )
    said = _refused_without_change(world, "feedback", feedback, "not_responsible")
    assert "牵头或配合" in said
    with world.env.county.unit_of_work() as s:
        item = s.scalars(select(AgreedItem).where(AgreedItem.uuid == item_uuid)).one()
        assert (item.status, item.percent_done) == (ItemStatus.ASSIGNED, 0)


def test_feedback_on_a_county_item_the_township_leads_moves_it(world: World) -> None:
    item_uuid = _county_item(world, lead=_township_union(world))
    feedback = _own_copy(
        world,
        "feedback",
        "led-by-township",
        item_uuid=item_uuid,
        reporting_unit_uuid=None,
        percent_done=40,
        deleted_at=None,
    )
    result = world.send("township", {"feedback": [feedback]})
    assert result.counts["feedback"]["new"] == 1, result.problems
    with world.env.county.unit_of_work() as s:
        item = s.scalars(select(AgreedItem).where(AgreedItem.uuid == item_uuid)).one()
        assert (item.status, item.percent_done) == (ItemStatus.IN_PROGRESS, 40)


def test_a_verify_timeline_entry_on_a_county_item_is_refused(world: World) -> None:
    item_uuid = _county_item(world, lead=_township_union(world))  # even the item's lead unit
    event = _own_copy(
        world,
        "item_event",
        "verify",
        item_uuid=item_uuid,
        action="verify",
        from_status="completed",
        to_status="verified",
    )
    said = _refused_without_change(world, "item_event", event, "action_not_allowed")
    assert "验收" in said or "verify" not in said


def test_an_item_attached_to_a_county_meeting_is_refused(world: World) -> None:
    item = _own_copy(
        world,
        "agreed_item",
        "inserted",
        meeting_uuid=world.county_records["meeting"]["uuid"],
        text="（乡镇插入）县政府同意每年拨付八滩镇工会经费100万元",
        sequence=99,
    )
    said = _refused_without_change(world, "agreed_item", item, "not_own_record")
    assert "会议" in said


def test_a_bulletin_criticising_another_township_is_refused(world: World) -> None:
    other = _another_township_unit(world)
    bulletin = _own_copy(world, "bulletin", "criticism")
    bulletin["mentions"] = [{"unit_uuid": other, "kind": "criticism", "reason": "会议走过场"}]
    said = _refused_without_change(world, "bulletin", bulletin, "outside_subtree")
    assert "下辖" in said


def test_a_formalism_flag_or_establishment_for_another_township_is_refused(
    world: World,
) -> None:
    other = _another_township_unit(world)
    meeting = _own_copy(
        world,
        "meeting",
        "for-other",
        union_unit_uuid=other,
        formality_flag=True,
        formality_reason="走过场",
        reconvene_of_uuid=None,
    )
    meeting["agenda"] = []
    _refused_without_change(world, "meeting", meeting, "outside_subtree")
    establishment = _own_copy(
        world, "establishment", "for-other", union_unit_uuid=other, established=False
    )
    _refused_without_change(world, "establishment", establishment, "outside_subtree")


def test_records_that_depend_on_a_refused_one_are_refused_too(world: World) -> None:
    item = _own_copy(
        world, "agreed_item", "inserted", meeting_uuid=world.county_records["meeting"]["uuid"]
    )
    feedback = _own_copy(world, "feedback", "on-inserted", item_uuid=item["uuid"])
    before = world.recipient_dump("township")
    result = world.send("township", {"agreed_item": [item], "feedback": [feedback]})
    assert result.counts["agreed_item"]["rejected"] == 1
    assert result.counts["feedback"]["rejected"] == 1
    assert world.recipient_dump("township") == before


def test_feedback_on_a_county_item_led_by_one_of_its_enterprises_is_applied(world: World) -> None:
    """The enterprise runs the program itself (its unit is its own office's) below the
    township's union: the township relays its feedback."""
    enterprise = copy.deepcopy(world.township_records["unit"][0])
    enterprise |= {
        "uuid": fresh_uuid("enterprise", "unit"),
        "origin_office": fresh_uuid("enterprise", "office"),
        "name": "滨海县恒鑫环保科技有限公司工会",
        "kind": "enterprise_union",
        "parent_uuid": _township_union(world),
    }
    with world.env.county.unit_of_work() as s:
        row = Unit()
        with s.no_autoflush:
            write_record(s, BY_KIND["unit"], row, enterprise, Uuids(s))
        row.parent_id = s.scalars(select(Unit.id).where(Unit.uuid == _township_union(world))).one()
        s.add(row)
    item_uuid = _county_item(world, lead=enterprise["uuid"])
    feedback = _own_copy(
        world,
        "feedback",
        "relayed",
        item_uuid=item_uuid,
        reporting_unit_uuid=enterprise["uuid"],
        percent_done=60,
        deleted_at=None,
    )
    result = world.send("township", {"feedback": [feedback]})
    assert result.counts["feedback"]["new"] == 1, result.problems
    with world.env.county.unit_of_work() as s:
        item = s.scalars(select(AgreedItem).where(AgreedItem.uuid == item_uuid)).one()
        assert (item.status, item.percent_done) == (ItemStatus.IN_PROGRESS, 60)
