"""Imported records keep the editors' rules: ranges, dates, a tree of units, state transitions."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from desktop.core.errors import InvalidInput
from desktop.core.units import UnitInput, update_unit
from desktop.messages import message
from desktop.models import Unit
from tests.sync.authority_env import World, fresh_uuid


def _refused(world: World, kind: str, records: list[dict[str, Any]], editor_says: str) -> None:
    """Every record refused with the editor's own sentence; the county's records unchanged."""
    preview = world.preview("township", {kind: records})
    assert preview.counts[kind]["rejected"] == len(records), preview.counts
    before = world.recipient_dump("township")
    result = world.send("township", {kind: records})
    assert result.result == "applied"
    assert result.counts[kind]["rejected"] == len(records)
    assert result.problems == preview.problems
    for said in result.problems:
        assert editor_says in said and "未导入" in said, said
    assert world.recipient_dump("township") == before


def _new(world: World, kind: str, name: str, **changes: Any) -> dict[str, Any]:
    record = world.township_record(kind)
    return record | {"uuid": fresh_uuid("rules", kind, name), "version": 1} | changes


def _changed(world: World, kind: str, **changes: Any) -> dict[str, Any]:
    """A new version of a record of the township's own that the county holds."""
    record = world.township_record(kind)
    return record | {"version": record["version"] + 1} | changes


@pytest.mark.parametrize("percent", [250, -1])
def test_feedback_beyond_0_to_100_percent_is_refused(world: World, percent: int) -> None:
    editor = message("out_of_range", {"field": "percent_done"})
    _refused(
        world, "feedback", [_new(world, "feedback", str(percent), percent_done=percent)], editor
    )


def test_an_item_beyond_100_percent_or_due_before_its_meeting_is_refused(world: World) -> None:
    item = _new(world, "agreed_item", "250", percent_done=250, sequence=98)
    _refused(world, "agreed_item", [item], message("out_of_range", {"field": "percent_done"}))
    early = _new(world, "agreed_item", "early", deadline="1990-01-01", sequence=97)
    _refused(world, "agreed_item", [early], message("deadline_before_meeting"))


def test_a_unit_that_is_its_own_parent_is_refused(world: World) -> None:
    unit = world.township_record("unit")
    record = _changed(world, "unit", parent_uuid=unit["uuid"])
    _refused(world, "unit", [record], message("own_parent"))


def test_units_that_form_a_loop_are_refused(world: World) -> None:
    child = next(r for r in world.township_records["unit"] if r["parent_uuid"])
    parent = child["parent_uuid"]
    top = next(r for r in world.township_records["unit"] if r["uuid"] == parent)
    looped = top | {"version": top["version"] + 1, "parent_uuid": child["uuid"]}
    _refused(world, "unit", [looped], message("parent_cycle"))


def test_a_status_the_state_machine_cannot_reach_is_refused(world: World) -> None:
    held = next(r for r in world.township_records["meeting"] if r["status"] == "minutes_issued")
    backwards = held | {"version": held["version"] + 1, "status": "planned"}
    _refused(world, "meeting", [backwards], message("status_unreachable", {"state": "planned"}))


def test_a_status_reached_in_several_steps_is_applied(world: World) -> None:
    item = next(r for r in world.township_records["agreed_item"] if r["status"] == "assigned")
    done = item | {"version": item["version"] + 1, "status": "verified", "percent_done": 100}
    result = world.send("township", {"agreed_item": [done]})
    assert result.counts["agreed_item"]["updated"] == 1, result.problems


def test_the_editor_refuses_the_same_loop_with_the_same_rule(world: World) -> None:
    child = next(r for r in world.township_records["unit"] if r["parent_uuid"])
    with world.env.county.unit_of_work() as s:
        ids = {uuid: unit_id for uuid, unit_id in s.execute(select(Unit.uuid, Unit.id))}
        top = s.get(Unit, ids[child["parent_uuid"]])
        assert top is not None
        data = UnitInput(top.name, top.kind, top.level, parent_id=ids[child["uuid"]])
        with pytest.raises(InvalidInput) as refused:
            update_unit(s, top.id, data)
    assert refused.value.code == "parent_cycle"


def test_an_item_done_before_its_meeting_or_verified_before_done_is_refused(world: World) -> None:
    early = _new(world, "agreed_item", "done-early", completed_on="1990-01-01", sequence=96)
    _refused(world, "agreed_item", [early], message("before_meeting", {"field": "completed_on"}))
    held = next(m for m in world.township_records["meeting"] if m["held_on"])
    late = _new(
        world,
        "agreed_item",
        "verified-first",
        meeting_uuid=held["uuid"],
        completed_on="2099-12-31",
        verified_on="2099-01-01",
        deadline=None,
        sequence=95,
    )
    _refused(world, "agreed_item", [late], message("before_completion", {"field": "verified_on"}))
