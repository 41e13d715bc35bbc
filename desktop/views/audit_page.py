"""操作记录: the audit trail, filtered by person, record and date, and its chain checked."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.accounts import list_accounts
from desktop.core.audit import AuditRow, audited_kinds, list_entries, verify_chain
from desktop.views.labels import QT_TRANSLATE_NOOP
from desktop.views.operations import Operations


class AuditPage(QWidget):
    COLUMNS = (
        QT_TRANSLATE_NOOP("AuditPage", "序号"),
        QT_TRANSLATE_NOOP("AuditPage", "时间"),
        QT_TRANSLATE_NOOP("AuditPage", "操作人"),
        QT_TRANSLATE_NOOP("AuditPage", "操作"),
        QT_TRANSLATE_NOOP("AuditPage", "记录类别"),
        QT_TRANSLATE_NOOP("AuditPage", "记录标识"),
        QT_TRANSLATE_NOOP("AuditPage", "内容（原值 → 新值）"),
    )

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.person = QComboBox()
        self.person.addItem(self.tr("全部"), "")
        for account in ops.read(list_accounts):
            self.person.addItem(account.username, account.username)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部"), "")
        for kind in ops.read(audited_kinds):
            self.kind.addItem(kind, kind)
        self.record = QLineEdit()
        self.record.setPlaceholderText(self.tr("记录标识（可只输前几位）"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        show = QPushButton(self.tr("查询"))
        show.clicked.connect(self.reload)
        check = QPushButton(self.tr("检查完整性"))
        check.clicked.connect(self.check_chain)
        filters = QFormLayout()
        filters.addRow(self.tr("操作人："), self.person)
        filters.addRow(self.tr("记录类别："), self.kind)
        filters.addRow(self.tr("记录："), self.record)
        filters.addRow(self.tr("起始日期："), self.since)
        buttons = QHBoxLayout()
        buttons.addWidget(show)
        buttons.addWidget(check)
        buttons.addStretch(1)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        day = self.since.date().toPython()
        rows = self.ops.read(
            list_entries,
            username=self.person.currentData() or None,
            kind=self.kind.currentData() or None,
            record=self.record.text().strip() or None,
            since=datetime.combine(day, time(), UTC),
        )
        self.show_rows(rows)

    def show_rows(self, rows: list[AuditRow]) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (
                str(row.id),
                row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                row.username or "—",
                row.action,
                row.target_kind,
                row.target_uuid,
                json.dumps(row.detail, ensure_ascii=False),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.status.setText(self.tr("共 %1 条。").replace("%1", str(len(rows))))

    def check_chain(self) -> None:
        report = self.ops.read(verify_chain)
        if report.ok:
            text = self.tr("操作记录完整：共 %1 条，哈希链无误。").replace(
                "%1", str(report.entries)
            )
        elif report.first_broken is None:
            text = self.tr(
                "操作记录末尾被删除：本机写入的第 %1 条已不在数据库中（哈希链本身无误，但比本机记下的短）。"
            ).replace("%1", str(report.missing_from))
        else:
            text = self.tr(
                "操作记录被改动：第 %1 条起哈希链不符（该条或其前一条被修改、删除或调换了顺序）。"
            ).replace("%1", str(report.first_broken))
        self.status.setText(text)


class AuditDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("操作记录"))
        self.page = AuditPage(ops, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        self.resize(900, 560)
