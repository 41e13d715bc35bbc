"""数据库连接 in Settings: which database the window uses, and the dialog that points this PC at
the county's PostgreSQL server (the connection is kept by desktop.db.connection, its password
only in the OS keyring; it takes effect when LianXi starts again)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import DomainError
from desktop.db import DatabaseError
from desktop.db.connection import (
    DEFAULT_PORT,
    ServerConnection,
    check_connection,
    clear_connection,
    save_connection,
    saved_connection,
)
from desktop.messages import describe, message
from desktop.views.labels import fill, with_colon
from desktop.views.operations import FAILURES, Operations

# What the check may say and still allow saving: the server answered as a LianXi database
# (an empty one is given its tables at the next start, an older one upgraded).
CONNECTED = frozenset({"connection_ready", "connection_empty", "connection_behind"})
log = logging.getLogger(__name__)


class ServerConnectionDialog(QDialog):
    """连接服务器数据库: host, port, database, user and password; 测试连接 opens the database
    and reads its schema revision, 保存 does the same and keeps the connection if it works."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.saved: ServerConnection | None = None
        self.setWindowTitle(self.tr("连接服务器数据库"))
        intro = QLabel(
            self.tr(
                "全县的联席数据放在 PostgreSQL 服务器上时，在这里填写服务器管理员提供的连接信息。"
                "密码保存在系统钥匙串中，不写入任何文件。保存后重新启动联席生效。"
            )
        )
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.port = QSpinBox(minimum=1, maximum=65535, value=DEFAULT_PORT)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        saved = saved_connection()
        if saved is not None:
            self.host.setText(saved.host)
            self.port.setValue(saved.port)
            self.database.setText(saved.database)
            self.user.setText(saved.user)
        form = QFormLayout()
        form.addRow(with_colon(self.tr("服务器地址")), self.host)
        form.addRow(with_colon(self.tr("端口")), self.port)
        form.addRow(with_colon(self.tr("数据库名称")), self.database)
        form.addRow(with_colon(self.tr("用户名")), self.user)
        form.addRow(with_colon(self.tr("密码")), self.password)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # 测试连接 stands apart, on the left: it is not one of the ways to close the dialog.
        self.test_button = QPushButton(self.tr("测试连接"))
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.setMinimumWidth(460)

    def connection(self) -> ServerConnection | None:
        """The connection typed, or None (and a word why) when a field is left empty."""
        host, database, user = (w.text().strip() for w in (self.host, self.database, self.user))
        if not (host and database and user):
            self.outcome.setText(self.tr("请填写服务器地址、数据库名称和用户名。"))
            return None
        return ServerConnection(host, database, user, self.port.value())

    def test_connection(self) -> None:
        """Try the connection off the GUI thread and say what was found."""
        self._check(lambda _code, _connection, _password: None)

    def save(self) -> None:
        """Try the connection; once the server has answered, keep it (password to the keyring)
        and close. A connection that does not work is not saved: LianXi would not start."""

        def keep(code: str, connection: ServerConnection, password: str) -> None:
            if code not in CONNECTED:
                return
            try:
                self.saved = save_connection(connection, password)
            except DatabaseError as exc:
                self.outcome.setText(describe(exc))
                return
            self.accept()

        self._check(keep)

    def _check(self, then: Callable[[str, ServerConnection, str], None]) -> None:
        """Check what is typed now; `then(code, connection, password)` with what was checked
        (a field edited meanwhile is not what the server answered for)."""
        connection = self.connection()
        if connection is None:
            return
        password = self.password.text()
        place = connection.display()
        self.outcome.setText(self.tr("正在连接 %1 …").replace("%1", place))
        self._set_busy(True)

        def done(code: str) -> None:
            self._set_busy(False)
            self.outcome.setText(message(code, {"server": place}))
            then(code, connection, password)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            if not isinstance(exc, FAILURES):
                log.error("connection check failed", exc_info=exc)
            self.outcome.setText(describe(exc))
            then("", connection, password)

        self.ops.tasks.run(
            lambda _progress, _cancelled: check_connection(connection, password),
            on_done=done,
            on_error=failed,
            label=self.tr("正在连接服务器…"),
            parent=self,
        )

    def _set_busy(self, busy: bool) -> None:
        for button in (self.test_button, self.save_button):
            button.setEnabled(not busy)


class DatabaseBox(QGroupBox):
    """数据库连接: what the window uses now, what is saved for the next start, and the
    buttons that change it."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("数据库连接"), parent)
        self.ops = ops
        db = ops.db
        in_use = (
            fill(self.tr("本机数据库文件 %1"), db.path)
            if db.path is not None
            else fill(self.tr("服务器数据库 %1"), db.display_name())
        )
        self.in_use = QLabel(in_use)
        self.saved = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()  # until there is something to say: no empty line in the box
        for label in (self.in_use, self.saved):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        connect = QPushButton(self.tr("连接服务器数据库…"))
        connect.clicked.connect(self.choose_server)
        self.local = QPushButton(self.tr("改回本机数据库"))
        self.local.clicked.connect(self.use_local_file)
        buttons = QHBoxLayout()
        buttons.addWidget(connect)
        buttons.addWidget(self.local)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(with_colon(self.tr("正在使用")), self.in_use)
        form.addRow(with_colon(self.tr("保存的连接")), self.saved)
        form.addRow("", buttons)
        form.addRow("", self.note)
        self.show_saved()

    def show_saved(self) -> None:
        saved = saved_connection()
        self.saved.setText(
            fill(self.tr("服务器数据库 %1"), saved.display())
            if saved is not None
            else self.tr("无（使用本机数据库文件）")
        )
        self.local.setEnabled(saved is not None)

    def say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def choose_server(self) -> bool:
        dialog = ServerConnectionDialog(self.ops, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.show_saved()
        self.say(self.tr("已保存。重新启动联席后生效。"))
        return True

    def use_local_file(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("改回本机数据库"),
            self.tr("删除保存的服务器连接（连同钥匙串中的密码），以后使用本机数据库文件？"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            clear_connection()
        except (DomainError, OSError) as exc:
            self.say(describe(exc))
            return False
        self.show_saved()
        self.say(self.tr("已改回本机数据库。重新启动联席后生效。"))
        return True
