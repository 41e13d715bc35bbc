"""The command line in Chinese (headings, values, help) or, with LIANXI_LANG=en, English; and
`lianxi export … --out FILE.xlsx` / `list --xlsx` writing typed spreadsheets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.messages import set_language
from desktop.models.enums import Level
from tests.conftest import County
from tests.core.helpers import assigned_item


@pytest.fixture
def county_db(county: County) -> Path:
    assigned_item(county, deadline=date(2026, 6, 30))
    county.run(
        create_establishment,
        EstablishmentInput(
            county.federation, "滨海县人民政府", Level.COUNTY, county.government,
            established=True, established_on=date(2025, 3, 1), meetings_per_year=2,
        ),
    )  # fmt: skip
    assert county.db.path is not None
    county.db.dispose()
    return county.db.path


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LIANXI_LANG", "en")
    yield
    set_language("zh")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_listings_speak_chinese(capsys: pytest.CaptureFixture[str], county_db: Path) -> None:
    code, out, _err = run(capsys, "--db", str(county_db), "list", "unit")
    header, *rows = out.splitlines()
    assert code == 0 and header.split("\t")[:4] == ["编号", "名称", "类别", "层级"]
    assert any("\t乡镇工会\t乡镇\t" in row for row in rows)
    assert "township_union" not in out
    code, out, _err = run(capsys, "--db", str(county_db), "list", "unit", "--json")
    assert '"township_union"' in out  # scripts keep the codes


def test_listings_speak_english_when_asked(
    capsys: pytest.CaptureFixture[str], county_db: Path, english: None
) -> None:
    _code, out, err = run(capsys, "--db", str(county_db), "list", "unit")
    assert out.splitlines()[0].startswith("id\tname\tkind\tlevel")
    assert "township union" in out and err.strip().endswith("in all")


def test_help_speaks_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["unit", "add", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "显示本帮助并退出" in out
    assert "township_union=乡镇工会" in out and "名称" in out
    assert "show this help message" not in out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "设置本单位" in out and "create this office" not in out


def test_help_speaks_english_when_asked(capsys: pytest.CaptureFixture[str], english: None) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage:") and "create this office" in out and "设置本单位" not in out


def test_export_writes_typed_spreadsheets(
    capsys: pytest.CaptureFixture[str], county_db: Path, tmp_path: Path
) -> None:
    db = ("--db", str(county_db))
    steps, rates, figures = tmp_path / "s.xlsx", tmp_path / "r.xlsx", tmp_path / "d.xlsx"
    today = ("--today", "2026-09-01")
    assert run(capsys, *db, "export", "next-steps", "--out", str(steps), *today)[0] == 0
    assert run(capsys, *db, "export", "rates", "--out", str(rates), *today)[0] == 0
    code, out, _err = run(capsys, *db, "export", "dashboard", "--out", str(figures), *today)
    assert code == 0 and out.startswith("已导出")

    sheet = load_workbook(steps)["督办下一步"]
    assert [c.value for c in sheet[1]][:4] == ["事项编号", "事项内容", "牵头单位", "完成时限"]
    number, _text, _lead, deadline, late = sheet[2][:5]
    assert number.data_type == "n" and late.data_type == "n"
    assert deadline.data_type == "d" and deadline.value == datetime(2026, 6, 30)
    assert deadline.number_format == "yyyy-mm-dd"
    assert sheet[2][6].value == "催办单"

    book = load_workbook(rates)
    assert book.sheetnames == ["召开率", "建制率", "建议采纳率", "会议情况"]
    rates_sheet = book["建制率"]
    rate = rates_sheet.cell(row=2, column=4)
    assert rate.data_type == "n" and rate.number_format == "0.0%" and 0 <= rate.value <= 1

    figures_sheet = load_workbook(figures)["工作台"]
    values = {row[0].value: row[1] for row in figures_sheet.iter_rows(min_row=2)}
    assert values["超期事项"].data_type == "n" and values["超期事项"].value == 1
    assert values["统计日期"].data_type == "d"


def test_a_listing_exports_typed_cells(
    capsys: pytest.CaptureFixture[str], county_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "items.xlsx"
    code, _out, _err = run(capsys, "--db", str(county_db), "list", "item", "--xlsx", str(target))
    assert code == 0
    sheet = load_workbook(target)["议定事项"]
    headers = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(headers, sheet[2], strict=True)}
    assert row["编号"].data_type == "n"
    assert row["完成时限"].data_type == "d" and row["完成时限"].number_format == "yyyy-mm-dd"
    assert row["状态"].value == "已交办"
