"""延期待批: extension requests waiting for a decision, the longest waiting first, decided in place."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import items
from desktop.core.changes import Changes
from desktop.core.extensions import PendingExtension, pending_extensions
from desktop.db import Database
from desktop.views.labels import fill
from desktop.views.operations import operations


class ExtensionQueue(QWidget):
    """The pending requests with 同意延期 and 不同意 for the selected one."""

    def __init__(self, db: Database, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = operations(db)
        self.today = today
        self.pending: tuple[PendingExtension, ...] = ()
        self.summary = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("事项"),
                self.tr("牵头单位"),
                self.tr("原时限"),
                self.tr("申请延至"),
                self.tr("申请日期"),
                self.tr("理由"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.approve_button = QPushButton(self.tr("同意延期"))
        self.approve_button.clicked.connect(lambda: self.approve(self.table.currentRow()))
        self.refuse_button = QPushButton(self.tr("不同意…"))
        self.refuse_button.clicked.connect(lambda: self.ask_refusal(self.table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.refuse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.ops.did_execute.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches({"item"}):
            self.reload()

    def reload(self) -> None:
        self.pending = self.ops.read(pending_extensions, self.today)
        self.table.setRowCount(len(self.pending))
        for r, p in enumerate(self.pending):
            cells = [
                p.text,
                p.lead_unit_name,
                p.deadline.isoformat() if p.deadline else "",
                p.requested_deadline.isoformat() if p.requested_deadline else "",
                p.requested_on.isoformat() if p.requested_on else "",
                p.reason,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        oldest = self.pending[0].days_waiting if self.pending else 0
        self.summary.setText(
            fill(self.tr("待批 %1 项，最早的已等 %2 天。"), len(self.pending), oldest)
            if self.pending
            else self.tr("没有待批的延期申请。")
        )
        has_rows = bool(self.pending)
        self.approve_button.setEnabled(has_rows)
        self.refuse_button.setEnabled(has_rows)

    def approve(self, row: int) -> bool:
        """Approve the request in `row` with the deadline it asked for."""
        if not 0 <= row < len(self.pending):
            return False
        done = self.ops.mutate(
            items.approve_extension, self.pending[row].item_id, on=self.today, parent=self
        )
        return done is not None

    def ask_refusal(self, row: int) -> None:
        if not 0 <= row < len(self.pending):
            return
        reason, ok = QInputDialog.getText(self, self.tr("不同意延期"), self.tr("理由："))
        if ok:
            self.refuse(row, reason)

    def refuse(self, row: int, reason: str) -> bool:
        """Refuse the request in `row`; the reason is required and goes into the timeline."""
        if not 0 <= row < len(self.pending):
            return False
        done = self.ops.mutate(
            items.refuse_extension,
            self.pending[row].item_id,
            on=self.today,
            reason=reason,
            parent=self,
        )
        return done is not None
