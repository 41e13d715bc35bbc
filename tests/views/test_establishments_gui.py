"""Establishments in the window: a second record for a pair offers the first one; overdue
限期建制 deadlines counted on the dashboard and marked in the list."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.models.enums import Level
from desktop.views.dashboard_page import DashboardPage
from desktop.views.editors.establishment_editor import EstablishmentEditor
from desktop.views.record_page import RecordPage
from tests.conftest import County


def _first(county: County) -> int:
    return county.run(
        create_establishment,
        EstablishmentInput(
            county.township_union,
            "八滩镇人民政府",
            Level.TOWNSHIP,
            county.township_government,
            established=True,
            established_on=date(2012, 5, 1),
            document_number="滩政发〔2012〕5号",
        ),
    ).id


@pytest.mark.parametrize("open_it", [True, False])
def test_a_second_record_for_a_pair_offers_the_first(
    qtbot, county: County, monkeypatch: pytest.MonkeyPatch, open_it: bool
) -> None:  # type: ignore[no-untyped-def]
    first = _first(county)
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes if open_it else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    editor = EstablishmentEditor(county.db)
    qtbot.addWidget(editor)
    editor.union.set_unit_id(county.township_union)
    editor.partner.setText("八滩镇人民政府")
    editor.reason.setPlainText("尚在协商")
    assert not editor.save()
    assert len(asked) == 1 and f"编号 {first}" in asked[0]
    assert "已经有一条建制记录" in editor.form.errors["partner_name"].text()
    if open_it:
        assert editor.record_id == first and not editor.dirty
        assert editor.document_number.text() == "滩政发〔2012〕5号"
    else:
        assert editor.record_id is None and editor.reason.toPlainText() == "尚在协商"
        editor.dirty = False


def _late(county: County) -> int:
    return county.run(
        create_establishment,
        EstablishmentInput(
            county.township_union,
            "八滩镇人民政府",
            Level.TOWNSHIP,
            county.township_government,
            reason_not_established="尚在协商",
            establish_deadline=date(2026, 6, 30),
        ),
    ).id


def test_the_dashboard_counts_a_passed_deadline_and_opens_the_record(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    late = _late(county)
    page = DashboardPage(county.db, date(2026, 12, 5))
    qtbot.addWidget(page)
    assert page.cards["establishments_past_deadline"].value.text() == "1"
    assert page.past_deadline.count() == 1
    line = page.past_deadline.item(0)
    assert "八滩镇工会（与八滩镇人民政府）限期已过" in line.text()
    with qtbot.waitSignal(page.open_record) as opened:
        page.past_deadline.itemDoubleClicked.emit(line)
    assert opened.args == ["establishment", late]


def test_the_list_marks_and_filters_passed_deadlines(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    late = _late(county)
    county.run(
        create_establishment,
        EstablishmentInput(
            county.federation,
            "滨海县人民政府",
            Level.COUNTY,
            county.government,
            reason_not_established="尚在协商",
            establish_deadline=date(2100, 1, 1),
        ),
    )
    page = RecordPage(county.db, "establishment", "建制情况", QUndoStack())
    qtbot.addWidget(page)
    assert page.model.total == 2 and not page.past_deadline.isHidden()
    column = page.model.columns.index("establish_deadline")
    marks = {
        page.model.record_id(r): page.model.data(
            page.model.index(r, column), Qt.ItemDataRole.ToolTipRole
        )
        for r in range(2)
    }
    assert marks[late] == "限期已过，仍未建制"
    assert [m for i, m in marks.items() if i != late] == [None]
    page.past_deadline.setChecked(True)
    assert page.model.total == 1 and page.model.record_id(0) == late
    page.past_deadline.setChecked(False)
    assert page.model.total == 2
