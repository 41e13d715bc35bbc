"""GUI bootstrap: QApplication, translations, the database, the first-start dialog, the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop import APP_NAME, __version__
from desktop.core.office import find_local_office
from desktop.db import Database, DatabaseError, open_database
from desktop.db.migrate import upgrade
from desktop.messages import describe, set_language
from desktop.paths import default_db_path, resource_path
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
    target: str | Path = args.db_url or (Path(args.db) if args.db else default_db_path())
    return open_database(target)


def run_gui(args: argparse.Namespace) -> int:
    if args.self_test:
        # The self-test drives the window like a user: it lives with the views.
        from desktop.views.self_test import self_test

        return self_test(args)
    app = make_application(sys.argv[:1])
    if apply_font(app) is None:
        QMessageBox.warning(None, translated(APP_TITLE), translated(FONT_HELP))
    db = database_for(args)
    try:
        upgrade(db)
    except DatabaseError as exc:
        QMessageBox.critical(None, translated(APP_TITLE), describe(exc))
        return 1
    from desktop.views.main_window import MainWindow
    from desktop.views.office_dialog import OfficeDialog
    from desktop.views.operations import operations

    if operations(db).read(find_local_office) is None:
        welcome = OfficeDialog(db)
        if welcome.exec() != QDialog.DialogCode.Accepted:
            return 0
        if welcome.demo_path is not None:
            db.dispose()
            db = open_database(welcome.demo_path)
    window = MainWindow(db)
    window.show()
    return app.exec()
