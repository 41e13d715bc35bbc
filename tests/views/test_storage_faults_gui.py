"""Storage faults seen from the window: 保存 under a lock or on a read-only file says so in a
message box and keeps the editor's text; a window that cannot open its database says why."""

from __future__ import annotations

import argparse
import errno
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import event

from desktop import app
from desktop.core import items
from desktop.db import Database, engine
from desktop.db.backup import backup_database
from desktop.db.check import check_database
from desktop.views import backup_actions
from desktop.views.main_window import MainWindow
from tests.conftest import County
from tests.core.helpers import assigned_item
from tests.db.test_faults import damage

TYPED = "将劳动竞赛奖金全额列入政府年度奖励基金"


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of message boxes the window shows (a real modal box would wait for a click)."""
    shown: list[str] = []

    def record(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record))
    return shown


def open_item_editor(qtbot: Any, db: Database, item: int) -> Any:
    window = MainWindow(db)
    qtbot.addWidget(window)
    editor = window.open_record("item", item)
    qtbot.addWidget(editor)
    return editor


def test_save_under_a_lock_says_so_and_keeps_the_typed_text(  # type: ignore[no-untyped-def]
    qtbot, county: County, boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    item = assigned_item(county)
    editor = open_item_editor(qtbot, county.db, item)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    county.db.engine.dispose()
    assert county.db.path is not None
    other = sqlite3.connect(county.db.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        editor.text.setPlainText(TYPED)
        assert not editor.save()
        assert len(boxes) == 1 and boxes[0].startswith("数据库正被其他程序占用")
        assert editor.dirty and editor.text.toPlainText() == TYPED
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert editor.save()  # the lock gone, the same 保存 stores what was typed
    assert county.run(items.get_item, item).text == TYPED
    assert check_database(county.db).ok


def test_save_on_a_read_only_file_says_so_and_keeps_the_typed_text(  # type: ignore[no-untyped-def]
    qtbot, county: County, boxes: list[str]
) -> None:
    item = assigned_item(county)
    editor = open_item_editor(qtbot, county.db, item)
    county.db.engine.dispose()

    @event.listens_for(county.db.engine, "connect")
    def read_only(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    editor.text.setPlainText(TYPED)
    assert not editor.save()
    assert len(boxes) == 1 and "只读" in boxes[0]
    assert editor.dirty and editor.text.toPlainText() == TYPED
    event.remove(county.db.engine, "connect", read_only)
    county.db.engine.dispose()
    assert editor.save()  # writable again: what was typed is stored
    assert county.run(items.get_item, item).text == TYPED


def _args(db: Path | None = None) -> argparse.Namespace:
    return argparse.Namespace(db=str(db) if db else None, db_url=None)


def test_a_data_folder_that_cannot_be_written_is_explained(  # type: ignore[no-untyped-def]
    qapp, boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(_args: argparse.Namespace) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "/home/clerk/.local/share")

    monkeypatch.setattr(app, "database_for", denied)
    assert app.open_checked_database(_args()) is None
    assert "/home/clerk/.local/share" in boxes[0] and "权限" in boxes[0]


def test_a_full_disk_at_start_is_explained(  # type: ignore[no-untyped-def]
    qapp, county: County, boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_db: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(app, "upgrade", full)
    assert app.open_checked_database(_args(county.db.path)) is None
    assert boxes[0].startswith("磁盘空间不足")


def test_a_damaged_database_is_restored_at_start(  # type: ignore[no-untyped-def]
    qapp, county: County, boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    backup_database(county.db, reason="daily")
    path = county.db.path
    assert path is not None
    county.db.dispose()
    damage(path, at_page=1)
    asked: list[bool] = []

    def restore(_path: Path, *, can_look: bool) -> str:
        asked.append(can_look)
        return "restore"

    monkeypatch.setattr(app, "ask_about_damage", restore)
    db = app.open_checked_database(_args(path))
    assert asked and db is not None
    try:
        assert check_database(db).ok
        assert "已用备份" in boxes[0]
    finally:
        db.dispose()


def test_a_damaged_database_looked_at_refuses_every_write(  # type: ignore[no-untyped-def]
    qtbot, county: County, boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    item = assigned_item(county)
    path = county.db.path
    assert path is not None
    county.db.dispose()
    monkeypatch.setattr(app, "ask_about_damage", lambda _path, *, can_look: "view")
    monkeypatch.setattr(app, "check_database", _damaged_report)
    db = app.open_checked_database(_args(path))
    assert db is not None
    editor = open_item_editor(qtbot, db, item)
    editor.text.setPlainText(TYPED)
    assert not editor.save()
    assert "不再向其中写入" in boxes[0]
    assert editor.text.toPlainText() == TYPED
    editor.dirty = False  # the clerk gives up the edit; closing would otherwise ask
    db.dispose()


def _damaged_report(_db: Any, *, quick_only: bool = False) -> Any:
    from desktop.db.check import CheckReport

    return CheckReport(("Page 7: btreeInitPage() returns error code 11",), ("ok",), ())


def test_the_first_start_of_a_day_writes_one_daily_backup_once_the_window_is_up(  # type: ignore[no-untyped-def]
    qtbot, county: County, boxes: list[str]
) -> None:
    path = county.db.path
    assert path is not None
    daily = path.parent / "backups"
    for start in range(2):
        db = app.open_checked_database(_args(path))
        assert db is not None
        assert len(list(daily.glob("*-daily.db"))) == start  # none before the window paints
        window = MainWindow(db)
        qtbot.addWidget(window)
        backup_actions.daily_backup(window)
        qtbot.waitUntil(lambda window=window: not window.ops.tasks.busy())
        assert len(list(daily.glob("*-daily.db"))) == 1  # the second start writes none
        window.ops.stop_watching()
        window.close()
        db.dispose()
    assert boxes == []


def test_a_daily_backup_on_a_full_disk_warns_and_the_window_stays(  # type: ignore[no-untyped-def]
    qtbot, county: County, boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_db: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_actions, "backup_daily", full)
    window = MainWindow(county.db)
    qtbot.addWidget(window)
    backup_actions.daily_backup(window)
    qtbot.waitUntil(lambda: len(boxes) == 1)
    assert boxes[0].startswith("今天没有备份：磁盘空间不足")
    window.ops.stop_watching()
