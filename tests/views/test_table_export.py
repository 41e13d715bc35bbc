"""「导出为 Excel…」 on the window's tables: typed cells as shown (columns, order, filters)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
)

from desktop.core.items import ItemInput, assign_item, create_item
from desktop.views.record_page import RecordPage
from desktop.views.supervision_page import SupervisionPage
from desktop.views.table_export import (
    ACTION_NAME,
    export_action,
    install_export_action,
    install_table_exports,
    table_title,
    typed_cell,
)
from tests.conftest import County
from tests.core.helpers import assigned_item, held_meeting

TODAY = date(2026, 11, 20)


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, object]:
    """The save dialog answers a file in tmp_path; message boxes are recorded, not shown."""
    seen: dict[str, object] = {"path": tmp_path / "out.xlsx", "messages": []}

    def save(_parent, _caption, default, _filter):  # type: ignore[no-untyped-def]
        seen["default"] = default
        return str(seen["path"]), "Excel (*.xlsx)"

    def record(kind: str):  # type: ignore[no-untyped-def]
        def show(_parent, title, text):  # type: ignore[no-untyped-def]
            seen["messages"].append((kind, title, text))  # type: ignore[attr-defined]
            return QMessageBox.StandardButton.Ok

        return show

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    return seen


def _rows(path: Path) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook

    return list(load_workbook(path).active.values)


def _page(qtbot, county: County) -> SupervisionPage:  # type: ignore[no-untyped-def]
    page = SupervisionPage(county.db, TODAY, QUndoStack())
    qtbot.addWidget(page)
    install_table_exports(page)
    page.wait_for_checks()
    return page


def test_shown_text_is_typed() -> None:
    assert typed_cell("10") == (10, "integer")
    assert typed_cell("+1.50") == (1.5, "number")
    assert typed_cell("95.4%") == (pytest.approx(0.954), "percent")
    assert typed_cell("2026-05-01") == (date(2026, 5, 1), "date")
    assert typed_cell("2026-05-01 09:30") == (datetime(2026, 5, 1, 9, 30), "datetime")
    # Codes and phone numbers keep their digits as text; so do impossible dates.
    for text in ("007", "13800001111", "2026-02-30", "滨工联催〔2026〕1号", "—"):
        assert typed_cell(text) == (text, "text")
    assert typed_cell("  ") == (None, "text")


def test_escalation_list_exports_typed_and_filtered(qtbot, county: County, save_to) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    assigned_item(county, deadline=date(2026, 11, 6))
    meeting, topic = held_meeting(county)
    other = county.run(
        create_item,
        ItemInput(
            meeting, "修订职工疗休养办法", topic_id=topic, lead_unit_id=county.finance,
            deadline=date(2026, 10, 30),
        ),
    )  # fmt: skip
    county.run(assign_item, other.id, date(2026, 4, 2))
    page = _page(qtbot, county)
    table = page.escalations.table
    assert page.escalations.rowCount() == 2
    action = export_action(table)
    assert action is not None and action.text() == "导出为 Excel…"
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu

    action.trigger()
    assert Path(str(save_to["default"])).name == f"督办-督办建议-{date.today().isoformat()}.xlsx"
    assert save_to["messages"] == [("information", "导出完成", f"已导出 2 行到 {save_to['path']}")]
    book = load_workbook(save_to["path"])
    sheet = book.active
    assert sheet.title == "督办建议"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F3"
    rows = list(sheet.values)
    assert rows[0] == ("事项", "牵头单位", "时限", "超期工作日", "建议下一步", "依据")
    by_text = {r[0]: r for r in rows[1:]}
    late = by_text["将劳动竞赛奖金列入政府年度奖励基金"]
    assert late[1] == "县人社局"
    assert isinstance(late[2], datetime) and late[2].date() == date(2026, 11, 6)
    assert sheet.cell(2, 3).number_format == "yyyy-mm-dd"
    assert late[3] == 10 and isinstance(late[3], int)
    assert late[4] == "发催办单" and isinstance(late[5], str)

    # A filter in the list limits the rows written; the order is the list's.
    page.escalations.search.setText("疗休养")
    assert page.escalations.rowCount() == 1
    action.trigger()
    rows = _rows(Path(str(save_to["path"])))
    assert len(rows) == 2 and rows[1][0] == "修订职工疗休养办法"
    assert isinstance(rows[1][3], int) and rows[1][3] > 10

    # A hidden column is not written; a moved one is written where it shows.
    page.escalations.search.clear()
    table.setColumnHidden(5, True)
    table.horizontalHeader().moveSection(3, 0)
    action.trigger()
    rows = _rows(Path(str(save_to["path"])))
    assert rows[0] == ("超期工作日", "事项", "牵头单位", "时限", "建议下一步")
    assert len(rows) == 3


def test_formalism_table_exports(qtbot, county: County, save_to) -> None:  # type: ignore[no-untyped-def]
    held_meeting(county)  # held 2026-04-01 with no agreed item
    page = _page(qtbot, county)
    action = export_action(page.flags)
    assert action is not None
    action.trigger()
    assert Path(str(save_to["default"])).name.startswith("督办-走过场检查-")
    rows = _rows(Path(str(save_to["path"])))
    assert rows[0] == ("检查", "单位", "情况")
    assert len(rows) - 1 == page.flags.rowCount() > 0
    assert "2026-04-01 召开的第1次会议没有形成任何议定事项" in [r[2] for r in rows[1:]]


def test_percentages_sorting_and_typed_roles(qtbot, save_to) -> None:  # type: ignore[no-untyped-def]
    table = QTableWidget(0, 3)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["单位", "召开率", "备注"])
    for r, (name, rate, note) in enumerate(
        [("乙镇", "80%", "2026-05-01"), ("甲镇", "95.4%", "—"), ("丙镇", "—", "")]
    ):
        table.insertRow(r)
        for c, text in enumerate((name, rate, note)):
            table.setItem(r, c, QTableWidgetItem(text))
    typed = QTableWidgetItem("三项")
    typed.setData(Qt.ItemDataRole.UserRole + 0x200, 3)  # a model's typed value wins
    table.setItem(2, 2, typed)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.setRowHidden(1, True)  # 乙镇 after sorting
    install_export_action(table).trigger()
    from openpyxl import load_workbook

    sheet = load_workbook(save_to["path"]).active
    rows = list(sheet.values)
    assert rows[1:] == [("丙镇", "—", 3), ("甲镇", pytest.approx(0.954), "—")]
    # The rate column mixes a dash with percentages: the dash stays text, a rate is a percentage.
    assert sheet.cell(3, 2).number_format == "0.0%"


def test_a_write_failure_is_worded(qtbot, county: County, save_to, tmp_path) -> None:  # type: ignore[no-untyped-def]
    held_meeting(county)
    page = _page(qtbot, county)
    save_to["path"] = tmp_path / "missing" / "out.xlsx"
    export_action(page.flags).trigger()  # type: ignore[union-attr]
    [(kind, title, text)] = save_to["messages"]
    assert (kind, title) == ("warning", "导出失败") and text.startswith("无法写入文件：")
    assert not (tmp_path / "missing").exists()


def test_every_table_of_the_window_exports(qtbot, county: County, save_to) -> None:  # type: ignore[no-untyped-def]
    from desktop.views.main_window import MainWindow

    assigned_item(county, deadline=date(2026, 5, 1))
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    # Every view of the pages but headers and the views inside combo and calendar popups.
    views = [
        v
        for v in window.stack.findChildren(QAbstractItemView)
        if v.window() is window and not isinstance(v, QHeaderView) and not _in_popup_part(v)
    ]
    assert views
    record_tables = {p.table for p in window.findChildren(RecordPage)}
    missing = [
        (table_title(v), type(v).__name__)
        for v in views
        if v not in record_tables and export_action(v) is None
    ]
    assert missing == []
    # Record lists keep their own menu and export (every record of the search, from the database).
    for table in record_tables:
        assert export_action(table) is None
        assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    # A table is named by its page and tab, group box or caption.
    assert table_title(window.dashboard.lists["overdue_items"]) == "工作台-已超期的议定事项"
    tree = window.exchange.findChild(QTreeWidget)
    assert tree is not None and table_title(tree) == "数据交换-导入数据包"
    # The navigation is not a table of a page.
    assert export_action(window.nav) is None
    # 文件 › 导出当前列表为 Excel exports the table in view on the 督办 page's first tab.
    window.show_page("督办")
    window.menus.export_list()
    assert Path(str(save_to["default"])).name.startswith("督办-督办建议-")
    assert _rows(Path(str(save_to["path"])))[0][0] == "事项"
    assert all(a.objectName() == ACTION_NAME for v in views if (a := export_action(v)))
    # A table a page builds later has the action once its page is shown.
    later = QTableWidget(0, 1, window.settings_page)
    assert export_action(later) is None
    window.show_page("设置")
    assert export_action(later) is not None


def _in_popup_part(view: QAbstractItemView) -> bool:
    from PySide6.QtWidgets import QCalendarWidget, QComboBox

    widget = view.parentWidget()
    while widget is not None:
        if isinstance(widget, QComboBox | QCalendarWidget):
            return True
        widget = widget.parentWidget()
    return False
