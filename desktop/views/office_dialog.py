"""First start: set up this office (name, level, parent, document-number prefix)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import DomainError, InvalidInput
from desktop.core.office import create_local_office
from desktop.db import Database
from desktop.messages import message
from desktop.models.enums import Level
from desktop.views.labels import cell_text


class OfficeDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("设置本单位"))
        self.name = QLineEdit(placeholderText=self.tr("如 滨海县总工会"))
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(cell_text(level), level)
        self.level.setCurrentIndex(list(Level).index(Level.COUNTY))
        self.parent_name = QLineEdit(placeholderText=self.tr("如 盐城市总工会"))
        self.prefix = QLineEdit(placeholderText=self.tr("如 滨工联"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        form = QFormLayout()
        form.addRow(self.tr("单位名称："), self.name)
        form.addRow(self.tr("层级："), self.level)
        form.addRow(self.tr("上级单位："), self.parent_name)
        form.addRow(self.tr("发文字号前缀："), self.prefix)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("欢迎使用联席。请先设置本单位的信息。")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            with self._db.unit_of_work() as session:
                create_local_office(
                    session,
                    name=self.name.text(),
                    level=self.level.currentData(),
                    parent_name=self.parent_name.text(),
                    doc_prefix=self.prefix.text(),
                )
        except InvalidInput as exc:
            self.error.setText(message(exc.code, exc.fields))
            {"name": self.name, "doc_prefix": self.prefix}.get(exc.field, self.name).setFocus()
            return
        except DomainError as exc:
            self.error.setText(message(exc.code, exc.fields))
            return
        super().accept()
