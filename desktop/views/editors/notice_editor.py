"""Supervision documents: issue a reminder, supervision notice or rectification order; record results."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from desktop.core import documents
from desktop.core import supervision as core
from desktop.core.errors import InvalidInput
from desktop.db import Database
from desktop.models.enums import NoticeKind
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.choices import enum_combo, select
from desktop.views.editors.registry import editor_for
from desktop.views.form import OptionalDate, date_edit, from_qdate, text_box, to_qdate
from desktop.views.labels import fill, status_text, with_note
from desktop.views.unit_picker import UnitPicker
from desktop.views.voiding import update_void_button, void_button, void_shown, voided_number

ITEM_ROLE = Qt.ItemDataRole.UserRole


@editor_for("notice")
class NoticeEditor(RecordEditor):
    def __init__(
        self,
        db: Database,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        target_unit_id: int | None = None,
        item_ids: tuple[int, ...] = (),
        issued_on: date | None = None,
    ) -> None:
        super().__init__(db, record_id, parent)
        self.setWindowTitle(self.tr("督办文书"))
        f = self.form
        self.notice_kind = f.add(
            "kind", self.tr("文书类别"), enum_combo(NoticeKind, NoticeKind.REMINDER)
        )
        self.number = f.add(
            "number",
            self.tr("文号"),
            QLineEdit(readOnly=True, placeholderText=self.tr("印发时自动编号")),
        )
        self.target = f.add("target_unit_id", self.tr("督办对象"), UnitPicker(db))
        self.items = f.add("item_ids", self.tr("督办事项（勾选）"), QListWidget())
        self.issued_on = f.add("issued_on", self.tr("印发日期"), date_edit(issued_on))
        self.requirements = f.add("requirements", self.tr("督办要求"), text_box(60))
        self.feedback_deadline = f.add(
            "feedback_deadline",
            self.tr("反馈时限"),
            OptionalDate(date.today() + timedelta(days=14)),
        )
        self.problem = f.add("problem", self.tr("存在问题（整改通知）"), text_box(50))
        self.rectify_deadline = f.add(
            "rectify_deadline",
            self.tr("整改时限（整改通知）"),
            OptionalDate(date.today() + timedelta(days=30)),
        )
        self.result = f.add("result", self.tr("整改结果"), text_box(50))
        self.target.unit_changed.connect(self._load_open_items)
        self.add_print_button(self.tr("打印文书"), documents.notice_doc)
        self.void_button = void_button(db, issued=False, voided=False)
        self.void_button.clicked.connect(lambda: self.void())
        self.print_row.addWidget(self.void_button)
        self.watch(self.notice_kind, self.target, self.requirements, self.problem, self.result)
        self.items.itemChanged.connect(self._mark_dirty)  # an item ticked or unticked
        if record_id is not None:
            self.set_dto(self.reload_dto())
        else:
            self.result.setEnabled(False)
            self.target.set_unit_id(target_unit_id)
            for i in range(self.items.count()):
                entry = self.items.item(i)
                if entry.data(ITEM_ROLE) in item_ids:
                    entry.setCheckState(Qt.CheckState.Checked)
            self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("印发"))
            self.dirty = False  # what the window proposed is not the clerk's typing

    def _load_open_items(self, unit_id: int | None) -> None:
        self.items.clear()
        if unit_id is None:
            return
        for item in self.read(core.supervisable_items, unit_id):
            deadline = item.deadline.isoformat() if item.deadline else self.tr("未定")
            entry = QListWidgetItem(fill(self.tr("%1（时限 %2）"), item.text, deadline))
            entry.setData(ITEM_ROLE, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(entry)

    def checked_items(self) -> tuple[int, ...]:
        return tuple(
            int(self.items.item(i).data(ITEM_ROLE))
            for i in range(self.items.count())
            if self.items.item(i).checkState() == Qt.CheckState.Checked
        )

    def load(self, dto: core.NoticeDTO) -> None:
        select(self.notice_kind, dto.kind)
        self.number.setText(voided_number(dto.number, dto.voided))
        self.target.set_unit_id(dto.target_unit_id)
        self.items.clear()
        for item in self.read(core.notice_items, dto.id):
            self.items.addItem(QListWidgetItem(with_note(item.text, status_text(item.status))))
        self.issued_on.setDate(to_qdate(dto.issued_on))
        self.requirements.setPlainText(dto.requirements)
        self.feedback_deadline.set_value(dto.feedback_deadline)
        self.problem.setPlainText(dto.problem)
        self.rectify_deadline.set_value(dto.rectify_deadline)
        self.result.setPlainText(dto.result)
        # An issued document is not edited; only a rectification order's result is recorded.
        for w in (
            self.notice_kind,
            self.target,
            self.items,
            self.issued_on,
            self.requirements,
            self.feedback_deadline,
            self.problem,
            self.rectify_deadline,
        ):
            w.setEnabled(False)
        # A voided notice is kept as it was: nothing more is recorded on it.
        is_rectification = dto.kind == NoticeKind.RECTIFICATION and dto.voided is None
        self.result.setEnabled(is_rectification)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("保存整改结果"))
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(is_rectification)
        update_void_button(self.void_button, self.db, issued=True, voided=dto.voided is not None)
        self.dirty = False

    def void(self, reason: str | None = None) -> bool:
        """作废…: void this notice for a reason (asked for when not given)."""
        return void_shown(self, reason)

    def store(self, session: Any) -> core.NoticeDTO:
        if self.record_id is not None:
            return core.record_rectification_result(
                session, self.record_id, self.result.toPlainText()
            )
        target = self.target.unit_id()
        if target is None:
            raise InvalidInput("unit_required", field="target_unit_id")
        kind = self.notice_kind.currentData()
        rectification = kind == NoticeKind.RECTIFICATION
        return core.issue_notice(
            session,
            core.NoticeInput(
                kind=kind,
                target_unit_id=target,
                item_ids=self.checked_items(),
                issued_on=from_qdate(self.issued_on.date()) or date.today(),
                requirements=self.requirements.toPlainText(),
                feedback_deadline=self.feedback_deadline.value(),
                problem=self.problem.toPlainText() if rectification else "",
                rectify_deadline=self.rectify_deadline.value() if rectification else None,
            ),
        )

    def reload_dto(self) -> core.NoticeDTO:
        return self.read(core.get_notice, self.record_id)

    def perform(self, action: str) -> Any:
        raise KeyError(action)
