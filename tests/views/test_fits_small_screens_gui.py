"""Every page, editor and dialog fits a small office screen, in Chinese and in English.

1366×728 is a 1366×768 screen less its taskbar; 1280×720 is 1920×1080 at 150 %. At each size a
window must be able to shrink to it (its minimum size hint fits) and, shrunk to it, show every
button inside the window: directly, or inside a scroll area the clerk can scroll.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from desktop import messages
from desktop.app import install_translators, remove_translators
from desktop.core.suggestions import SuggestionInput, register_suggestion
from desktop.models.enums import Channel, Level
from desktop.views.document_preview import DocumentPreview
from desktop.views.editors.registry import CREATABLE, EDITORS
from desktop.views.fit import available_size
from desktop.views.form import AskDialog
from desktop.views.main_window import MainWindow
from desktop.views.office_dialog import OfficeDialog
from tests.conftest import County
from tests.core.helpers import assigned_item

SCREENS = (QSize(1366, 728), QSize(1280, 720))
TODAY = date(2026, 11, 21)


@pytest.fixture(params=["zh", "en"])
def language(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp)
    messages.set_language("zh")


def _reachable_area(button: QWidget, top: QWidget) -> tuple[QWidget, QRect]:
    """Where a button must lie: its scroll area's content when it scrolls, else the window."""
    parent = button.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            content = parent.widget()
            return content, content.rect()
        parent = parent.parentWidget()
    return top, top.rect()


def hidden_buttons(top: QWidget) -> list[str]:
    """Buttons shown by the window that lie (partly) outside what the clerk can reach."""
    outside = []
    for button in top.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or button.width() == 0:
            continue
        area, room = _reachable_area(button, top)
        place = QRect(button.mapTo(area, button.rect().topLeft()), button.size())
        if not room.contains(place):
            outside.append(f"{button.text() or button.objectName()!r} at {place} not in {room}")
    return outside


def assert_fits(window: QWidget, screen: QSize, what: str) -> None:
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= screen.width() and hint.height() <= screen.height(), (what, hint)
    window.resize(screen)
    QApplication.processEvents()
    assert window.width() <= screen.width() and window.height() <= screen.height(), what
    assert not hidden_buttons(window), (what, screen, hidden_buttons(window))


def assert_capped(dialog: QWidget) -> None:
    """A dialog opens no larger than the screen it is on (the offscreen screen is 800×800)."""
    room = available_size(dialog)
    assert dialog.width() <= room.width() and dialog.height() <= room.height(), dialog


def test_every_page_editor_and_dialog_fits(qtbot, county: County, language, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    item_id = assigned_item(county)
    suggestion = county.run(
        register_suggestion,
        SuggestionInput(Channel.WECHAT, date(2026, 3, 1), "建议增设职工书屋", Level.COUNTY),
    )
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    window.showNormal()  # opened maximized the first time; sized by hand here
    for screen in SCREENS:
        for title in window.page_titles():
            window.show_page(title)
            assert_fits(window, screen, title)

    asked: list[AskDialog] = []

    def exec_(dialog: QDialog) -> int:  # every step's dialog: measured, then cancelled
        asked.append(dialog)
        for screen in SCREENS:
            assert_fits(dialog, screen, dialog.windowTitle())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(AskDialog, "exec", exec_)
    for name in ("warning", "question", "information", "critical"):  # never a hanging modal box
        monkeypatch.setattr(QMessageBox, name, lambda *a, name=name: pytest.fail(f"{name}: {a}"))
    records = {"item": item_id, "meeting": 1, "topic": 1, "suggestion": suggestion.id}
    for kind in sorted(EDITORS):
        ids = [records[kind]] if kind in records else []
        for record_id in ids + ([None] if kind in CREATABLE else []):
            editor = window.open_record(kind, record_id)
            assert_capped(editor)
            for screen in SCREENS:
                assert_fits(editor, screen, f"{kind} {record_id}")
            if record_id is not None and editor.workflow is not None:
                for action, button in editor.workflow.buttons.items():
                    if button.isEnabled() and action not in ("notify",):
                        editor.perform(action)
            editor.dirty = False
            editor.close()
    assert len(asked) >= 5  # the steps' dialogs were measured

    welcome = OfficeDialog(county.db, window)  # the first start's dialog
    qtbot.addWidget(welcome)
    welcome.show()
    for screen in SCREENS:
        assert_fits(welcome, screen, "welcome")
    welcome.close()

    document = DocumentPreview(b"", "会议通知", window)  # the size, whatever the document
    document.show()
    qtbot.addWidget(document)
    assert_capped(document)
    for screen in SCREENS:
        assert_fits(document, screen, "preview")
    document.close()
