"""「导出为 Excel…」 for any table, tree or list in the window: the model as the view shows it
(visible columns in their order, rows after sorting and filtering) written through
`desktop.core.spreadsheet` with typed cells (integers, decimals, percentages, dates).

A model may offer a cell's typed value under VALUE_ROLE (an int, a float, a date; a fraction
where the text shows a percentage); otherwise the shown text is read: "12" is an integer,
"3.50" a decimal, "95.4%" the fraction 0.954 formatted as a percentage, "2026-05-01" a date,
anything else text. Record list pages have their own export from the database (every row, not
only those loaded) and keep it: a view with its own context menu is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QCalendarWidget,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QListView,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from desktop.core.spreadsheet import Sheet, write_sheets
from desktop.messages import describe
from desktop.views import ui_state
from desktop.views.labels import fill

CONTEXT = "TableExport"
# A cell's typed value, for a model that has one behind its text (views never require it).
VALUE_ROLE = Qt.ItemDataRole.UserRole + 0x200
ACTION_NAME = "export_table_to_excel"
EXPORTED_VIEWS = (QTableView, QTreeView, QListView)

_INTEGER = re.compile(r"[+-]?(0|[1-9]\d{0,9})")  # leading zeros or 11+ digits: a code, text
_DECIMAL = re.compile(r"[+-]?\d{1,12}\.\d+")
_PERCENT = re.compile(r"([+-]?\d{1,6}(?:\.\d+)?)\s*[%％]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?")
_COUNT_NOTE = re.compile(r"（\d+）$")  # a tab's count, 冲突处理（3）
_TAG = re.compile(r"<[^>]*>")
_HINT = re.compile(r"[（(][^）)]*[）)]$")  # a label's hint at its end: （双击打开）
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\[\]]')  # neither in file names nor sheet titles


# ---- reading a view


def typed_cell(text: str) -> tuple[object, str]:
    """A shown text as a spreadsheet value and its kind (text, integer, number, percent, date,
    datetime)."""
    value = text.strip()
    if not value:
        return None, "text"
    if _INTEGER.fullmatch(value):
        return int(value), "integer"
    if _DECIMAL.fullmatch(value):
        return float(value), "number"
    percent = _PERCENT.fullmatch(value)
    if percent:
        return float(Decimal(percent.group(1)) / 100), "percent"
    try:
        if _DATE.fullmatch(value):
            return date.fromisoformat(value), "date"
        if _DATETIME.fullmatch(value):
            return datetime.fromisoformat(value), "datetime"
    except ValueError:
        pass
    return text, "text"


def _typed_value(value: object, shown: str) -> tuple[object, str] | None:
    """A model's own value, when it is typed (a number or a date)."""
    if isinstance(value, QDateTime | QDate):
        value = value.toPython()
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        if shown.strip().endswith(("%", "％")):
            return float(value), "percent"
        return value, "integer" if isinstance(value, int) else "number"
    if isinstance(value, datetime):
        return value, "datetime"
    if isinstance(value, date):
        return value, "date"
    return None


def _cell(index: QModelIndex) -> tuple[object, str]:
    display = index.data(Qt.ItemDataRole.DisplayRole)
    shown = "" if display is None else str(display)
    for value in (index.data(VALUE_ROLE), display):
        typed = _typed_value(value, shown)
        if typed is not None:
            return typed
    return typed_cell(shown)


def _columns(view: QAbstractItemView) -> list[int]:
    """The model's columns the view shows, in the order shown."""
    model = view.model()
    if isinstance(view, QListView):
        return [view.modelColumn()]
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()  # type: ignore[attr-defined]
    logical = [header.logicalIndex(v) for v in range(header.count())]
    return [c for c in logical if 0 <= c < model.columnCount() and not header.isSectionHidden(c)]


