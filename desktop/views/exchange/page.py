"""数据交换: the page that holds the export, import, log, conflict and key tabs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.core.kinds import EXCHANGE, SETTINGS
from desktop.db import Database
from desktop.sync import RemovableDrive, list_removable_drives
from desktop.views.exchange.conflicts_tab import ConflictsTab
from desktop.views.exchange.export_tab import ExportTab
from desktop.views.exchange.import_tab import ImportTab
from desktop.views.exchange.keys_tab import KeysTab
from desktop.views.exchange.log_tab import LogTab
from desktop.views.labels import QT_TRANSLATE_NOOP, with_note
from desktop.views.page import Page
from desktop.views.tasks import TaskRunner


class ExchangePage(QWidget, Page):
    title = QT_TRANSLATE_NOOP("ExchangePage", "数据交换")
    # The log, conflicts and peers (offices are settings; trusting one also says EXCHANGE).
    shows = frozenset({EXCHANGE, SETTINGS})
    # Records arrived or were decided: the window reloads its lists and counts.
    changed = Signal()

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        find_drives: Callable[[], list[RemovableDrive]] = list_removable_drives,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.export_tab = ExportTab(db, tasks, find_drives)
        self.import_tab = ImportTab(db, tasks)
        self.log_tab = LogTab(db)
        self.conflicts_tab = ConflictsTab(db)
        self.keys_tab = KeysTab(db)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.export_tab, self.tr("导出到U盘"))
        self.tabs.addTab(self.import_tab, self.tr("导入数据包"))
        self.tabs.addTab(self.log_tab, self.tr("交换记录"))
        self.tabs.addTab(self.conflicts_tab, self.tr("冲突处理"))
        self.tabs.addTab(self.keys_tab, self.tr("密钥与对方单位"))
        self.export_tab.exported.connect(self.log_tab.reload)
        self.import_tab.imported.connect(self._after_import)
        self.conflicts_tab.resolved.connect(self._after_conflict)
        self.keys_tab.changed.connect(self.export_tab.reload)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('数据交换')}</h2>"))
        layout.addWidget(self.tabs, 1)
        self._label_conflicts()

    def reload(self) -> None:
        self.log_tab.reload()
        self.conflicts_tab.reload()
        self.keys_tab.reload()
        self._label_conflicts()

    def nav_count(self) -> int | None:
        return self.conflicts_tab.total or None

    def _after_import(self) -> None:
        self.log_tab.reload()
        self.conflicts_tab.reload()
        self._label_conflicts()
        self.changed.emit()

    def _after_conflict(self) -> None:
        self._label_conflicts()
        self.changed.emit()

    def _label_conflicts(self) -> None:
        index = self.tabs.indexOf(self.conflicts_tab)
        count = self.conflicts_tab.total
        title = self.tr("冲突处理")
        self.tabs.setTabText(index, with_note(title, count) if count else title)

    def wait(self) -> None:
        """Tests wait for the background export or import."""
        self.export_tab.tasks.wait()
        QCoreApplication.processEvents()
