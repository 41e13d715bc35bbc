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
