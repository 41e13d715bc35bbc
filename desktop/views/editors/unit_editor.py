"""Unit directory editor: name, kind, level, parent (a tree: never its own ancestor), contacts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core import units as core
from desktop.core.errors import InvalidInput
from desktop.core.unit_merge import merge_units
from desktop.db import Database
from desktop.models.enums import Level, UnitKind
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.choices import enum_combo, select
from desktop.views.editors.registry import editor_for
from desktop.views.form import text_box
from desktop.views.labels import fill
from desktop.views.unit_picker import UnitPicker, ask_for_unit, unit_choices


@editor_for("unit")
class UnitEditor(RecordEditor):
    def __init__(
        self, db: Database, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, record_id, parent)
        self.setWindowTitle(self.tr("单位"))
        f = self.form
        self.name = f.add("name", self.tr("名称"), QLineEdit())
        self.short_name = f.add("short_name", self.tr("简称"), QLineEdit())
        self.unit_kind = f.add("kind", self.tr("类别"), enum_combo(UnitKind))
        self.level = f.add("level", self.tr("层级"), enum_combo(Level, Level.COUNTY))
        self.parent_unit = f.add("parent_id", self.tr("上级单位"), UnitPicker(db))
        self.contact = f.add("contact_person", self.tr("联系人"), QLineEdit())
        self.phone = f.add("contact_phone", self.tr("联系电话"), QLineEdit())
        self.address = f.add("address", self.tr("地址"), QLineEdit())
        self.members = f.add("member_count", self.tr("会员人数"), QSpinBox(maximum=10_000_000))
        self.note = f.add("note", self.tr("备注"), text_box(60))
        self.watch(
            self.name,
            self.short_name,
            self.unit_kind,
            self.level,
            self.parent_unit,
            self.contact,
            self.phone,
            self.address,
            self.members,
            self.note,
        )
        self.merge_button = QPushButton(self.tr("合并到其他单位…"))
        self.merge_button.setToolTip(
            self.tr("同一单位录入了两次时：本单位的全部记录转到保留的单位，本单位从名录中停用")
        )
        self.merge_button.setEnabled(record_id is not None)
        self.merge_button.clicked.connect(self.merge_into_other)
        self.print_row.addWidget(self.merge_button)
        self.print_row.addStretch(1)
        if record_id is not None:
            self.set_dto(self.reload_dto())

    def merge_into_other(self) -> bool:
        """合并重复单位: this unit's records move to the unit kept; this one is retired."""
        if self.record_id is None:
            return False
        kept = ask_for_unit(
            self,
            self.db,
            self.tr("合并重复单位"),
            fill(
                self.tr("把“%1”合并到哪个单位？请选择保留的单位（名录中已有的同一单位）。"),
                self.name.text(),
            ),
        )
        if kept is None or kept is False:
            return False
        kept_label = next(label for i, label, _ in unit_choices(self.db) if i == kept)
        answer = QMessageBox.question(
            self,
            self.tr("合并重复单位"),
            fill(
                self.tr(
                    "将“%1”合并到“%2”：它的会议、事项、建制等记录全部转到“%2”，"
                    "“%1”从名录中停用。合并会随数据包发给对方单位。确定合并吗？"
                ),
                self.name.text(),
                kept_label,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        done = self.attempt(merge_units, self.record_id, kept)
        if done is None:
            return False
        self.changed.emit()
        self.dirty = False
        self.accept()
        return True

    def load(self, dto: core.UnitDTO) -> None:
        self.name.setText(dto.name)
        self.short_name.setText(dto.short_name)
        select(self.unit_kind, dto.kind)
        select(self.level, dto.level)
        self.parent_unit.set_unit_id(dto.parent_id)
        self.contact.setText(dto.contact_person)
        self.phone.setText(dto.contact_phone)
        self.address.setText(dto.address)
        self.members.setValue(dto.member_count or 0)
        self.note.setPlainText(dto.note)
        self.dirty = False

    def store(self, session: Any) -> core.UnitDTO:
        if self.parent_unit.has_unknown_text():
            raise InvalidInput("unit_required", field="parent_id")
        data = core.UnitInput(
            name=self.name.text(),
            kind=self.unit_kind.currentData(),
            level=self.level.currentData(),
            parent_id=self.parent_unit.unit_id(),
            short_name=self.short_name.text(),
            contact_person=self.contact.text(),
            contact_phone=self.phone.text(),
            address=self.address.text(),
            member_count=self.members.value() or None,
            note=self.note.toPlainText(),
        )
        if self.record_id is None:
            return core.create_unit(session, data)
        return core.update_unit(session, self.record_id, data)

    def reload_dto(self) -> core.UnitDTO:
        return self.read(core.get_unit, self.record_id)

    def perform(self, action: str) -> Any:
        raise KeyError(action)
