"""作废 in the window: the Delete key voids an issued notice (asking why), the row stays marked,
Ctrl+Z brings it back; a bulletin draft is deleted; the editors show a void and offer 作废…."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.core import supervision
from desktop.core.permissions import Actor, act_as
from desktop.core.supervision import BulletinInput, NoticeInput
from desktop.core.voiding import void_document
from desktop.models.enums import NoticeKind, Role
from desktop.views.editors.bulletin_editor import BulletinEditor
from desktop.views.editors.notice_editor import NoticeEditor
from desktop.views.main_window import MainWindow
from tests.conftest import County
from tests.core.helpers import assigned_item, issued_bulletin
from tests.views.dialogs import answer_questions
from tests.views.test_window_chrome_gui import select_row, window  # noqa: F401 - the fixture

LATE = date(2026, 7, 10)


@pytest.fixture
def reasons(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The void dialog answered with 督办对象填错; the list receives its prompts."""
    asked: list[str] = []

    def ask(_parent, _title, prompt, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(prompt)
        return "督办对象填错", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", ask)
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]))
    return asked


def _notice(c: County) -> supervision.NoticeDTO:
    data = NoticeInput(NoticeKind.REMINDER, c.hrss, (assigned_item(c),), LATE)
    return c.run(supervision.issue_notice, data, today=LATE)  # type: ignore[no-any-return]


def _bulletin(c: County) -> BulletinInput:
    return BulletinInput(date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 8), "督查通报")


def test_the_delete_key_voids_an_issued_notice_which_stays_listed_and_undo_brings_it_back(
    window: MainWindow,  # noqa: F811 - the fixture
    county: County,
    reasons: list[str],
) -> None:
    notice = _notice(county)
    window.reload()
    page = window.menus.go_to("notice").documents  # type: ignore[attr-defined]
    assert page.model.total == 1
    select_row(page, 0)
    assert window.menus.delete_selected()
    assert notice.number in reasons[0] and "作废理由" in reasons[0]
    assert window.statusBar().currentMessage() == "已作废所选文书。"
    model = page.model
    assert model.total == 1  # still listed, marked
    assert model.row_value(0, "void_reason") == "督办对象填错"
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "作废：督办对象填错" in tip
    reason_column = model.columns.index("void_reason")
    assert model.data(model.index(0, reason_column)) == "督办对象填错"
    assert page.removal(0) is None  # nothing more to do with it

    window.undo_stack.undo()
    page.reload()
    assert model.row_value(0, "voided_on") is None
    assert page.removal(0) == "void"
    window.undo_stack.redo()
    page.reload()
    assert model.row_value(0, "void_reason") == "督办对象填错"


def test_a_bulletin_draft_is_deleted_and_an_issued_one_offers_void(
    window: MainWindow,  # noqa: F811 - the fixture
    county: County,
    reasons: list[str],
) -> None:
    issued = county.run(issued_bulletin, _bulletin(county))
    county.run(supervision.save_bulletin_draft, _bulletin(county))
    window.reload()
    page = window.show_page("通报")
    assert page.model.total == 2
    kinds = {page.model.record_id(r): page.removal(r) for r in range(2)}
    assert kinds[issued.id] == "void"
    draft_row = next(r for r in range(2) if page.model.record_id(r) != issued.id)
    select_row(page, draft_row)
    assert window.menus.delete_selected()
    assert page.model.total == 1
    assert window.statusBar().currentMessage() == "已删除所选记录。"
    window.undo_stack.undo()
    page.reload()
    assert page.model.total == 2


def test_editors_show_a_void_and_offer_it_only_to_a_reviewer(
    qtbot, county: County, reasons: list[str]
) -> None:  # type: ignore[no-untyped-def]
    notice = _notice(county)
    act_as(county.db.sessions, Actor("clerk", Role.CLERK))
    try:
        editor = NoticeEditor(county.db, notice.id)
        qtbot.addWidget(editor)
        assert not editor.void_button.isEnabled()
        assert "印发文书" in editor.void_button.toolTip()
    finally:
        act_as(county.db.sessions, None)

    editor = NoticeEditor(county.db, notice.id)
    qtbot.addWidget(editor)
    assert editor.void_button.isEnabled()
    assert editor.void("发错对象")
    assert "已于" in editor.number.text() and "发错对象" in editor.number.text()
    assert not editor.void_button.isEnabled()

    bulletin = county.run(issued_bulletin, _bulletin(county))
    county.run(void_document, "bulletin", bulletin.id, "批评对象有误")
    shown = BulletinEditor(county.db, bulletin.id)
    qtbot.addWidget(shown)
    assert "批评对象有误" in shown.number.text()
    assert not shown.void_button.isEnabled()
    assert not shown.title_edit.isEnabled()
