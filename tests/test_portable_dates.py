"""Dates are formatted without platform-specific strftime directives (%-d fails on Windows)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from desktop.core.document_parts import cn_date
from desktop.reports.formatting import cn_date as printed_date

DESKTOP = Path(__file__).resolve().parents[1] / "desktop"
NON_PORTABLE = re.compile(r"%[-#][a-zA-Z]")


def test_no_platform_specific_strftime_directive() -> None:
    found = [
        f"{path.relative_to(DESKTOP.parent)}:{n}"
        for path in sorted(DESKTOP.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if NON_PORTABLE.search(line)
    ]
    assert found == []


def test_chinese_dates_have_no_leading_zeros() -> None:
    for written in (cn_date, printed_date):
        assert written(date(2024, 3, 5)) == "2024年3月5日"
        assert written(date(2026, 12, 25)) == "2026年12月25日"
