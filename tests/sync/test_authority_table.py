"""Walk the authority table of docs/package-format.md: every kind × action, from a township and
from the county, each tried against the other side's records."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from desktop.sync.authority import RULES
from desktop.sync.records import BY_KIND, SPECS, ref_key
from tests.sync.authority_env import World, fresh_uuid

DOC = Path(__file__).parents[2] / "docs" / "package-format.md"
SENDERS = ("township", "county")


def rules_table() -> list[dict[str, str]]:
    """The rows of the table headed `| record kind | action | township | county | enterprise |`."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| record kind | action"))
    header = [cell.strip() for cell in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip().replace("`", "") for cell in line.strip().strip("|").split("|")]
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


ROWS = rules_table()


def test_the_table_is_the_code() -> None:
    """Every attach rule of the code is a row of the document and the other way round."""
    documented = {
        (row["record kind"], row["action"].removeprefix("attach "))
        for row in ROWS
        if row["action"].startswith("attach ")
    }
    assert documented == {(kind, key) for kind, rules in RULES.items() for key in rules}
    kinds = {row["record kind"] for row in ROWS}
    assert kinds == {spec.kind for spec in SPECS} | {"holiday"}
    for kind in kinds - {"holiday"}:
        actions = {row["action"] for row in ROWS if row["record kind"] == kind}
        assert {"create", "change"} <= actions, kind


def _target_kind(kind: str, key: str) -> str:
    """The kind a field of `kind` points at: `mentions.unit_uuid` of a bulletin is a unit."""
    spec = BY_KIND[kind]
    if key == "owner_uuid":
        return "meeting"
    child_key, _, column_key = key.rpartition(".")
    if child_key:
        child = next(c for c in spec.children if c.key == child_key)
        refs = child.refs
    elif key in spec.links:
        return next(s.kind for s in SPECS if s.model is spec.links[key][1])
    else:
        refs = spec.refs
        column_key = key
    target = next(t for column, t in refs.items() if ref_key(column) == column_key)
    return next(s.kind for s in SPECS if s.model is target)


def _mine_and_theirs(world: World, sender: str, kind: str) -> tuple[dict[str, Any], str]:
    """A fresh record of the sender's own of `kind`, and the recipient's office uuid."""
    if sender == "township":
        record = world.township_record(kind)
        recipient = world.env.c_keys.uuid
    else:
        record = world.county_record(kind)
        recipient = world.env.t_keys.uuid
    record["uuid"] = fresh_uuid(sender, kind, "attempt")
    record["version"] = 1
    if kind == "agreed_item":
        record["sequence"] = 99
    if kind == "establishment":  # one record per union–partner pair: another partner
        record["partner_name"] += "（另一对方）"
    return record, recipient


def _theirs(world: World, sender: str, kind: str) -> dict[str, Any]:
    """The recipient's own record of `kind`."""
    return world.county_record(kind) if sender == "township" else world.township_record(kind)


def _attempt(world: World, sender: str, kind: str, action: str) -> dict[str, list[Any]]:
    """The records of a package in which `sender` tries `action` on the recipient's side."""
    if kind == "holiday":
        return {"holiday": [{"day": "2027-10-08", "is_workday": True, "name": "国庆调休"}]}
    record, recipient = _mine_and_theirs(world, sender, kind)
    if action == "create":
        record["origin_office"] = recipient
    elif action == "change":
        record = _theirs(world, sender, kind)
        record["origin_office"] = world.sides(sender)[0].uuid  # claims the recipient's record
        record["version"] += 1
        record["updated_at"] = "2027-03-19T08:00:00+00:00"
    else:
        key = action.removeprefix("attach ")
        target = _theirs(world, sender, _target_kind(kind, key))["uuid"]
        child_key, _, column_key = key.rpartition(".")
        if child_key:
            children = record[child_key] or _children_of(world, sender, kind, child_key)
            record[child_key] = [children[0] | {column_key: target}]
        elif key in BY_KIND[kind].links:
            record[key] = [target]
        else:
            record[key] = target
        if kind == "attachment":
            record["owner_kind"] = "meeting"
    return {kind: [record]}


def _children_of(world: World, sender: str, kind: str, key: str) -> list[dict[str, Any]]:
    records = world.township_records[kind]
    return next(copy.deepcopy(r[key]) for r in records if r[key])


CASES = [
    pytest.param(row, sender, id=f"{row['record kind']}-{row['action']}-from-{sender}")
    for row in ROWS
    for sender in SENDERS
]


@pytest.mark.parametrize(("row", "sender"), CASES)
def test_every_row_from_a_township_and_from_the_county(
    world: World, row: dict[str, str], sender: str
) -> None:
    kind, action = row["record kind"], row["action"]
    records = _attempt(world, sender, kind, action)
    before = world.recipient_dump(sender)
    result = world.send(sender, records)
    assert result.result == "applied", result.message
    counts = result.counts[kind]
    if row[sender] == "any":
        assert counts["new"] == 1, (counts, result.problems)
        assert world.recipient_dump(sender) != before
        return
    assert counts["new"] == counts["updated"] == 0, (counts, result.problems)
    assert counts["rejected"] + counts["conflicts"] == 1, counts
    if counts["rejected"]:
        (said,) = result.problems
        assert "未导入" in said and not re.search(r"[A-Za-z_]{4,}", said.split("）", 1)[1]), said
    assert world.recipient_dump(sender) == before
