"""Spreadsheets are real ones: typed numbers, dates and percentages, a frozen filtered header,
columns as wide as their Chinese text; and the export tables carry typed values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.core.exports import Code, dashboard_table, next_steps_table, rates_tables
from desktop.core.spreadsheet import Sheet, text_width, write_sheets, write_table
from tests.conftest import County
from tests.core.helpers import assigned_item


def test_cells_are_typed_and_the_header_frozen_and_filtered(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    rows = [
        (12, "滨海县人民政府办公室", date(2026, 6, 30), 0.875, "=SUM(A1)"),
        (3, "县财政局", datetime(2026, 7, 1, 8, 30, tzinfo=UTC), None, "-1"),
    ]
    kinds = ("integer", "text", "date", "percent", "text")
    assert (
        write_table(path, "议定事项", ["编号", "牵头单位", "完成时限", "比率", "备注"], rows, kinds)
        == 2
    )
    sheet = load_workbook(path)["议定事项"]
    number, _unit, deadline, rate, note = sheet[2]
    assert number.data_type == "n" and number.value == 12
    assert deadline.data_type == "d" and deadline.number_format == "yyyy-mm-dd"
    assert deadline.value == datetime(2026, 6, 30)
    assert rate.data_type == "n" and rate.value == 0.875 and rate.number_format == "0.0%"
    assert note.data_type == "s" and note.value == "'=SUM(A1)"  # never a formula
    assert sheet["C3"].data_type == "d"  # an aware time is written as local time
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E3"
    assert sheet["A1"].font.bold
    # 滨海县人民政府办公室: ten characters, twenty columns wide (plus a margin).
    assert sheet.column_dimensions["B"].width == 22
    assert not list(tmp_path.glob("*.partial"))


def test_text_width_counts_chinese_twice() -> None:
    assert text_width("县财政局") == 8 and text_width("abc") == 3 and text_width("（1）") == 5


def test_a_failed_save_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import Workbook

    def full(_book: Workbook, target: Path) -> None:
        Path(target).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full)
    with pytest.raises(OSError):
        write_sheets(tmp_path / "t.xlsx", [Sheet("s", ["a"], [[1]])])
    assert not list(tmp_path.glob("t.xlsx*"))


def test_export_tables_carry_numbers_dates_and_fractions(county: County) -> None:
    item = assigned_item(county, deadline=date(2026, 6, 30))
    (late,) = county.run(next_steps_table, date(2026, 9, 1)).rows
    assert late[0] == item and late[3] == date(2026, 6, 30)
    assert isinstance(late[4], int) and late[4] > 0
    assert late[6] == Code("reminder")
    convening, establishment, adoption, _activity = county.run(rates_tables, 2026, date(2026, 9, 1))
    assert "percent" in convening.kinds and "percent" in establishment.kinds
    for table in (convening, establishment, adoption):
        rate = table.columns.index("rate")
        assert all(r[rate] is None or 0 <= r[rate] <= 1 for r in table.rows)
    figures = dict(county.run(dashboard_table, date(2026, 9, 1)).rows)
    assert figures[Code("overdue_items")] == 1
    assert figures[Code("today")] == date(2026, 9, 1)
