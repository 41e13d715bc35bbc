"""Establishment (建制) editor: established with its founding document, or why not and by when."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox, QSpinBox, QWidget

from desktop.core import establishments as core
from desktop.core.errors import InvalidInput
from desktop.db import Database
from desktop.models.enums import Level
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.choices import enum_combo, select
from desktop.views.editors.registry import editor_for
from desktop.views.form import date_edit, from_qdate, text_box, to_qdate
from desktop.views.unit_picker import UnitPicker


@editor_for("establishment")
class EstablishmentEditor(RecordEditor):
    def __init__(
        self, db: Database, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, record_id, parent)
        self.setWindowTitle(self.tr("建制情况"))
        f = self.form
        self.union = f.add("union_unit_id", self.tr("工会"), UnitPicker(db))
        self.partner_unit = f.add("partner_unit_id", self.tr("对方单位（名录）"), UnitPicker(db))
        self.partner = f.add("partner_name", self.tr("对方单位名称"), QLineEdit())
        self.level = f.add("level", self.tr("层级"), enum_combo(Level, Level.TOWNSHIP))
        self.established = f.add(
            "established", self.tr("已建制"), QCheckBox(self.tr("已建立联席会议制度"))
        )
        self.established_on = f.add("established_on", self.tr("建制日期"), date_edit())
        self.document_title = f.add("document_title", self.tr("建制文件"), QLineEdit())
        self.document_number = f.add("document_number", self.tr("文号"), QLineEdit())
        self.per_year = f.add(
            "meetings_per_year", self.tr("每年应召开次数（0 按层级默认）"), QSpinBox(maximum=52)
        )
        self.reason = f.add("reason_not_established", self.tr("未建制原因"), text_box(60))
        self.deadline = f.add("establish_deadline", self.tr("限期建制日期"), date_edit())
        self.established.toggled.connect(self._toggle)
        self.partner_unit.unit_changed.connect(
            lambda uid: (
                uid is not None
                and not self.partner.text()
                and self.partner.setText(self.partner_unit.text())
            )
        )
        self.watch(
            self.union,
            self.partner_unit,
            self.partner,
            self.level,
            self.established,
            self.established_on,
            self.document_title,
            self.document_number,
            self.per_year,
            self.reason,
            self.deadline,
        )
        self._toggle(False)
        if record_id is not None:
            self.set_dto(self.reload_dto())

    def _toggle(self, established: bool) -> None:
        for w in (self.established_on, self.document_title, self.document_number):
            w.setEnabled(established)
        for w in (self.reason, self.deadline):
            w.setEnabled(not established)

    def load(self, dto: core.EstablishmentDTO) -> None:
        self.union.set_unit_id(dto.union_unit_id)
        self.partner_unit.set_unit_id(dto.partner_unit_id)
        self.partner.setText(dto.partner_name)
        select(self.level, dto.level)
        self.established.setChecked(dto.established)
        if dto.established_on:
            self.established_on.setDate(to_qdate(dto.established_on))
        self.document_title.setText(dto.document_title)
        self.document_number.setText(dto.document_number)
        self.per_year.setValue(dto.meetings_per_year)
        self.reason.setPlainText(dto.reason_not_established)
        if dto.establish_deadline:
            self.deadline.setDate(to_qdate(dto.establish_deadline))
        self.dirty = False

    def store(self, session: Any) -> core.EstablishmentDTO:
        union = self.union.unit_id()
        if union is None:
            raise InvalidInput("unit_required", field="union_unit_id")
        established = self.established.isChecked()
        data = core.EstablishmentInput(
            union_unit_id=union,
            partner_name=self.partner.text(),
            level=self.level.currentData(),
            partner_unit_id=self.partner_unit.unit_id(),
            established=established,
            established_on=from_qdate(self.established_on.date()) if established else None,
            document_title=self.document_title.text(),
            document_number=self.document_number.text(),
            meetings_per_year=self.per_year.value() or None,
            reason_not_established=self.reason.toPlainText(),
            establish_deadline=None if established else from_qdate(self.deadline.date()),
        )
        if self.record_id is None:
            return core.create_establishment(session, data)
        return core.update_establishment(session, self.record_id, data)

    def save(self) -> bool:
        """As every editor saves; a pair that already has a record offers to open that one."""
        if super().save():
            return True
        refusal = self.ops.last_refusal
        if isinstance(refusal, core.DuplicateEstablishment):
            answer = QMessageBox.question(
                self,
                self.tr("已有建制记录"),
                self.tr(
                    "这一对单位已经有一条建制记录（编号 %1）。放弃这里的填写，打开那一条吗？"
                ).replace("%1", str(refusal.existing_id)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.set_dto(self.read(core.get_establishment, refusal.existing_id))
        return False

    def reload_dto(self) -> core.EstablishmentDTO:
        return self.read(core.get_establishment, self.record_id)

    def perform(self, action: str) -> Any:
        raise KeyError(action)
