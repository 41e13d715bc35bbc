"""另存为 Word 副本: the editable .docx copy of a previewed document, for wording changes in WPS."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget
from sqlalchemy.orm import Session

from desktop.core import issued
from desktop.core.document_dto import Document
from desktop.core.errors import DomainError
from desktop.messages import describe
from desktop.reports.docx_copy import COPY_MARK, build_docx
from desktop.views import ui_state

WordCopySource = Callable[[], bytes]


def source_word_copy(session: Session, source: Callable[[Session], Document]) -> bytes:
    return build_docx(source(session))


def record_word_copy(
    session: Session, builder: Callable[[Session, int], Document], record_id: int
) -> bytes:
    """The copy of what the preview shows first: the newest issued version, or the draft."""
    copy = issued.printable_of(session, builder, record_id)
    return build_docx(copy if copy is not None else builder(session, record_id))


def save_word_copy(parent: QWidget, title: str, make: WordCopySource) -> Path | None:
    """Ask where, then write the copy there; the issued record is not touched."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("WordCopy", "另存为 Word 副本"),
        str(Path(ui_state.last_folder()) / f"{title}{COPY_MARK}.docx"),
        "Word (*.docx)",
    )
    if not name:
        return None
    path = Path(name).with_suffix(".docx")
    ui_state.remember_folder(path.parent)
    try:
        data = make()
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(data)
        partial.replace(path)
    except (OSError, DomainError) as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("WordCopy", "保存失败"), describe(exc)
        )
        return None
    return path


def word_copy_button(parent: QWidget, title: str, make: WordCopySource) -> QPushButton:
    button = QPushButton(QCoreApplication.translate("WordCopy", "另存为 Word 副本…"), parent)
    button.setToolTip(
        QCoreApplication.translate(
            "WordCopy", "可在 WPS 或 Word 中修改文字的副本；印发的正式文件不变"
        )
    )
    button.clicked.connect(lambda: save_word_copy(parent, title, make))
    return button
