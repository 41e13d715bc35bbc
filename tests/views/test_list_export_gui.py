"""The list pages' 导出 Excel keeps numbers and dates typed, so the sheet sorts and sums."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtGui import QUndoStack

from desktop.views.record_page import RecordPage
from tests.conftest import County
from tests.core.helpers import assigned_item


def test_an_item_list_exports_typed_cells(qtbot, county: County, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    item = assigned_item(county, deadline=date(2026, 6, 30))
    page = RecordPage(county.db, "item", "议定事项", QUndoStack())
    qtbot.addWidget(page)
    assert page.export_rows(tmp_path / "items.xlsx") == 1
    sheet = load_workbook(tmp_path / "items.xlsx").active
    headers = [c.value for c in sheet[1]]
    row = dict(zip(headers, sheet[2], strict=True))
    assert row["编号"].data_type == "n" and row["编号"].value == item
    deadline = row["完成时限"]
    assert deadline.data_type == "d" and deadline.value == datetime(2026, 6, 30)
    assert deadline.number_format == "yyyy-mm-dd"
    assert row["状态"].value == "已交办"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
