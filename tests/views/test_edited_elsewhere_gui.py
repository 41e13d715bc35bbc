"""An editor open while another program (a second window, the CLI) saves the same record: its
save is refused with when the record was changed, nothing is overwritten, and the clerk may
reload."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core import units
from desktop.models.enums import Level, UnitKind
from desktop.views.editors.unit_editor import UnitEditor
from tests.conftest import County


def test_a_save_over_another_programs_change_is_refused(  # type: ignore[no-untyped-def]
    qtbot, county: County, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, _title, text, *_rest):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    editor = UnitEditor(county.db, county.hrss)
    qtbot.addWidget(editor)
    editor.show()
    # Another program saves the unit meanwhile (no signal reaches this window).
    other = units.UnitInput(
        "县人社局", UnitKind.DEPARTMENT, Level.COUNTY, county.government, contact_person="王科长"
    )
    county.run(units.update_unit, county.hrss, other)
    qtbot.keyClicks(editor.phone, "0515-84188888")
    assert not editor.save()
    assert "仍在窗口中" in editor.form.banner.text()
    assert asked and "已被他人修改" in asked[0]
    assert editor.dirty and editor.phone.text() == "0515-84188888"  # the typing is kept
    saved = county.run(units.get_unit, county.hrss)
    assert (saved.contact_person, saved.contact_phone) == ("王科长", "")
    # Reloading shows the other program's change; typing again and saving then works.
    answer[0] = QMessageBox.StandardButton.Yes
    assert not editor.save()
    assert editor.contact.text() == "王科长" and not editor.dirty
    qtbot.keyClicks(editor.phone, "0515-84188888")
    assert editor.save()
    saved = county.run(units.get_unit, county.hrss)
    assert (saved.contact_person, saved.contact_phone) == ("王科长", "0515-84188888")
