"""Tables written to .xlsx (openpyxl): values, never formulas, with a bold header row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

MAX_WIDTH = 60


def write_table(
    path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]]
) -> int:
    """Write one sheet; returns the number of data rows written."""
    # openpyxl takes about 0.1 s to import; only an export to Excel needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31] or "Sheet1"  # Excel's limit on sheet names
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(str(h)) * 2 for h in headers]
    count = 0
    for row in rows:
        values = [_safe(v) for v in row]
        sheet.append(values)
        for i, v in enumerate(values):
            widths[i] = max(widths[i], min(MAX_WIDTH, len(str(v)) * 2))
        count += 1
    for i, width in enumerate(widths):
        sheet.column_dimensions[sheet.cell(row=1, column=i + 1).column_letter].width = width + 2
    sheet.freeze_panes = "A2"
    tmp = path.with_name(path.name + ".partial")
    book.save(tmp)
    tmp.replace(path)
    return count


def _safe(value: object) -> object:
    # Text beginning with '=' would be read by Excel as a formula; keep it as text.
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        return "'" + value
    return value
