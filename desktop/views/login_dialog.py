"""Log-in at start, the first admin at first start, and the lock after an idle time.

The account logged in is put on the database's session factory (desktop.core.permissions
.act_as), so every operation of the window acts as it and the core checks its rights.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from desktop.core.accounts import (
    LoginRefused,
    attempt_login,
    create_first_admin,
    idle_lock_minutes,
    login_required,
)
from desktop.core.errors import InvalidInput
from desktop.core.permissions import Actor, act_as, actor_of_sessions
from desktop.db import Database
from desktop.messages import describe, role_label
from desktop.views.operations import Operations, operations


def current_actor(ops: Operations) -> Actor | None:
    """The account the window works as; None in single-user mode."""
    return actor_of_sessions(ops.db.sessions)


class LoginDialog(QDialog):
    """User name and password; a refusal (wrong, locked, disabled) is said under the fields."""

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, locked_by: str = ""
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录") if not locked_by else self.tr("已锁定"))
        self.username = QLineEdit(locked_by)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("密码："), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.accepted.connect(self.log_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if locked_by:
            note = QLabel(self.tr("长时间未操作，窗口已锁定。请重新登录。"))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        (self.password if locked_by else self.username).setFocus()

    def log_in(self) -> None:
        result = self.ops.mutate(
            attempt_login,
            self.username.text(),
            self.password.text(),
            show_in=self.problem.setText,
        )
        self.password.clear()
        if isinstance(result, LoginRefused):
            self.problem.setText(describe(result))
            return
        if isinstance(result, Actor):
            self.actor = result
            act_as(self.ops.db.sessions, result)
            self.accept()


class FirstAdminDialog(QDialog):
    """First start: the office's first account, an admin; or single-user use without log-in."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("设置单位管理员"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.single_user = QCheckBox(self.tr("单人使用，启动时不需登录（单位管理员可随时更改）"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "请建立本单位的第一个账户：单位管理员。之后可在“设置 → 账户管理”中为同事建立账户。"
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("密码："), self.password)
        form.addRow(self.tr("再输入一次："), self.repeat)
        form.addRow("", self.single_user)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("暂不设置"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def create(self) -> None:
        if self.password.text() != self.repeat.text():
            self.problem.setText(describe(InvalidInput("passwords_differ", field="password")))
            return
        single = self.single_user.isChecked()
        account = self.ops.mutate(
            create_first_admin,
            self.username.text(),
            self.password.text(),
            single_user=single,
            show_in=self.problem.setText,
        )
        if account is None:
            return
        act_as(self.ops.db.sessions, None if single else Actor(account.username, account.role))
        self.accept()


def sign_in_at_start(db: Database, *, first_start: bool = False) -> bool:
    """Ask who is working when the office uses accounts; False when the clerk cancelled.

    At the office's first start the first admin is made, single-user use chosen, or the
    question put off (the office then works without accounts until an admin makes one).
    """
    ops = operations(db)
    if first_start and not ops.read(login_required):
        # Declined: the office works without accounts until an admin makes one in Settings.
        FirstAdminDialog(ops).exec()
        return True
    if not ops.read(login_required):
        act_as(db.sessions, None)
        return True
    return LoginDialog(ops).exec() == QDialog.DialogCode.Accepted


class IdleLock(QObject):
    """Locks the window after the idle time set in Settings: log in again to go on. Shows the
    account logged in in the status bar."""

    def __init__(self, window: QWidget, ops: Operations) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.locked = False
        self.dialog: LoginDialog | None = None
        self.account = QLabel()
        if isinstance(window, QMainWindow) and current_actor(ops) is not None:
            window.statusBar().addPermanentWidget(self.account)
            self.show_account()
        minutes = ops.read(idle_lock_minutes)
        if minutes and ops.read(login_required):
            self.timer.setInterval(minutes * 60_000)
            self.timer.start()
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)

    def show_account(self) -> None:
        """Who the window works as, in the status bar (another may log in at a lock)."""
        actor = current_actor(self.ops)
        if actor is None:
            self.account.clear()
            return
        role = role_label(actor.role) if actor.role is not None else ""
        self.account.setText(
            self.tr("当前账户：%1（%2）").replace("%1", actor.username).replace("%2", role)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.locked and self.timer.interval() > 0:
            self.timer.start()
        return False

    def lock(self) -> None:
        """Hide what is shown behind a log-in; the same or another account goes on."""
        actor = current_actor(self.ops)
        self.locked = True
        content = self.window.centralWidget() if isinstance(self.window, QMainWindow) else None
        if content is not None:
            content.hide()
        try:
            self.dialog = LoginDialog(
                self.ops, self.window, locked_by=actor.username if actor else ""
            )
            if self.dialog.exec() != QDialog.DialogCode.Accepted:
                self.window.close()
                return
        finally:
            self.locked = False
            if content is not None:
                content.show()
        self.show_account()
        self.timer.start()


_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)
