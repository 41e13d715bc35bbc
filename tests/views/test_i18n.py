"""English as the second interface language: the window, lists, editors and the catalogue."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from desktop import messages
from desktop.app import english_catalogue, install_translators, remove_translators
from desktop.views import ui_state
from desktop.views.editors.unit_editor import UnitEditor
from desktop.views.main_window import MainWindow
from desktop.views.settings_page import SettingsPage
from tests.conftest import County
from tests.core.helpers import assigned_item

TODAY = date(2026, 11, 16)
ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "lianxi_en.ts"
SOURCES = [ROOT / "desktop" / "views", ROOT / "desktop" / "app.py"]
CJK = re.compile(r"[\u3400-\u9fff]+")


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The interface in English for one test; Chinese (no catalogue at all) again afterwards."""
    locale = QLocale()
    assert install_translators(qapp, "en") == "en"
    yield
    remove_translators(qapp)
    messages.set_language("zh")
    QLocale.setDefault(locale)


def header_texts(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(model.columns))]


def cell(model, column: str, row: int = 0) -> str:  # type: ignore[no-untyped-def]
    return str(model.index(row, model.columns.index(column)).data())


def test_window_lists_and_editors_in_english(qtbot, county: County, english) -> None:  # type: ignore[no-untyped-def]
    item_id = assigned_item(county, deadline=date(2026, 5, 1))
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    assert window.windowTitle() == "LianXi — 滨海县总工会"
    titles = window.page_titles()
    assert titles[0] == "Dashboard" and titles[-1] == "Settings"
    assert "Agreed items" in titles and "Unit directory" in titles
    assert window.nav.item(0).text() == "Dashboard (1)"  # one overdue item
    assert window.page_keys[titles.index("Agreed items")] == "item"

    page = window.show_page("Agreed items")
    headers = header_texts(page.model)
    assert {"Light", "Lead unit", "Deadline", "Status"} <= set(headers)
    assert cell(page.model, "status") == "Assigned"
    assert cell(page.model, "light") == "● Red"
    assert page.count.text() == "1 record"

    editor = page.open_editor(item_id)
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "Agreed item"
    assert editor.workflow.buttons["complete"].text() == "Complete"
    editor.lead.setText("no such unit")
    assert not editor.save()
    assert editor.form.errors["lead_unit_id"].text() == "Choose the lead unit from the list."
    editor.dirty = False


def test_validation_message_beside_the_field_in_english(qtbot, county: County, english) -> None:  # type: ignore[no-untyped-def]
    editor = UnitEditor(county.db)
    qtbot.addWidget(editor)
    assert not editor.save()
    assert editor.form.errors["name"].text() == "Name is required."
    assert editor.form.layout_.labelForField(editor.form.fields["name"].parentWidget()).text() == (
        "Name:"
    )


def test_chinese_is_the_default(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    assert messages.current_language() == "zh" and ui_state.language() == "zh"
    item_id = assigned_item(county, deadline=date(2026, 5, 1))
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    assert window.page_titles()[0] == "工作台" and "议定事项" in window.page_titles()
    page = window.show_page("议定事项")
    assert "牵头单位" in header_texts(page.model)
    assert cell(page.model, "status") == "已交办" and cell(page.model, "light") == "● 红"
    editor = page.open_editor(item_id)
    qtbot.addWidget(editor)
    assert editor.workflow.buttons["complete"].text() == "办结"
    units = UnitEditor(county.db)
    qtbot.addWidget(units)
    assert not units.save()
    assert units.form.errors["name"].text() == "「名称」不能为空。"


def test_language_is_chosen_in_settings_and_loaded_at_start(qtbot, county: County, qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.app import make_application

    page = SettingsPage(county.db)
    qtbot.addWidget(page)
    names = [page.language.itemText(i) for i in range(page.language.count())]
    assert names == ["简体中文", "English"] and page.language.currentData() == "zh"
    page.language.setCurrentIndex(page.language.findData("en"))
    assert ui_state.language() == "en"
    assert page.language_note.text() == "重新启动联席后，界面将使用所选语言。"

    organisation, application = qapp.organizationName(), qapp.applicationName()
    locale = QLocale()
    try:
        # make_application names the application, which moves QSettings: choose again there.
        make_application([], language=None)
        ui_state.remember_language("en")
        make_application([])
        assert messages.current_language() == "en"
        assert QCoreApplication.translate("MainWindow", "议定事项") == "Agreed items"
        make_application([], language="zh")
        assert messages.current_language() == "zh"
        assert QCoreApplication.translate("MainWindow", "议定事项") == "议定事项"
    finally:
        remove_translators(qapp)
        messages.set_language("zh")
        QLocale.setDefault(locale)
        qapp.setOrganizationName(organisation)
        qapp.setApplicationName(application)


def test_english_without_its_catalogue_falls_back_to_chinese(qapp, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("desktop.app.english_catalogue", lambda: tmp_path / "missing.qm")
    locale = QLocale()
    try:
        assert install_translators(qapp, "en") == "zh"
        assert messages.current_language() == "zh"
    finally:
        remove_translators(qapp)
        QLocale.setDefault(locale)


# The catalogue


def messages_of(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    found: dict[tuple[str, str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            key = (name, msg.findtext("source") or "", msg.findtext("comment") or "")
            found[key] = msg
    return found


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%(?:\d|n)", text))


def test_catalogue_is_complete_and_keeps_placeholders() -> None:
    found = messages_of(TS_FILE)
    assert len(found) > 400
    for (context, source, _), msg in found.items():
        translation = msg.find("translation")
        assert translation is not None
        assert translation.get("type") is None, (context, source, translation.get("type"))
        texts = (
            [f.text or "" for f in translation.findall("numerusform")]
            if msg.get("numerus") == "yes"
            else [translation.text or ""]
        )
        for text in texts:
            assert text.strip(), (context, source)
            # Chinese in a translation only where it quotes the source (examples, file syntax).
            assert all(chunk in source for chunk in CJK.findall(text)), (context, text)
            assert placeholders(text) == placeholders(source), (context, source, text)


def tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    path = str(found) if found.exists() else shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def test_every_translatable_text_of_the_views_is_in_the_catalogue(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-locations", "none"]
        + [str(p) for p in SOURCES]
        + ["-ts", str(fresh)],
        check=True,
        cwd=ROOT,
    )
    wanted, have = set(messages_of(fresh)), set(messages_of(TS_FILE))
    assert not wanted - have, "untranslated: run make translations and translate these"
    assert not have - wanted, "no longer used: run make translations (lupdate -no-obsolete)"


def test_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    compiled = tmp_path / "lianxi_en.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(TS_FILE), "-qm", str(compiled)], check=True
    )
    assert english_catalogue().read_bytes() == compiled.read_bytes(), "run make translations"


def test_no_chinese_text_escapes_translation() -> None:
    """Chinese literals in the views sit in tr(), translate() or QT_TRANSLATE_NOOP(), or docstrings."""
    marked = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
    allowed = {"简体中文"}  # each language is named in itself
    loose: list[str] = []
    files = [f for p in SOURCES for f in ([p] if p.is_file() else sorted(p.rglob("*.py")))]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        fine: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in marked:
                    fine.update(id(sub) for arg in node.args for sub in ast.walk(arg))
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
                first = node.body[0] if node.body else None
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    fine.add(id(first.value))
        loose += [
            f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and CJK.search(node.value)
            and id(node) not in fine
            and node.value not in allowed
        ]
    assert not loose, "\n".join(loose)
