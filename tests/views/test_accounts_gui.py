"""Log-in, lock-out, idle lock, account management and the audit viewer in the window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow

from desktop.core.accounts import create_account, create_first_admin, set_idle_lock_minutes
from desktop.core.permissions import ACTOR, Actor, act_as
from desktop.models.enums import Role
from desktop.views.accounts_page import AccountsPage
from desktop.views.audit_page import AuditPage
from desktop.views.login_dialog import (
    FirstAdminDialog,
    IdleLock,
    LoginDialog,
    current_actor,
    sign_in_at_start,
)
from desktop.views.operations import operations
from tests.conftest import County

BOSS = Actor("boss", Role.ADMIN)


def _accounts(county: County) -> None:
    with county.db.unit_of_work() as s:
        create_first_admin(s, "boss", "admin-pass")
        s.info[ACTOR] = BOSS
        create_account(s, "xiao", "clerk-pass", Role.CLERK)


def _type(dialog: LoginDialog, name: str, password: str) -> None:
    dialog.username.setText(name)
    dialog.password.setText(password)
    dialog.log_in()


def test_login_wrong_then_locked_then_right(county: County, qtbot) -> None:  # type: ignore[no-untyped-def]
    _accounts(county)
    ops = operations(county.db)
    dialog = LoginDialog(ops)
    qtbot.addWidget(dialog)
    _type(dialog, "xiao", "wrong")
    assert "再输错 4 次" in dialog.problem.text()
    for _ in range(4):
        _type(dialog, "xiao", "wrong")
    assert "已被锁定" in dialog.problem.text() and "15 分钟" in dialog.problem.text()
    _type(dialog, "xiao", "clerk-pass")
    assert "已被锁定" in dialog.problem.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    _type(dialog, "boss", "admin-pass")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert current_actor(ops) == BOSS
    act_as(county.db.sessions, None)


def test_first_start_makes_the_admin(county: County, qtbot) -> None:  # type: ignore[no-untyped-def]
    ops = operations(county.db)
    dialog = FirstAdminDialog(ops)
    qtbot.addWidget(dialog)
    dialog.username.setText("boss")
    dialog.password.setText("admin-pass")
    dialog.repeat.setText("admin-pas")
    dialog.create()
    assert "不一致" in dialog.problem.text()
    dialog.repeat.setText("admin-pass")
    dialog.create()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert current_actor(ops) == BOSS
    act_as(county.db.sessions, None)


def test_no_accounts_means_no_login(county: County, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert sign_in_at_start(county.db)
    assert current_actor(operations(county.db)) is None


def test_admin_manages_accounts_and_clerk_is_refused(county: County, qtbot) -> None:  # type: ignore[no-untyped-def]
    _accounts(county)
    ops = operations(county.db)
    act_as(county.db.sessions, BOSS)
    try:
        page = AccountsPage(ops)
        qtbot.addWidget(page)
        assert page.table.rowCount() == 2
        page.create("shen", "review-pass", Role.REVIEWER, "沈审核")
        assert page.table.rowCount() == 3
        row = next(i for i, a in enumerate(page.accounts) if a.username == "xiao")
        page.table.selectRow(row)
        page.toggle_active()
        assert page.table.item(row, 3).text() == "停用"
        page.table.selectRow(row)
        page.role.setCurrentIndex(page.role.findData(Role.REVIEWER.value))
        page.change_role()
        assert page.table.item(row, 2).text() == "审核"
        page.set_password("xiao", "fresh-pass-1")
        assert "已重置" in page.status.text()
        act_as(county.db.sessions, Actor("shen", Role.REVIEWER))
        page.create("li", "leader-pass", Role.LEADER)
        assert "无权管理账户" in page.status.text()
        assert page.table.rowCount() == 3
    finally:
        act_as(county.db.sessions, None)


def test_idle_lock_asks_to_log_in_again(county: County, qtbot) -> None:  # type: ignore[no-untyped-def]
    _accounts(county)
    with county.db.unit_of_work() as s:
        s.info[ACTOR] = BOSS
        set_idle_lock_minutes(s, 1)
    ops = operations(county.db)
    act_as(county.db.sessions, Actor("xiao", Role.CLERK))
    try:
        window = QMainWindow()
        window.setCentralWidget(QLabel("工作台"))
        qtbot.addWidget(window)
        lock = IdleLock(window, ops)
        assert lock.timer.isActive() and lock.timer.interval() == 60_000
        assert lock.account.text() == "当前账户：xiao（录入）"
        seen: list[str] = []

        def answer() -> None:
            assert lock.dialog is not None
            seen.append(lock.dialog.username.text())
            assert window.centralWidget().isHidden()
            _type(lock.dialog, "boss", "admin-pass")  # another account takes over

        QTimer.singleShot(0, answer)
        lock.timer.timeout.emit()
        assert seen == ["xiao"]
        assert lock.account.text() == "当前账户：boss（单位管理员）"
        assert not window.centralWidget().isHidden()
        assert lock.timer.isActive()
    finally:
        act_as(county.db.sessions, None)


def test_audit_viewer_filters_and_checks(county: County, qtbot) -> None:  # type: ignore[no-untyped-def]
    _accounts(county)
    page = AuditPage(operations(county.db))
    qtbot.addWidget(page)
    assert page.table.rowCount() > 0
    page.person.setCurrentIndex(page.person.findData("boss"))
    page.kind.setCurrentIndex(page.kind.findData("user_account"))
    page.reload()
    assert page.table.rowCount() >= 1
    assert all(page.table.item(r, 2).text() == "boss" for r in range(page.table.rowCount()))
    page.check_chain()
    assert "哈希链无误" in page.status.text()


def test_audit_viewer_names_a_deleted_tail(county: County, qtbot) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    _accounts(county)
    page = AuditPage(operations(county.db))
    qtbot.addWidget(page)
    newest = page.table.item(0, 0).text()
    assert county.db.path is not None
    county.db.dispose()
    with sqlite3.connect(county.db.path) as connection:
        connection.execute("DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)")
    page.check_chain()
    assert "末尾被删除" in page.status.text()
    assert f"第 {newest} 条" in page.status.text()
