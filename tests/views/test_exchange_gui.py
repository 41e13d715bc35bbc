"""数据交换 in the window: a township exports to a stick, the county previews and imports,
decides a conflict, and manages keys; every step on real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.db import Database
from desktop.models import Meeting, Office, Unit
from desktop.sync import RemovableDrive, export_setup_file
from desktop.sync.exchange import export_packages, import_files
from desktop.sync.trust import local_keys
from desktop.views.exchange import ExchangePage
from desktop.views.tasks import TaskRunner
from tests.conftest import logical_dump
from tests.sync.test_db_exchange import Pair, pair  # noqa: F401  (the fixture)


def _page(qtbot, db: Database, stick: Path | None = None) -> ExchangePage:  # type: ignore[no-untyped-def]
    drives = [RemovableDrive(stick, "KINGSTON", 15 * 1024**3)] if stick else []
    page = ExchangePage(db, TaskRunner(), find_drives=lambda: drives)
    qtbot.addWidget(page)
    return page


def _meetings(db: Database) -> int:
    with db.unit_of_work() as s:
        return int(s.scalar(select(func.count()).select_from(Meeting)) or 0)


def test_township_exports_to_the_stick_it_finds(qtbot, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    stick = tmp_path / "stick"
    stick.mkdir()
    page = _page(qtbot, pair.township, stick)
    tab = page.export_tab
    assert tab.drives.count() == 1 and "KINGSTON" in tab.drives.item(0).text()
    assert "15.0 GB" in tab.drives.item(0).text()
    assert tab.chosen_folder() == stick
    assert tab.chosen_recipients() == [pair.county_uuid]
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    page.wait()
    assert "可以拔出U盘" in tab.result.text()
    (written,) = stick.glob("*.lxpkg")
    assert written.name in tab.result.text()
    assert page.log_tab.table.rowCount() == 1
    assert page.log_tab.table.item(0, 1).text() == "导出"


def test_nothing_chosen_says_what_to_do(qtbot, pair: Pair) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page = _page(qtbot, pair.township)
    tab = page.export_tab
    assert "未发现U盘" in tab.drives.item(0).text()
    before = logical_dump(pair.township)
    tab.export()
    assert tab.result.text() == "请选择U盘或文件夹。"
    tab.recipients.item(0).setCheckState(Qt.CheckState.Unchecked)
    tab.export()
    assert tab.result.text() == "请勾选至少一个发送对象。"
    assert logical_dump(pair.township) == before


def test_export_to_a_vanished_folder_is_reported(qtbot, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page = _page(qtbot, pair.township)
    page.export_tab.add_folder(tmp_path / "pulled-out")
    before = logical_dump(pair.township)
    page.export_tab.export()
    page.wait()
    assert "导出失败" in page.export_tab.result.text()
    assert "文件夹不存在" in page.export_tab.result.text()
    assert logical_dump(pair.township) == before


def test_county_previews_then_imports(qtbot, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    (up,) = export_packages(pair.township, tmp_path, [pair.county_uuid])
    assert up.path is not None
    page = _page(qtbot, pair.county)
    tab = page.import_tab
    before = logical_dump(pair.county)
    tab.preview([up.path, tmp_path / "missing.lxpkg"])
    page.wait()
    assert logical_dump(pair.county) == before
    assert tab.tree.topLevelItemCount() == 2
    first, second = tab.tree.topLevelItem(0), tab.tree.topLevelItem(1)
    assert first.text(0) == "八滩镇工会 第 1 号：可以导入"
    assert first.child(0).text(0) == f"文件：{up.path.name}"
    kinds = {first.child(i).text(0): first.child(i).text(1) for i in range(first.childCount())}
    assert int(kinds["会议"]) == _meetings(pair.township)
    assert "已拒绝" in second.text(0) and "无法读取" in second.child(0).text(0)
    assert tab.confirm_button.isEnabled()
    with qtbot.waitSignal(page.changed, timeout=10_000):
        qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
        page.wait()
    assert "导入完成：1 个数据包已导入" in tab.status.text()
    assert "导入前的备份" in tab.status.text()
    assert _meetings(pair.county) == _meetings(pair.township)
    assert not tab.confirm_button.isEnabled()
    log = page.log_tab.table
    assert log.rowCount() == 1 and log.item(0, 6).text() == "已导入"
    assert f"会议 新增 {_meetings(pair.township)}" in log.item(0, 7).text()


def test_conflict_decided_side_by_side(qtbot, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    (tmp_path / "up").mkdir()
    (up,) = export_packages(pair.township, tmp_path, [pair.county_uuid])
    assert up.path is not None
    import_files(pair.county, [up.path])
    (down,) = export_packages(pair.county, tmp_path, [pair.township_uuid])
    assert down.path is not None
    import_files(pair.township, [down.path])
    with pair.county.unit_of_work() as s:
        target = s.scalars(select(Unit).where(Unit.origin_office == pair.county_uuid)).one().uuid
    with pair.township.unit_of_work() as s:
        unit = s.scalars(select(Unit).where(Unit.uuid == target)).one()
        unit.origin_office, unit.note, unit.version = (
            pair.township_uuid,
            "乡镇改的",
            unit.version + 1,
        )
    (again,) = export_packages(pair.township, tmp_path / "up", [pair.county_uuid])
    assert again.path is not None
    page = _page(qtbot, pair.county)
    page.import_tab.preview([again.path])
    page.wait()
    page.import_tab.confirm()
    page.wait()
    conflicts = page.conflicts_tab
    assert conflicts.total == 1
    assert page.tabs.tabText(page.tabs.indexOf(conflicts)) == "冲突处理（1）"
    table = conflicts.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["备注", "", "乡镇改的"]
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(conflicts.theirs_button, Qt.MouseButton.LeftButton)
    assert conflicts.total == 0 and conflicts.status.text() == "已采用对方的值。"
    assert page.tabs.tabText(page.tabs.indexOf(conflicts)) == "冲突处理"
    with pair.county.unit_of_work() as s:
        assert s.scalars(select(Unit).where(Unit.uuid == target)).one().note == "乡镇改的"


def test_keys_trust_checks_the_spoken_fingerprint_and_revokes(
    qtbot,  # type: ignore[no-untyped-def]
    pair: Pair,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(qtbot, pair.county)
    keys = page.keys_tab
    monkeypatch.setattr(keys, "directory_entry", lambda public: None)  # see test_trust_entry_gui
    assert keys.table.rowCount() == 1 and keys.table.item(0, 1).text() == "已信任"
    keys.write_setup_file(tmp_path / "county.json")
    assert keys.fingerprint in keys.status.text()
    assert (tmp_path / "county.json").read_bytes()
    with pair.township.unit_of_work() as s:
        township = local_keys(s)
        (tmp_path / "t.json").write_bytes(export_setup_file(township))
    before = logical_dump(pair.county)
    assert not keys.trust_file(tmp_path / "t.json", "1234 5678")
    assert "指纹" in keys.status.text() and "不一致" in keys.status.text()
    assert not keys.trust_file(tmp_path / "none.json", township.keys.fingerprint)
    assert "无法读取" in keys.status.text()
    assert logical_dump(pair.county) == before
    assert keys.trust_file(tmp_path / "t.json", township.keys.fingerprint)
    keys.revoke(int(keys.table.item(0, 0).data(Qt.ItemDataRole.UserRole)))
    assert keys.table.item(0, 1).text() == "已吊销"
    assert page.export_tab.recipients.count() == 0
    with pair.county.unit_of_work() as s:
        office = s.scalars(select(Office).where(Office.uuid == pair.township_uuid)).one()
        assert office.revoked_at is not None


def test_refusals_are_worded_in_the_interface_language(qtbot, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from desktop import messages

    page = _page(qtbot, pair.county)
    messages.set_language("en")
    try:
        page.import_tab.preview([tmp_path / "gone.lxpkg"])
        page.wait()
    finally:
        messages.set_language("zh")
    message = page.import_tab.tree.topLevelItem(0).child(0).text(0)
    assert message.startswith("Could not read") and "gone.lxpkg" in message
