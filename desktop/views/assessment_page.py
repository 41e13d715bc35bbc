"""考核: each unit's score for a year, ranked, with every point traced to the records behind it."""

from __future__ import annotations

from dataclasses import dataclass
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
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.core.assessment import (
    AssessmentCharts,
    OwnCard,
    Scorecard,
    UnitScore,
    YearRates,
    assessment_charts,
    compute_scorecard,
    has_own_card,
    own_card,
    save_results,
    year_rates,
)
from desktop.core.documents import assessment_doc
from desktop.core.errors import DomainError, NoLocalOffice
from desktop.core.spreadsheet import write_table
from desktop.db import Database
from desktop.messages import message
from desktop.views import ui_state
from desktop.views.assessment_charts import ChartsPanel
from desktop.views.assessment_rates import RatesPanel
from desktop.views.assessment_scheme import SchemeEditor
from desktop.views.document_preview import DocumentPreview, preview
from desktop.views.labels import fill
from desktop.views.tasks import TaskRunner

RECORD_ROLE = Qt.ItemDataRole.UserRole


def indicator_name(rule: str, name: str) -> str:
    return name or message(f"rule_{rule}")


@dataclass(frozen=True)
class Computed:
    """What one background computation hands to the page."""

    card: Scorecard
    own: OwnCard | None  # a township's own card beside the county's result
    rates: YearRates


def _own_mode(db: Database) -> bool:
    try:
        with db.unit_of_work() as s:
            return has_own_card(s)
    except NoLocalOffice:
        return False


