"""`lianxi next-steps`: the 督办建议 list in a terminal, its scope first, as the window shows it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop.cli import main
from tests.conftest import County
from tests.core.test_escalation_scope import late_items

TODAY = date(2026, 12, 5)


def test_lists_only_the_supervised_items_and_says_so(
    capsys: pytest.CaptureFixture[str], county: County
) -> None:
    late = late_items(county)
    assert county.db.path is not None
    county.db.dispose()
    db = ["--db", str(county.db.path)]
    assert main([*db, "next-steps", "--today", TODAY.isoformat()]) == 0
    scope, header, *rows = capsys.readouterr().out.splitlines()
    assert scope.startswith("督办范围：县级、乡镇、街道、产业联席会议的议定事项")
    assert header.split("\t")[0] == "事项编号"
    listed = {int(r.split("\t")[0]) for r in rows}
    assert listed == {late["county"], late["township"]}
    assert [r.split("\t")[5:7] for r in rows] == [["", "催办单"]] * 2  # no rung yet: a reminder
    assert main([*db, "next-steps", "--today", TODAY.isoformat(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scope"] == {
        "levels": ["county", "township", "street", "industry"],
        "left_out": ["enterprise"],
    }
    assert {r["item_id"] for r in data["rows"]} == listed
    assert {r["step"] for r in data["rows"]} == {"reminder"}
