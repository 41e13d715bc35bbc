"""A voided document's reprint says 作废 above everything, with the day and the reason."""

from __future__ import annotations

from datetime import date

from desktop.core.document_dto import IssueInfo, Printable
from desktop.reports.documents import build_printable
from desktop.reports.samples import sample_documents
from tests.reports.pdfcheck import document_text, squeeze

ISSUE = IssueInfo(
    1, "supervision", 1, "滨工联督〔2026〕3号", date(2026, 7, 10), 1, None, "", "", None
)


def test_a_voided_copy_prints_voided_with_its_day_and_reason() -> None:
    doc = sample_documents()["supervision_notice"]
    standing = squeeze(document_text(build_printable(Printable(doc, ISSUE))))
    assert "作废" not in standing
    voided = Printable(doc, ISSUE, voided_on=date(2026, 7, 15), void_reason="督办对象填错")
    text = squeeze(document_text(build_printable(voided)))
    assert text.startswith(squeeze("作废　本件已于2026年7月15日作废，理由：督办对象填错"))
