"""考核: each unit's score for a year, ranked, with every point traced to the records behind it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.core.assessment import Scorecard, UnitScore, compute_scorecard, save_results
from desktop.core.documents import assessment_doc
from desktop.core.errors import DomainError
from desktop.core.spreadsheet import write_table
from desktop.db import Database
from desktop.messages import message
from desktop.views import ui_state
from desktop.views.document_preview import DocumentPreview, preview
from desktop.views.labels import fill
from desktop.views.tasks import TaskRunner

RECORD_ROLE = Qt.ItemDataRole.UserRole


def indicator_name(rule: str, name: str) -> str:
    return name or message(f"rule_{rule}")


class AssessmentPage(QWidget):
    open_record = Signal(str, int)  # kind, id: the window opens the record behind a point

    def __init__(
        self,
        db: Database,
        today: date,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.tasks = tasks or TaskRunner(self)
        self.card: Scorecard | None = None
        self.year = QSpinBox(
            minimum=2000, maximum=2100, value=today.year if today.month > 6 else today.year - 1
        )
        compute = QPushButton(self.tr("计算考核得分"))
        compute.clicked.connect(self.compute)
        self.save_button = QPushButton(self.tr("保存为本单位结果"))
        self.save_button.clicked.connect(self.save)
        self.export_button = QPushButton(self.tr("导出 Excel"))
        self.export_button.clicked.connect(self.export_dialog)
        self.print_button = QPushButton(self.tr("打印考核结果通报"))
        self.print_button.clicked.connect(self.print_circular)
        for b in (self.save_button, self.export_button, self.print_button):
            b.setEnabled(False)
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度：")))
        for w in (self.year, compute, self.save_button, self.export_button, self.print_button):
            top.addWidget(w)
        top.addStretch(1)
        self.ranking = QTableWidget(0, 5)
        self.ranking.setHorizontalHeaderLabels(
            [self.tr("名次"), self.tr("单位"), self.tr("总分"), self.tr("较上年"), self.tr("建议")]
        )
        self.ranking.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.ranking.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.ranking.verticalHeader().hide()
        self.ranking.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ranking.currentCellChanged.connect(lambda row, *_: self.show_unit(row))
        self.details = QTreeWidget()
        self.details.setHeaderLabels([self.tr("指标与明细"), self.tr("得分")])
        self.details.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.details.itemDoubleClicked.connect(self._open)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.ranking)
        split.addWidget(self.details)
        split.setSizes([420, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('考核')}</h2>"))
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def compute(self) -> None:
        """Scoring a county reads a year of records: it runs off the GUI thread."""
        year, db, today = self.year.value(), self.db, self.today
        self.status.setText(self.tr("正在计算…"))

        def job(_progress: object, _cancelled: object) -> Scorecard:
            with db.unit_of_work() as s:
                return compute_scorecard(s, year, today=today)

        self.tasks.run(
            job,
            on_done=self._show,
            on_error=self._failed,
            label=self.tr("正在计算考核得分…"),
            parent=self,
        )

    def wait(self) -> None:
        """Tests and the self-test wait for the background computation."""
        self.tasks.wait()
        QCoreApplication.processEvents()

    def _failed(self, exc: Exception) -> None:
        if isValid(self):
            code = getattr(exc, "code", None)
            self.status.setText(message(code, getattr(exc, "fields", {})) if code else str(exc))

    def _show(self, card: Scorecard) -> None:
        if not isValid(self):
            return
        self.card = card
        proposals = {p.unit_id: self.tr("表扬") for p in card.commendations}
        proposals.update({p.unit_id: self.tr("批评") for p in card.criticisms})
        self.ranking.setRowCount(len(card.units))
        for r, u in enumerate(card.units):
            change = "" if u.change is None else f"{u.change:+.2f}"
            cells = [
                str(u.rank or ""),
                u.unit_name,
                f"{u.total:.2f}",
                change,
                proposals.get(u.unit_id, ""),
            ]
            for c, text in enumerate(cells):
                self.ranking.setItem(r, c, QTableWidgetItem(text))
        provisional = any(u.provisional for u in card.units)
        self.status.setText(
            fill(
                self.tr("%1 年度，%2 个单位，数据截至 %3%4"),
                card.year,
                len(card.units),
                card.as_of.isoformat(),
                self.tr("（暂定）") if provisional else "",
            )
        )
        for b in (self.save_button, self.export_button, self.print_button):
            b.setEnabled(bool(card.units))
        if card.units:
            self.ranking.selectRow(0)
            self.show_unit(0)

    def show_unit(self, row: int) -> None:
        self.details.clear()
        if self.card is None or not 0 <= row < len(self.card.units):
            return
        unit: UnitScore = self.card.units[row]
        for indicator in unit.indicators:
            top = QTreeWidgetItem(
                [
                    fill(
                        self.tr("%1（%2 分）"),
                        indicator_name(indicator.rule, indicator.name),
                        f"{indicator.weight:g}",
                    ),
                    f"{indicator.points:.2f}",
                ]
            )
            for d in indicator.details:
                child = QTreeWidgetItem([message(d.code, dict(d.fields)), f"{d.points:+.2f}"])
                if d.kind is not None and d.record_id is not None:
                    child.setData(0, RECORD_ROLE, (d.kind, d.record_id))
                    child.setToolTip(0, self.tr("双击打开该记录"))
                top.addChild(child)
            self.details.addTopLevelItem(top)

    def _open(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, RECORD_ROLE)
        if target:
            self.open_record.emit(target[0], int(target[1]))

    def save(self) -> None:
        if self.card is None:
            return
        try:
            with self.db.unit_of_work() as s:
                save_results(s, self.card)
        except DomainError as exc:
            self.status.setText(message(exc.code, exc.fields))
            return
        self.status.setText(self.tr("考核结果已保存（暂定，发布后为正式结果）。"))

    def export_rows(self, path: Path) -> int:
        assert self.card is not None
        specs = self.card.units[0].indicators if self.card.units else ()
        headers = [
            self.tr("名次"),
            self.tr("单位"),
            self.tr("总分"),
            self.tr("较上年"),
            *(indicator_name(i.rule, i.name) for i in specs),
        ]
        rows = (
            [u.rank, u.unit_name, u.total, u.change, *(i.points for i in u.indicators)]
            for u in self.card.units
        )
        return write_table(path, fill(self.tr("%1年度考核"), self.card.year), headers, rows)

    def export_dialog(self) -> None:
        if self.card is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出 Excel"),
            str(Path(ui_state.last_folder()) / fill(self.tr("%1年度考核.xlsx"), self.card.year)),
            "Excel (*.xlsx)",
        )
        if name:
            path = Path(name).with_suffix(".xlsx")
            ui_state.remember_folder(path.parent)
            try:
                self.export_rows(path)
            except OSError as exc:
                QMessageBox.warning(self, self.tr("导出失败"), str(exc))

    def print_circular(self) -> DocumentPreview | None:
        year = self.year.value()
        return preview(
            self.db, lambda s: assessment_doc(s, year, message), self.tr("考核结果通报"), self
        )
