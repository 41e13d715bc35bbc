"""Settings → 数据库连接 (issue 17): what the window uses, the dialog that points the PC at the
county's PostgreSQL server (测试连接 with a good and a wrong password, 保存 to the config folder
and the keyring), 改回本机数据库; and 恢复备份 from the window on a PostgreSQL database, which
backs the current data up first and re-anchors the audit trail."""

from __future__ import annotations

import argparse
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from sqlalchemy import select

from desktop import app
from desktop.app import install_translators, remove_translators
from desktop.core.audit import verify_chain
from desktop.core.permissions import Actor, act_as
from desktop.core.suggestions import SuggestionInput, register_suggestion
from desktop.db import Database, open_database
from desktop.db.connection import ServerConnection, save_connection, saved_connection
from desktop.messages import message, set_language
from desktop.models import AuditEntry
from desktop.models.enums import Channel, Level, Role
from desktop.views import backup_actions
from desktop.views.connection_dialog import DatabaseBox, ServerConnectionDialog
from desktop.views.main_window import MainWindow
from desktop.views.operations import operations
from desktop.views.settings_page import SettingsPage
from tests.conftest import County, MemoryKeyring, county_in
from tests.db.test_postgres_connection import connection_to, password_role
from tests.postgres_server import Server
from tests.views.dialogs import answer_questions
from tests.views.test_fits_small_screens_gui import SCREENS, assert_fits

