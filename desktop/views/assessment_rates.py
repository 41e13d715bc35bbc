"""召开率、建制率、职工建议采纳: the year's rates by level and period, as `lianxi rates` gives them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assessment import YearRates, quarter_rates
from desktop.views.assessment_charts import (
    chart_view,
    convening_chart,
    level_name,
    quarter_names,
    replace_chart,
)
from desktop.views.labels import fill

PERIODS = ("year", "Q1", "Q2", "Q3", "Q4")


def rate_text(part: int, whole: int, rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1f}%（{part}/{whole}）"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, item)
    table.resizeRowsToContents()
    height = table.horizontalHeader().height() + sum(
        table.rowHeight(r) for r in range(table.rowCount())
    )
    table.setFixedHeight(height + 2 * table.frameWidth())


class RatesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rates: YearRates | None = None
        self.heading = QLabel(self.tr("计算考核得分后显示本年度各项比率。"))
        self.convening = _table(
            [self.tr("层级"), self.tr("全年"), *quarter_names(), self.tr("实际开会次数")]
        )
        self.convening.setToolTip(
            self.tr("召开率 = 已召开 ÷ 应召开；应召开按建制要求的每期一次计，走过场的会议不计。")
        )
        self.establishment = _table(
            [self.tr("层级"), self.tr("建制记录"), self.tr("已建制"), self.tr("建制率")]
        )
        self.adoption = _table(
            [self.tr("办理层级"), self.tr("收到建议"), self.tr("采纳"), self.tr("采纳率")]
        )
        self.activity = _table(
            [self.tr("层级"), self.tr("召开会议"), self.tr("议题"), self.tr("议定事项")]
        )
        self.chart = chart_view()
        self.chart.setMinimumHeight(280)
        header = self.convening.horizontalHeader()
        # Every column as wide as its contents (the level's name no longer squeezed to a sliver
        # when the rates are wide), the last one taking what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        tables = QWidget()
        left = QVBoxLayout(tables)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.heading)
        for title, table in (
            (self.tr("召开率（按季度）"), self.convening),
            (self.tr("建制率"), self.establishment),
            (self.tr("职工建议采纳（按办理层级）"), self.adoption),
            (self.tr("会议情况"), self.activity),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            left.addWidget(box)
        left.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(tables)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 2)
        layout.addWidget(self.chart, 1)

    def set_rates(self, rates: YearRates) -> None:
        self.rates = rates
        self.heading.setText(
            fill(self.tr("%1 年度（数据截至 %2）"), rates.year, rates.as_of.isoformat())
        )
        by_level: dict[str, dict[str, tuple[int, int, int, float | None]]] = {}
        for c in rates.convening:
            by_level.setdefault(c.level.value, {})[c.period] = (
                c.convened,
                c.required,
                c.meetings_held,
                c.rate,
            )
        _fill(
            self.convening,
            [
                [
                    level_name(level),
                    *(rate_text(*periods[p][:2], periods[p][3]) for p in PERIODS),
                    str(periods["year"][2]),
                ]
                for level, periods in by_level.items()
            ],
        )
        _fill(
            self.establishment,
            [
                [
                    level_name(e.level.value),
                    str(e.pairs),
                    str(e.established),
                    "—" if e.rate is None else f"{e.rate:.1f}%",
                ]
                for e in rates.establishment
            ],
        )
        a = rates.adoption
        adoption = [
            [
                level_name(r.level.value),
                str(r.received),
                str(r.adopted),
                "—" if r.rate is None else f"{r.rate:.1f}%",
            ]
            for r in a.by_level
        ]
        total_rate = f"{100 * a.adopted / a.received:.1f}%" if a.received else "—"
        adoption.append([self.tr("合计"), str(a.received), str(a.adopted), total_rate])
        _fill(self.adoption, adoption)
        _fill(
            self.activity,
            [
                [level_name(m.level.value), str(m.meetings), str(m.topics), str(m.items)]
                for m in rates.activity
            ],
        )
        replace_chart(self.chart, convening_chart(quarter_rates(rates.convening)))
