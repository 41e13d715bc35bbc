"""GUI bootstrap: QApplication, translations, the database, the first-start dialog, the window.

A window start imports only what the first window needs (printing, charts, spreadsheets,
packages and migrations come with the pages and actions that use them), and the database's
quick_check runs on a thread of its own while the window's modules are imported: its verdict is
awaited before the schema is upgraded or anything else writes to the file.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox
from sqlalchemy.exc import SQLAlchemyError

from desktop import APP_NAME, __version__
from desktop.db import Database, DatabaseError, open_database
from desktop.db.backup import backup_dir_of, newest_good_backup, restore_backup
from desktop.db.check import CheckReport, check_database
from desktop.db.connection import database_target, saved_connection
from desktop.db.migrate import upgrade
from desktop.messages import describe, message, set_language
from desktop.paths import resource_path
from desktop.views.labels import QT_TRANSLATE_NOOP

# Families tried in order for the interface; the first one installed wins.
CJK_FAMILIES = (
    "Microsoft YaHei",
    "SimSun",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "AR PL UMing CN",
    "AR PL UKai CN",
)
APP_TITLE = QT_TRANSLATE_NOOP("app", "联席")
FONT_HELP = QT_TRANSLATE_NOOP(
    "app",
    "未找到中文字体，界面文字可能无法显示。请安装 fonts-wqy-zenhei 或 fonts-arphic-uming（Debian、麒麟、统信）。",
)
LOCALES = {
    "zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}
# What can keep the window from its database: the data folder, the disk, the file itself.
STARTUP_FAULTS = (DatabaseError, SQLAlchemyError, sqlite3.Error, OSError)
# The translators install_translators put in, so a later call (or a test) can take them out.
_installed: list[QTranslator] = []


def translated(text: str) -> str:
    """A text of this module in the interface language."""
    return QCoreApplication.translate("app", text)


def window_icon() -> QIcon:
    """The program's icon (title bar, task bar) from the PNGs rendered by installer/render_icons.py."""
    icon = QIcon()
    for png in sorted(resource_path("icons").glob("lianxi-*.png")):
        icon.addFile(str(png))
    return icon


def english_catalogue() -> Path:
    return resource_path("translations", "lianxi_en.qm")


def install_translators(app: QCoreApplication, language: str) -> str:
    """The interface in `language`: Chinese (Qt's qtbase_zh_CN for 确定/取消) or English (ours).

    Returns the language in effect: Chinese when the English catalogue cannot be loaded.
    """
    remove_translators(app)
    if language == "en":
        ours = QTranslator(app)
        if ours.load(str(english_catalogue())):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            language = "zh"
    if language == "zh":
        # Qt's own dialogs say 确定/取消 in Chinese; in English they need no catalogue.
        qtbase = QTranslator(app)
        if qtbase.load(
            LOCALES["zh"],
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qtbase)
            _installed.append(qtbase)
    QLocale.setDefault(LOCALES[language])
    set_language(language)
    return language


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def make_application(argv: list[str], language: str | None = None) -> QApplication:
    """The application, in `language` or else the one chosen in Settings (Chinese by default)."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(window_icon())
    # Lets Linux desktops match the window to lianxi.desktop (task bar icon, grouping).
    app.setDesktopFileName("lianxi")
    from desktop.views import ui_state

    install_translators(app, language or ui_state.language())
    return app


def chinese_font_family() -> str | None:
    families = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in families), None)


def apply_font(app: QApplication) -> str | None:
    family = chinese_font_family()
    if family is not None:
        font = QFont(family)
        font.setPointSize(10)
        app.setFont(font)
    return family


def database_for(args: argparse.Namespace) -> Database:
    return open_database(database_target(args.db, args.db_url))


@dataclass(frozen=True)
class OpeningDatabase:
    """The window's database, opened, with its quick_check under way on another thread."""

    args: argparse.Namespace
    db: Database
    check: Future[CheckReport]


def start_opening(args: argparse.Namespace) -> OpeningDatabase | None:
    """Open the window's database and start its quick_check on a thread of its own (SQLite
    checks without holding the interpreter, so the start goes on meanwhile); None once a
    dialog has said why it cannot be opened (a data folder that cannot be written)."""
    try:
        db = database_for(args)
    except OSError as exc:
        folder = str(exc.filename or "")
        refuse(message("data_folder_unusable", {"folder": folder, "reason": describe(exc)}))
        return None
    except DatabaseError as exc:  # the saved server's password not in the keyring
        refuse(describe(exc) + way_back(args))
        return None
    checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quick-check")
    check = checker.submit(check_database, db, quick_only=True)
    checker.shutdown(wait=False)  # its thread ends with the check
    return OpeningDatabase(args, db, check)


