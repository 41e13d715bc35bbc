"""Undo and redo of record edits: a QUndoStack of commands that put a record's fields back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.core.snapshots import Snapshot, restore
from desktop.db import Database


class EditCommand(QUndoCommand):
    """An edit already saved: redo the first time does nothing, later ones re-apply it."""

    def __init__(
        self,
        db: Database,
        kind: str,
        record_id: int,
        before: Snapshot,
        after: Snapshot,
        text: str,
        on_change: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.db = db
        self.kind = kind
        self.record_id = record_id
        self.before = before
        self.after = after
        self.on_change = on_change
        self._applied = True

    def _apply(self, values: Snapshot) -> None:
        with self.db.unit_of_work() as session:
            restore(session, self.kind, self.record_id, values)
        self.on_change()

    def undo(self) -> None:
        self._apply(self.before)
        self._applied = False

    def redo(self) -> None:
        if self._applied:  # pushed after the save itself
            return
        self._apply(self.after)
        self._applied = True


def undo_actions(stack: QUndoStack, parent: QWidget) -> None:
    """Ctrl+Z / Ctrl+Y (the platform's keys) on a window, named in the interface language."""
    undo = stack.createUndoAction(parent, QCoreApplication.translate("undo", "撤销"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(parent, QCoreApplication.translate("undo", "重做"))
    redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
    parent.addAction(undo)
    parent.addAction(redo)
