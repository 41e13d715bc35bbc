"""导入数据包: pick packages, see what each would do per record kind, then confirm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.db import Database
from desktop.messages import current_language, describe, kind_label
from desktop.sync.apply import OUTCOMES
from desktop.sync.exchange import changes_of_import, import_files, preview_files
from desktop.sync.importer import ImportResult
from desktop.views import ui_state
from desktop.views.exchange.texts import OUTCOME_LABELS, result_text, tr
from desktop.views.labels import fill
from desktop.views.operations import operations
from desktop.views.tasks import TaskRunner


class ImportTab(QWidget):
    imported = Signal()

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.tasks = db, tasks
        self.files: list[Path] = []
        # The clerk accepted a peer's new start after its restore (重新同步) for these files.
        self.accept_restart = False
        choose = QPushButton(self.tr("选择数据包…"))
        choose.clicked.connect(self.choose_files)
        self.confirm_button = QPushButton(self.tr("确认导入"))
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("数据包与记录类别"), *(tr(OUTCOME_LABELS[o]) for o in OUTCOMES)]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(OUTCOMES) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(
            self.tr(
                "可以一次选择多个数据包。先预览每个数据包将新增、更新哪些记录，确认后"
                "自动备份数据库，再在一个事务中全部导入；出错时数据库保持原样。"
            )
        )
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择数据包"),
            ui_state.last_folder(),
            self.tr("联席数据包 (*.lxpkg);;所有文件 (*)"),
        )
        if names:
            ui_state.remember_folder(Path(names[0]).parent)
            self.preview([Path(n) for n in names])

    def preview(self, files: list[Path]) -> None:
        if files != self.files:
            self.accept_restart = False
        self.files = files
        self.confirm_button.setEnabled(False)
        db, accept = self.db, self.accept_restart
        self.tasks.run(
            lambda _p, _c: preview_files(db, files, accept_restart=accept),
            on_done=lambda results: self._show(results, preview=True),
            on_error=self._failed,
            label=self.tr("正在检查数据包…"),
            parent=self,
        )

    def confirm(self) -> None:
        files, db, accept = self.files, self.db, self.accept_restart
        self.confirm_button.setEnabled(False)
        self.tasks.run(
            lambda _p, _c: import_files(db, files, accept_restart=accept),
            on_done=self._imported,
            on_error=self._failed,
            label=self.tr("正在导入数据包…"),
            parent=self,
        )

    def _imported(self, outcome: tuple[list[ImportResult], Path | None]) -> None:
        if not isValid(self):
            return
        results, backup = outcome
        self._show(results, preview=False)
        self.files = []
        applied = sum(r.result == "applied" for r in results)
        note = fill(self.tr("导入完成：%1 个数据包已导入。"), applied)
        if backup is not None:
            note += fill(self.tr("导入前的备份：%1"), str(backup))
        self.status.setText(note)
        # Every page showing what arrived refreshes, as after any other action.
        operations(self.db).announce(changes_of_import(results))
        self.imported.emit()

    def _show(self, results: list[ImportResult], *, preview: bool) -> None:
        if not isValid(self):
            return
        self.tree.clear()
        for r in results:
            title = fill(self.tr("%1 第 %2 号"), r.sender, r.sequence) if r.sender else r.file_name
            top = QTreeWidgetItem([fill(self.tr("%1：%2"), title, result_text(r.result, preview))])
            if r.sender:
                top.addChild(QTreeWidgetItem([fill(self.tr("文件：%1"), r.file_name)]))
            if r.message:
                top.addChild(QTreeWidgetItem([r.message_in(current_language())]))
            for kind, counts in sorted(r.counts.items()):
                cells = [kind_label(kind), *(str(counts.get(o, 0) or "") for o in OUTCOMES)]
                top.addChild(QTreeWidgetItem(cells))
            for problem in r.problems:
                top.addChild(QTreeWidgetItem([problem]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if preview and self._accepts_restart(results):
            self.preview(self.files)  # again, accepting the new start
            return
        if preview:
            usable = any(r.result in ("applied", "held") for r in results)
            self.confirm_button.setEnabled(usable)
            self.status.setText(
                self.tr("以上是预览，数据库尚未改动。确认无误后点“确认导入”。")
                if usable
                else self.tr("没有可以导入的数据包。")
            )

    def _accepts_restart(self, results: list[ImportResult]) -> bool:
        """A peer that restored a backup starts its numbering again: applied only once the
        clerk, having checked with the peer by phone, accepts the resync."""
        restarting = [r for r in results if r.code == "restart_unconfirmed"]
        if self.accept_restart or not restarting:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("重新同步"),
            fill(
                self.tr(
                    "%1 的数据包重新从第 1 号开始编号：对方恢复过备份，要求重新同步。"
                    "请先与对方电话核对。接受后双方互相补发对方缺少的记录，两边改得不一样的"
                    "记录列入“冲突处理”由您决定，不会丢失数据。接受重新同步吗？"
                ),
                restarting[0].sender,
            ),
        )
        self.accept_restart = answer == QMessageBox.StandardButton.Yes
        return self.accept_restart

    def _failed(self, exc: Exception) -> None:
        if isValid(self):
            self.status.setText(fill(self.tr("导入失败，数据库保持原样：%1"), describe(exc)))
            self.confirm_button.setEnabled(bool(self.files))
