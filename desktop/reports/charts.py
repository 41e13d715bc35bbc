"""Charts for printed documents: a ChartSpec drawn with ReportLab graphics in Chinese fonts."""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib.colors import HexColor, black, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.reports.fonts import FontSet
from desktop.reports.story import ChartKind, ChartSpec

# Distinct in print and on a grey-scale copier: dark red, blue, green, amber, grey.
PALETTE = tuple(HexColor(c) for c in ("#b03a2e", "#2e6da4", "#3c8d40", "#d68910", "#707b7c"))
GRID = HexColor("#d5d8dc")
TITLE_SIZE = 10.5  # 五号
LABEL_SIZE = 8.0
AXIS_TITLE_SIZE = 8.5
PAD = 4.0


def _nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10^n) giving about `ticks` intervals over `span`."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return 10.0 * power


def value_range(spec: ChartSpec) -> tuple[float, float, float]:
    """(low, high, step) of the value axis: the spec's, else zero (or below the data for
    lines) up to a round number above the largest value."""
    values = [v for s in spec.series for v in s.values if v is not None]
    if spec.value_range is not None:
        low, high = spec.value_range
        return low, high, spec.value_step or _nice_step(high - low)
    top = max(values, default=1.0)
    bottom = min(values, default=0.0)
    low = 0.0 if spec.kind != ChartKind.LINES or bottom <= 0 else bottom
    step = spec.value_step or _nice_step(max(top, 1.0) - low)
    if spec.kind == ChartKind.LINES:
        low = max(0.0, math.floor((bottom - step / 2) / step) * step) if values else 0.0
        step = spec.value_step or _nice_step(top - low)
        low = math.floor(low / step) * step
    high = math.ceil(top * 1.0001 / step) * step if values else step * 5
    if high <= top:
        high += step
    if spec.kind != ChartKind.LINES and spec.label_format:
        high = max(high, top + step * 0.6)  # room for the figure above the tallest bar
        high = math.ceil(high / step) * step
    return low, high, step


def _text(x: float, y: float, text: str, font: str, size: float, anchor: str = "middle") -> String:
    return String(x, y, text, fontName=font, fontSize=size, textAnchor=anchor, fillColor=black)


def _rotated(x: float, y: float, text: str, font: str, size: float) -> Group:
    """Text read bottom to top, centred on (x, y): the value axis title."""
    group = Group(_text(0, 0, text, font, size))
    group.transform = (0, 1, -1, 0, x, y)
    return group


def _label(spec: ChartSpec, value: float | None) -> str:
    """The figure at a bar or point; none when three or more series would crowd them."""
    if value is None or not spec.label_format or len(spec.series) > 2:
        return ""
    return spec.label_format.format(value)


