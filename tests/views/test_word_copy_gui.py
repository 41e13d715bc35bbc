"""The preview saves an editable Word copy and says once which faces stand in."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from desktop.core import items
from desktop.core.documents import minutes_doc
from desktop.reports.docx_copy import COPY_MARK
from desktop.reports.fonts import resolve_fonts, stand_in_roles
from desktop.views.document_preview import preview
from tests.conftest import County
from tests.core.helpers import assigned_item


def test_the_preview_saves_a_word_copy_and_notes_stand_in_faces(  # type: ignore[no-untyped-def]
    qtbot, county: County, tmp_path: Path, monkeypatch
) -> None:
    meeting_id = county.run(items.get_item, assigned_item(county)).meeting_id
    host = QWidget()
    qtbot.addWidget(host)
    dialog = preview(county.db, lambda s: minutes_doc(s, meeting_id), "会议纪要", host)
    assert dialog is not None
    qtbot.addWidget(dialog)
    target = tmp_path / "纪要（副本）.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    (button,) = [b for b in dialog.findChildren(QPushButton) if "Word" in b.text()]
    button.click()
    copy = docx.Document(str(target))
    assert copy.sections[0].header.paragraphs[0].text == COPY_MARK
    assert "联席会议纪要" in "".join(p.text for p in copy.paragraphs)
    assert dialog.font_note.isVisibleTo(dialog) == bool(stand_in_roles(resolve_fonts()))
    if dialog.font_note.isVisibleTo(dialog):
        assert dialog.font_note.text().count("代替") == 1
