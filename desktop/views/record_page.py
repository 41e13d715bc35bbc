"""A list page for one record kind: search (Chinese or pinyin initials), filters, count, table."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.catalog import ListQuery
from desktop.core.listing import spec_for
from desktop.db import Database
from desktop.views.itemmodels.record_table_model import RecordTableModel
from desktop.views.labels import cell_text

NO_YEAR = 0


class RecordPage(QWidget):
    """Shows one kind's records; `changed` fires when the count it shows changes."""

    changed = Signal()

    def __init__(self, db: Database, kind: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.title = title
        spec = spec_for(kind)
        self.search = QLineEdit(placeholderText=self.tr("搜索：中文或拼音首字母，如 bhx"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), None)
        for value in spec.status_values:
            self.status.addItem(cell_text(value), value)
        self.status.setVisible(bool(spec.status_values))
        self.year = QSpinBox(minimum=NO_YEAR, maximum=2100, specialValueText=self.tr("全部年度"))
        self.year.setVisible(spec.year_of is not None)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        filters.addWidget(self.year)
        filters.addWidget(self.count)

        self.model = RecordTableModel(db, kind, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{title}</h2>")
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        # Typing waits a moment so every keystroke does not query the database.
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.year.valueChanged.connect(self.apply_filters)
        self._show_count()

    def apply_filters(self) -> None:
        query = self.model.query
        self.model.set_query(
            ListQuery(
                search=self.search.text(),
                status=self.status.currentData(),
                year=self.year.value() or None,
                sort=query.sort,
                descending=query.descending,
            )
        )
        self._show_count()

    def reload(self) -> None:
        self.model.refresh()
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(self.tr("共 %n 条", "", self.model.total))
        self.changed.emit()
