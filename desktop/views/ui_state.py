"""UI state kept between sessions (QSettings), behind one module: language, last folder…"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QWidget

# Interface languages, each named in itself; Simplified Chinese is the default.
LANGUAGE_NAMES: dict[str, str] = {"zh": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh"


def language() -> str:
    """The interface language chosen in Settings ("zh" or "en"); applied at the next start."""
    value = str(QSettings().value("ui/language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGE_NAMES else DEFAULT_LANGUAGE


def remember_language(code: str) -> None:
    """The language the next start uses (`messages.set_language` switches the running one)."""
    if code not in LANGUAGE_NAMES:
        raise ValueError(f"unknown language {code!r}")
    QSettings().setValue("ui/language", code)


def last_folder() -> str:
    value = QSettings().value("paths/last_folder", str(Path.home()))
    return str(value)


def remember_folder(folder: Path) -> None:
    QSettings().setValue("paths/last_folder", str(folder))


def save_header(key: str, header: QHeaderView) -> None:
    QSettings().setValue(key, header.saveState())


def restore_header(key: str, header: QHeaderView) -> bool:
    state = QSettings().value(key)
    return isinstance(state, QByteArray) and header.restoreState(state)


def save_geometry(key: str, widget: QWidget) -> None:
    QSettings().setValue(key, widget.saveGeometry())


def restore_geometry(key: str, widget: QWidget) -> bool:
    state = QSettings().value(key)
    if isinstance(state, QByteArray):
        return widget.restoreGeometry(state)
    return False


def save_window_state(key: str, window: QMainWindow) -> None:
    """Toolbars and docks, as the clerk left them."""
    QSettings().setValue(key, window.saveState())


def restore_window_state(key: str, window: QMainWindow) -> bool:
    state = QSettings().value(key)
    return isinstance(state, QByteArray) and window.restoreState(state)
