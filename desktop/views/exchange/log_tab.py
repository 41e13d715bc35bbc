"""交换记录: every package written or read, newest first: who, when, which package, the result."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.messages import kind_label
from desktop.models import ExchangeLog
from desktop.sync.apply import OUTCOMES
from desktop.sync.exchange import import_log
from desktop.views.exchange.texts import (
    DIRECTION_LABELS,
    OUTCOME_LABELS,
    joined,
    result_text,
    tr,
)
from desktop.views.labels import fill
from desktop.views.operations import operations


def log_detail(entry: ExchangeLog) -> str:
    counts = (entry.detail or {}).get("counts") or {}
    parts = []
    for kind, value in sorted(counts.items()):
        if isinstance(value, dict):  # an import: outcomes per kind, the ones that happened
            outcomes = [f"{tr(OUTCOME_LABELS[o])} {value[o]}" for o in OUTCOMES if value.get(o)]
            parts.append(
                f"{kind_label(kind)} {'/'.join(outcomes) or tr(OUTCOME_LABELS['unchanged'])}"
            )
        else:
            parts.append(f"{kind_label(kind)} {value}")
    problems = (entry.detail or {}).get("problems") or []
    if problems:
        parts.append(fill(QCoreApplication.translate("exchange", "问题 %1 条"), len(problems)))
    return joined(parts)


class LogTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("时间"),
                self.tr("方向"),
                self.tr("对方单位"),
                self.tr("序号"),
                self.tr("文件"),
                self.tr("操作人"),
                self.tr("结果"),
                self.tr("内容"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(self).addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        rows = [
            [
                e.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                tr(DIRECTION_LABELS.get(e.direction, e.direction)),
                e.peer_office_name,
                str(e.sequence),
                e.file_name,
                e.username,
                result_text(e.result),
                log_detail(e),
            ]
            for e in operations(self.db).read(import_log)
        ]
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
