"""The window's standard chrome: menus, toolbar, shortcuts, delete, backup and restore, help."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from desktop import __version__
from desktop.core.suggestions import SuggestionInput, register_suggestion
from desktop.db.backup import backup_dir_of
from desktop.models.enums import Channel, Level
from desktop.paths import data_dir
from desktop.views import backup_actions
from desktop.views.main_window import MainWindow
from desktop.views.window_menus import user_guide_path
from tests.conftest import County
from tests.core.helpers import assigned_item
from tests.views.dialogs import answer_questions

TODAY = date(2026, 11, 21)


@pytest.fixture
def window(qtbot, county: County) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions answered Yes; warnings recorded with them."""
    said = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    return said


def suggestion(county: County, text: str) -> int:
    made = county.run(
        register_suggestion,
        SuggestionInput(Channel.WECHAT, date(2026, 3, 1), text, Level.COUNTY),
    )
    return int(made.id)


def select_row(page, row: int) -> None:  # type: ignore[no-untyped-def]
    page.table.selectionModel().select(
        page.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_menus_toolbar_and_standard_shortcuts(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    keys = {
        a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
    }
    assert {"Ctrl+N", "Ctrl+P", "Ctrl+F", "F1", "Del", "Ctrl+Z", "F5", "Ctrl+1"} <= keys
    assert window.menus.toolbar.actions()  # a toolbar with the common actions
    about = window.menus.about_text()
    assert __version__ in about and str(data_dir()) in about
    assert Path(user_guide_path()).is_file()


def test_new_opens_the_editor_of_the_page_in_view(window: MainWindow) -> None:
    page = window.show_page("职工建议")
    window.menus.new.trigger()
    assert len(page.editors) == 1 and page.editors[0].record_id is None
    page.editors[0].close()
    window.show_page("议定事项")  # items are made from their meeting
    window.menus.new.trigger()
    assert "会议中新增" in window.statusBar().currentMessage()


def test_find_focuses_the_search_field(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show()
    page = window.show_page("议题")
    window.menus.find.trigger()
    qtbot.waitUntil(lambda: page.search.hasFocus())


def test_delete_a_record_entered_by_mistake_but_not_one_in_progress(
    window: MainWindow, county: County, answers: list[str]
) -> None:
    suggestion(county, "建议增设职工书屋")
    window.reload()
    page = window.show_page("职工建议")
    assert page.model.total == 1
    select_row(page, 0)
    assert window.menus.delete_selected()
    assert page.model.total == 0  # the list and its count refreshed
    assert answers[0].startswith("删除这条职工建议？")

    assigned_item(county)
    window.reload()
    items = window.show_page("议定事项")
    select_row(items, 0)
    assert not window.menus.delete_selected()
    assert "不能再删除" in answers[-1]
    assert items.model.total == 1


def test_backup_then_restore_brings_the_data_back(
    qtbot, window: MainWindow, county: County, answers: list[str]
) -> None:  # type: ignore[no-untyped-def]
    folder = backup_dir_of(county.db.path)
    backup_actions.backup_now(window)
    assert window.tasks.wait()
    qtbot.waitUntil(lambda: "已备份到" in window.statusBar().currentMessage())
    backup = next(folder.glob("lianxi-*-manual.db"))

    suggestion(county, "备份之后录入的建议")
    window.reload()
    page = window.show_page("职工建议")
    assert page.model.total == 1
    assert backup_actions.restore(window, backup)
    assert window.tasks.wait()
    qtbot.waitUntil(lambda: "已从备份" in window.statusBar().currentMessage())
    assert page.model.total == 0  # the window shows the restored data
    assert list(folder.glob("lianxi-*-before-restore.db"))  # what was replaced, kept


def test_first_start_maximized_then_as_left(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(first)
    assert first.windowState() & Qt.WindowState.WindowMaximized
    first.showNormal()
    first.resize(700, 560)  # the offscreen screen is 800×800
    first.menus.toolbar.hide()
    assert first.close()
    again = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(again)
    assert not again.windowState() & Qt.WindowState.WindowMaximized
    assert again.size().width() == 700
    assert again.menus.toolbar.isHidden()  # the window's state, toolbar included
