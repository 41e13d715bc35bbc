"""Answering the modal step dialogs (dates, reasons…) the way a clerk would, from a test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit

from desktop.views.form import AskDialog, to_qdate


def fill(dialog: AskDialog, values: dict[str, Any]) -> None:
    for key, value in values.items():
        widget = dialog.form.fields[key]
        if hasattr(widget, "setDate"):
            widget.setDate(to_qdate(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
        else:
            widget.setValue(value)  # type: ignore[attr-defined]


def answering(
    values: dict[str, Any], *, then: Callable[[AskDialog], None] | None = None, cancel: bool = False
) -> list[AskDialog]:
    """Before triggering a step: the next AskDialog gets these values and is accepted (or cancelled).

    Returns a list that receives the dialog, so a test can read what it showed.
    """
    seen: list[AskDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AskDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        fill(dialog, values)
        if then is not None:
            then(dialog)
        if cancel:
            dialog.reject()
        else:
            dialog.accept()

    QTimer.singleShot(0, answer)
    return seen


def answer_questions(monkeypatch: Any, button: QMessageBox.StandardButton) -> list[str]:
    """Every QMessageBox.question answered with `button` (a real modal box would hang the test);
    the list receives the questions' texts."""
    asked: list[str] = []

    def question(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked
