"""The 考核 page scores the year in the background, drills down to records, exports and prints."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop.views.assessment_page import AssessmentPage
from tests.conftest import County
from tests.core.assessment_records import TODAY, build


def test_scorecard_drill_down_export_and_circular(qtbot, county: County, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    build(county)
    page = AssessmentPage(county.db, TODAY)
    qtbot.addWidget(page)
    page.year.setValue(2025)
    page.compute()
    page.wait()
    assert page.ranking.rowCount() >= 1
    first = page.card.units[0]  # type: ignore[union-attr]
    assert page.ranking.item(0, 1).text() == first.unit_name
    assert page.ranking.item(0, 2).text() == f"{first.total:.2f}"
    assert page.details.topLevelItemCount() == len(first.indicators)
    indicator_sum = sum(
        float(page.details.topLevelItem(i).text(1)) for i in range(page.details.topLevelItemCount())
    )
    assert round(indicator_sum, 2) == round(first.total, 2)
    opened: list[tuple[str, int]] = []
    page.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    for i in range(page.details.topLevelItemCount()):
        top = page.details.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).data(0, 256):
                page.details.itemDoubleClicked.emit(top.child(j), 0)
                break
        if opened:
            break
    assert opened and opened[0][0] in {"meeting", "item", "establishment", "suggestion", "unit"}
    assert page.export_rows(tmp_path / "考核.xlsx") == len(page.card.units)  # type: ignore[union-attr]
    sheet = load_workbook(tmp_path / "考核.xlsx").active
    assert next(sheet.values)[:3] == ("名次", "单位", "总分")
    circular = page.print_circular()
    assert circular is not None
    qtbot.addWidget(circular)
    assert circular.document.pageCount() >= 1
