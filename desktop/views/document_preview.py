"""Preview of an official document inside the window: print through the system dialog, save as PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSizeF
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.document_dto import Document
from desktop.core.errors import DomainError
from desktop.db import Database
from desktop.messages import describe
from desktop.reports import build_document
from desktop.views import ui_state
from desktop.views.fit import fit_to_screen
from desktop.views.operations import operations

DocumentSource = Callable[[Session], Document]


class DocumentPreview(QDialog):
    """Shows PDF bytes; the same bytes go to the printer or to a file."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.title = title
        self.setWindowTitle(title)
        fit_to_screen(self, 820, 900)  # never taller than the screen: the buttons stay on it
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self.tr("共 %1 页").replace("%1", str(self.document.pageCount())))
        print_button = QPushButton(self.tr("打印…"))
        save_button = QPushButton(self.tr("另存为 PDF…"))
        close_button = QPushButton(self.tr("关闭"))
        print_button.clicked.connect(self.print_dialog)
        save_button.clicked.connect(self.save_dialog)
        close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.pages)
        row.addStretch(1)
        for b in (print_button, save_button, close_button):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def save_to(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".partial")
        tmp.write_bytes(self.pdf)
        tmp.replace(path)

    def save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("另存为 PDF"),
            str(Path(ui_state.last_folder()) / f"{self.title}.pdf"),
            "PDF (*.pdf)",
        )
        if not name:
            return
        path = Path(name).with_suffix(".pdf")
        ui_state.remember_folder(path.parent)
        try:
            self.save_to(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("保存失败"), describe(exc))

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page at the printer's resolution, each filling the printable page."""
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            for index in range(self.document.pageCount()):
                if index:
                    printer.newPage()
                area = printer.pageLayout().paintRectPixels(printer.resolution())
                size = self.document.pagePointSize(index)
                scale = min(area.width() / size.width(), area.height() / size.height())
                target = QSizeF(size.width() * scale, size.height() * scale).toSize()
                image = self.document.render(index, target)
                painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
        finally:
            painter.end()
        return self.document.pageCount()

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)


def _pdf(session: Session, source: DocumentSource) -> bytes:
    return build_document(source(session))


def preview(
    db: Database, source: DocumentSource, title: str, parent: QWidget
) -> DocumentPreview | None:
    """Build a document from the records and show it; a refusal or a missing font is said.

    The records are read and the PDF drawn on the database worker, not the GUI thread.
    """
    try:
        pdf = operations(db).read(_pdf, source)
    except DomainError as exc:  # a refusal, or FontMissing: no Chinese font to embed
        QMessageBox.warning(parent, title, describe(exc))
        return None
    dialog = DocumentPreview(pdf, title, parent)
    dialog.show()
    return dialog