class AssessmentPage(QWidget):
    """A county ranks the units below it; a township sees its own card, provisional until
    the county's result arrives. Tabs: scores, charts, rates, the year's scheme."""

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
        self.own: OwnCard | None = None
        self.rates: YearRates | None = None
        self.charts: AssessmentCharts | None = None
        self.own_mode = _own_mode(db)
        self.year = QSpinBox(
            minimum=2000, maximum=2100, value=today.year if today.month > 6 else today.year - 1
        )
        self.year.valueChanged.connect(self._year_changed)
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
        # A township neither stores nor circulates results: the county does.
        self.save_button.setVisible(not self.own_mode)
        self.print_button.setVisible(not self.own_mode)
        self.status = QLabel()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
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
        self.ranking.setVisible(not self.own_mode)
        self.details = QTreeWidget()
        self.details.setHeaderLabels([self.tr("指标与明细"), self.tr("得分")])
        self.details.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.details.itemDoubleClicked.connect(self._open)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.ranking)
        split.addWidget(self.details)
        split.setSizes([420, 640])
        self.charts_panel = ChartsPanel()
        self.rates_panel = RatesPanel()
        self.scheme_editor = SchemeEditor(db)
        self.scheme_editor.saved.connect(self._scheme_saved)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("本单位得分") if self.own_mode else self.tr("得分排名"))
        self.tabs.addTab(self.charts_panel, self.tr("图表"))
        self.tabs.addTab(self.rates_panel, self.tr("召开率与建制率"))
        self.tabs.addTab(self.scheme_editor, self.tr("考核方案"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('考核')}</h2>"))
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.scheme_editor:
            self.show_scheme()

    def _year_changed(self) -> None:
        if self.tabs.currentWidget() is self.scheme_editor:
            self.show_scheme()

    def show_scheme(self) -> None:
        """The scheme tab follows the year chosen above, unless it holds unsaved edits."""
        editor = self.scheme_editor
        if editor.year != self.year.value() and not (editor.dirty and editor.year):
            editor.load(self.year.value())

    def _scheme_saved(self, year: int) -> None:
        if self.card is not None and self.card.year == year:
            self.compute()

    def compute(self) -> None:
        """Scoring a county reads a year of records: it runs off the GUI thread, and the
        charts' years of history after it."""
        year, db, today, own = self.year.value(), self.db, self.today, self.own_mode
        self.status.setText(self.tr("正在计算…"))

        def job(_progress: object, _cancelled: object) -> Computed:
            with db.unit_of_work() as s:
                mine = own_card(s, year, today=today) if own else None
                card = mine.scorecard if mine else compute_scorecard(s, year, today=today)
                return Computed(card, mine, year_rates(s, year, today=today))

        self.tasks.run(
            job,
            on_done=self._show,
            on_error=self._failed,
            label=self.tr("正在计算考核得分…"),
            parent=self,
        )

    def _compute_charts(self, computed: Computed) -> None:
        db, today = self.db, self.today

        def job(_progress: object, _cancelled: object) -> AssessmentCharts:
            with db.unit_of_work() as s:
                return assessment_charts(
                    s, computed.card, today=today, convening=computed.rates.convening
                )

        self.tasks.run(
            job,
            on_done=self._show_charts,
            on_error=self._failed,
            label=self.tr("正在生成图表…"),
            parent=self,
        )

    def wait(self) -> None:
        """Tests and the self-test wait for the background computations (scores, then charts)."""
        while True:
            self.tasks.wait()
            QCoreApplication.processEvents()
            if not self.tasks.busy():
                break

    def _failed(self, exc: Exception) -> None:
        if isValid(self):
            code = getattr(exc, "code", None)
            self.status.setText(message(code, getattr(exc, "fields", {})) if code else str(exc))

    def _show(self, computed: Computed) -> None:
        if not isValid(self):
            return
        card = computed.card
        self.card, self.own, self.rates = card, computed.own, computed.rates
        self.rates_panel.set_rates(computed.rates)
        units = [computed.own.shown] if computed.own is not None else list(card.units)
        proposals = {p.unit_id: self.tr("表扬") for p in card.commendations}
        proposals.update({p.unit_id: self.tr("批评") for p in card.criticisms})
        self.ranking.setRowCount(len(units))
        for r, u in enumerate(units):
            change = "" if u.change is None else f"{u.change:+.2f}"
            cells = [
                str(u.rank or ""),
                u.unit_name,
                f"{u.total:.2f}",
                change,
                "" if computed.own is not None else proposals.get(u.unit_id, ""),
            ]
            for c, text in enumerate(cells):
                self.ranking.setItem(r, c, QTableWidgetItem(text))
        provisional = any(u.provisional for u in units)
        self.status.setText(
            fill(
                self.tr("%1 年度，%2 个单位，数据截至 %3%4"),
                card.year,
                len(units),
                card.as_of.isoformat(),
                self.tr("（暂定）") if provisional else "",
            )
        )
        self._show_banner()
        for b in (self.save_button, self.export_button, self.print_button):
            b.setEnabled(bool(units))
        if units:
            self.ranking.selectRow(0)
            self.show_unit(0)
        self._compute_charts(computed)

    def _show_banner(self) -> None:
        own = self.own
        self.banner.setVisible(own is not None)
        if own is None:
            return
        above = own.from_office or self.tr("县总工会")
        computed = own.computed
        if own.received is None:
            text = fill(
                self.tr("%1 %2 年度考核得分 <b>%3</b> 分 —— <b>暂定（待%4考核结果）</b>"),
                own.unit_name,
                own.year,
                f"{computed.total:.2f}",
                above,
            )
            style = "background: #fdf2e9; color: #7e5109;"
        else:
            got = own.received
            rank = fill(self.tr("，第 %1 名"), got.rank) if got.rank else ""
            text = fill(
                self.tr("%1考核结果：<b>%2</b> 分%3%4（本单位测算 %5 分，相差 %6 分）"),
                above,
                f"{got.total:.2f}",
                rank,
                self.tr("（上级尚未正式发布）") if got.provisional else "",
                f"{computed.total:.2f}",
                f"{own.difference:+.2f}",
            )
            style = "background: #eaf2f8; color: #1b4f72;"
        self.banner.setText(text)
        self.banner.setStyleSheet(f"QLabel {{ {style} padding: 8px; font-size: 12pt; }}")

    def _show_charts(self, charts: AssessmentCharts) -> None:
        if not isValid(self):
            return
        self.charts = charts
        unit = self._current_unit()
        self.charts_panel.set_charts(charts, unit.unit_id if unit else None)

    def _current_unit(self) -> UnitScore | None:
        if self.own is not None:
            return self.own.shown
        row = self.ranking.currentRow()
        if self.card is None or not 0 <= row < len(self.card.units):
            return None
        return self.card.units[row]

    def show_unit(self, row: int) -> None:
        self.details.clear()
        if self.card is None:
            return
        if self.own is not None:
            self._show_own()
            return
        if not 0 <= row < len(self.card.units):
            return
        unit: UnitScore = self.card.units[row]
        self.details.setHeaderLabels([self.tr("指标与明细"), self.tr("得分")])
        self._fill_details(unit, linked=True)
        if self.charts is not None:
            self.charts_panel.select_unit(unit.unit_id)

    def _show_own(self) -> None:
        """The county's result beside this office's own computation, indicator by indicator;
        the county's lines name its records, which have other ids here: they are not linked."""
        own = self.own
        assert own is not None
        if own.received is None:
            self.details.setHeaderLabels([self.tr("指标与明细"), self.tr("得分（暂定）")])
            self._fill_details(own.computed, linked=True)
            return
        self.details.setHeaderLabels(
            [self.tr("指标与明细"), self.tr("上级考核得分"), self.tr("本单位测算"), self.tr("差额")]
        )
        mine = {i.code: i.points for i in own.computed.indicators}
        differences = own.indicator_differences()
        self._fill_details(own.received, linked=False)
        for i, indicator in enumerate(own.received.indicators):
            top = self.details.topLevelItem(i)
            if top is not None and indicator.code in mine:
                top.setText(2, f"{mine[indicator.code]:.2f}")
                top.setText(3, f"{differences[indicator.code]:+.2f}")

    def _fill_details(self, unit: UnitScore, *, linked: bool) -> None:
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
                if linked and d.kind is not None and d.record_id is not None:
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

    def shown_units(self) -> tuple[UnitScore, ...]:
        if self.own is not None:
            return (self.own.shown,)
        return self.card.units if self.card is not None else ()

    def export_rows(self, path: Path) -> int:
        assert self.card is not None
        units = self.shown_units()
        specs = units[0].indicators if units else ()
        headers = [
            self.tr("名次"),
            self.tr("单位"),
            self.tr("总分"),
            self.tr("较上年"),
            *(indicator_name(i.rule, i.name) for i in specs),
        ]
        rows = (
            [u.rank, u.unit_name, u.total, u.change, *(i.points for i in u.indicators)]
            for u in units
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
