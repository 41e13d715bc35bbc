"""Establishments in the window: a second record for a pair offers the first one; overdue
限期建制 deadlines counted on the dashboard and marked in the list."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.models.enums import Level
from desktop.views.editors.establishment_editor import EstablishmentEditor
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