TODAY = date(2026, 11, 21)


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions answered Yes; warnings recorded with them."""
    texts = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: texts.append(a[2]))
    return texts


@pytest.fixture
def server_county(postgres_url: str) -> Any:
    db = open_database(postgres_url)
    county_in(db)
    yield db
    # The window's watch for other programs outlives it: it must not poll a server that the
    # end of the run stops.
    timer = operations(db)._watch_timer
    if timer is not None:
        timer.stop()
    db.dispose()


def database_box(qtbot: Any, db: Database) -> DatabaseBox:
    page = SettingsPage(db)
    qtbot.addWidget(page)
    box = page.findChild(DatabaseBox)
    box.page = page  # kept alive as long as the box is looked at
    return box


def fill_in(dialog: ServerConnectionDialog, connection: ServerConnection, password: str) -> None:
    dialog.host.setText(connection.host)
    dialog.port.setValue(connection.port)
    dialog.database.setText(connection.database)
    dialog.user.setText(connection.user)
    dialog.password.setText(password)


def test_settings_say_which_database_the_window_uses(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    box = database_box(qtbot, county.db)
    assert str(county.db.path) in box.in_use.text()
    assert box.in_use.text().startswith("本机数据库文件")
    assert not box.local.isEnabled()  # nothing saved to go back from


def test_a_server_in_use_is_named_without_its_password(qtbot, server_county: Database) -> None:  # type: ignore[no-untyped-def]
    box = database_box(qtbot, server_county)
    text = box.in_use.text()
    assert text.startswith("服务器数据库") and server_county.url.database in text
    assert "***" not in text and "postgresql" not in text and "lianxi@" in text


def test_the_dialog_tests_the_connection_and_saves_it(  # type: ignore[no-untyped-def]
    qtbot,
    county: County,
    postgres_url: str,
    postgres_server: Server,
    memory_keyring: MemoryKeyring,
    config_dir: Path,
) -> None:
    user, password = password_role(postgres_server)
    server = connection_to(postgres_url, user)
    ops = operations(county.db)
    dialog = ServerConnectionDialog(ops)
    qtbot.addWidget(dialog)
    assert dialog.port.value() == 5432

    dialog.test_connection()
    assert dialog.outcome.text() == "请填写服务器地址、数据库名称和用户名。"
    fill_in(dialog, server, "wrong")
    dialog.test_button.click()
    assert ops.tasks.wait()
    qtbot.waitUntil(lambda: "用户名或密码不正确" in dialog.outcome.text())
    dialog.save_button.click()
    assert ops.tasks.wait()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert saved_connection() is None  # a login the server refused is never saved

    dialog.password.setText(password)
    dialog.test_button.click()
    assert ops.tasks.wait()
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("连接成功"))
    assert "结构是最新的" in dialog.outcome.text()
    dialog.save_button.click()
    assert ops.tasks.wait()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    saved = json.loads((config_dir / "database.json").read_text(encoding="utf-8"))
    assert saved["host"] == server.host and saved["user"] == user
    assert password not in json.dumps(saved)
    assert list(memory_keyring.passwords.values()) == [password]


def test_going_back_to_this_pcs_file(  # type: ignore[no-untyped-def]
    qtbot, county: County, memory_keyring: MemoryKeyring, said: list[str]
) -> None:
    save_connection(ServerConnection("db.binhai.gov.cn", "lianxi", "clerk"), "密码")
    box = database_box(qtbot, county.db)
    assert box.saved.text() == "服务器数据库 clerk@db.binhai.gov.cn:5432/lianxi"
    assert box.local.isEnabled()
    assert box.use_local_file()
    assert "钥匙串中的密码" in said[0]
    assert saved_connection() is None and memory_keyring.passwords == {}
    assert box.saved.text() == "无（使用本机数据库文件）"
    assert "重新启动联席后生效" in box.note.text()


needs_tools = pytest.mark.skipif(
    not (shutil.which("pg_dump") and shutil.which("pg_restore")), reason="no pg_dump/pg_restore"
)


@needs_tools
def test_backup_and_restore_on_postgres_from_the_window(  # type: ignore[no-untyped-def]
    qtbot, server_county: Database, data_dir: Path, said: list[str], monkeypatch
) -> None:
    window = MainWindow(server_county, today=TODAY)
    qtbot.addWidget(window)
    backup_actions.backup_now(window)
    assert window.tasks.wait()
    qtbot.waitUntil(lambda: "已备份到" in window.statusBar().currentMessage())
    folder = data_dir / "backups" / f"postgresql-{server_county.url.database}"
    (backup,) = folder.glob("lianxi-*-manual.dump")

    with server_county.unit_of_work() as session:
        register_suggestion(
            session,
            SuggestionInput(Channel.WECHAT, date(2026, 3, 1), "备份之后的建议", Level.COUNTY),
        )
    window.reload()
    page = window.show_page("职工建议")
    assert page.model.total == 1

    offered: list[tuple[str, str]] = []

    def pick(_parent: Any, _title: str, where: str, kinds: str) -> tuple[str, str]:
        offered.append((where, kinds))
        return str(backup), kinds

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    backup_actions.choose_and_restore(window)
    assert offered == [(str(folder), "联席备份 (*.dump)")]
    assert "当前数据会先自动备份" in said[0]
    assert window.tasks.wait()
    qtbot.waitUntil(lambda: "已从备份" in window.statusBar().currentMessage())
    assert page.model.total == 0  # the window shows the restored data
    assert list(folder.glob("lianxi-*-before-restore.dump"))  # what was replaced, kept
    with server_county.reading() as session:
        assert verify_chain(session).ok  # no cut tail to re-anchor by hand
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.action == "backup_restored"
        assert backup.name in last.detail


def test_without_the_tools_the_window_says_what_to_install(  # type: ignore[no-untyped-def]
    qtbot, server_county: Database, said: list[str], monkeypatch, tmp_path: Path
) -> None:
    window = MainWindow(server_county, today=TODAY)
    qtbot.addWidget(window)
    monkeypatch.setenv("PATH", str(tmp_path))
    backup_actions.choose_and_restore(window)
    assert "postgresql-client" in said[0]
    backup_actions.backup_now(window)
    assert window.tasks.wait()
    qtbot.waitUntil(lambda: len(said) == 2)
    assert "找不到 PostgreSQL 的 pg_dump 程序" in said[1]


def test_only_the_office_admin_restores(  # type: ignore[no-untyped-def]
    qtbot, county: County, said: list[str]
) -> None:
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    act_as(county.db.sessions, Actor("小王", Role.CLERK))
    backup_actions.choose_and_restore(window)
    assert "无权从备份恢复数据库" in said[0]


def test_a_saved_server_out_of_reach_at_start_says_the_way_back(  # type: ignore[no-untyped-def]
    qapp, memory_keyring: MemoryKeyring, monkeypatch
) -> None:
    save_connection(ServerConnection("127.0.0.1", "lianxi", "clerk", port=1), "密码")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    assert app.open_checked_database(argparse.Namespace(db=None, db_url=None)) is None
    assert shown[0].startswith("连接不上数据库服务器")
    assert "lianxi db connect --clear" in shown[0]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_dialog_fits_a_small_screen(qtbot, qapp, county: County, language: str) -> None:  # type: ignore[no-untyped-def]
    install_translators(qapp, language)
    try:
        window = MainWindow(county.db, today=TODAY)
        qtbot.addWidget(window)
        window.showNormal()
        window.show_page(window.page_titles()[window.page_keys.index("settings")])
        for screen in SCREENS:
            assert_fits(window, screen, "settings")
        dialog = ServerConnectionDialog(window.ops, window)
        qtbot.addWidget(dialog)
        dialog.show()
        server = "clerk@192.168.1.20:5432/lianxi"
        dialog.outcome.setText(message("connection_empty", {"server": server}))
        for screen in SCREENS:
            assert_fits(dialog, screen, "server connection")
    finally:
        remove_translators(qapp)
        set_language("zh")


def test_the_window_opens_the_saved_server_and_says_when_no_daily_backup(  # type: ignore[no-untyped-def]
    qtbot, server_county: Database, monkeypatch, tmp_path: Path
) -> None:
    """The day's dump of a server database waits for the window (no dump before it paints)
    and a PC without pg_dump is told in the status bar, not by a box every morning."""
    save_connection(connection_to(str(server_county.url.render_as_string(False))), "")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"a box: {a}"))
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump on this PC
    db = app.open_checked_database(argparse.Namespace(db=None, db_url=None))
    assert db is not None
    try:
        assert db.url.database == server_county.url.database
        window = MainWindow(db)
        qtbot.addWidget(window)
        backup_actions.daily_backup(window)
        qtbot.waitUntil(lambda: "pg_dump" in window.statusBar().currentMessage())
        assert "今天没有备份" in window.statusBar().currentMessage()
        assert "找不到 PostgreSQL 的 pg_dump 程序" in window.statusBar().currentMessage()
        window.ops.stop_watching()
    finally:
        db.dispose()


def test_the_days_server_dump_is_written_once_the_window_is_up(  # type: ignore[no-untyped-def]
    qtbot, server_county: Database, data_dir: Path
) -> None:
    if shutil.which("pg_dump") is None:
        pytest.skip("no pg_dump on this machine")
    window = MainWindow(server_county)
    qtbot.addWidget(window)
    backup_actions.daily_backup(window)
    qtbot.waitUntil(
        lambda: "今天的备份已写好" in window.statusBar().currentMessage(), timeout=30_000
    )
    assert list(data_dir.rglob("*-daily.dump"))
    backup_actions.daily_backup(window)  # a second start the same day writes none
    qtbot.waitUntil(lambda: not window.ops.tasks.busy())
    assert len(list(data_dir.rglob("*-daily.dump"))) == 1
    window.ops.stop_watching()
