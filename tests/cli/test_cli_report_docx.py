"""`lianxi report … --docx FILE` saves the editable Word copy beside (or instead of) the PDF."""

from __future__ import annotations

from pathlib import Path

import docx

from desktop.cli import main
from desktop.reports.docx_copy import COPY_MARK
from tests.conftest import County
from tests.core.helpers import assigned_item


def test_report_writes_an_editable_word_copy_marked_as_such(county: County, tmp_path: Path) -> None:
    assigned_item(county)
    db = str(county.db.path)
    pdf, word = tmp_path / "纪要.pdf", tmp_path / "纪要.docx"
    assert main(["--db", db, "report", "minutes", "1", "--out", str(pdf), "--docx", str(word)]) == 0
    assert pdf.exists()
    copy = docx.Document(str(word))
    text = "".join(paragraph.text for paragraph in copy.paragraphs)
    assert "滨海县总工会与滨海县人民政府联席会议纪要" in text
    assert "将劳动竞赛奖金列入政府年度奖励基金" in text
    assert copy.sections[0].header.paragraphs[0].text == COPY_MARK
    word.unlink()
    assert main(["--db", db, "report", "minutes", "1", "--docx", str(word)]) == 0
    assert word.exists()
