"""A worker's phone number is masked (138****5678) for the 查阅 (leader) role in the suggestion
list, its editor and every spreadsheet made from the list; a clerk sees it whole."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtGui import QUndoStack

from desktop.core.permissions import Actor, act_as
from desktop.models.enums import Role
from desktop.views.editors.suggestion_editor import SuggestionEditor
from desktop.views.record_page import RecordPage
from desktop.views.table_export import view_sheet
from tests.conftest import County
from tests.core.helpers import worker_suggestion

PHONE = "13812345678"
MASKED = "138****5678"


def _cells(path: Path) -> list[str]:
    sheet = openpyxl.load_workbook(path).active
    return [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]


def _shown(
    county: County, qtbot, tmp_path: Path, role: Role
) -> tuple[str, str, list[str], list[str]]:  # type: ignore[no-untyped-def]
    """What `role` sees: the editor's phone, the list's cell, the list exported two ways."""
    act_as(county.db.sessions, Actor(role.value, role))
    try:
        page = RecordPage(county.db, "suggestion", "职工建议", QUndoStack())
        qtbot.addWidget(page)
        column = page.model.columns.index("submitter_phone")
        cell = page.model.data(page.model.index(0, column))
        sheet = view_sheet(page.table)
        shown_rows = [str(v) for row in sheet.rows for v in row]
        out = tmp_path / f"{role.value}.xlsx"
        page.export_rows(out)
        editor = SuggestionEditor(county.db, page.model.record_id(0))
        qtbot.addWidget(editor)
        return editor.phone.text(), cell, shown_rows, _cells(out)
    finally:
        act_as(county.db.sessions, None)


def test_a_leader_sees_the_phone_masked_and_a_clerk_whole(
    qtbot, county: County, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    worker_suggestion(county, PHONE)
    editor, cell, view_rows, sheet = _shown(county, qtbot, tmp_path, Role.LEADER)
    assert (editor, cell) == (MASKED, MASKED)
    assert MASKED in view_rows and PHONE not in view_rows
    assert MASKED in sheet and PHONE not in sheet

    editor, cell, view_rows, sheet = _shown(county, qtbot, tmp_path, Role.CLERK)
    assert (editor, cell) == (PHONE, PHONE)
    assert PHONE in view_rows and PHONE in sheet
