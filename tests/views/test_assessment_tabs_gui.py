"""The 考核 page's charts, rates and scheme tabs, and a township's own card, on real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QHorizontalBarSeries, QLineSeries
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from desktop.core.assessment import default_scheme, get_scheme, publish_results, save_results
from desktop.core.office import create_local_office
from desktop.db import open_database
from desktop.db.migrate import upgrade
from desktop.models import AssessmentIndicator, AssessmentResult, AssessmentScheme, Office
from desktop.models.enums import Level
from desktop.views.assessment_page import AssessmentPage
from desktop.views.assessment_scheme import DAYS, WEIGHT
from tests.conftest import County
from tests.core.assessment_records import TODAY, build


def _page(qtbot, db) -> AssessmentPage:  # type: ignore[no-untyped-def]
    page = AssessmentPage(db, TODAY)
    qtbot.addWidget(page)
    page.year.setValue(2025)
    page.compute()
    page.wait()
    return page


def test_charts_and_rates_tabs_draw_the_computed_figures(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    build(county)
    page = _page(qtbot, county.db)
    assert page.charts is not None and page.card is not None
    panel = page.charts_panel
    (bars,) = panel.distribution.chart().series()
    assert isinstance(bars, QBarSeries)
    counts = [bars.barSets()[0].at(i) for i in range(bars.barSets()[0].count())]
    assert counts == [b.count for b in page.charts.distribution]
    assert sum(counts) == len(page.card.units)
    (ranking,) = panel.ranking.chart().series()
    assert isinstance(ranking, QHorizontalBarSeries)
    axis = next(a for a in panel.ranking.chart().axes() if isinstance(a, QBarCategoryAxis))
    # The best unit on top: Qt's last category.
    assert axis.categories()[-1].endswith(page.card.units[0].unit_name)
    # The trend follows the unit chosen in the ranking table.
    page.tabs.setCurrentWidget(page.ranking.parentWidget())
    page.ranking.selectRow(1)
    lines = [s for s in panel.trend.chart().series() if isinstance(s, QLineSeries)]
    assert [line.name() for line in lines] == ["平均分", "中位数", page.card.units[1].unit_name]
    assert lines[2].points()[-1].y() == page.card.units[1].total
    assert panel.convening.chart().series()
    # Rates: one row per level, as `lianxi rates` lists them, and the same convening chart.
    rates = page.rates_panel
    assert page.rates is not None
    levels = {c.level for c in page.rates.convening}
    assert rates.convening.rowCount() == len(levels)
    assert rates.adoption.rowCount() == len(page.rates.adoption.by_level) + 1
    assert rates.adoption.item(rates.adoption.rowCount() - 1, 1).text() == str(
        page.rates.adoption.received
    )
    assert rates.chart.chart().series()


def test_scheme_editor_refuses_bad_weights_and_saves_in_one_go(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    build(county)
    page = _page(qtbot, county.db)
    page.tabs.setCurrentWidget(page.scheme_editor)
    editor = page.scheme_editor
    assert editor.year == 2025 and editor.table.rowCount() == 10
    frequency = editor.table.cellWidget(1, WEIGHT)
    assert isinstance(frequency, QDoubleSpinBox)
    frequency.setValue(30)
    assert "不相等" in editor.sum_label.text()
    assert not editor.save()
    assert "合计 105" in editor.error.text() and "总分 100" in editor.error.text()
    assert county.run(get_scheme, 2025).id is None  # nothing stored
    weight = editor.table.cellWidget(0, WEIGHT)
    assert isinstance(weight, QDoubleSpinBox)
    weight.setValue(0)
    assert not editor.save()
    assert "应大于 0" in editor.error.text()
    weight.setValue(5)
    gap = editor.table.cellWidget(4, DAYS)
    assert isinstance(gap, QSpinBox)
    gap.setValue(45)
    saved: list[int] = []
    editor.saved.connect(saved.append)
    assert editor.save(), editor.error.text()
    assert saved == [2025]
    page.wait()  # the page scores the year again under the new scheme
    stored = county.run(get_scheme, 2025)
    assert stored.id is not None
    weights = {i.code: i.weight for i in stored.indicators}
    assert (weights["establishment"], weights["meeting_frequency"]) == (5.0, 30.0)
    feedback = next(i for i in stored.indicators if i.rule == "feedback_timeliness")
    assert feedback.params["max_gap_days"] == 45
    assert page.card is not None and page.card.scheme.id == stored.id


def test_scheme_editor_warns_before_changing_a_published_year(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    build(county)
    page = _page(qtbot, county.db)
    assert page.card is not None
    county.run(save_results, page.card)
    county.run(publish_results, 2025)
    page.tabs.setCurrentWidget(page.scheme_editor)
    editor = page.scheme_editor
    editor.load(2025)
    assert "已发布" in editor.note.text() and "重新发布" in editor.note.text()
    asked: list[str] = []
    editor.confirm = lambda text: asked.append(text) or False  # type: ignore[func-returns-value]
    editor.name.setText("2025年度考核办法")
    assert not editor.save()
    assert asked and county.run(get_scheme, 2025).name != "2025年度考核办法"
    editor.confirm = lambda _text: True
    assert editor.save()
    assert county.run(get_scheme, 2025).name == "2025年度考核办法"


def test_scheme_editor_copies_last_year(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    build(county)
    page = _page(qtbot, county.db)
    page.tabs.setCurrentWidget(page.scheme_editor)
    editor = page.scheme_editor
    editor.copy_last_year()
    assert "默认方案" in editor.error.text()
    assert editor.dirty and editor.table.rowCount() == len(default_scheme(2025).indicators)


def test_township_sees_its_own_card_until_the_county_result_arrives(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "township.db")
    upgrade(db)
    county_uuid = "c0c0c0c0-0000-4000-8000-000000000001"
    with db.unit_of_work() as s:
        office = create_local_office(
            s, name="八滩镇工会", level=Level.TOWNSHIP, parent_name="滨海县总工会"
        )
        s.get(Office, office.id).parent_uuid = county_uuid  # type: ignore[union-attr]
    page = _page(qtbot, db)
    assert page.own_mode and page.own is not None
    assert page.banner.isVisible() or not page.isVisible()
    assert "暂定（待滨海县总工会考核结果）" in page.banner.text()
    assert page.ranking.isHidden() and page.print_button.isHidden()
    assert page.details.topLevelItemCount() == 10
    assert page.tabs.tabText(0) == "本单位得分"
    with db.unit_of_work() as s:
        scheme = AssessmentScheme(year=2025, name="县考核", total_points=100.0)
        scheme.origin_office = county_uuid
        scheme.indicators = [
            AssessmentIndicator(
                position=n, code=i.code, name="", rule=i.rule, weight=i.weight, params={}
            )
            for n, i in enumerate(default_scheme(2025).indicators, 1)
        ]
        s.add(scheme)
        s.flush()
        indicator = {"code": "establishment", "name": "", "rule": "establishment", "weight": 10}
        detail = {
            "code": "score_full",
            "fields": {"weight": 10.0},
            "points": 10.0,
            "kind": "establishment",
            "record_id": 999,
        }
        row = AssessmentResult(scheme_id=scheme.id, unit_id=office.unit_id, total=88.5, rank=3)
        row.origin_office, row.provisional = county_uuid, False
        row.details = {"indicators": [{**indicator, "points": 10.0, "details": [detail]}]}
        s.add(row)
    page.compute()
    page.wait()
    assert "88.50" in page.banner.text() and "第 3 名" in page.banner.text()
    # Nothing recorded here yet: the own estimate is 0.00 (an empty year earns nothing).
    assert "相差 +88.50" in page.banner.text()
    assert page.details.columnCount() == 4
    top = page.details.topLevelItem(0)
    assert (top.text(1), top.text(2), top.text(3)) == ("10.00", "0.00", "+10.00")
    # The county's lines name its own records: no link to a record here.
    assert top.child(0).data(0, 256) is None
    # The charts show this unit's own trend, without distribution or ranking.
    assert page.charts_panel.distribution.isHidden() and page.charts_panel.ranking.isHidden()
    page.tabs.setCurrentWidget(page.scheme_editor)
    assert not page.scheme_editor.save_button.isEnabled()
    assert "上级下发" in page.scheme_editor.note.text()
    db.dispose()
