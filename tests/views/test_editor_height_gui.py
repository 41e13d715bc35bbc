"""An editor opens as tall as its record needs where the screen has room: a topic's attachment
buttons show without scrolling (they were cut off at the editor's fixed 640 pixels)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QPushButton

from desktop.views.editors.base import EDITOR_HEIGHT
from desktop.views.fit import available_size
from desktop.views.main_window import MainWindow
from tests.conftest import County
from tests.core.helpers import vetted_topic


def test_a_topic_editor_shows_its_attachment_buttons_without_scrolling(
    qtbot, county: County
) -> None:  # type: ignore[no-untyped-def]
    topic = vetted_topic(county)
    window = MainWindow(county.db)
    qtbot.addWidget(window)
    editor = window.open_record("topic", topic)
    qtbot.addWidget(editor)
    qtbot.waitUntil(editor.isVisible)
    [add] = [b for b in editor.findChildren(QPushButton) if b.text() == "添加附件…"]
    viewport = editor.scroll.viewport()
    place = QRect(add.mapTo(viewport, QPoint(0, 0)), add.size())
    assert editor.height() > EDITOR_HEIGHT
    assert editor.height() <= available_size(editor).height()
    assert viewport.rect().contains(place), (place, viewport.rect())
    editor.dirty = False
