"""The charts attached to the 考核结果通报 (附件), worded from the core's chart figures."""

from __future__ import annotations

import math

from desktop.core.assessment.charts import AssessmentCharts, Band
from desktop.reports.layout import HEI, TITLE
from desktop.reports.story import (
    Align,
    Blank,
    ChartKind,
    ChartSpec,
    Element,
    Figure,
    PageBreak,
    Para,
    Run,
    Series,
)

LEVEL_WORDS = {
    "province": "省级",
    "city": "市级",
    "county": "县级",
    "township": "乡镇",
    "street": "街道",
    "enterprise": "企业",
    "industry": "行业",
}
QUARTER_WORDS = ("一季度", "二季度", "三季度", "四季度")
HALF_ROWS = 8  # two small charts side by side
TREND_ROWS = 8


def band_label(band: Band) -> str:
    """Short enough for five bands under half a page: 60以下, 60–70, 90及以上 (分 in the title)."""
    if band.low is None:
        return f"{band.high:g}以下"
    if band.high is None:
        return f"{band.low:g}及以上"
    return f"{band.low:g}–{band.high:g}"


def attachment_title(charts: AssessmentCharts) -> str:
    return f"{charts.year}年度考核结果图表"


def distribution_chart(charts: AssessmentCharts) -> ChartSpec:
    most = max((b.count for b in charts.distribution), default=0)
    step = float(max(1, math.ceil(most / 5)))  # whole units on the axis
    return ChartSpec(
        ChartKind.COLUMNS,
        "图1　考核得分分布",
        tuple(band_label(b) for b in charts.distribution),
        (Series("单位数", tuple(float(b.count) for b in charts.distribution)),),
        "单位数（个）",
        "得分段（分）",
        value_range=(0.0, step * (most // step + 2)),
        value_step=step,
        label_format="{:.0f}",
    )


def convening_chart(charts: AssessmentCharts) -> ChartSpec:
    return ChartSpec(
        ChartKind.COLUMNS,
        "图2　各季度联席会议召开率",
        QUARTER_WORDS,
        tuple(
            Series(LEVEL_WORDS.get(q.level.value, q.level.value), q.rates) for q in charts.convening
        ),
        "召开率（%）",
        "季度",
        value_range=(0.0, 120.0),
        value_step=20.0,
        label_format="{:.0f}",
    )


def trend_chart(charts: AssessmentCharts) -> ChartSpec:
    return ChartSpec(
        ChartKind.LINES,
        "图3　历年考核得分走势",
        tuple(f"{t.year}年" for t in charts.trend),
        (
            Series("平均分", tuple(t.mean for t in charts.trend)),
            Series("中位数", tuple(t.median for t in charts.trend)),
        ),
        "得分（分）",
        "年度",
        label_format="{:.1f}",
    )


def ranking_chart(charts: AssessmentCharts) -> ChartSpec:
    bars = (*charts.top, *charts.bottom)
    title = "图4　各单位考核得分排名"
    if charts.bottom:
        title = f"图4　考核得分前{len(charts.top)}名与后{len(charts.bottom)}名"
    return ChartSpec(
        ChartKind.BARS,
        title,
        tuple(f"{b.rank}. {b.unit_name}" if b.rank else b.unit_name for b in bars),
        (Series("总分", tuple(b.total for b in bars)),),
        "总分（分）",
        value_range=(0.0, max(110.0, math.ceil(max((b.total for b in bars), default=0) / 10) * 10)),
        value_step=10.0,
        label_format="{:.2f}",
    )


def ranking_rows(count: int) -> int:
    """Body lines a ranking chart of `count` bars takes: about two bars a line, 8 to 20."""
    return max(8, min(20, math.ceil(count / 2) + 4))


def assessment_attachment(charts: AssessmentCharts) -> tuple[Element, ...]:
    """附件 on new pages: the label, the title, then the charts."""
    bars = len(charts.top) + len(charts.bottom)
    elements: list[Element] = [
        PageBreak(),
        Para((Run("附件", HEI),), first_indent=0),
        Blank(1),
        Para((Run(attachment_title(charts), TITLE),), first_indent=0, align=Align.CENTER),
        Blank(1),
        Figure((distribution_chart(charts), convening_chart(charts)), HALF_ROWS),
        Figure((trend_chart(charts),), TREND_ROWS),
    ]
    if bars:
        elements.append(Figure((ranking_chart(charts),), ranking_rows(bars)))
    return tuple(elements)
