"""考核 charts drawn with Qt Charts from the core's figures (the PDF draws the same figures)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assessment import AssessmentCharts, Band, QuarterRates
from desktop.views.labels import fill

# The same colours as the printed charts (desktop/reports/charts.py).
PALETTE = ("#b03a2e", "#2e6da4", "#3c8d40", "#d68910", "#707b7c")


def level_name(level: str) -> str:
    names = {
        "province": QCoreApplication.translate("AssessmentCharts", "省级"),
        "city": QCoreApplication.translate("AssessmentCharts", "市级"),
        "county": QCoreApplication.translate("AssessmentCharts", "县级"),
        "township": QCoreApplication.translate("AssessmentCharts", "乡镇"),
        "street": QCoreApplication.translate("AssessmentCharts", "街道"),
        "enterprise": QCoreApplication.translate("AssessmentCharts", "企业"),
        "industry": QCoreApplication.translate("AssessmentCharts", "产业"),
    }
    return names.get(level, level)


def quarter_names() -> list[str]:
    return [
        QCoreApplication.translate("AssessmentCharts", "一季度"),
        QCoreApplication.translate("AssessmentCharts", "二季度"),
        QCoreApplication.translate("AssessmentCharts", "三季度"),
        QCoreApplication.translate("AssessmentCharts", "四季度"),
    ]


def band_label(band: Band) -> str:
    if band.low is None:
        return fill(QCoreApplication.translate("AssessmentCharts", "%1以下"), f"{band.high:g}")
    if band.high is None:
        return fill(QCoreApplication.translate("AssessmentCharts", "%1及以上"), f"{band.low:g}")
    return f"{band.low:g}–{band.high:g}"


def _font(size_delta: int = 0, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    if font.pointSize() > 0:
        font.setPointSize(font.pointSize() + size_delta)
    font.setBold(bold)
    return font


def new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(_font(2, bold=True))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(_font())
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _axis_fonts(axis: QValueAxis | QBarCategoryAxis, title: str) -> None:
    axis.setTitleText(title)
    axis.setTitleFont(_font())
    axis.setTruncateLabels(False)  # unit names and axis titles in full, never "…"
    axis.setLabelsFont(_font(-1))


def value_axis(
    title: str, low: float, high: float, ticks: int = 6, fmt: str = "%.0f"
) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(low, high)
    axis.setTickCount(ticks)
    axis.setLabelFormat(fmt)
    _axis_fonts(axis, title)
    return axis


def category_axis(title: str, categories: Sequence[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(categories))
    _axis_fonts(axis, title)
    return axis


def _bar_set(name: str, values: Sequence[float | None], colour: str) -> QBarSet:
    bars = QBarSet(name)
    bars.append([0.0 if v is None else float(v) for v in values])
    bars.setColor(QColor(colour))
    bars.setBorderColor(QColor(colour))
    bars.setLabelColor(QColor("#222222"))
    bars.setLabelFont(_font(-1))
    return bars


def _attach(chart: QChart, series: object, x: object, y: object) -> None:
    chart.addSeries(series)  # type: ignore[arg-type]
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)  # type: ignore[arg-type]
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)  # type: ignore[arg-type]
    series.attachAxis(x)  # type: ignore[attr-defined]
    series.attachAxis(y)  # type: ignore[attr-defined]


def _round_up(value: float, step: float) -> float:
    return step * (int(value / step) + 1)


def distribution_chart(charts: AssessmentCharts) -> QChart:
    chart = new_chart(QCoreApplication.translate("AssessmentCharts", "考核得分分布"))
    series = QBarSeries()
    counts = [float(b.count) for b in charts.distribution]
    series.append(
        _bar_set(QCoreApplication.translate("AssessmentCharts", "单位数"), counts, PALETTE[0])
    )
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    most = max(counts, default=0.0)
    step = max(1, int(most // 5) + (1 if most % 5 else 0))
    top = _round_up(most, step)
    x = category_axis(
        QCoreApplication.translate("AssessmentCharts", "得分段（分）"),
        [band_label(b) for b in charts.distribution],
    )
    y = value_axis(
        QCoreApplication.translate("AssessmentCharts", "单位数（个）"), 0, top, int(top // step) + 1
    )
    _attach(chart, series, x, y)
    chart.legend().hide()
    return chart


def ranking_chart(charts: AssessmentCharts) -> QChart:
    bars = (*charts.top, *charts.bottom)
    title = QCoreApplication.translate("AssessmentCharts", "各单位考核得分排名")
    if charts.bottom:
        title = fill(
            QCoreApplication.translate("AssessmentCharts", "考核得分前 %1 名与后 %2 名"),
            len(charts.top),
            len(charts.bottom),
        )
    chart = new_chart(title)
    series = QHorizontalBarSeries()
    # Qt lists the first category at the bottom: reversed, the best unit is on top.
    ordered = list(reversed(bars))
    series.append(
        _bar_set(
            QCoreApplication.translate("AssessmentCharts", "总分"),
            [b.total for b in ordered],
            PALETTE[1],
        )
    )
    series.setBarWidth(0.8)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    series.setLabelsPrecision(4)
    names = [f"{b.rank}. {b.unit_name}" if b.rank else b.unit_name for b in ordered]
    top = max(110.0, _round_up(max((b.total for b in bars), default=0.0), 10))
    y = category_axis("", names)
    y.setLabelsFont(_font(-1 if len(names) <= 20 else -2))
    x = value_axis(
        QCoreApplication.translate("AssessmentCharts", "总分（分）"), 0, top, int(top // 10) + 1
    )
    chart.addSeries(series)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().hide()
    return chart


def _line(
    name: str, values: Sequence[float | None], colour: str, labels: bool = True
) -> QLineSeries:
    line = QLineSeries()
    line.setName(name)
    for i, v in enumerate(values):
        if v is not None:
            line.append(QPointF(i, v))
    line.setPen(QPen(QColor(colour), 2.5))
    line.setPointsVisible(True)
    line.setPointLabelsVisible(labels)
    line.setPointLabelsFormat("@yPoint")
    line.setPointLabelsFont(_font(-1))
    line.setPointLabelsClipping(False)
    return line


def trend_chart(charts: AssessmentCharts, unit_id: int | None, averages: bool = True) -> QChart:
    """Average and median of every year's totals, and the chosen unit's own total."""
    chart = new_chart(QCoreApplication.translate("AssessmentCharts", "历年考核得分走势"))
    years = [
        fill(QCoreApplication.translate("AssessmentCharts", "%1年"), t.year) for t in charts.trend
    ]
    lines = []
    if averages:
        # Figures only on the unit's own line: three sets of them would overlap.
        alone = unit_id is None
        lines.append(
            _line(
                QCoreApplication.translate("AssessmentCharts", "平均分"),
                [t.mean for t in charts.trend],
                PALETTE[0],
                alone,
            )
        )
        lines.append(
            _line(
                QCoreApplication.translate("AssessmentCharts", "中位数"),
                [t.median for t in charts.trend],
                PALETTE[1],
                False,
            )
        )
    if unit_id is not None:
        name = charts.unit_names.get(unit_id, "")
        lines.append(_line(name, [t.totals.get(unit_id) for t in charts.trend], PALETTE[2]))
    values = [p.y() for line in lines for p in line.points()]
    low = max(0.0, (int(min(values, default=0.0)) // 10) * 10.0 - 10)
    high = _round_up(max(values, default=90.0), 10)
    x = category_axis(QCoreApplication.translate("AssessmentCharts", "年度"), years)
    y = value_axis(
        QCoreApplication.translate("AssessmentCharts", "得分（分）"),
        low,
        high,
        int((high - low) // 10) + 1,
    )
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for line in lines:
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
    return chart


def convening_chart(quarters: Sequence[QuarterRates]) -> QChart:
    """召开率 of each level by quarter; a quarter that owed nothing has no bar."""
    chart = new_chart(QCoreApplication.translate("AssessmentCharts", "各季度联席会议召开率"))
    series = QBarSeries()
    for i, q in enumerate(quarters):
        series.append(_bar_set(level_name(q.level.value), q.rates, PALETTE[i % len(PALETTE)]))
    series.setLabelsVisible(len(quarters) <= 2)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value%")
    x = category_axis(QCoreApplication.translate("AssessmentCharts", "季度"), quarter_names())
    y = value_axis(QCoreApplication.translate("AssessmentCharts", "召开率（%）"), 0, 100, 6)
    _attach(chart, series, x, y)
    return chart


def chart_view(chart: QChart | None = None) -> QChartView:
    view = QChartView(chart or new_chart(""))
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(320, 240)
    return view


def replace_chart(view: QChartView, chart: QChart) -> None:
    old = view.chart()
    view.setChart(chart)  # the view does not delete the chart it showed before
    if old is not None:
        old.deleteLater()


class ChartsPanel(QWidget):
    """Four charts in a grid; the trend follows the unit chosen above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts: AssessmentCharts | None = None
        self.single_unit = False
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(12)
        self.unit.currentIndexChanged.connect(self._draw_trend)
        self.note = QLabel(self.tr("计算考核得分后显示图表。"))
        self.distribution = chart_view()
        self.ranking = chart_view()
        self.trend = chart_view()
        self.convening = chart_view()
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        self.unit_label = QLabel(self.tr("走势图中的单位："))
        top.addWidget(self.unit_label)
        top.addWidget(self.unit)
        # Three charts on the left; the ranking down the right, as tall as its bars need
        # (the panel scrolls when the window is shorter).
        for view in (self.distribution, self.convening, self.trend):
            view.setMinimumHeight(260)
        body = QWidget()
        self.grid = grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.distribution, 0, 0)
        grid.addWidget(self.convening, 1, 0)
        grid.addWidget(self.trend, 2, 0)
        grid.addWidget(self.ranking, 0, 1, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroller, 1)

    def set_charts(self, charts: AssessmentCharts, unit_id: int | None = None) -> None:
        """Draw every chart; one unit alone (a township's own card) has no distribution or
        ranking to show."""
        self.charts = charts
        self.single_unit = charts.units <= 1
        self.note.setText(
            fill(
                self.tr("%1 年度，%2 个单位，数据截至 %3"),
                charts.year,
                charts.units,
                charts.as_of.isoformat(),
            )
        )
        for view in (self.distribution, self.ranking):
            view.setVisible(not self.single_unit)
        self.grid.setColumnStretch(1, 0 if self.single_unit else 1)
        if not self.single_unit:
            replace_chart(self.distribution, distribution_chart(charts))
            replace_chart(self.ranking, ranking_chart(charts))
            bars = len(charts.top) + len(charts.bottom)
            self.ranking.setMinimumHeight(max(3 * 260, 100 + 19 * bars))
        replace_chart(self.convening, convening_chart(charts.convening))
        self.unit.blockSignals(True)
        self.unit.clear()
        for uid, name in charts.unit_names.items():
            self.unit.addItem(name, uid)
        self.unit.blockSignals(False)
        self.unit.setVisible(not self.single_unit)
        self.unit_label.setVisible(not self.single_unit)
        self.select_unit(unit_id if unit_id is not None else next(iter(charts.unit_names), None))

    def select_unit(self, unit_id: int | None) -> None:
        index = self.unit.findData(unit_id) if unit_id is not None else -1
        if index >= 0 and index != self.unit.currentIndex():
            self.unit.setCurrentIndex(index)  # draws the trend
        else:
            self._draw_trend()

    def _draw_trend(self) -> None:
        if self.charts is None:
            return
        uid = self.unit.currentData()
        replace_chart(self.trend, trend_chart(self.charts, uid, averages=not self.single_unit))
