"""考核: each unit's score for a year, ranked, with every point traced to the records behind it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
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
    StoredState,
    UnitScore,
    YearRates,
    mark_published,
    save_results,
)
from desktop.core.assessment.overview import (
    TotalsCache,
    YearAssessment,
    YearCharts,
    publish_card,
    shows_own_card,
    unit_states,
    year_assessment,
    year_charts,
)
from desktop.core.changes import ALL_KINDS
from desktop.core.spreadsheet import write_table
from desktop.db import Database
from desktop.messages import describe, message
from desktop.views import ui_state
from desktop.views.assessment_charts import ChartsPanel
from desktop.views.assessment_rates import RatesPanel
from desktop.views.assessment_scheme import SchemeEditor
from desktop.views.document_preview import DocumentPreview, preview_issued
from desktop.views.labels import fill
from desktop.views.operations import operations
from desktop.views.page import Page
from desktop.views.tasks import TaskRunner

RECORD_ROLE = Qt.ItemDataRole.UserRole


def indicator_name(rule: str, name: str) -> str:
    return name or message(f"rule_{rule}")


class AssessmentPage(QWidget, Page):
    """A county ranks the units below it; a township sees its own card, provisional until
    the county's result arrives. Tabs: scores, charts, rates, the year's scheme."""

    open_record = Signal(str, int)  # kind, id: the window opens the record behind a point
    # Scores are made of nearly every kind of record, the schemes and the stored results.
    shows = ALL_KINDS - {"attachment"}

    def __init__(
        self,
        db: Database,
        today: date,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.ops = operations(db)
        self.today = today
        self.tasks = tasks or self.ops.tasks
        self.card: Scorecard | None = None
        self.own: OwnCard | None = None
        self.rates: YearRates | None = None
        self.charts: AssessmentCharts | None = None
        self.states: dict[int, StoredState] = {}
        self.own_mode = self.ops.read(shows_own_card)
        # Years' totals already worked out, for one state of the records (`data_version`):
        # going back to a year, or charting the years before it, does not score them again.
        self.memo = TotalsCache()
        self._stale = False  # records changed since the scores shown were computed
        self._asked_on_open = False
        # Asks before publishing, and what to do with unsaved scheme edits; tests replace them.
        self.confirm_publish: Callable[[str], bool] = self._ask_publish
        self.ask_unsaved: Callable[[], str] = self._ask_unsaved
        self.year = QSpinBox(
            minimum=2000, maximum=2100, value=today.year if today.month > 6 else today.year - 1
        )
        self.year.setKeyboardTracking(False)  # typing a year is one change, not four
        self.shown_year = self.year.value()
        self.year.valueChanged.connect(self._year_changed)
        compute = QPushButton(self.tr("计算考核得分"))
        compute.clicked.connect(self.compute)
        self.save_button = QPushButton(self.tr("保存为本单位结果"))
        self.save_button.clicked.connect(self.save)
        self.publish_button = QPushButton(self.tr("发布考核结果"))
        self.publish_button.setToolTip(self.tr("作为正式结果发布，随下次数据交换包发送给下级单位"))
        self.publish_button.clicked.connect(self.publish)
        self.export_button = QPushButton(self.tr("导出 Excel"))
        self.export_button.clicked.connect(self.export_dialog)
        self.print_button = QPushButton(self.tr("打印考核结果通报"))
        self.print_button.clicked.connect(self.print_circular)
        for b in self._card_buttons():
            b.setEnabled(False)
        # A township neither stores, publishes nor circulates results: the county does. (Hidden,
        # never shown here: a parentless widget shown opens as a window of its own for a moment.)
        if self.own_mode:
            for b in (self.save_button, self.publish_button, self.print_button):
                b.hide()
        self.status = QLabel()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度：")))
        for w in (
            self.year,
            compute,
            self.save_button,
            self.publish_button,
            self.export_button,
            self.print_button,
        ):
            top.addWidget(w)
        top.addStretch(1)
        self.ranking = QTableWidget(0, 6)
        self.ranking.setHorizontalHeaderLabels(
            [
                self.tr("名次"),
                self.tr("单位"),
                self.tr("总分"),
                self.tr("较上年"),
                self.tr("建议"),
                self.tr("状态"),
            ]
        )
        self.ranking.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.ranking.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.ranking.verticalHeader().hide()
        header = self.ranking.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ranking.currentCellChanged.connect(lambda row, *_: self.show_unit(row))
        if self.own_mode:
            self.ranking.hide()
        self.details = QTreeWidget()
        self.details.setHeaderLabels([self.tr("指标与明细"), self.tr("得分")])
        self.details.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.details.itemDoubleClicked.connect(self._open)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.ranking)
        split.addWidget(self.details)
        split.setSizes([540, 520])
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
        layout.addWidget(QLabel("<h2>" + self.tr("考核") + "</h2>"))
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.scheme_editor:
            self.show_scheme()

    def _card_buttons(self) -> tuple[QPushButton, ...]:
        return (self.save_button, self.publish_button, self.export_button, self.print_button)

    def _year_changed(self, year: int) -> None:
        """Unsaved scheme edits are for the year they were made in: save them, drop them, or
        stay on that year (the spin box goes back, nothing is recomputed)."""
        if year == self.shown_year:
            return
        if not self.settle_scheme():
            self.year.blockSignals(True)
            self.year.setValue(self.shown_year)
            self.year.blockSignals(False)
            return
        self.shown_year = year
        if self.tabs.currentWidget() is self.scheme_editor:
            self.show_scheme()

    def settle_scheme(self) -> bool:
        """Before the scheme editor's year goes away (another year, leaving the page, closing
        the window): ask 保存 / 放弃 / 取消 when it holds unsaved edits. False: stay."""
        editor = self.scheme_editor
        if not (editor.dirty and editor.year):
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            saved = editor.save()
            if not saved:  # refused: the reason is under the table
                self.tabs.setCurrentWidget(editor)
            return saved
        if answer == "discard":
            editor.load(editor.year)
            return True
        return False

    def can_leave(self) -> bool:
        """For the window before it shows another page or closes."""
        return self.settle_scheme()

    def _ask_unsaved(self) -> str:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("考核方案未保存"))
        box.setText(
            fill(
                self.tr("%1 年度的考核方案有未保存的修改。保存修改吗？"),
                self.scheme_editor.year,
            )
        )
        save = box.addButton(self.tr("保存"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("放弃"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def show_scheme(self) -> None:
        """The scheme tab follows the year chosen above."""
        editor = self.scheme_editor
        if editor.year != self.year.value() and not (editor.dirty and editor.year):
            editor.load(self.year.value())

    def _scheme_saved(self, year: int) -> None:
        """The year shown is scored again under its new scheme; a scheme saved on the way to
        another year is only reported (that year is not scored until asked)."""
        if year != self.year.value():
            self.status.setText(fill(self.tr("%1 年度考核方案已保存。"), year))
            self._stale = False  # the year shown is not scored again until asked
        elif self.card is not None and self.card.year == year:
            self.compute()

    def compute(self) -> None:
        """Scoring a county reads a year of records: it runs off the GUI thread, and the
        charts' years of history after it."""
        year, ops, today, cache = self.year.value(), self.ops, self.today, self.memo
        self._stale = False
        self._asked_on_open = True
        self.status.setText(self.tr("正在计算…"))
        self.tasks.run(
            lambda _p, _c: ops.read(year_assessment, year, today=today, cache=cache),
            on_done=self._show,
            on_error=self._failed,
            label=self.tr("正在计算考核得分…"),
            parent=self,
        )

    def _compute_charts(self, computed: YearAssessment) -> None:
        ops, today = self.ops, self.today
        self.tasks.run(
            lambda _p, _c: ops.read(year_charts, computed, today=today),
            on_done=self._show_charts,
            on_error=self._failed,
            label=self.tr("正在生成图表…"),
            parent=self,
        )

    def reload(self) -> None:
        """Records changed: the scores shown are worked out again, in the background, when
        the page is in sight (else when it next comes into sight)."""
        self._stale = True
        editor = self.scheme_editor
        if editor.year and not editor.dirty and editor.isVisible():
            editor.load(editor.year)
        if self.isVisible():
            QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if isValid(self) and self._stale and self.card is not None and self.isVisible():
            self.compute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.card is None and not self._asked_on_open:
            # The first look computes the year's scores, in the background: never an empty page.
            self._asked_on_open = True
            QTimer.singleShot(0, self._compute_if_shown)
        elif self._stale:
            QTimer.singleShot(0, self._refresh_if_stale)

    def _compute_if_shown(self) -> None:
        if isValid(self) and self.card is None and self.isVisible():
            self.compute()

    def wait(self) -> None:
        """Tests and the self-test wait for the background computations (scores, then charts)."""
        while True:
            self.tasks.wait()
            QCoreApplication.processEvents()
            if not self.tasks.busy():
                break

    def _failed(self, exc: Exception) -> None:
        if isValid(self):
            self.status.setText(describe(exc))

    def _show(self, computed: YearAssessment) -> None:
        if not isValid(self):
            return
        card = computed.card
        self.card, self.own, self.rates = card, computed.own, computed.rates
        self.states = computed.states
        self.memo = self.memo.merged(computed.cache)
        self.rates_panel.set_rates(computed.rates)
        units = [computed.own.shown] if computed.own is not None else list(card.units)
        proposals = {p.unit_id: self.tr("表扬") for p in card.commendations}
        proposals.update({p.unit_id: self.tr("批评") for p in card.criticisms})
        self.ranking.setRowCount(len(units))
        for r, u in enumerate(units):
            change = "" if u.change is None else f"{u.change:+.2f}"
            state, tip = self._state_text(u)
            cells = [
                str(u.rank or ""),
                u.unit_name,
                f"{u.total:.2f}",
                change,
                "" if computed.own is not None else proposals.get(u.unit_id, ""),
                state,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 5:
                    item.setToolTip(tip)
                self.ranking.setItem(r, c, item)
        self._show_status()
        self._show_banner()
        for b in self._card_buttons():
            b.setEnabled(bool(units))
        if units:
            self.ranking.selectRow(0)
            self.show_unit(0)
        self._compute_charts(computed)

    def _state_text(self, unit: UnitScore) -> tuple[str, str]:
        """The ranking's 状态 cell and its tooltip: whether this score is the published one."""
        if self.own is not None:
            return "", ""
        state = self.states.get(unit.unit_id)
        if not unit.provisional:
            return self.tr("已发布"), ""
        if state is None:
            return self.tr("暂定"), self.tr("尚未保存或发布")
        if not state.ours:
            return (
                fill(self.tr("上级结果 %1 分"), f"{state.total:.2f}"),
                self.tr("本单位不能覆盖其他单位下发的结果"),
            )
        if state.provisional:
            return self.tr("暂定（已保存）"), ""
        return (
            fill(self.tr("已发布 %1 分"), f"{state.total:.2f}"),
            self.tr("发布后记录有变化，与本次计算不同；重新发布后更新"),
        )

    def _show_status(self) -> None:
        card = self.card
        assert card is not None
        units = self.shown_units()
        provisional = any(u.provisional for u in units)
        self.status.setText(
            fill(
                self.tr("%1 年度，%2 个单位，数据截至 %3%4"),
                card.year,
                len(units),
                card.as_of.isoformat(),
                self.tr("（暂定）") if provisional else self.tr("（已发布）"),
            )
        )

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

    def _show_charts(self, charted: YearCharts) -> None:
        if not isValid(self):
            return
        charts = self.charts = charted.charts
        self.memo = self.memo.merged(charted.cache)
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
        if self.ops.mutate(save_results, self.card, show_in=self.status.setText) is None:
            return
        self._stale = False  # the states are shown below; the scores themselves stand
        self.status.setText(self.tr("考核结果已保存（暂定，发布后为正式结果）。"))
        self._refresh_states()

    def publish(self) -> bool:
        """Publish the scores shown, after saying what that means; one transaction, through
        the same core function as `lianxi scorecard --publish`."""
        card = self.card
        if card is None or self.own_mode or not card.units:
            return False
        text = fill(
            self.tr(
                "发布 %1 年度 %2 个单位的考核结果（数据截至 %3）。\n\n"
                "发布后，这些结果即为本单位的正式考核结果，并随下次数据交换包发送给下级单位。"
                "已发布过的结果将被本次结果替换。"
            ),
            card.year,
            len(card.units),
            card.as_of.isoformat(),
        )
        if card.as_of < date(card.year, 12, 31):
            text += fill(
                self.tr("\n\n注意：%1 年度尚未结束，结果按截至今天的记录计算。"), card.year
            )
        if not self.confirm_publish(text + self.tr("\n\n确定发布吗？")):
            return False
        published = self.ops.mutate(publish_card, card, show_in=self.status.setText)
        if published is None:
            return False
        self._stale = False  # the states are shown below; the scores themselves stand
        saved, states = published
        self._show_states(states)
        done = fill(
            self.tr("已发布 %1 个单位的 %2 年度考核结果，将随下次数据交换包发送给下级单位。"),
            saved.saved,
            card.year,
        )
        if saved.kept:
            done += fill(self.tr("另有 %1 个单位的结果由其他单位下发，未覆盖。"), saved.kept)
        self.status.setText(done)
        return True

    def _ask_publish(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("发布考核结果"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _refresh_states(self) -> None:
        if self.card is None or self.own_mode:
            return
        self._show_states(self.ops.read(unit_states, self.card))

    def _show_states(self, states: dict[int, StoredState]) -> None:
        """The ranking's 状态 column after saving or publishing, without scoring again."""
        assert self.card is not None
        self.states = states
        self.card = mark_published(self.card, states)
        for r, u in enumerate(self.card.units):
            text, tip = self._state_text(u)
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.ranking.setItem(r, 5, item)

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
                QMessageBox.warning(self, self.tr("导出失败"), describe(exc))

    def print_circular(self) -> DocumentPreview | None:
        year = self.year.value()
        return preview_issued(self.db, "assessment", year, self.tr("考核结果通报"), self, message)
