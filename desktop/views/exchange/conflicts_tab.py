"""冲突处理: an incoming change to a record the sender may not write; both values side by side."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.messages import field_label, kind_label
from desktop.models import ExchangeConflict
from desktop.sync.exchange import (
    ConflictGone,
    FieldDifference,
    differences,
    open_conflicts,
    resolve_conflict,
)
from desktop.views.labels import fill, first_upper
from desktop.views.operations import operations

ID_ROLE = Qt.ItemDataRole.UserRole


def _open_conflicts(
    session: Session,
) -> tuple[list[ExchangeConflict], dict[int, list[FieldDifference]]]:
    """What each conflict shows is read with the list: no second query, no race."""
    conflicts = open_conflicts(session)
    return conflicts, {c.id: differences(c) for c in conflicts}


def _resolve(session: Session, conflict_id: int, keep: str) -> bool:
    """False when the conflict was decided already or its record is gone (nothing written)."""
    try:
        resolve_conflict(session, conflict_id, keep)
    except ConflictGone:
        return False
    return True


def value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}={value_text(v)}" for k, v in value.items())
    return str(value)


class ConflictsTab(QWidget):
    resolved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._differences: dict[int, list[FieldDifference]] = {}
        self.list = QListWidget()
        self.list.currentItemChanged.connect(lambda item, _old: self.show_conflict(item))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("字段"), self.tr("本单位的值"), self.tr("对方发来的值")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mine_button = QPushButton(self.tr("保留本单位的值"))
        self.mine_button.clicked.connect(lambda: self.resolve("mine"))
        self.theirs_button = QPushButton(self.tr("采用对方的值"))
        self.theirs_button.clicked.connect(lambda: self.resolve("theirs"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        right = QWidget()
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mine_button)
        buttons.addWidget(self.theirs_button)
        buttons.addStretch(1)
        rlayout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([320, 700])
        hint = QLabel(
            self.tr(
                "两种情况会列在这里：对方修改了归本单位所有的记录；或对方修改了它自己的记录，"
                "而本单位此前也改过这条记录，对方并不知道。请对照两边的值决定：保留本单位的值，"
                "或采用对方的值。采用后，对方以后的修改照常导入；保留本单位的值，对方再改时会再次询问。"
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.reload()

    @property
    def total(self) -> int:
        return self.list.count()

    def reload(self) -> None:
        self.list.clear()
        conflicts, self._differences = operations(self.db).read(_open_conflicts)
        for c in conflicts:
            name = c.local_value.get("name") or c.local_value.get("title") or c.record_uuid[:8]
            text = fill(
                self.tr("%1「%2」 %3"),
                kind_label(c.kind),
                name,
                c.detected_at.astimezone().strftime("%Y-%m-%d"),
            )
            QListWidgetItem(text, self.list).setData(ID_ROLE, c.id)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.show_conflict(None)
            self.status.setText(self.tr("没有待处理的冲突。"))

    def show_conflict(self, item: QListWidgetItem | None) -> None:
        self.table.setRowCount(0)
        for button in (self.mine_button, self.theirs_button):
            button.setEnabled(item is not None)
        if item is None:
            return
        rows = self._differences.get(item.data(ID_ROLE), [])
        self.table.setRowCount(len(rows))
        for r, d in enumerate(rows):
            cells = [first_upper(field_label(d.name)), value_text(d.local), value_text(d.incoming)]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def resolve(self, keep: str) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        decided = operations(self.db).mutate(
            _resolve, int(item.data(ID_ROLE)), keep, show_in=self.status.setText
        )
        if decided is None:  # a storage fault, said in the status line
            return
        if not decided:
            note = self.tr("该冲突已经处理过，或记录已不存在。")
        else:
            note = self.tr("已保留本单位的值。") if keep == "mine" else self.tr("已采用对方的值。")
        self.reload()
        self.status.setText(note)
        self.resolved.emit()
