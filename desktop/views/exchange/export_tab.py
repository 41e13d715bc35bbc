"""导出到U盘: pick the recipients and a removable drive (or any folder), write, say when to unplug."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.core.changes import Changes
from desktop.core.kinds import EXCHANGE
from desktop.db import Database
from desktop.messages import describe, kind_label
from desktop.sync import RemovableDrive, list_removable_drives
from desktop.sync.exchange import Written, default_recipients, export_packages, peers
from desktop.views import ui_state
from desktop.views.exchange.texts import joined, size_text
from desktop.views.labels import fill
from desktop.views.operations import operations
from desktop.views.tasks import TaskRunner

PATH_ROLE = Qt.ItemDataRole.UserRole


class ExportTab(QWidget):
    exported = Signal()

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        find_drives: Callable[[], list[RemovableDrive]] = list_removable_drives,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.tasks, self.find_drives = db, tasks, find_drives
        self.recipients = QListWidget()
        self.drives = QListWidget()
        for listing in (self.recipients, self.drives):
            listing.setMaximumHeight(220)
        refresh = QPushButton(self.tr("刷新U盘列表"))
        refresh.clicked.connect(self.refresh_drives)
        folder = QPushButton(self.tr("选择其他文件夹…"))
        folder.clicked.connect(self.choose_folder)
        self.export_button = QPushButton(self.tr("导出数据包"))
        self.export_button.clicked.connect(self.export)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        who = QGroupBox(self.tr("发送给"))
        QVBoxLayout(who).addWidget(self.recipients)
        where = QGroupBox(self.tr("保存到"))
        where_layout = QVBoxLayout(where)
        where_layout.addWidget(self.drives)
        buttons = QHBoxLayout()
        buttons.addWidget(refresh)
        buttons.addWidget(folder)
        buttons.addStretch(1)
        where_layout.addLayout(buttons)
        hint = QLabel(
            self.tr(
                "数据包包含对方上次确认收到以后本单位新增和修改的全部记录及附件。"
                "写入后程序会重新读出核对，提示“可以拔出U盘”后再拔出。"
            )
        )
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(who, 1)
        top.addWidget(where, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(top)
        action = QHBoxLayout()
        action.addWidget(self.export_button)
        action.addStretch(1)
        layout.addLayout(action)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        self.recipients.clear()
        every, chosen = operations(self.db).read(
            lambda session: (peers(session), set(default_recipients(session)))
        )
        known = [p for p in every if p.trusted and not p.revoked]
        for peer in known:
            role = self.tr("上级") if peer.is_parent else self.tr("下级")
            item = QListWidgetItem(fill(self.tr("%1（%2）"), peer.name, role), self.recipients)
            item.setData(PATH_ROLE, peer.uuid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if peer.uuid in chosen else Qt.CheckState.Unchecked
            )
        if not known:
            self.result.setText(
                self.tr("还没有可以发送的对方单位：请先在“密钥与对方单位”中导入对方的设置文件。")
            )
        self.refresh_drives()

    def refresh_drives(self) -> None:
        self.drives.clear()
        for drive in self.find_drives():
            text = fill(
                self.tr("U盘 %1（%2，可用 %3）"),
                drive.label or drive.path.name,
                str(drive.path),
                size_text(drive.free_bytes),
            )
            item = QListWidgetItem(text, self.drives)
            item.setData(PATH_ROLE, str(drive.path))
        if self.drives.count():
            self.drives.setCurrentRow(0)
        else:
            QListWidgetItem(self.tr("未发现U盘，请插入U盘后刷新，或选择其他文件夹。"), self.drives)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择保存数据包的文件夹"), ui_state.last_folder()
        )
        if folder:
            self.add_folder(Path(folder))

    def add_folder(self, folder: Path) -> None:
        ui_state.remember_folder(folder)
        item = QListWidgetItem(fill(self.tr("文件夹 %1"), str(folder)), self.drives)
        item.setData(PATH_ROLE, str(folder))
        self.drives.setCurrentItem(item)

    def chosen_recipients(self) -> list[str]:
        items = (self.recipients.item(i) for i in range(self.recipients.count()))
        return [i.data(PATH_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def chosen_folder(self) -> Path | None:
        item = self.drives.currentItem()
        path = item.data(PATH_ROLE) if item is not None else None
        return Path(path) if path else None

    def export(self) -> None:
        recipients, folder = self.chosen_recipients(), self.chosen_folder()
        if not recipients:
            self.result.setText(self.tr("请勾选至少一个发送对象。"))
            return
        if folder is None:
            self.result.setText(self.tr("请选择U盘或文件夹。"))
            return
        db = self.db
        self.export_button.setEnabled(False)
        self.tasks.run(
            lambda _p, _c: export_packages(db, folder, recipients),
            on_done=self._done,
            on_error=self._failed,
            label=self.tr("正在写入数据包…"),
            parent=self,
        )

    def _done(self, written: list[Written]) -> None:
        operations(self.db).announce(Changes.of(EXCHANGE))  # sent records, the log
        if not isValid(self):
            return
        self.export_button.setEnabled(True)
        lines = []
        for w in written:
            if w.path is None:
                lines.append(fill(self.tr("%1：没有需要发送的内容。"), escape(w.peer_name)))
                continue
            counts = joined([f"{kind_label(k)} {n}" for k, n in sorted(w.counts.items())])
            counts = counts or self.tr("仅回执")
            line = fill(
                self.tr("%1：已写入 %2（%3）"), escape(w.peer_name), escape(str(w.path)), counts
            )
            if w.rewritten:
                line += self.tr("——上次未写成的数据包，原样重新写出")
            lines.append(line)
        if any(w.path is not None for w in written):
            lines.append("<b>" + self.tr("已核对无误，可以拔出U盘。") + "</b>")
        self.result.setText("<br>".join(lines))
        self.exported.emit()

    def _failed(self, exc: Exception) -> None:
        operations(self.db).announce(Changes.of(EXCHANGE))  # what was written is logged
        if not isValid(self):
            return
        self.export_button.setEnabled(True)
        text = describe(exc)
        self.result.setText(
            fill(self.tr("导出失败：%1 已生成的数据包会保留，下次导出时原样重新写出。"), text)
        )