def finish_opening(opening: OpeningDatabase) -> Database | None:
    """The database once its quick_check has passed, and upgraded (backed up first); None
    once a dialog has said why it cannot be used (a full disk, a damaged file the clerk chose
    not to restore). Nothing writes to the file before the check's verdict."""
    db = opening.db
    try:
        report = opening.check.result()
        if report.damaged:
            return damaged_database(db, can_look=not report.unreadable)
        upgrade(db)
    except STARTUP_FAULTS as exc:
        db.dispose()
        refuse(describe(exc) + way_back(opening.args))
        return None
    return db  # the day's backup is written once the window is up (backup_actions.daily_backup)


def open_checked_database(args: argparse.Namespace) -> Database | None:
    """The window's database, quick-checked and upgraded; None once a dialog has said why it
    cannot be used (a data folder that cannot be written, a full disk, a damaged file the
    clerk chose not to restore)."""
    opening = start_opening(args)
    return finish_opening(opening) if opening is not None else None


def way_back(args: argparse.Namespace) -> str:
    """When the saved server cannot be used: how to start on this PC's file instead."""
    if args.db or args.db_url or saved_connection() is None:
        return ""
    return "\n\n" + message("connection_way_back")


def damaged_database(db: Database, *, can_look: bool) -> Database | None:
    """Offer to restore the newest good backup in place of a damaged file, or (when it can
    still be read) to look only: every write is then refused."""
    path = db.path
    assert path is not None  # only an SQLite file is checked
    choice = ask_about_damage(path, can_look=can_look)
    if choice == "view":
        db.refuse_writes("database_needs_restore")
        return db
    db.dispose()
    if choice != "restore":
        return None
    backup = newest_good_backup(backup_dir_of(path))
    if backup is None:
        refuse(message("no_good_backup", {"folder": backup_dir_of(path)}))
        return None
    kept = restore_backup(path, backup)
    QMessageBox.information(
        None,
        translated(APP_TITLE),
        message("restored_from_backup", {"backup": backup.name, "kept": kept.name}),
    )
    db = open_database(path)
    upgrade(db)
    return db


def ask_about_damage(path: Path, *, can_look: bool) -> str:
    """ "restore", "view" or "quit": what the clerk does about a damaged database file."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        translated(APP_TITLE),
        message("damaged_at_start", {"path": path}),
    )
    choices: dict[QAbstractButton, str] = {
        box.addButton(message("restore_button"), QMessageBox.ButtonRole.AcceptRole): "restore"
    }
    if can_look:
        choices[box.addButton(message("view_only_button"), QMessageBox.ButtonRole.ActionRole)] = (
            "view"
        )
    choices[box.addButton(message("quit_button"), QMessageBox.ButtonRole.RejectRole)] = "quit"
    box.exec()
    return choices.get(box.clickedButton(), "quit")


def refuse(text: str) -> None:
    """Say in a dialog why the window cannot open, instead of a traceback on stderr."""
    QMessageBox.critical(None, translated(APP_TITLE), text)


def resume_collection() -> None:
    """Turn Python's cyclic garbage collector back on, after desktop.__main__ paused it for a
    window start: a start makes about 130,000 objects that stay (modules, classes, mappers, the
    window's widgets), and each pass of the collector over them was wasted. They are frozen,
    kept out of every later pass; the few hundred the start left unreachable stay with them."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run_gui(args: argparse.Namespace) -> int:
    if args.self_test:
        resume_collection()
        # The self-test drives the window like a user: it lives with the views.
        from desktop.views.self_test import self_test

        return self_test(args)
    app = make_application(sys.argv[:1])
    opening = start_opening(args)
    if opening is None:
        return 1
    if apply_font(app) is None:
        QMessageBox.warning(None, translated(APP_TITLE), translated(FONT_HELP))
    # Imported while the quick_check runs.
    from desktop.core.office import find_local_office
    from desktop.views.login_dialog import IdleLock, sign_in_at_start
    from desktop.views.main_window import MainWindow
    from desktop.views.office_dialog import OfficeDialog
    from desktop.views.operations import operations

    db = finish_opening(opening)
    if db is None:
        return 1
    first_start = False
    if operations(db).read(find_local_office) is None:
        resume_collection()  # the welcome may build a demo county meanwhile
        welcome = OfficeDialog(db)
        if welcome.exec() != QDialog.DialogCode.Accepted:
            return 0
        first_start = welcome.demo_path is None
        if welcome.demo_path is not None:
            db.dispose()
            db = open_database(welcome.demo_path)
    if not sign_in_at_start(db, first_start=first_start):
        return 0
    window = MainWindow(db)
    IdleLock(window, operations(db))
    window.show()
    resume_collection()
    from desktop.views.backup_actions import daily_backup

    daily_backup(window)
    return app.exec()
