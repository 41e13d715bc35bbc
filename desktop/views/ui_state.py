"""UI state kept between sessions (QSettings), behind one module: last folder and the like."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def last_folder() -> str:
    value = QSettings().value("paths/last_folder", str(Path.home()))
    return str(value)


def remember_folder(folder: Path) -> None:
    QSettings().setValue("paths/last_folder", str(folder))
