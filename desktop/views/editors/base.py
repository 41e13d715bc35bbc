"""What every editor shares: one transaction per action, errors beside fields, unsaved prompts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from desktop.core.document_dto import Document
from desktop.core.errors import DomainError
from desktop.core.snapshots import snapshot
from desktop.db import Database
from desktop.messages import kind_label
from desktop.views.attachment_list import AttachmentList
from desktop.views.document_preview import DocumentPreview, preview
from desktop.views.form import AskDialog, Form
from desktop.views.undo import EditCommand, undo_actions
from desktop.views.workflow_bar import WorkflowBar


class RecordEditor(QDialog):
    """A dialog over one record. Subclasses build the form and implement load/save/actions."""

    changed = Signal()  # the database changed: lists and counts should refresh

    kind = ""
    machine: str | None = None
    actions: tuple[str, ...] = ()

    def __init__(
        self, db: Database, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        # The window's stack when opened from it, so Ctrl+Z there undoes edits made here too.
        stack = getattr(parent, "undo_stack", None)
        self.undo_stack: QUndoStack = stack if isinstance(stack, QUndoStack) else QUndoStack(self)
        undo_actions(self.undo_stack, self)
        self.record_id = record_id
        self.dto: Any = None
        self.dirty = False
        self.form = Form()
        self.workflow = WorkflowBar(self.machine, self.actions) if self.machine else None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        self.attachments = AttachmentList(db, self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(self.body)
        layout.addWidget(self.attachments)
        if self.workflow is not None:
            layout.addWidget(self.workflow)
            self.workflow.triggered.connect(self.on_action)
        self.print_row = QHBoxLayout()
        self.print_buttons: list[QPushButton] = []
        layout.addLayout(self.print_row)
        layout.addWidget(self.form.banner)
        layout.addWidget(self.buttons)
        self.resize(720, 560)

    def add_print_button(
        self, label: str, source: Callable[[Session, int], Document]
    ) -> QPushButton:
        """A button that previews an official document of this record (usable once saved)."""
        button = QPushButton(label)
        button.setEnabled(self.record_id is not None)
        button.clicked.connect(lambda: self.print_document(label, source))
        self.print_row.addWidget(button)
        self.print_buttons.append(button)
        return button

    def print_document(
        self, title: str, source: Callable[[Session, int], Document]
    ) -> DocumentPreview | None:
        record_id = self.record_id
        if record_id is None:
            return None
        return preview(self.db, lambda session: source(session, record_id), title, self)

    # building blocks for subclasses
    def watch(self, *widgets: QWidget) -> None:
        """Edits in these widgets make the record unsaved."""
        for w in widgets:
            if isinstance(w, QLineEdit):
                w.textEdited.connect(self._mark_dirty)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self._mark_dirty)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self._mark_dirty)
            elif isinstance(w, QDateEdit):
                w.dateChanged.connect(self._mark_dirty)
            elif isinstance(w, QCheckBox):
                w.toggled.connect(self._mark_dirty)
            elif isinstance(w, QSpinBox):
                w.valueChanged.connect(self._mark_dirty)

    def _mark_dirty(self, *_args: Any) -> None:
        self.dirty = True

    def attempt(
        self, fn: Callable[..., Any], *args: Any, form: Form | None = None, **kwargs: Any
    ) -> Any:
        """Run one core call in its own transaction; a refusal is shown and None returned."""
        target = form or self.form
        try:
            with self.db.unit_of_work() as session:
                result = fn(session, *args, **kwargs)
        except DomainError as exc:
            target.show_error(exc)
            return None
        target.clear_errors()
        return result

    def ask(
        self,
        title: str,
        fields: list[tuple[str, str, QWidget]],
        call: Callable[[dict[str, Any]], Callable[[Any], Any]],
    ) -> Any:
        """Ask for a step's inputs and run it; the dialog stays open until core accepts them."""
        dialog = AskDialog(title, fields, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            result = self.attempt(call(values), form=dialog.form)
            if result is not None:
                return result
        return None

    def set_dto(self, dto: Any) -> None:
        self.dto = dto
        self.record_id = dto.id
        self.dirty = False
        self.load(dto)
        self.attachments.set_owner(dto.uuid)
        for button in self.print_buttons:
            button.setEnabled(True)
        if self.workflow is not None:
            self.workflow.update_state(getattr(dto, "status", None))

    def save(self) -> bool:
        before = self._snapshot()
        dto = self.attempt(self.store)
        if dto is None:
            return False
        self.set_dto(dto)
        after = self._snapshot()
        if before is not None and after is not None and before != after:
            title = getattr(dto, "name", None) or getattr(dto, "title", None) or f"#{dto.id}"
            self.undo_stack.push(
                EditCommand(
                    self.db,
                    self.kind,
                    dto.id,
                    before,
                    after,
                    self.tr("修改%1“%2”")
                    .replace("%1", kind_label(self.kind))
                    .replace("%2", str(title)),
                    self._refresh_if_open,
                )
            )
        self.changed.emit()
        return True

    def _snapshot(self) -> dict[str, Any] | None:
        if self.record_id is None:
            return None
        with self.db.unit_of_work() as session:
            return snapshot(session, self.kind, self.record_id)

    def _refresh_if_open(self) -> None:
        # An undo from the main window may come after this dialog was closed and deleted.
        if isValid(self) and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Show the record as the database has it now (after an undo or redo)."""
        if self.record_id is not None:
            self.set_dto(self.reload_dto())
        self.changed.emit()

    def on_action(self, action: str) -> None:
        if self.dirty and not self.save():
            return
        result = self.perform(action)
        if result is not None:
            self.set_dto(self.reload_dto())
            self.changed.emit()

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("未保存的修改"),
                self.tr("有未保存的修改。要保存吗？"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()

    # to implement
    def load(self, dto: Any) -> None:
        raise NotImplementedError

    def store(self, session: Any) -> Any:
        """Create or update the record from the form; returns its DTO."""
        raise NotImplementedError

    def reload_dto(self) -> Any:
        raise NotImplementedError

    def perform(self, action: str) -> Any:
        """Run a workflow action (asking for its inputs); None when cancelled or refused."""
        raise NotImplementedError
