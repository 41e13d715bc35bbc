"""备份 and 恢复 from the window's 文件 menu, run as long jobs through operations.

A restore first backs the current database up (reason before-restore), then puts the chosen
backup in its place with desktop.db.backup.restore_backup (checked, the replaced file kept),
upgrades it, and the window shows it: every page reloads, and the undo history is dropped
because it speaks of records as they were before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.changes import EVERYTHING
from desktop.db import Database, DatabaseError
from desktop.db.backup import backup_database, backup_dir_of, restore_backup
from desktop.db.migrate import upgrade
from desktop.views import ui_state

if TYPE_CHECKING:
    from desktop.views.main_window import MainWindow

Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Path]


def backup_job(db: Database) -> Job:
    return lambda _progress, _cancelled: backup_database(db, reason="manual")


def restore_job(db: Database, backup: Path) -> Job:
    """Back the current file up, swap the backup in, upgrade it: the engine reconnects to it."""

    def job(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Path:
        path = db.path
        if path is None:
            raise DatabaseError("backup_needs_sqlite_file", url=db.display_name())
        backup_database(db, reason="before-restore")
        db.dispose()  # no connection may stay open on the file being replaced
        kept = restore_backup(path, backup)
        upgrade(db)
        return kept

    return job


def backup_now(window: MainWindow) -> None:
    """Write a verified backup beside the database and say where it is."""

    def done(path: Path) -> None:
        window.show_notice(
            QCoreApplication.translate("BackupActions", "已备份到 %1").replace("%1", str(path))
        )

    window.ops.run(
        backup_job(window.db),
        on_done=done,
        label=QCoreApplication.translate("BackupActions", "正在备份…"),
        parent=window,
    )


def choose_and_restore(window: MainWindow) -> None:
    """Pick a backup, confirm, and restore it (the current data is backed up first)."""
    db = window.db
    if db.path is None:
        window.show_notice(
            QCoreApplication.translate(
                "BackupActions", "服务器数据库请用服务器自己的备份工具恢复。"
            )
        )
        return
    name, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("BackupActions", "选择要恢复的备份"),
        str(backup_dir_of(db.path)),
        QCoreApplication.translate("BackupActions", "联席备份 (*.db)"),
    )
    if name:
        ui_state.remember_folder(Path(name).parent)
        restore(window, Path(name))


def restore(window: MainWindow, backup: Path) -> bool:
    """Confirm, then restore `backup`; False when the clerk declined or an editor stayed open."""
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("BackupActions", "从备份恢复"),
        QCoreApplication.translate(
            "BackupActions",
            "用备份“%1”替换当前数据？当前数据会先自动备份，恢复后可以再从那份备份找回。",
        ).replace("%1", backup.name),
    )
    if answer != QMessageBox.StandardButton.Yes or not window.close_editors():
        return False

    def done(kept: Path) -> None:
        window.undo_stack.clear()
        window.show_notice(
            QCoreApplication.translate("BackupActions", "已从备份“%1”恢复。").replace(
                "%1", backup.name
            )
        )

    window.ops.run(
        restore_job(window.db, backup),
        on_done=done,
        changes=EVERYTHING,
        label=QCoreApplication.translate("BackupActions", "正在恢复…"),
        parent=window,
    )
    return True
