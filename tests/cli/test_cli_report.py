"""`lianxi report` writes a PDF whose text reads back as the record's Chinese, or refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from tests.conftest import County
from tests.core.helpers import assigned_item


def test_report_minutes_and_refusals(
    county: County, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assigned_item(county)
    db = str(county.db.path)
    out = tmp_path / "纪要.pdf"
    assert main(["--db", db, "report", "minutes", "latest", "--out", str(out)]) == 1  # not issued
    assert "找不到" in capsys.readouterr().err
    assert main(["--db", db, "report", "minutes", "1", "--out", str(out)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages).replace("\n", "")
    assert "滨海县总工会与滨海县人民政府联席会议纪要" in text
    assert "将劳动竞赛奖金列入政府年度奖励基金" in text and "牵头单位：县人社局" in text
    assert not list(tmp_path.glob("*.partial"))
    assert main(["--db", db, "report", "supervision", "1", "--out", str(out)]) == 1
    assert "找不到编号为 1 的督办文书" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["--db", db, "report", "minutes", "first", "--out", str(out)])
    assert usage.value.code == 2
