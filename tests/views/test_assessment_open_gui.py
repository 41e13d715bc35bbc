"""The 考核 page scores the year when first opened, and names and explains every indicator."""

from __future__ import annotations

from typing import Any

from desktop.views.assessment_page import AssessmentPage
from desktop.views.assessment_scheme import NAME, rule_name
from tests.conftest import County
from tests.core.assessment_records import TODAY, build


def test_first_look_scores_the_year_in_the_background(qtbot: Any, county: County) -> None:
    build(county)
    page = AssessmentPage(county.db, TODAY)
    qtbot.addWidget(page)
    assert page.card is None
    page.show()  # no 计算考核得分 click needed
    qtbot.waitUntil(lambda: page.card is not None, timeout=60_000)
    page.wait()
    assert page.ranking.rowCount() > 0


def test_scheme_names_every_indicator_and_explains_its_parameters(
    qtbot: Any, county: County
) -> None:
    page = AssessmentPage(county.db, TODAY)
    qtbot.addWidget(page)
    editor = page.scheme_editor
    editor.load(2025)
    names = [editor.table.item(row, NAME).text() for row in range(editor.table.rowCount())]
    assert names and all(names)  # the standard name where the scheme gives none
    assert "建制情况" in names
    # Standard names are not stored as custom ones: the scheme reads as it was loaded.
    assert all(spec.name == "" for spec in editor.scheme().indicators)
    assert editor.table.horizontalHeaderItem(NAME).toolTip()
    for row in range(editor.table.rowCount()):  # what each rule counts
        assert editor.table.item(row, NAME + 1).toolTip(), names[row]
    for row in range(editor.table.rowCount()):
        for column in range(NAME + 1, editor.table.columnCount()):
            widget = editor.table.cellWidget(row, column)
            if widget is not None:
                assert widget.toolTip(), (rule_name(editor.scheme().indicators[row].rule), column)
    assert "本级记录占比" in editor.findChild(type(page.status), "scheme_help").text()
