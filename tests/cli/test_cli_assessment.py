"""`lianxi scorecard` and `lianxi rates`: the JSON shape, the drill-down, and refusals in Chinese."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from tests.conftest import County
from tests.core.assessment_records import Records, build

YEAR = ("--year", "2025", "--today", "2026-03-01")


@pytest.fixture
def records(county: County) -> Records:
    return build(county)


def lianxi(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(tmp_path / "lianxi.db"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> Any:
    code, out, err = lianxi(capsys, tmp_path, *args)
    assert code == 0, err
    return json.loads(out)


def test_scorecard_json_shape(
    records: Records, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = _json(capsys, tmp_path, "scorecard", *YEAR, "--json")
    assert [(u["unit_name"], u["total"], u["rank"]) for u in units] == [
        ("八滩镇工会", 59.91, 1),
        ("天场镇工会", 0.0, 2),
    ]
    t1 = units[0]
    assert (t1["previous_total"], t1["change"], t1["provisional"]) == (87.51, -27.6, True)
    assert t1["proposal"] == "criticise" and "通报批评 1 次" in t1["proposal_reason"]
    assert [i["code"] for i in t1["indicators"]][:3] == [
        "establishment",
        "meeting_frequency",
        "item_completion",
    ]
    for indicator in t1["indicators"]:
        assert set(indicator) >= {"code", "name", "weight", "points", "details"}
        assert round(sum(d["points"] for d in indicator["details"]), 2) == indicator["points"]
    assert round(sum(i["points"] for i in t1["indicators"]), 2) == t1["total"]
    frequency = t1["indicators"][1]
    assert (frequency["name"], frequency["weight"], frequency["points"]) == (
        "会议召开频次",
        25.0,
        14.58,
    )
    assert {k: frequency["details"][2][k] for k in ("text", "points", "kind", "id")} == {
        "text": "滨海瑞达公司工会第3季度未召开联席会议",
        "points": -4.17,
        "kind": "establishment",
        "id": records.ids["p_e1"],
    }


def test_one_unit_drill_down_in_words(
    records: Records, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = lianxi(capsys, tmp_path, "scorecard", *YEAR, "--unit", str(records.t1))
    assert code == 0
    assert "八滩镇工会  59.91 分  较上年 -27.60  建议批评" in out
    assert f"-6.25  八滩镇工会下半年未召开联席会议  [establishment {records.ids['p_t1']}]" in out
    assert "天场镇工会" not in out


def test_save_then_publish(
    records: Records, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = lianxi(capsys, tmp_path, "scorecard", *YEAR, "--save")
    assert code == 0 and "已保存 2 个单位" in out
    code, out, _ = lianxi(capsys, tmp_path, "scorecard", *YEAR, "--publish")
    assert code == 0 and "已发布 2 个单位" in out


def test_rates_json(records: Records, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rates = _json(capsys, tmp_path, "rates", *YEAR, "--json")
    assert set(rates) == {
        "year", "as_of", "convening", "establishment", "adoption", "activity", "by_area",
    }  # fmt: skip
    # A county's rates are broken down by township: 八滩镇 (its own pair and its enterprises').
    areas = {a["name"]: a for a in rates["by_area"]}
    assert areas["八滩镇工会"]["level"] == "township"
    assert areas["八滩镇工会"]["pairs"] >= 1
    township_year = next(
        c for c in rates["convening"] if (c["level"], c["period"]) == ("township", "year")
    )
    assert township_year == {
        "level": "township",
        "period": "year",
        "required": 2,
        "convened": 1,
        "meetings_held": 2,
        "rate": 50.0,
    }
    assert (rates["adoption"]["received"], rates["adoption"]["adopted"]) == (5, 1)
    code, out, _ = lianxi(capsys, tmp_path, "rates", *YEAR)
    assert code == 0 and "乡镇  全年  应召开 2  已召开 1  50.0%" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--unit", "99999"), "错误：找不到编号为 99999 的单位。"),
        (("--unit", "2"), "错误：编号为 2 的单位不是工会，不能参加考核。"),
        (("--year", "1800"), "错误：「年度」的日期 1800 不合理，请检查年份。"),
    ],
)
def test_refusals_in_chinese(
    records: Records,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    words: str,
) -> None:
    code, out, err = lianxi(capsys, tmp_path, "scorecard", *YEAR, *args)
    assert (code, out, err.strip()) == (1, "", words)
