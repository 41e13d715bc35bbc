"""密钥与对方单位: our fingerprint and setup file, trusting a peer's setup file, revoking a key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.office import local_office
from desktop.db import Database
from desktop.messages import describe
from desktop.sync import PublicOffice, import_setup_file
from desktop.sync.errors import SyncError
from desktop.sync.exchange import peers, request_resync
from desktop.sync.trust import (
    local_keys,
    revoke_office,
    rotate_keys,
    setup_file,
    trust_office,
)
from desktop.views import ui_state
from desktop.views.labels import fill, with_colon
from desktop.views.operations import operations
from desktop.views.unit_picker import ask_for_unit, unit_choices

ID_ROLE = Qt.ItemDataRole.UserRole


def _resync(session: Session, office_id: int) -> str:
    uuid = next((p.uuid for p in peers(session) if p.id == office_id), "")
    return request_resync(session, uuid).name


def _revoke(session: Session, office_id: int) -> str:
    office = revoke_office(session, office_id)
    return office.name if office is not None else ""


class KeysTab(QWidget):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ops = operations(db)
        me = self.ops.read(local_keys)
        self.fingerprint = me.keys.fingerprint
        mine = QGroupBox(self.tr("本单位"))
        form = QFormLayout(mine)
        shown = QLabel(f"<b>{self.fingerprint}</b>")
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shown_fingerprint = shown
        form.addRow(with_colon(self.tr("单位")), QLabel(me.name))
        form.addRow(with_colon(self.tr("密钥指纹")), shown)
        setup = QPushButton(self.tr("导出本单位设置文件…"))
        setup.clicked.connect(self.choose_setup_target)
        self.rotate_button = QPushButton(self.tr("更换本单位密钥…"))
        self.rotate_button.setToolTip(
            self.tr(
                "备份外泄或经办人调离时：换用新密钥，随后的数据包告知对方，对方回执后旧密钥作废"
            )
        )
        self.rotate_button.clicked.connect(self.rotate)
        setup_row = QHBoxLayout()
        setup_row.addWidget(setup)
        setup_row.addWidget(self.rotate_button)
        setup_row.addStretch(1)
        form.addRow("", setup_row)
        form.addRow(
            "",
            QLabel(
                self.tr(
                    "把设置文件交给对方，并通过电话念出指纹；对方导入时核对指纹一致后才会信任。"
                )
            ),
        )
        others = QGroupBox(self.tr("对方单位"))
        olayout = QVBoxLayout(others)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("单位"), self.tr("状态"), self.tr("密钥指纹")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        olayout.addWidget(self.table)
        trust = QPushButton(self.tr("导入对方设置文件…"))
        trust.clicked.connect(self.choose_setup_file)
        self.revoke_button = QPushButton(self.tr("吊销所选单位的密钥"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.resync_button = QPushButton(self.tr("与所选单位重新同步…"))
        self.resync_button.setToolTip(
            self.tr("本单位恢复备份后：数据包重新从第 1 号编号，双方互相补发对方缺少的记录")
        )
        self.resync_button.clicked.connect(self.resync_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(trust)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.resync_button)
        buttons.addStretch(1)
        olayout.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(mine)
        layout.addWidget(others, 1)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        known = self.ops.read(peers)
        self.table.setRowCount(len(known))
        for r, p in enumerate(known):
            if p.revoked:
                state = self.tr("已吊销")
            elif p.trusted:
                state = self.tr("已信任（上级）") if p.is_parent else self.tr("已信任")
            else:
                state = self.tr("未信任")
            for c, text in enumerate((p.name, state, p.fingerprint)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, p.id)
                self.table.setItem(r, c, item)

    def choose_setup_target(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出本单位设置文件"),
            str(Path(ui_state.last_folder()) / self.tr("本单位设置文件.json")),
            self.tr("设置文件 (*.json)"),
        )
        if name:
            self.write_setup_file(Path(name))

    def write_setup_file(self, path: Path) -> None:
        data = self.ops.read(setup_file)
        try:
            path.write_bytes(data)
        except OSError as exc:
            self.status.setText(fill(self.tr("无法写入 %1：%2"), str(path), describe(exc)))
            return
        ui_state.remember_folder(path.parent)
        self.status.setText(
            fill(self.tr("已写入 %1。请电话告知对方指纹：%2"), str(path), self.fingerprint)
        )

    def choose_setup_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入对方设置文件"), ui_state.last_folder(), self.tr("设置文件 (*.json)")
        )
        if not name:
            return
        spoken, ok = QInputDialog.getText(
            self, self.tr("核对指纹"), self.tr("请输入对方电话告知的密钥指纹：")
        )
        if ok:
            self.trust_file(Path(name), spoken)

    def trust_file(self, path: Path, spoken_fingerprint: str) -> bool:
        try:
            raw = path.read_bytes()
            public = import_setup_file(raw, expected_fingerprint=spoken_fingerprint)
        except OSError as exc:
            self.status.setText(fill(self.tr("无法读取 %1：%2"), str(path), describe(exc)))
            return False
        except SyncError as exc:
            self.status.setText(describe(exc))
            return False
        entry = self.directory_entry(public)
        if entry is False:
            return False
        name = self.ops.mutate(
            lambda s: trust_office(s, public, unit_id=entry).name, show_in=self.status.setText
        )
        if name is None:
            return False
        self.status.setText(fill(self.tr("已信任 %1。"), name))
        self.reload()
        self.changed.emit()
        return True

    def directory_entry(self, public: PublicOffice) -> int | bool | None:
        """The unit in our directory that is the office being trusted (the county picks its
        entry 八滩镇工会 for the township): its records will count for that entry. None: not
        in the directory (its own entry arrives with its first package); False: cancelled.
        Our parent needs no choice: its entry comes with its directory."""
        if self.ops.read(lambda s: local_office(s).parent_name) == public.name:
            return None
        same = [i for i, label, _ in unit_choices(self.db) if label == public.name]
        return ask_for_unit(
            self,
            self.db,
            self.tr("对方在本单位名录中的条目"),
            fill(
                self.tr(
                    "请在本单位名录中选出“%1”对应的单位（如下级乡镇工会）。对方导入的会议、"
                    "事项将计入该单位，本单位交给该单位的事项也会发给对方。名录中没有时可留空。"
                ),
                public.name,
            ),
            chosen=same[0] if len(same) == 1 else None,
        )

    def revoke_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            self.status.setText(self.tr("请先选择一个对方单位。"))
            return
        answer = QMessageBox.question(
            self,
            self.tr("吊销密钥"),
            fill(self.tr("吊销后将拒收 %1 用此密钥签名的数据包。确定吊销吗？"), item.text()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke(int(item.data(ID_ROLE)))

    def rotate(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("更换本单位密钥"),
            self.tr(
                "换用新的签名和加密密钥。之后导出的数据包仍用旧密钥签名，并告知各对方单位新密钥；"
                "对方导入后即信任新密钥，回执到达后旧密钥作废。请把新指纹电话告知对方。"
                "现在更换吗？"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        new = self.ops.mutate(rotate_keys, show_in=self.status.setText)
        if new is None:
            return False
        self.fingerprint = new
        self.shown_fingerprint.setText(f"<b>{new}</b>")
        self.status.setText(
            fill(self.tr("已更换本单位密钥。新指纹：%1。请导出数据包交给各对方单位。"), new)
        )
        self.changed.emit()
        return True

    def resync_selected(self) -> bool:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            self.status.setText(self.tr("请先选择一个对方单位。"))
            return False
        answer = QMessageBox.question(
            self,
            self.tr("重新同步"),
            fill(
                self.tr(
                    "本单位恢复过备份后，%1 会拒收本单位的数据包。重新同步：本单位给 %1 的"
                    "数据包重新从第 1 号编号，并带上对方应有的全部记录；对方导入时确认后，"
                    "也会补发本单位缺少的记录。请先电话告知对方。现在重新同步吗？"
                ),
                item.text(),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        name = self.ops.mutate(_resync, int(item.data(ID_ROLE)), show_in=self.status.setText)
        if name is None:
            return False
        self.status.setText(
            fill(self.tr("已准备与 %1 重新同步。请在“导出”中导出数据包交给对方。"), name)
        )
        self.changed.emit()
        return True

    def revoke(self, office_id: int) -> None:
        name = self.ops.mutate(_revoke, office_id, show_in=self.status.setText)
        if name is None:
            return
        self.status.setText(fill(self.tr("已吊销 %1 的密钥。"), name))
        self.reload()
        self.changed.emit()
