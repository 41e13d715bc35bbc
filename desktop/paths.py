"""Where LianXi keeps its data and attachments, and where bundled resources live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_config_path, user_data_path

from desktop import APP_NAME

DATA_DIR_ENV = "LIANXI_DATA_DIR"
CONFIG_DIR_ENV = "LIANXI_CONFIG_DIR"
DB_FILENAME = "lianxi.db"


def data_dir() -> Path:
    """The per-user data folder; LIANXI_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The per-user config folder (never backed up, never in the data folder);
    LIANXI_CONFIG_DIR overrides it."""
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override) if override else user_config_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def attachments_dir(db_path: Path | None = None) -> Path:
    base = db_path.parent if db_path is not None else data_dir()
    path = base / "attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resource_path(*parts: str) -> Path:
    """A resource the program ships (translations, icons, the user guide): in a PyInstaller
    build under sys._MEIPASS, in an installed wheel inside the package (setup.py puts them
    there), in a source tree or an editable install in the repository's resources/ folder."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root).joinpath("resources", *parts)
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    root = installed if installed.is_dir() else package.parent / "resources"
    return root.joinpath(*parts)
