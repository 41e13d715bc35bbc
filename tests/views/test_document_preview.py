"""The document preview shows the minutes, prints every page and saves the same bytes."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from desktop.core import items
from desktop.core.documents import minutes_doc
from desktop.views.document_preview import preview
from tests.conftest import County
from tests.core.helpers import assigned_item


def test_preview_print_and_save(qtbot, county: County, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    meeting_id = county.run(items.get_item, assigned_item(county)).meeting_id
    host = QWidget()
    qtbot.addWidget(host)
    dialog = preview(county.db, lambda s: minutes_doc(s, meeting_id), "会议纪要", host)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() >= 1
    assert dialog.pages.text() == f"共 {dialog.document.pageCount()} 页"
    saved = tmp_path / "纪要.pdf"
    dialog.save_to(saved)
    assert saved.read_bytes() == dialog.pdf
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == dialog.document.pageCount()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == dialog.document.pageCount()


def test_preview_says_why_it_cannot_print(qtbot, county: County, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox, QWidget

    from tests.core.helpers import planned_meeting

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    host = QWidget()
    qtbot.addWidget(host)
    meeting_id = planned_meeting(county)
    assert preview(county.db, lambda s: minutes_doc(s, meeting_id), "会议纪要", host) is None
    assert said == ["会议尚未召开。"]


def test_preview_of_corrected_minutes_offers_each_version(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from PySide6.QtWidgets import QWidget

    from desktop.core import issued
    from desktop.views.document_preview import preview_record
    from tests.core.issuing import issued_minutes

    item, meeting_id = issued_minutes(county)
    county.run(items.cancel_item, item, on=date(2026, 4, 20), reason="并入年度方案")
    county.run(
        issued.correct, "minutes", meeting_id, reason="删去撤销事项", issued_on=date(2026, 4, 21)
    )
    host = QWidget()
    qtbot.addWidget(host)
    dialog = preview_record(county.db, minutes_doc, meeting_id, "会议纪要", host)
    assert dialog is not None
    qtbot.addWidget(dialog)
    choice = dialog.version_choice
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "第 1 版 2026-04-05",
        "第 2 版 2026-04-21",
    ]
    assert choice.currentIndex() == 1 and not choice.isHidden()
    newest = dialog.pdf
    choice.setCurrentIndex(0)
    assert dialog.pdf != newest and dialog.document.pageCount() >= 1
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert "已被第2版更正" in text.replace("\n", "")


def test_a_correction_is_issued_from_the_preview(qtbot, county: County, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from PySide6.QtWidgets import QInputDialog, QWidget

    from desktop.views.document_preview import preview_record
    from tests.core.issuing import issued_minutes

    item, meeting_id = issued_minutes(county)
    county.run(items.cancel_item, item, on=date(2026, 4, 20), reason="并入年度方案")
    host = QWidget()
    qtbot.addWidget(host)
    dialog = preview_record(county.db, minutes_doc, meeting_id, "会议纪要", host)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert not dialog.correct_button.isHidden() and dialog.issue_button.isHidden()
    assert dialog.version_choice.isHidden()  # one version so far
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *_a, **_k: ("删去已撤销的事项", True)
    )
    dialog.correct_button.click()
    choice = dialog.version_choice
    assert choice.count() == 2 and not choice.isHidden() and choice.currentIndex() == 1
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert "更正" in text
    _settle(qtbot, dialog)


def test_the_assessment_circular_is_issued_from_its_draft(
    qtbot, county: County, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox, QWidget

    from desktop.messages import message
    from desktop.views.document_preview import preview_issued

    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    host = QWidget()
    qtbot.addWidget(host)
    dialog = preview_issued(county.db, "assessment", 2026, "考核结果通报", host, message)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert not dialog.issue_button.isHidden() and dialog.correct_button.isHidden()
    draft = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert "草稿" in draft
    dialog.issue_button.click()
    assert dialog.issue_button.isHidden() and not dialog.correct_button.isHidden()
    issued_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert "草稿" not in issued_text and "号" in issued_text
    _settle(qtbot, dialog)


def _settle(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    """Let the PDF view finish drawing the reloaded document before the dialog goes: Qt PDF
    renders on its own thread, and a document freed under it crashes a later test."""
    qtbot.wait(200)
    dialog.document.close()
    dialog.close()
    qtbot.wait(50)
