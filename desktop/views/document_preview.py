"""Preview of an official document inside the window: print through the system dialog, save as PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSizeF
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core import issued
from desktop.core.document_dto import Document, IssueInfo, Printable
from desktop.core.errors import DomainError
from desktop.core.units import unit_names
from desktop.db import Database
from desktop.messages import describe
from desktop.reports import build_document, build_printable
from desktop.reports.words import add_unit_names
from desktop.views import ui_state
from desktop.views.fit import fit_to_screen
from desktop.views.font_roles import stand_in_note
from desktop.views.operations import operations
from desktop.views.word_copy import (
    WordCopySource,
    record_word_copy,
    source_word_copy,
    word_copy_button,
)

DocumentSource = Callable[[Session], Document]
RecordBuilder = Callable[[Session, int], Document]
# The PDF of one issued version (None: the newest), for the preview's choice of version.
VersionSource = Callable[[int | None], bytes]
# The document shown again after a correction (given its reason) or after issuing: its PDF and
# versions, or None when refused (the refusal is said).
Shown = tuple[bytes, tuple[IssueInfo, ...]]
Correction = Callable[[str], Shown | None]
Issuing = Callable[[], Shown | None]


class DocumentPreview(QDialog):
    """Shows PDF bytes; the same bytes go to the printer or to a file. An issued document
    with corrections offers its earlier versions, each as it was issued."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        parent: QWidget | None = None,
        *,
        versions: tuple[IssueInfo, ...] = (),
        load_version: VersionSource | None = None,
        word_copy: WordCopySource | None = None,
        correct: Correction | None = None,
        issue: Issuing | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.title = title
        self.load_version = load_version
        self.correct = correct
        self.issue = issue
        self.setWindowTitle(title)
        fit_to_screen(self, 820, 900)  # never taller than the screen: the buttons stay on it
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self._show(pdf)
        self.version_choice = QComboBox(self)
        self._list_versions(versions)
        self.version_choice.currentIndexChanged.connect(self._choose_version)
        # An issued document is corrected as a new version; a draft that can be issued is.
        self.correct_button = QPushButton(self.tr("更正…"))
        self.correct_button.setToolTip(
            self.tr("按现在的记录印发更正版（同一文号、新版本），原版本仍可查看")
        )
        self.correct_button.clicked.connect(self._correct)
        self.issue_button = QPushButton(self.tr("印发"))
        self.issue_button.setToolTip(self.tr("编号并印发；印发后内容不再随记录变化"))
        self.issue_button.clicked.connect(self._issue)
        self._show_actions(versions)
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
        row.addWidget(self.version_choice)
        row.addStretch(1)
        extra = [word_copy_button(self, title, word_copy)] if word_copy is not None else []
        for b in (
            self.issue_button,
            self.correct_button,
            print_button,
            save_button,
            *extra,
            close_button,
        ):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        self.font_note = QLabel(stand_in_note())  # which faces stand in, said once
        self.font_note.setWordWrap(True)
        self.font_note.setVisible(bool(self.font_note.text()))
        layout.addWidget(self.font_note)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def _list_versions(self, versions: tuple[IssueInfo, ...]) -> None:
        self.version_choice.blockSignals(True)
        self.version_choice.clear()
        for info in versions:
            label = self.tr("第 %1 版 %2").replace("%1", str(info.version))
            self.version_choice.addItem(
                label.replace("%2", info.issued_on.isoformat()), info.version
            )
        self.version_choice.setCurrentIndex(len(versions) - 1)
        self.version_choice.setVisible(len(versions) > 1)
        self.version_choice.blockSignals(False)

    def _show_actions(self, versions: tuple[IssueInfo, ...]) -> None:
        self.correct_button.setVisible(self.correct is not None and bool(versions))
        self.issue_button.setVisible(self.issue is not None and not versions)

    def shown(self, pdf: bytes, versions: tuple[IssueInfo, ...]) -> None:
        """Show the document again, as issued or corrected just now."""
        self._show(pdf)
        self._list_versions(versions)
        self._show_actions(versions)
        self.pages.setText(self.tr("共 %1 页").replace("%1", str(self.document.pageCount())))

    def _correct(self) -> None:
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("更正"), self.tr("更正原因（印在更正版上，原版本保留）：")
        )
        if ok and reason.strip() and self.correct is not None:
            again = self.correct(reason.strip())
            if again is not None:
                self.shown(*again)

    def _issue(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("印发"),
            self.tr("编号并印发这份文件吗？印发后内容固定，只能以更正版修改。"),
        )
        if answer == QMessageBox.StandardButton.Yes and self.issue is not None:
            again = self.issue()
            if again is not None:
                self.shown(*again)

    def _show(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def _choose_version(self, index: int) -> None:
        if self.load_version is None or index < 0:
            return
        self._show(self.load_version(int(self.version_choice.itemData(index))))
        self.pages.setText(self.tr("共 %1 页").replace("%1", str(self.document.pageCount())))

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
    add_unit_names(unit_names(session))
    return build_document(source(session))


def _issued_pdf(session: Session, copy: Printable) -> bytes:
    """The PDF of an issued copy or a draft; an issued copy's PDF hash is kept at first."""
    add_unit_names(unit_names(session))
    pdf = build_printable(copy)
    if copy.issue is not None:
        issued.record_pdf(session, copy.issue.issued_id, pdf)
    return pdf


def _issued_view(
    session: Session, kind: str, record_id: int, words: issued.Words | None
) -> tuple[bytes, tuple[IssueInfo, ...]]:
    copy = issued.printable(session, kind, record_id, words=words)
    versions = issued.versions(session, kind, record_id) if copy.issue is not None else []
    return _issued_pdf(session, copy), tuple(versions)


def _record_pdf(
    session: Session, builder: RecordBuilder, record_id: int
) -> tuple[bytes, tuple[IssueInfo, ...]]:
    kind = issued.kind_of(session, builder, record_id)
    if kind is None:
        return _pdf(session, lambda s: builder(s, record_id)), ()
    return _issued_view(session, kind, record_id, None)


def _version_pdf(session: Session, kind: str, record_id: int, version: int | None) -> bytes:
    copy = issued.issued_copy(session, kind, record_id, version)
    assert copy is not None
    return _issued_pdf(session, copy)


def preview_record(
    db: Database, builder: RecordBuilder, record_id: int, title: str, parent: QWidget
) -> DocumentPreview | None:
    """Show a record's document: its issued copy (earlier versions to choose from), or a
    draft from the records when it is not issued yet."""

    def word_copy() -> bytes:
        return operations(db).read(record_word_copy, builder, record_id)

    return _preview_versions(
        db, _record_pdf, (builder, record_id), title, parent, word_copy=word_copy
    )


def preview_issued(
    db: Database,
    kind: str,
    record_id: int,
    title: str,
    parent: QWidget,
    words: issued.Words | None = None,
) -> DocumentPreview | None:
    """Show the issued copy of a document of `kind` (the assessment circular of a year), or
    its draft while it is not issued, with 印发 for the assessment circular."""
    ops = operations(db)

    def issue() -> Shown | None:
        if ops.mutate(
            issued.issue_assessment_circular, record_id, words, date.today(), parent=parent
        ):
            return ops.mutate(_issued_view, kind, record_id, words, parent=parent)
        return None

    return _preview_versions(
        db,
        _issued_view,
        (kind, record_id, words),
        title,
        parent,
        words=words,
        issue=issue if kind == "assessment" and words is not None else None,
    )


def _preview_versions(
    db: Database,
    view: Callable[..., tuple[bytes, tuple[IssueInfo, ...]]],
    args: tuple[object, ...],
    title: str,
    parent: QWidget,
    *,
    word_copy: WordCopySource | None = None,
    words: issued.Words | None = None,
    issue: Issuing | None = None,
) -> DocumentPreview | None:
    ops = operations(db)
    # mutate: a record issued before issued copies existed is frozen at its first print, and
    # the PDF's hash is kept; a refusal or a missing font is said over `parent`
    shown = ops.mutate(view, *args, parent=parent)
    if shown is None:
        return None
    pdf, versions = shown
    kind = versions[0].kind if versions else ""
    record_id = versions[0].record_id if versions else 0

    def load_version(version: int | None) -> bytes:
        return ops.mutate(_version_pdf, kind, record_id, version, parent=parent) or pdf

    def correct(reason: str) -> Shown | None:
        done = ops.mutate(
            issued.correct,
            kind,
            record_id,
            reason=reason,
            issued_on=date.today(),
            words=words,
            parent=parent,
        )
        return ops.mutate(view, *args, parent=parent) if done is not None else None

    dialog = DocumentPreview(
        pdf,
        title,
        parent,
        versions=versions,
        load_version=load_version,
        word_copy=word_copy,
        correct=correct,
        issue=issue,
    )
    dialog.show()
    return dialog


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
    dialog = DocumentPreview(
        pdf, title, parent, word_copy=lambda: operations(db).read(source_word_copy, source)
    )
    dialog.show()
    return dialog
