"""备份 and 恢复 from the window's 文件 menu: what the clerk picks and is told; the work itself
is Operations.backup and Operations.restore (long jobs; a restore backs the current data up
first, and every page shows the restored data)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.db.backup import backup_dir_of
from desktop.views import ui_state

if TYPE_CHECKING:
    from desktop.views.main_window import MainWindow


def backup_now(window: MainWindow) -> None:
    """Write a verified backup beside the database and say where it is."""

    def done(path: Path) -> None:
        window.show_notice(
            QCoreApplication.translate("BackupActions", "已备份到 %1").replace("%1", str(path))
        )

    window.ops.backup(
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

    def done(_kept: Path) -> None:
        window.show_notice(
            QCoreApplication.translate("BackupActions", "已从备份“%1”恢复。").replace(
                "%1", backup.name
            )
        )

    window.ops.restore(
        backup,
        on_done=done,
        label=QCoreApplication.translate("BackupActions", "正在恢复…"),
        parent=window,
    )
    return True