def _rows(
    view: QAbstractItemView, parent: QModelIndex, depth: int = 0
) -> Iterator[tuple[QModelIndex, int]]:
    """Each shown row's first index and its depth, in the view's order (a tree's children after
    their parent, expanded or not)."""
    model = view.model()
    for row in range(model.rowCount(parent)):
        if isinstance(view, QTreeView):
            hidden = view.isRowHidden(row, parent)
        else:
            hidden = view.isRowHidden(row)  # type: ignore[attr-defined]
        if hidden:
            continue
        index = model.index(row, 0, parent)
        yield index, depth
        if isinstance(view, QTreeView) and model.hasChildren(index):
            yield from _rows(view, index, depth + 1)


def caption(view: QWidget) -> str:
    """The label standing just above the view in its layout, without its hint in brackets
    (“已超期的议定事项（双击打开）”), or ""."""
    parent = view.parentWidget()
    layouts: list[QLayout] = []
    if parent is not None and parent.layout() is not None:
        layouts.append(parent.layout())  # type: ignore[arg-type]
    while layouts:
        layout = layouts.pop()
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            inner = item.layout()
            if inner is not None:
                layouts.append(inner)
            if item.widget() is not view:
                continue
            above: QWidget | None = None
            if isinstance(layout, QGridLayout):
                position: tuple[int, ...] = tuple(layout.getItemPosition(i))  # type: ignore[arg-type]
                row, column = position[0], position[1]
                cell = layout.itemAtPosition(row - 1, column) if row > 0 else None
                above = None if cell is None else cell.widget()
            elif isinstance(layout, QBoxLayout) and i > 0:
                before = layout.itemAt(i - 1)
                above = None if before is None else before.widget()
            if not isinstance(above, QLabel):
                return ""
            text = _TAG.sub("", above.text()).strip().rstrip(":：").strip()
            return _HINT.sub("", text).strip()
    return ""


def table_title(view: QAbstractItemView) -> str:
    """Where the table stands: its page's title, then its tab and group box (督办-督办建议),
    or, where it has neither, the label above it (工作台-已超期的议定事项)."""
    parts: list[str] = []
    if view.accessibleName():
        parts.append(view.accessibleName())
    sections = 0
    widget: QWidget | None = view
    while widget is not None:
        parent = None if widget.isWindow() else widget.parentWidget()
        if isinstance(widget, QGroupBox) and widget.title():
            parts.append(widget.title())
            sections += 1
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            parts.append(tabs.tabText(tabs.indexOf(widget)))
            sections += 1
        title = getattr(widget, "title", None)
        if isinstance(title, str) and title and widget is not view:
            parts.append(QCoreApplication.translate(type(widget).__name__, title))
            break
        widget = parent
    if not sections and not view.accessibleName():
        parts.insert(0, caption(view))
    cleaned: list[str] = []
    for part in reversed(parts):
        part = _COUNT_NOTE.sub("", part.replace("&", "")).strip()
        if part and part not in cleaned:
            cleaned.append(part)
    return "-".join(cleaned) or QCoreApplication.translate(CONTEXT, "表格")


def view_sheet(view: QAbstractItemView, title: str | None = None) -> Sheet:
    """The view's contents as shown, typed: a column is formatted as percentages when all its
    numbers are percentages (text such as "—" may sit among them); a column mixing percentages
    with other numbers keeps the percentages as the text shown."""
    model = view.model()
    title = title or table_title(view)
    columns = _columns(view)
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        for c in columns
    ]
    if isinstance(view, QListView) or not any(headers):
        headers = [title.split("-")[-1]] if len(columns) == 1 else headers
    cells: list[list[tuple[object, str, str]]] = []
    for first, depth in _rows(view, QModelIndex()):
        row = []
        for i, column in enumerate(columns):
            index = first.siblingAtColumn(column)
            value, kind = _cell(index)
            if depth and i == 0 and kind == "text" and value is not None:
                value = "  " * depth + str(value)  # a tree's child, indented under its parent
            row.append((value, kind, str(index.data(Qt.ItemDataRole.DisplayRole) or "")))
        cells.append(row)
    kinds = []
    for i in range(len(columns)):
        found = {kind for row in cells for _, kind, _ in [row[i]] if kind != "text"}
        kinds.append("percent" if found == {"percent"} else "")
    rows = [
        [shown if kind == "percent" and kinds[i] != "percent" else value
         for i, (value, kind, shown) in enumerate(row)]
        for row in cells
    ]  # fmt: skip
    return Sheet(_NOT_IN_NAMES.sub("_", title.split("-")[-1])[:31], headers, rows, kinds)


