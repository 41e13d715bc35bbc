"""A list page for one record kind: search (Chinese or pinyin initials), filters, count, table."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.catalog import ListQuery
from desktop.core.deletion import delete_record
from desktop.core.kinds import shown_kinds
from desktop.core.listing import list_records, spec_for
from desktop.core.spreadsheet import is_typed_cell, write_table
from desktop.core.states import MACHINES
from desktop.core.voiding import VOIDABLE
from desktop.db import Database
from desktop.messages import describe, kind_label
from desktop.views import ui_state
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.registry import CREATABLE, EDITORS
from desktop.views.itemmodels.record_table_model import RecordTableModel
from desktop.views.labels import action_text, cell_text, column_label
from desktop.views.operations import operations
from desktop.views.page import Page
from desktop.views.unit_picker import UnitPicker
from desktop.views.voiding import void_record

NO_YEAR = 0
# Columns holding prose get more room than codes and dates.
WIDE_COLUMNS = {
    "text": 380,
    "content": 380,
    "title": 320,
    "name": 260,
    "union": 220,
    "partner": 200,
    "lead_unit": 200,
    "receiving_unit": 200,
    "target_unit": 200,
}
# Fitting the columns to the table's width: prose columns first narrow to a width that still
# reads, then the rightmost columns are hidden (leaving at least MIN_SHOWN), then prose narrows
# to the floor.
COMFORTABLE_WIDTH = 240
WIDE_FLOOR = 120
MIN_SHOWN = 4


class RecordPage(QWidget, Page):
    """Shows one kind's records; `changed` fires when the count it shows changes."""

    changed = Signal()

    def __init__(
        self,
        db: Database,
        kind: str,
        title: str,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.title = title
        self.shows = shown_kinds(kind)
        spec = spec_for(kind)
        self.search = QLineEdit(placeholderText=self.tr("搜索：中文或拼音首字母，如 bhx"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), None)
        for value in spec.status_values:
            self.status.addItem(cell_text(value), value)
        self.year = QSpinBox(minimum=NO_YEAR, maximum=2100, specialValueText=self.tr("全部年度"))
        # Establishments whose 限期建制 date has passed without the system being set up.
        self.past_deadline = QCheckBox(self.tr("仅看限期已过"))
        self.unit_filter = UnitPicker(db)
        self.unit_filter.setPlaceholderText(self.tr("按单位筛选"))
        self.count = QLabel()
        self.new_button = QPushButton(self.tr("新建"))
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.export_button = QPushButton(self.tr("导出 Excel"))
        self.export_button.clicked.connect(self.export_dialog)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.unit_filter)
        filters.addWidget(self.status)
        filters.addWidget(self.year)
        filters.addWidget(self.past_deadline)
        filters.addWidget(self.count)
        filters.addWidget(self.new_button)
        filters.addWidget(self.export_button)

        self.model = RecordTableModel(db, kind, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        # No sort indicator yet: enabling sorting would otherwise reload the list by column 0.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.table.doubleClicked.connect(
            lambda index: self.open_editor(self.model.record_id(index.row()))
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._db = db
        self.editors: list[RecordEditor] = []
        self.undo_stack = undo_stack

        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{title}</h2>")
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        # Only now that they sit in the page: shown before, a parentless widget opens as a
        # window of its own for a moment (and takes the focus from the main window).
        self.status.setVisible(bool(spec.status_values))
        self.year.setVisible(spec.year_of is not None)
        self.unit_filter.setVisible(bool(spec.units))
        self.new_button.setVisible(kind in CREATABLE)
        self.past_deadline.setVisible(kind == "establishment")

        # Typing waits a moment so every keystroke does not query the database.
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.year.valueChanged.connect(self.apply_filters)
        self.past_deadline.toggled.connect(self.apply_filters)
        self.unit_filter.unit_changed.connect(lambda _unit: self.apply_filters())
        # Columns the clerk arranged come back as they were; otherwise they are fitted to their
        # contents now and to the table's width when it is first shown (its width known).
        self._fit_to_width_pending = not ui_state.restore_header(
            f"columns/{kind}", self.table.horizontalHeader()
        )
        if self._fit_to_width_pending:
            self.fit_columns()
        self.table.horizontalHeader().sectionResized.connect(self._save_columns)
        self.table.horizontalHeader().sectionMoved.connect(self._save_columns)
        self._show_count()

    def open_editor(self, record_id: int | None) -> RecordEditor:
        """Open the record's editor (a new record when record_id is None)."""
        editor = EDITORS[self.kind](self._db, record_id, self)
        editor.finished.connect(lambda _r, e=editor: self.editors.remove(e))
        self.editors.append(editor)
        editor.show()
        return editor

    def fit_columns(self) -> None:
        """First look: columns as wide as their content, long texts capped so the rest fits."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            cap = WIDE_COLUMNS.get(column, 160)
            header.resizeSection(i, min(header.sectionSize(i), cap))

    def fit_to_width(self) -> None:
        """Columns wider together than the table: so that every shown column fits an office
        screen without scrolling sideways, the prose columns give up room down to a width that
        still reads (each in proportion; their text is elided, whole in the tooltip and the
        editor), then the rightmost columns (the lists put the least needed last) are hidden,
        and only then do the prose columns narrow further. The header's menu shows them
        again."""
        header = self.table.horizontalHeader()
        width = self.table.viewport().width()
        bar = self.table.verticalScrollBar()
        if not bar.isVisible():  # the rows arriving will bring it, and take its width
            width -= bar.sizeHint().width()
        prose = [i for i, c in enumerate(self.model.columns) if c in WIDE_COLUMNS]

        def excess() -> int:
            return header.length() - width

        def shrink(floor: int) -> None:
            shown = [i for i in prose if not header.isSectionHidden(i)]
            room = {i: max(0, header.sectionSize(i) - floor) for i in shown}
            total = sum(room.values())
            if excess() > 0 and total:
                share = min(1.0, excess() / total)
                for i, spare in room.items():
                    header.resizeSection(i, header.sectionSize(i) - math.ceil(spare * share))

        # The sections' own widths: a stretched last section would always fill the viewport.
        header.setStretchLastSection(False)
        shrink(COMFORTABLE_WIDTH)
        for i in reversed(range(len(self.model.columns))):
            if excess() <= 0 or header.count() - header.hiddenSectionCount() <= MIN_SHOWN:
                break
            if i not in prose:
                header.hideSection(i)
        shrink(WIDE_FLOOR)
        header.setStretchLastSection(True)

    def column_menu(self) -> QMenu:
        """Which columns show: every column of the list, ticked when shown (the last one shown
        cannot be unticked: a list needs one), and a refit."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for i in range(len(self.model.columns)):
            action = menu.addAction(str(self.model.headerData(i, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            last_shown = header.count() - header.hiddenSectionCount() == 1
            action.setEnabled(header.isSectionHidden(i) or not last_shown)
            action.toggled.connect(lambda on, i=i: header.setSectionHidden(i, not on))
        menu.addSeparator()
        menu.addAction(self.tr("按内容重排列宽"), self.refit_columns)
        return menu

    def _header_menu(self, pos: QPoint) -> None:
        self.column_menu().exec(self.table.horizontalHeader().mapToGlobal(pos))

    def refit_columns(self) -> None:
        """Every column shown again, fitted to its contents and the table's width."""
        header = self.table.horizontalHeader()
        for i in range(header.count()):
            header.showSection(i)
        self.fit_columns()
        self.fit_to_width()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_to_width_pending:
            self._fit_to_width_pending = False
            # After the layout has given the table its width.
            QTimer.singleShot(0, self, self.fit_to_width)

    def _save_columns(self, *_args: object) -> None:
        ui_state.save_header(f"columns/{self.kind}", self.table.horizontalHeader())

    def context_actions(self, row: int) -> list[str]:
        """The workflow actions the row's state allows, for its context menu."""
        editor_cls = EDITORS[self.kind]
        if editor_cls.machine is None or "status" not in self.model.columns:
            return []
        status = self.model.row_value(row, "status")
        machine = MACHINES[editor_cls.machine]
        return [a for a in editor_cls.actions if machine.can(a, status)]

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        record_id = self.model.record_id(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("打开"), lambda: self.open_editor(record_id))
        for action in self.context_actions(index.row()):
            menu.addAction(
                action_text(action), lambda a=action: self.open_editor(record_id).on_action(a)
            )
        menu.addSeparator()
        row = index.row()
        removal = self.removal(row)
        if removal == "void":
            menu.addAction(self.tr("作废…"), lambda: self.void_row(row))
        elif removal == "delete":
            menu.addAction(self.tr("删除…"), lambda: self.delete_row(row))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def removal(self, row: int) -> str | None:
        """How the row's record goes: "delete", "void" (an issued document), or None (voided)."""
        if self.kind not in VOIDABLE:
            return "delete"
        if self.model.row_value(row, "voided_on") is not None:
            return None
        if self.kind == "bulletin" and self.model.row_value(row, "status") != "issued":
            return "delete"
        return "void"

    def delete_row(self, row: int) -> bool:
        """Delete the row's record after asking (an issued document is voided instead); core
        refuses what may no longer be deleted. Undone with Ctrl+Z."""
        removal = self.removal(row)
        if removal == "void":
            return self.void_row(row)
        label = kind_label(self.kind)
        if removal is None:
            QMessageBox.information(
                self, self.tr("已作废"), self.tr("这份%1已经作废。").replace("%1", label)
            )
            return False
        record_id = self.model.record_id(row)
        answer = QMessageBox.question(
            self,
            self.tr("删除记录"),
            self.tr("删除这条%1？只有误录入、尚未办理的记录可以删除。").replace("%1", label),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        text = self.tr("删除%1（编号 %2）").replace("%1", label).replace("%2", str(record_id))
        ops = operations(self._db)
        return ops.remove(delete_record, self.kind, record_id, text=text, parent=self) is not None

    def void_row(self, row: int, reason: str | None = None) -> bool:
        """Void the row's issued document (作废) for a reason, asked for when not given."""
        number = str(self.model.row_value(row, "number"))
        return void_record(self._db, self.kind, self.model.record_id(row), number, self, reason)

    def export_rows(self, path: Path) -> int:
        """Every row of the current view (search, filters and order), as the table shows it."""
        query = self.model.query
        page = operations(self._db).read(
            list_records, self.kind, ListQuery(**{**query.__dict__, "offset": 0, "limit": None})
        )
        keep = [i for i, c in enumerate(page.columns) if c in self.model.columns]
        # Numbers and dates stay typed so the sheet sorts and sums; the rest reads as shown.
        rows = (
            [row[i] if is_typed_cell(row[i]) else cell_text(row[i]) for i in keep]
            for row in page.rows
        )
        headers = [column_label(page.columns[i]) for i in keep]
        return write_table(path, self.title, headers, rows)

    def export_dialog(self) -> None:
        folder = ui_state.last_folder()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出 Excel"), str(Path(folder) / f"{self.title}.xlsx"), "Excel (*.xlsx)"
        )
        if not name:
            return
        path = Path(name).with_suffix(".xlsx")
        ui_state.remember_folder(path.parent)
        try:
            count = self.export_rows(path)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("导出失败"), self.tr("无法写入文件：%1").replace("%1", describe(exc))
            )
            return
        QMessageBox.information(
            self,
            self.tr("导出完成"),
            self.tr("已导出 %1 行到 %2").replace("%1", str(count)).replace("%2", str(path)),
        )

    def apply_filters(self) -> None:
        query = self.model.query
        self.model.set_query(
            ListQuery(
                search=self.search.text(),
                status=self.status.currentData(),
                unit_id=self.unit_filter.unit_id(),
                year=self.year.value() or None,
                overdue_on=(query.today or date.today())
                if self.past_deadline.isChecked()
                else None,
                sort=query.sort,
                today=query.today,
                descending=query.descending,
            )
        )
        self._show_count()

    def reload(self) -> None:
        self.model.refresh()
        self._show_count()

    def nav_count(self) -> int | None:
        return self.model.total

    def _show_count(self) -> None:
        self.count.setText(self.tr("共 %n 条", "", self.model.total))
        self.changed.emit()
