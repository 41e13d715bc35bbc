"""Settings → 公文字体: the file of each role, stand-ins marked, the office's font folder kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.settings import font_folder
from desktop.db import Database
from desktop.reports.fonts import (
    FontRole,
    resolve_fonts,
    use_font_folder,
)
from desktop.reports.fonts import (
    font_folder as folder_in_use,
)
from desktop.views.font_roles import FontRolesBox, stand_in_note
from desktop.views.operations import operations


@pytest.fixture(autouse=True)
def no_font_folder() -> Iterator[None]:
    yield
    use_font_folder(None)


def test_the_box_shows_each_roles_file_and_keeps_the_chosen_folder(  # type: ignore[no-untyped-def]
    qtbot, db: Database, tmp_path: Path
) -> None:
    box = FontRolesBox(operations(db))
    qtbot.addWidget(box)
    fonts = resolve_fonts()
    for role in FontRole:
        assert box.files[role].text().startswith(str(fonts[role].path))
        assert box.files[role].text().endswith("（代用）") == fonts[role].stand_in
    folder = tmp_path / "fonts"
    folder.mkdir()
    box.set_folder(str(folder))
    assert operations(db).read(font_folder) == str(folder)
    assert folder_in_use() == folder
    assert box.folder.text() == str(folder)
    box.set_folder("")
    assert folder_in_use() is None


def test_the_preview_note_names_the_stand_in_roles_once() -> None:
    note = stand_in_note()
    stand_ins = [role for role in FontRole if resolve_fonts()[role].stand_in]
    assert bool(note) == bool(stand_ins)
    if FontRole.BODY in stand_ins:
        assert note.count("仿宋") == 1