def export_view(view: QAbstractItemView, path: Path) -> int:
    """Write the view as shown to `path`; returns the number of data rows."""
    return write_sheets(path, [view_sheet(view)])


# ---- the action, the dialog, and where they are installed


def export_dialog(view: QAbstractItemView, today: date | None = None) -> Path | None:
    """Ask where to save, write the view, and say how it went; the file written or None."""
    title = table_title(view)
    default = f"{_NOT_IN_NAMES.sub('_', title)}-{(today or date.today()).isoformat()}.xlsx"
    name, _ = QFileDialog.getSaveFileName(
        view,
        QCoreApplication.translate(CONTEXT, "导出为 Excel"),
        str(Path(ui_state.last_folder()) / default),
        "Excel (*.xlsx)",
    )
    if not name:
        return None
    path = Path(name).with_suffix(".xlsx")
    ui_state.remember_folder(path.parent)
    # A file write from what the view holds: no database is involved, so no operation runs.
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        count = export_view(view, path)
    except OSError as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(
            view,
            QCoreApplication.translate(CONTEXT, "导出失败"),
            fill(QCoreApplication.translate(CONTEXT, "无法写入文件：%1"), describe(exc)),
        )
        return None
    QGuiApplication.restoreOverrideCursor()
    QMessageBox.information(
        view,
        QCoreApplication.translate(CONTEXT, "导出完成"),
        fill(QCoreApplication.translate(CONTEXT, "已导出 %1 行到 %2"), count, str(path)),
    )
    return path


def export_action(view: QAbstractItemView) -> QAction | None:
    """The view's 「导出为 Excel…」 action, if installed."""
    return next((a for a in view.actions() if a.objectName() == ACTION_NAME), None)


def exportable(view: QAbstractItemView, root: QWidget) -> bool:
    """A table, tree or list of the window itself (not a combo's, calendar's or completer's
    popup) that has no context menu of its own (a record list exports from the database)."""
    if not isinstance(view, EXPORTED_VIEWS) or view.window() is not root.window():
        return False
    if view.contextMenuPolicy() not in (
        Qt.ContextMenuPolicy.DefaultContextMenu,
        Qt.ContextMenuPolicy.ActionsContextMenu,
    ):
        return False
    widget = view.parentWidget()
    while widget is not None:
        if isinstance(widget, QComboBox | QCalendarWidget):
            return False
        widget = widget.parentWidget()
    return True


def install_export_action(view: QAbstractItemView) -> QAction:
    """Give `view` a right-click 「导出为 Excel…」 (once)."""
    action = export_action(view)
    if action is not None:
        return action
    action = QAction(QCoreApplication.translate(CONTEXT, "导出为 Excel…"), view)
    action.setObjectName(ACTION_NAME)
    action.triggered.connect(lambda: export_dialog(view))
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def install_table_exports(root: QWidget) -> list[QAbstractItemView]:
    """Every exportable view under `root` gets the action; the views, new or not. Cheap, so a
    window calls it again for pages that build their tables later."""
    views = [v for v in root.findChildren(QAbstractItemView) if exportable(v, root)]
    for view in views:
        install_export_action(view)
    return views


def focused_view(root: QWidget) -> QAbstractItemView | None:
    """The exportable view that has the keyboard focus (or holds the focused widget)."""
    widget = QApplication.focusWidget()
    while widget is not None and widget is not root:
        if isinstance(widget, QAbstractItemView) and export_action(widget) is not None:
            return widget
        widget = widget.parentWidget()
    return None


def shown_views(root: QWidget) -> list[QAbstractItemView]:
    """Views with the action that would show with `root` (the page's tab in view)."""
    return [
        v
        for v in root.findChildren(QAbstractItemView)
        if export_action(v) is not None and v.isVisibleTo(root.window())
    ]
