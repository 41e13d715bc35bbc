"""What every editor shares: one transaction per action, errors beside fields, unsaved prompts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.concurrency import EditedElsewhere, version_of
from desktop.core.concurrency import kept_by as keeper_of
from desktop.core.document_dto import Document
from desktop.db import Database
from desktop.views.attachment_list import AttachmentList
from desktop.views.document_preview import DocumentPreview, preview_record
from desktop.views.fit import fit_to_screen, scrolling
from desktop.views.form import AskDialog, Form, OptionalDate
from desktop.views.operations import operations
from desktop.views.undo import undo_actions
from desktop.views.workflow_bar import WorkflowBar

# What the lead unit's office does to an item its parent keeps (desktop.sync.authority's
# RESPONSIBLE_ACTIONS): everything else on such an item is the owner's.
LEAD_UNIT_STEPS = frozenset({"report_progress", "request_extension", "complete"})


# An editor opens this tall at least, taller when its record needs (up to the screen).
EDITOR_HEIGHT = 640


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
        self.ops = operations(db)
        # The database's one stack, so Ctrl+Z in the window undoes edits made here too.
        self.undo_stack = self.ops.undo_stack
        undo_actions(self.undo_stack, self)
        self.ops.did_execute.connect(self._on_changes)
        self._saving = False
        self.record_id = record_id
        self.seen_version: int | None = None  # set when a record is shown
        # The office that keeps the record shown, when it is another office: read only here.
        self.kept_by: str | None = None
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
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.print_first)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        self.attachments = AttachmentList(db, self.kind)
        # The record scrolls; its steps, print buttons and Save/Close stay on screen below it.
        content = QWidget()
        fields = QVBoxLayout(content)
        fields.addWidget(self.form)
        fields.addLayout(self.body)
        fields.addWidget(self.attachments)
        layout = QVBoxLayout(self)
        self.kept_note = QLabel(wordWrap=True)
        self.kept_note.setStyleSheet("color: #8a5a00;")
        self.kept_note.hide()
        layout.addWidget(self.kept_note)
        self.content = content
        self.scroll = scrolling(content)
        layout.addWidget(self.scroll, 1)
        if self.workflow is not None:
            layout.addWidget(self.workflow)
            self.workflow.triggered.connect(self.on_action)
        self.print_row = QHBoxLayout()
        self.print_buttons: list[QPushButton] = []
        layout.addLayout(self.print_row)
        layout.addWidget(self.form.banner)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 760, EDITOR_HEIGHT)
        self._height_fitted = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._height_fitted:
            self._height_fitted = True
            self.fit_height()

    def fit_height(self) -> None:
        """As tall as the record needs, so its last fields (the attachments and their buttons)
        show without scrolling where the screen has room; never taller than the screen."""
        around = self.height() - self.scroll.viewport().height()
        needed = self.content.sizeHint().height() + around
        if needed > self.height():
            fit_to_screen(self, self.width(), needed)

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

    def print_first(self) -> None:
        """Ctrl+P: the first document this record prints (its notice, its minutes…)."""
        enabled = [b for b in self.print_buttons if b.isEnabled()]
        if enabled:
            enabled[0].click()

    def print_document(
        self, title: str, source: Callable[[Session, int], Document]
    ) -> DocumentPreview | None:
        record_id = self.record_id
        if record_id is None:
            return None
        return preview_record(self.db, source, record_id, title, self)

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
            elif isinstance(w, QDateEdit | OptionalDate):
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
        """Run one core call as a user action; a refusal is shown and None returned."""
        self._saving = True
        try:
            return self.ops.mutate(fn, *args, form=form or self.form, **kwargs)
        finally:
            self._saving = False

    def read(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """A read for the form (choices, the record itself), on the database worker."""
        return self.ops.read(fn, *args, **kwargs)

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
        # The version shown: a save is refused if someone changes the record meanwhile.
        self.seen_version = self.read(version_of, self.kind, dto.id)
        self.kept_by = self.read(keeper_of, self.kind, dto.id)
        self.dirty = False
        self.load(dto)
        self.attachments.set_owner(dto.uuid)
        for button in self.print_buttons:
            button.setEnabled(True)
        if self.workflow is not None:
            self.workflow.update_state(getattr(dto, "status", None))
        self._show_keeper()

    def _show_keeper(self) -> None:
        """A record another office keeps is shown read only: its owner edits it, and its next
        package would meet an edit made here as a conflict."""
        kept = self.kept_by is not None
        self.kept_note.setVisible(kept)
        if not kept:
            return  # what the editor enables (a draft's Save, a step) is left as it set it
        self.kept_note.setText(
            self.tr("此记录由“%1”录入和维护，本单位只能查看；如需修改，请联系对方。").replace(
                "%1", str(self.kept_by)
            )
        )
        self.form.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        if self.workflow is not None:
            # An item another office keeps still takes its lead unit's steps (progress,
            # extension, completion): they travel back to the owner as its own records.
            # Assigning, deciding, verifying and cancelling are the owner's.
            steps = LEAD_UNIT_STEPS if self.kind == "item" else frozenset()
            for action, button in self.workflow.buttons.items():
                if action not in steps:
                    button.setEnabled(False)

    def save(self) -> bool:
        """Store the form as one undoable user action; False (and the form kept) if refused."""
        if self.kept_by is not None:
            return False
        self._saving = True
        try:
            if self.record_id is None:
                dto = self.ops.mutate(self.store, form=self.form)
            else:
                dto = self.ops.edit(
                    self.kind,
                    self.record_id,
                    self.store,
                    title=self.record_title(),
                    form=self.form,
                    seen_version=self.seen_version,
                )
        finally:
            self._saving = False
        if dto is None:
            self._offer_reload()
            return False
        self.set_dto(dto)
        self.changed.emit()
        return True

    def _offer_reload(self) -> None:
        """After a save refused because someone else changed the record: reload it on request
        (the clerk's typing is given up only when they say so)."""
        refusal = self.ops.last_refusal
        if refusal is None or not isinstance(refusal, EditedElsewhere):
            return
        answer = QMessageBox.question(
            self,
            self.tr("记录已被修改"),
            self.tr("这条记录已被他人修改。放弃您的修改，载入最新内容吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.dirty = False
            self.refresh()

    def record_title(self) -> str:
        """How the record is named in the undo menu."""
        dto = self.dto
        return str(getattr(dto, "name", None) or getattr(dto, "title", None) or "")

    def _on_changes(self, changes: Changes) -> None:
        """Another action changed this record (an undo, an import): show it, unless typing."""
        if self._saving or self.record_id is None or self.dirty or not self.isVisible():
            return
        if changes.everything or self.record_id in changes.ids_of(self.kind):
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
