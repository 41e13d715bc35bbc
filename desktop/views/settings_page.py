"""Settings (设置): this office, the database, supervision thresholds and holiday tables."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError
from desktop.core.kinds import SETTINGS
from desktop.core.office import local_office
from desktop.core.settings import (
    SupervisionSettings,
    save_supervision_settings,
    supervision_settings,
)
from desktop.core.workdays import import_holidays, parse_holiday_table
from desktop.db import Database
from desktop.messages import current_language, describe, field_label
from desktop.paths import data_dir
from desktop.views import ui_state
from desktop.views.accounts_page import AccountsBox
from desktop.views.connection_dialog import DatabaseBox
from desktop.views.font_roles import FontRolesBox
from desktop.views.labels import QT_TRANSLATE_NOOP, cell_text, first_upper, with_colon
from desktop.views.operations import operations
from desktop.views.page import Page


def _save_supervision(session: Session, values: SupervisionSettings) -> bool:
    save_supervision_settings(session, values)
    return True  # saved (mutate returns None for a refusal)


class SettingsPage(QWidget, Page):
    shows = frozenset({SETTINGS, "holiday"})
    title = QT_TRANSLATE_NOOP("SettingsPage", "设置")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ops = operations(db)
        office = self.ops.read(local_office)
        current = self.ops.read(supervision_settings)
        identity = QGroupBox(self.tr("本单位与数据"))
        form = QFormLayout(identity)
        for label, value in (
            (self.tr("本单位"), office.name),
            (self.tr("层级"), cell_text(office.level)),
            (self.tr("上级单位"), office.parent_name or ""),
            (self.tr("发文字号前缀"), office.doc_prefix),
            (self.tr("单位标识"), office.uuid),
            (self.tr("数据文件夹"), str(data_dir())),
        ):
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(with_colon(label), field)

        supervision = QGroupBox(self.tr("督办灯与通报"))
        sform = QFormLayout(supervision)
        self.thresholds: dict[str, QSpinBox] = {}
        for f in fields(SupervisionSettings):
            spin = QSpinBox(maximum=365, value=getattr(current, f.name))
            self.thresholds[f.name] = spin
            sform.addRow(with_colon(first_upper(field_label(f.name))), spin)
        save = QPushButton(self.tr("保存督办设置"))
        save.clicked.connect(self.save_thresholds)
        sform.addRow("", save)

        calendar = QGroupBox(self.tr("节假日"))
        cform = QVBoxLayout(calendar)
        explanation = QLabel(
            self.tr(
                "程序内置国务院公布的节假日和调休安排；以后年度的节假日表由上级工会随数据交换包"
                "自动送达，也可在此导入（每行：日期,休 或 日期,班）。未覆盖的年度暂按周末推算。"
            )
        )
        explanation.setWordWrap(True)  # long in English: wrapped, it never widens the window
        cform.addWidget(explanation)
        load = QPushButton(self.tr("导入节假日表…"))
        load.clicked.connect(self.choose_holiday_file)
        cform.addWidget(load)

        interface = QGroupBox(self.tr("界面语言"))
        lform = QFormLayout(interface)
        self.language = QComboBox()
        for code, name in ui_state.LANGUAGE_NAMES.items():  # each language named in itself
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ui_state.language())))
        self.language.currentIndexChanged.connect(self.choose_language)
        self.language_note = QLabel()
        lform.addRow(with_colon(self.tr("界面语言")), self.language)
        lform.addRow("", self.language_note)

        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("设置") + "</h2>"))
        boxes = (
            identity,
            DatabaseBox(self.ops),
            supervision,
            calendar,
            FontRolesBox(self.ops),
            interface,
            AccountsBox(self.ops),
        )
        for box in boxes:
            layout.addWidget(box)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def save_thresholds(self) -> bool:
        values = SupervisionSettings(**{k: s.value() for k, s in self.thresholds.items()})
        saved = self.ops.mutate(
            _save_supervision, values, show_in=lambda text: self.status.setText(first_upper(text))
        )
        if saved is None:
            return False
        self.status.setText(self.tr("督办设置已保存。"))
        return True

    def choose_language(self) -> None:
        """Remember the choice; the interface changes language when LianXi starts again."""
        code = str(self.language.currentData())
        ui_state.remember_language(code)
        self.language_note.setText(
            "" if code == current_language() else self.tr("重新启动联席后，界面将使用所选语言。")
        )

    def import_holiday_file(self, path: Path) -> int | None:
        try:
            rows = parse_holiday_table(path.read_text(encoding="utf-8"))
        except DomainError as exc:
            self.status.setText(describe(exc))
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.status.setText(self.tr("无法读取文件：%1").replace("%1", describe(exc)))
            return None
        count = self.ops.mutate(import_holidays, rows, path.name, show_in=self.status.setText)
        if count is None:
            return None
        self.status.setText(self.tr("已导入 %1 天的节假日安排。").replace("%1", str(count)))
        return count

    def choose_holiday_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入节假日表"), ui_state.last_folder(), self.tr("文本文件 (*.csv *.txt)")
        )
        if name:
            ui_state.remember_folder(Path(name).parent)
            if self.import_holiday_file(Path(name)) is None:
                QMessageBox.warning(self, self.tr("导入失败"), self.status.text())
