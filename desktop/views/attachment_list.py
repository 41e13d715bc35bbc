"""A record's attachments: add by drag and drop or a file chooser, open, save back out, remove."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core import attachments as core
from desktop.core.errors import DomainError
from desktop.db import Database
from desktop.messages import describe
from desktop.views import ui_state
from desktop.views.labels import with_note
from desktop.views.operations import operations

ID_ROLE = Qt.ItemDataRole.UserRole


def _remove(session: Session, ids: list[int]) -> None:
    for attachment_id in ids:
        core.remove_attachment(session, attachment_id)


class AttachmentList(QWidget):
    def __init__(self, db: Database, owner_kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ops = operations(db)
        self.owner_kind = owner_kind
        self.owner_uuid: str | None = None
        self.setAcceptDrops(True)
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        self.list.itemDoubleClicked.connect(lambda item: self.open(int(item.data(ID_ROLE))))
        add = QPushButton(self.tr("添加附件…"))
        save = QPushButton(self.tr("另存为…"))
        remove = QPushButton(self.tr("移除"))
        add.clicked.connect(self.choose_files)
        save.clicked.connect(self.save_selected)
        remove.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (add, save, remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("附件（可把文件拖到这里）：")))
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.setEnabled(False)

    def set_owner(self, owner_uuid: str) -> None:
        self.owner_uuid = owner_uuid
        self.setEnabled(True)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        if self.owner_uuid is None:
            return
        found = self.ops.read(core.list_attachments, self.owner_uuid)
        for a in found:
            item = QListWidgetItem(with_note(a.filename, f"{a.size // 1024 + 1} KB"))
            item.setData(ID_ROLE, a.id)
            self.list.addItem(item)

    def add_files(self, paths: list[Path]) -> int:
        """Attach files; each in its own transaction, a refusal named for the file."""
        added = 0
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError as exc:
                QMessageBox.warning(
                    self, path.name, self.tr("无法读取文件：%1").replace("%1", describe(exc))
                )
                continue
            stored = self.ops.mutate(
                core.add_attachment,
                owner_kind=self.owner_kind,
                owner_uuid=self.owner_uuid or "",
                filename=path.name,
                data=data,
                parent=self,  # a refusal (too large, a bad name) is shown over the list
            )
            added += stored is not None
        self.reload()
        return added

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("添加附件"), ui_state.last_folder())
        if names:
            ui_state.remember_folder(Path(names[0]).parent)
            self.add_files([Path(n) for n in names])

    def _read(self, attachment_id: int) -> tuple[core.AttachmentDTO, bytes] | None:
        try:
            return self.ops.read(core.read_attachment, attachment_id)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("附件"), describe(exc))
            return None

    def save_to(self, attachment_id: int, target: Path) -> bool:
        found = self._read(attachment_id)
        if found is None:
            return False
        target.write_bytes(found[1])
        return True

    def save_selected(self) -> None:
        for item in self.list.selectedItems():
            found = self._read(int(item.data(ID_ROLE)))
            if found is None:
                continue
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("另存附件"), str(Path(ui_state.last_folder()) / found[0].filename)
            )
            if name:
                ui_state.remember_folder(Path(name).parent)
                Path(name).write_bytes(found[1])

    def open(self, attachment_id: int) -> None:
        found = self._read(attachment_id)
        if found is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="lianxi-"))
        path = folder / found[0].filename
        path.write_bytes(found[1])
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        ids = [int(item.data(ID_ROLE)) for item in self.list.selectedItems()]
        if ids:
            self.ops.mutate(_remove, ids, parent=self)
        self.reload()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.owner_uuid is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files([p for p in paths if p.is_file()])
        event.acceptProposedAction()
