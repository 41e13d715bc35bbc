"""备份 and 恢复 from the window's 文件 menu: what the clerk picks and is told; the work itself
is Operations.backup and Operations.restore (long jobs; a restore backs the current data up
first, and every page shows the restored data)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.audit import may_restore
from desktop.core.errors import DomainError
from desktop.db import DatabaseError
from desktop.db.backup import backup_daily, default_backup_dir, is_postgres
from desktop.db.pg_backup import require_tools
from desktop.messages import describe
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
    """Pick a backup, confirm, and restore it (the current data is backed up first): a `.db`
    file, or on a PostgreSQL database a pg_dump `.dump` file (pg_restore must be at hand)."""
    db = window.db
    try:
        window.ops.read(may_restore)
        if is_postgres(db):
            require_tools()
        folder = default_backup_dir(db)
    except (DomainError, DatabaseError, OSError) as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("BackupActions", "从备份恢复"), describe(exc)
        )
        return
    name, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("BackupActions", "选择要恢复的备份"),
        str(folder),
        QCoreApplication.translate("BackupActions", "联席备份 (*.dump)")
        if is_postgres(db)
        else QCoreApplication.translate("BackupActions", "联席备份 (*.db)"),
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


def daily_backup(window: MainWindow) -> None:
    """The day's backup, once the window is up (nothing when one was written today): a verified
    copy of the file, or a dump of a server database several clerks' PCs start against. It runs
    as a job, so the window paints first. A file that could not be copied (a full disk) is said
    in a box; a server dump that could not be written (no pg_dump on this PC) in the status bar,
    a line each day rather than a box."""

    def done(path: Path | None) -> None:
        if path is not None:
            window.show_notice(
                QCoreApplication.translate("BackupActions", "今天的备份已写好：%1").replace(
                    "%1", str(path)
                )
            )

    def failed(exc: Exception) -> None:
        text = QCoreApplication.translate("BackupActions", "今天没有备份：%1").replace(
            "%1", describe(exc)
        )
        if window.db.path is not None:
            QMessageBox.warning(window, window.windowTitle(), text)
        else:
            window.show_notice(text)

    db = window.db
    window.ops.run(
        lambda _progress, _cancelled: backup_daily(db),
        on_done=done,
        on_error=failed,
        label=QCoreApplication.translate("BackupActions", "正在备份…"),
        parent=window,
    )
