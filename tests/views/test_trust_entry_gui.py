"""Trusting a township's setup file in the window asks which directory entry is that township."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from desktop.models import Office
from desktop.sync.trust import local_keys, setup_file
from desktop.views.exchange import ExchangePage
from desktop.views.tasks import TaskRunner
from desktop.views.unit_picker import UnitPicker
from tests.conftest import make_county
from tests.sync.test_two_offices import _new_township


def test_the_county_picks_the_townships_entry_when_it_trusts_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    county = make_county(tmp_path / "c")
    township = _new_township(tmp_path)
    with township.unit_of_work() as s:
        (tmp_path / "t.json").write_bytes(setup_file(s))
        fingerprint, township_uuid = local_keys(s).keys.fingerprint, local_keys(s).uuid
    page = ExchangePage(county.db, TaskRunner(), find_drives=lambda: [])
    qtbot.addWidget(page)
    offered: list[int | None] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, answer)
            return
        picker = dialog.findChild(UnitPicker)
        offered.append(picker.unit_id())  # the entry of the same name, offered
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert page.keys_tab.trust_file(tmp_path / "t.json", fingerprint)
    assert offered == [county.township_union]
    with county.db.unit_of_work() as s:
        office = s.scalars(select(Office).where(Office.uuid == township_uuid)).one()
        assert office.unit_id == county.township_union


def test_cancelling_the_choice_trusts_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    county = make_county(tmp_path / "c")
    township = _new_township(tmp_path)
    with township.unit_of_work() as s:
        (tmp_path / "t.json").write_bytes(setup_file(s))
        fingerprint = local_keys(s).keys.fingerprint
    page = ExchangePage(county.db, TaskRunner(), find_drives=lambda: [])
    qtbot.addWidget(page)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, cancel)
            return
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert not page.keys_tab.trust_file(tmp_path / "t.json", fingerprint)
    with county.db.unit_of_work() as s:
        assert s.scalars(select(Office).where(Office.is_local.is_(False))).all() == []


def test_resync_from_the_keys_tab_and_accepting_it_at_import(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.sync.exchange import export_packages
    from tests.sync.test_two_offices import _swap_setup_files, _township_meeting
    from tests.views.dialogs import answer_questions

    county = make_county(tmp_path / "c")
    township = _new_township(tmp_path)
    offices = _swap_setup_files(county, township, pick=county.township_union)
    _township_meeting(township)
    offices.up()
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    page = ExchangePage(township, TaskRunner(), find_drives=lambda: [])
    qtbot.addWidget(page)
    keys = page.keys_tab
    row = next(
        r for r in range(keys.table.rowCount()) if keys.table.item(r, 0).text() == "滨海县总工会"
    )
    keys.table.setCurrentCell(row, 0)
    assert keys.resync_selected()
    assert "重新同步" in asked[-1] and "已准备与 滨海县总工会 重新同步" in keys.status.text()
    from desktop.views.exchange.texts import result_text

    assert result_text("resync").startswith("重新同步")  # as the exchange log shows it
    stick = tmp_path / "stick"
    stick.mkdir()
    (written,) = export_packages(township, stick, [offices.c_uuid])
    assert written.path is not None and written.sequence == 1

    at_county = ExchangePage(county.db, TaskRunner(), find_drives=lambda: [])
    qtbot.addWidget(at_county)
    tab = at_county.import_tab
    tab.preview([written.path])
    qtbot.waitUntil(lambda: tab.accept_restart and tab.confirm_button.isEnabled(), timeout=20_000)
    assert "八滩镇工会 的数据包重新从第 1 号开始编号" in asked[-1]
    with qtbot.waitSignal(at_county.changed, timeout=20_000):
        tab.confirm()
        at_county.wait()
    assert "导入完成：1 个数据包已导入" in tab.status.text()


def test_changing_the_offices_keys_from_the_keys_tab(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from desktop.sync.trust import previous_keys
    from tests.views.dialogs import answer_questions

    township = _new_township(tmp_path)
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    page = ExchangePage(township, TaskRunner(), find_drives=lambda: [])
    qtbot.addWidget(page)
    keys = page.keys_tab
    old = keys.fingerprint
    assert keys.rotate()
    assert "更换" in asked[-1]
    assert keys.fingerprint != old and keys.fingerprint in keys.shown_fingerprint.text()
    with township.unit_of_work() as s:
        assert local_keys(s).keys.fingerprint == keys.fingerprint
        previous = previous_keys(s)
        assert previous is not None and previous.keys.fingerprint == old


def test_an_item_the_county_keeps_takes_only_the_lead_units_steps(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.models import AgreedItem
    from desktop.views.editors.item_editor import ItemEditor
    from tests.sync.test_two_offices import _county_item_for_the_township, _swap_setup_files

    county = make_county(tmp_path / "c")
    township = _new_township(tmp_path)
    offices = _swap_setup_files(county, township, pick=county.township_union)
    _county_item_for_the_township(county)
    offices.down()
    with township.unit_of_work() as s:
        copy = s.scalars(select(AgreedItem.id)).one()
    editor = ItemEditor(township, copy)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.kept_by == "滨海县总工会" and not editor.form.isEnabled()
    assert editor.workflow is not None
    enabled = {a for a, b in editor.workflow.buttons.items() if b.isEnabled()}
    assert enabled == {"report_progress", "request_extension", "complete"}
