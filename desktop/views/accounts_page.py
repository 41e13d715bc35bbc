"""账户管理 for the office admin: create, disable, reset, role; single-user mode; idle lock.

The page is reached from Settings (`AccountsBox`); the core refuses anyone but the admin,
so a clerk who opens it sees the refusal rather than a hidden button.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.accounts import (
    Account,
    create_account,
    idle_lock_minutes,
    list_accounts,
    reset_password,
    set_active,
    set_idle_lock_minutes,
    set_role,
    set_single_user_mode,
    single_user_mode,
)
from desktop.core.errors import InvalidInput
from desktop.messages import describe, role_label
from desktop.models.enums import Role
from desktop.views.labels import QT_TRANSLATE_NOOP
from desktop.views.operations import Operations


class AccountForm(QDialog):
    """A new account (name, display name, role, password) or a new password for one."""

    def __init__(self, parent: QWidget, *, username: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("重置密码") if username else self.tr("新建账户"))
        self.username = QLineEdit(username)
        self.username.setReadOnly(bool(username))
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.CLERK.value))
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.username)
        if not username:
            form.addRow(self.tr("姓名："), self.display_name)
            form.addRow(self.tr("角色："), self.role)
        form.addRow(self.tr("密码："), self.password)
        form.addRow(self.tr("再输入一次："), self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def check(self) -> None:
        if self.password.text() != self.repeat.text():
            self.problem.setText(describe(InvalidInput("passwords_differ", field="password")))
            return
        self.accept()


class AccountsPage(QWidget):
    """The office's accounts in a table, with the admin's actions under it."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("AccountsPage", "用户名"),
        QT_TRANSLATE_NOOP("AccountsPage", "姓名"),
        QT_TRANSLATE_NOOP("AccountsPage", "角色"),
        QT_TRANSLATE_NOOP("AccountsPage", "状态"),
    )

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.accounts: list[Account] = []
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status = QLabel()
        self.status.setWordWrap(True)
        actions = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新建账户…"))
        self.new_button.clicked.connect(self.new_account)
        self.toggle_button = QPushButton(self.tr("停用/启用"))
        self.toggle_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton(self.tr("重置密码…"))
        self.reset_button.clicked.connect(self.reset)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.role_button = QPushButton(self.tr("改为此角色"))
        self.role_button.clicked.connect(self.change_role)
        for widget in (
            self.new_button,
            self.toggle_button,
            self.reset_button,
            self.role,
            self.role_button,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)
        self.single_user = QCheckBox(self.tr("单人模式（启动时不需登录）"))
        self.idle = QSpinBox(minimum=0, maximum=24 * 60)
        self.idle.setSuffix(self.tr(" 分钟"))
        self.idle.setSpecialValueText(self.tr("不锁定"))
        save = QPushButton(self.tr("保存"))
        save.clicked.connect(self.save_modes)
        modes = QGroupBox(self.tr("登录与锁定"))
        mform = QFormLayout(modes)
        mform.addRow("", self.single_user)
        mform.addRow(self.tr("无操作后锁定窗口："), self.idle)
        mform.addRow("", save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(modes)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        self.accounts = self.ops.read(list_accounts)
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            state = self.tr("启用") if account.active else self.tr("停用")
            for column, text in enumerate(
                (account.username, account.display_name, role_label(account.role), state)
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.single_user.setChecked(self.ops.read(single_user_mode))
        self.idle.setValue(self.ops.read(idle_lock_minutes))

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status.setText(self.tr("请先选择一个账户。"))
            return None
        return self.accounts[rows[0].row()]

    def _done(self, result: object, text: str) -> None:
        if result is not None:
            self.status.setText(text)
            self.reload()

    def new_account(self) -> None:
        form = AccountForm(self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        self.create(
            form.username.text(),
            form.password.text(),
            Role(form.role.currentData()),
            form.display_name.text(),
        )

    def create(self, username: str, password: str, role: Role, display_name: str = "") -> None:
        result = self.ops.mutate(
            create_account, username, password, role, display_name, show_in=self.status.setText
        )
        self._done(result, self.tr("已建立账户 %1。").replace("%1", username))

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        result = self.ops.mutate(
            set_active, account.username, not account.active, show_in=self.status.setText
        )
        self._done(result, self.tr("已更改账户 %1 的状态。").replace("%1", account.username))

    def reset(self) -> None:
        account = self.selected()
        if account is None:
            return
        form = AccountForm(self, username=account.username)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        self.set_password(account.username, form.password.text())

    def set_password(self, username: str, password: str) -> None:
        result = self.ops.mutate(reset_password, username, password, show_in=self.status.setText)
        self._done(result, self.tr("已重置 %1 的密码，锁定已解除。").replace("%1", username))

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        role = Role(self.role.currentData())
        result = self.ops.mutate(set_role, account.username, role, show_in=self.status.setText)
        self._done(result, self.tr("已更改账户 %1 的角色。").replace("%1", account.username))

    def save_modes(self) -> None:
        def save(session: Session) -> bool:
            set_single_user_mode(session, self.single_user.isChecked())
            set_idle_lock_minutes(session, self.idle.value())
            return True

        self._done(self.ops.mutate(save, show_in=self.status.setText), self.tr("已保存。"))


class AccountsDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("账户管理"))
        self.page = AccountsPage(ops, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        self.resize(640, 480)


class AccountsBox(QGroupBox):
    """The Settings entry: 账户管理 and 操作记录."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("账户与操作记录"), parent)
        self.ops = ops
        accounts = QPushButton(self.tr("账户管理…"))
        accounts.clicked.connect(self.open_accounts)
        audit = QPushButton(self.tr("操作记录…"))
        audit.clicked.connect(self.open_audit)
        row = QHBoxLayout(self)
        row.addWidget(accounts)
        row.addWidget(audit)
        row.addStretch(1)

    def open_accounts(self) -> None:
        AccountsDialog(self.ops, self.window()).exec()

    def open_audit(self) -> None:
        from desktop.views.audit_page import AuditDialog

        AuditDialog(self.ops, self.window()).exec()
