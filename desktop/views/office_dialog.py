"""First start: set up this office, or explore a demo county built in the background."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.office import create_local_office
from desktop.db import Database
from desktop.messages import describe
from desktop.models.enums import Level
from desktop.views.labels import cell_text, first_upper
from desktop.views.operations import operations
from desktop.views.tasks import TaskRunner


class OfficeDialog(QDialog):
    """Accepted with `demo_path` None (the office was set up) or the demo database's path."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, demo_path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._demo_target = demo_path
        self.demo_path: Path | None = None
        self.tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("欢迎使用联席"))
        self.name = QLineEdit(placeholderText=self.tr("如 滨海县总工会"))
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(cell_text(level), level)
        self.level.setCurrentIndex(list(Level).index(Level.COUNTY))
        self.parent_name = QLineEdit(placeholderText=self.tr("如 盐城市总工会"))
        self.prefix = QLineEdit(placeholderText=self.tr("如 滨工联"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        setup = QGroupBox(self.tr("设置本单位"))
        form = QFormLayout(setup)
        form.addRow(self.tr("单位名称："), self.name)
        form.addRow(self.tr("层级："), self.level)
        form.addRow(self.tr("上级单位："), self.parent_name)
        form.addRow(self.tr("发文字号前缀："), self.prefix)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        demo = QGroupBox(self.tr("先看看"))
        demo_box = QVBoxLayout(demo)
        demo_box.addWidget(
            QLabel(
                self.tr(
                    "打开一个演示县（约 25 个乡镇街道、800 家企业工会、三年的会议和督办记录），"
                    "数据另存一处，不影响本单位的数据库。"
                )
            )
        )
        self.demo_button = QPushButton(self.tr("浏览演示县"))
        self.demo_button.clicked.connect(self.build_demo)
        demo_box.addWidget(self.demo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("欢迎使用联席。请先设置本单位的信息，或先浏览一个演示县。"))
        )
        layout.addWidget(setup)
        layout.addWidget(demo)

    def accept(self) -> None:
        office = operations(self._db).mutate(
            create_local_office,
            name=self.name.text(),
            level=self.level.currentData(),
            parent_name=self.parent_name.text(),
            doc_prefix=self.prefix.text(),
            parent_entry=True,
            show_in=lambda text: self.error.setText(first_upper(text)),
        )
        if office is None:
            self.name.setFocus()
            return
        super().accept()

    def build_demo(self) -> None:
        """Build the demo county off the GUI thread; the runner shows progress and cancel."""
        target = self._demo_target or Path(self._db.path or "lianxi.db").with_name("demo.db")
        self.demo_button.setEnabled(False)

        def job(progress: Any, cancelled: Any) -> Path:
            from desktop.demo.database import demo_database

            demo_database(
                target,
                scale="county",
                seed=1,
                years=3,
                today=date.today(),
                progress=progress,
                cancelled=cancelled,
            )
            return target

        self.tasks.run(
            job,
            on_done=self._demo_ready,
            on_error=self._demo_failed,
            label=self.tr("正在建立演示县…"),
            parent=self,
        )

    def _demo_ready(self, path: Path) -> None:
        self.demo_path = path
        super().accept()

    def _demo_failed(self, exc: Exception) -> None:
        self.demo_button.setEnabled(True)
        self.error.setText(describe(exc))