def _legend(spec: ChartSpec, fonts: FontSet, width: float, top: float) -> tuple[Legend, float]:
    """The series' names centred under the title, in as few rows as fit; and its height."""
    legend = Legend()
    legend.fontName = fonts.song.name
    legend.fontSize = LABEL_SIZE
    legend.dx = legend.dy = 6
    legend.dxTextSpace = 3
    legend.deltay = LABEL_SIZE + 3
    legend.boxAnchor = "n"
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], s.name) for i, s in enumerate(spec.series)]
    item = max(
        legend.dx + legend.dxTextSpace + stringWidth(s.name, legend.fontName, LABEL_SIZE)
        for s in spec.series
    )
    legend.columnMaximum = rows = math.ceil(len(spec.series) / max(1, int(width // (item + 12))))
    legend.deltax = item + 12
    legend.x, legend.y = width / 2, top
    return legend, rows * legend.deltay


def chart_drawing(spec: ChartSpec, fonts: FontSet, width: float, height: float) -> Drawing:
    """The chart in a drawing `width` × `height` points: title on top, legend under it when
    there are several series, axes with their titles, a figure at each bar or point."""
    song, hei = fonts.song.name, fonts.hei.name
    drawing = Drawing(width, height)
    # The renderer sets the drawing's initial font first: ours, or every page would reference
    # an unembedded Helvetica.
    drawing.initialFontName, drawing.initialFontSize = song, LABEL_SIZE
    drawing.add(Rect(0, 0, width, height, fillColor=white, strokeColor=None))
    drawing.add(_text(width / 2, height - TITLE_SIZE - 1, spec.title, hei, TITLE_SIZE))
    top = height - TITLE_SIZE - PAD * 2
    if len(spec.series) > 1:
        legend, tall = _legend(spec, fonts, width - PAD * 2, top)
        drawing.add(legend)
        top -= tall + PAD
    if not any(v is not None for s in spec.series for v in s.values):
        drawing.add(_text(width / 2, (top + PAD) / 2, "（无数据）", song, TITLE_SIZE))
        return drawing
    low, high, step = value_range(spec)
    tick_labels = [f"{low + i * step:g}" for i in range(round((high - low) / step) + 1)]
    tick_width = max(stringWidth(t, song, LABEL_SIZE) for t in tick_labels)
    bottom = PAD
    if spec.category_title:
        drawing.add(_text(width / 2, bottom, spec.category_title, song, AXIS_TITLE_SIZE))
        bottom += AXIS_TITLE_SIZE + PAD
    if spec.kind == ChartKind.BARS:
        _bars(drawing, spec, fonts, width, bottom, top, (low, high, step))
        return drawing
    drawing.add(
        _rotated(PAD + AXIS_TITLE_SIZE / 2, (bottom + top) / 2, spec.value_title, song, 8.5)
    )
    left = PAD + AXIS_TITLE_SIZE + PAD + tick_width + PAD
    bottom += LABEL_SIZE + PAD * 2  # the category labels
    chart: VerticalBarChart | HorizontalLineChart
    if spec.kind == ChartKind.COLUMNS:
        chart = VerticalBarChart()
        chart.groupSpacing = 8
        chart.barSpacing = 1
        chart.barLabelFormat = lambda v: _label(spec, v)
        chart.barLabels.fontName = song
        chart.barLabels.fontSize = LABEL_SIZE - 0.5
        chart.barLabels.nudge = 6
        for i in range(len(spec.series)):
            chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
            chart.bars[i].strokeColor = None
    else:
        chart = HorizontalLineChart()
        chart.joinedLines = 1
        chart.lineLabelFormat = lambda v: _label(spec, v)
        chart.lineLabels.fontName = song
        chart.lineLabels.fontSize = LABEL_SIZE - 0.5
        chart.lineLabels.dy = 6
        for i in range(len(spec.series)):
            chart.lines[i].strokeColor = PALETTE[i % len(PALETTE)]
            chart.lines[i].strokeWidth = 1.5
            chart.lines[i].symbol = makeMarker("FilledCircle", size=4)
            chart.lines[i].symbol.fillColor = PALETTE[i % len(PALETTE)]
    chart.x, chart.y = left, bottom
    chart.width, chart.height = width - left - PAD * 2, top - bottom - PAD
    chart.data = [tuple(v for v in s.values) for s in spec.series]
    chart.categoryAxis.categoryNames = list(spec.categories)
    chart.categoryAxis.labels.fontName = song
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.dy = -3
    _value_axis(chart.valueAxis, song, (low, high, step))
    drawing.add(chart)
    return drawing


def _value_axis(axis: object, font: str, scale: tuple[float, float, float]) -> None:
    low, high, step = scale
    axis.valueMin, axis.valueMax, axis.valueStep = low, high, step  # type: ignore[attr-defined]
    axis.labels.fontName = font  # type: ignore[attr-defined]
    axis.labels.fontSize = LABEL_SIZE  # type: ignore[attr-defined]
    axis.labelTextFormat = "%g"  # type: ignore[attr-defined]
    axis.visibleGrid = 1  # type: ignore[attr-defined]
    axis.gridStrokeColor = GRID  # type: ignore[attr-defined]
    axis.gridStrokeWidth = 0.5  # type: ignore[attr-defined]


def _bars(
    drawing: Drawing,
    spec: ChartSpec,
    fonts: FontSet,
    width: float,
    bottom: float,
    top: float,
    scale: tuple[float, float, float],
) -> None:
    """Horizontal bars, the first category on top, the value axis title under the axis."""
    song = fonts.song.name
    size = LABEL_SIZE if len(spec.categories) <= 24 else LABEL_SIZE - 1
    names = max((stringWidth(c, song, size) for c in spec.categories), default=0.0)
    drawing.add(_text(width / 2, bottom, spec.value_title, song, AXIS_TITLE_SIZE))
    bottom += AXIS_TITLE_SIZE + PAD + LABEL_SIZE + PAD
    chart = HorizontalBarChart()
    chart.x, chart.y = PAD + names + PAD, bottom
    chart.width, chart.height = width - chart.x - PAD * 4, top - bottom - PAD
    # ReportLab puts the first category at the bottom: reversed, the best unit is on top.
    chart.data = [tuple(reversed(s.values)) for s in spec.series]
    chart.categoryAxis.categoryNames = list(reversed(spec.categories))
    chart.categoryAxis.labels.fontName = song
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.groupSpacing = 2 if len(spec.categories) > 12 else 4
    chart.barLabelFormat = lambda v: _label(spec, v)
    chart.barLabels.fontName = song
    chart.barLabels.fontSize = size - 0.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for i in range(len(spec.series)):
        chart.bars[i].fillColor = PALETTE[(i + 1) % len(PALETTE)]
        chart.bars[i].strokeColor = None
    _value_axis(chart.valueAxis, song, scale)
    drawing.add(chart)
