"""Settings (设置): this office's identity, the database in use and where the data lives."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.office import local_office
from desktop.db import Database
from desktop.paths import data_dir
from desktop.views.labels import cell_text


class SettingsPage(QWidget):
    title = "设置"

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        with db.unit_of_work() as session:
            office = local_office(session)
        form = QFormLayout()
        for label, value in (
            (self.tr("本单位"), office.name),
            (self.tr("层级"), cell_text(office.level)),
            (self.tr("上级单位"), office.parent_name or ""),
            (self.tr("发文字号前缀"), office.doc_prefix),
            (self.tr("单位标识"), office.uuid),
            (self.tr("数据库"), db.display_name()),
            (self.tr("数据文件夹"), str(data_dir())),
        ):
            field = QLabel(value)
            field.setTextInteractionFlags(
                field.textInteractionFlags() | field.textInteractionFlags().TextSelectableByMouse
            )
            form.addRow(label + "：", field)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('设置')}</h2>"))
        layout.addLayout(form)
        layout.addStretch(1)
