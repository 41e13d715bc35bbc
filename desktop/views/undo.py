"""Ctrl+Z and Ctrl+Y on a window, over the database's one undo stack (see operations.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget


def undo_actions(stack: QUndoStack, parent: QWidget) -> None:
    """Ctrl+Z / Ctrl+Y (the platform's keys) on a window, named in the interface language."""
    undo = stack.createUndoAction(parent, QCoreApplication.translate("undo", "撤销"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(parent, QCoreApplication.translate("undo", "重做"))
    redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
    parent.addAction(undo)
    parent.addAction(redo)
