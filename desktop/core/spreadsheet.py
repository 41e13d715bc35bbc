"""Tables written to .xlsx (openpyxl) as real spreadsheets: numbers, dates and percentages as
typed cells with their number formats, a bold frozen header with an autofilter, and columns as
wide as their text (a Chinese character counts twice)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MAX_WIDTH = 60
# Cell formats by a column's kind; a kind not named keeps what the value's type gives.
NUMBER_FORMATS = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "percent": "0.0%",
    "integer": "0",
    "number": "0.##",
}


@dataclass(frozen=True)
class Sheet:
    """One sheet: its title, the header row, the rows, and optionally each column's kind
    (text, integer, number, percent as a fraction, date, datetime)."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    kinds: Sequence[str] = ()


def write_table(
    path: Path,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    kinds: Sequence[str] = (),
) -> int:
    """Write one sheet; returns the number of data rows written."""
    return write_sheets(path, [Sheet(title, headers, rows, kinds)])


def write_sheets(path: Path, sheets: Sequence[Sheet]) -> int:
    """Write a workbook of `sheets` through a `.partial` file; returns the data rows written."""
    # openpyxl takes about 0.1 s to import: only an export pays for it, not the window's start.
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    count = sum(_fill(book.create_sheet(), sheet) for sheet in sheets)
    tmp = path.with_name(path.name + ".partial")
    try:
        book.save(tmp)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def _fill(sheet: Worksheet, table: Sheet) -> int:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.title = table.title[:31] or "Sheet1"  # Excel's limit on sheet names
    sheet.append(list(table.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [text_width(str(h)) for h in table.headers]
    formats = [NUMBER_FORMATS.get(kind) for kind in table.kinds]
    count = 0
    for row in table.rows:
        values = [cell_value(v) for v in row]
        sheet.append(values)
        for i, cell in enumerate(sheet[sheet.max_row]):
            if i < len(formats) and formats[i] is not None and values[i] is not None:
                cell.number_format = formats[i]
            elif isinstance(values[i], datetime):
                cell.number_format = NUMBER_FORMATS["datetime"]
            elif isinstance(values[i], date):
                cell.number_format = NUMBER_FORMATS["date"]
            widths[i] = max(widths[i], shown_width(values[i]))
        count += 1
    for i, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(i + 1)].width = min(MAX_WIDTH, width) + 2
    sheet.freeze_panes = "A2"
    if table.headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{count + 1}"
    return count


def cell_value(value: object) -> object:
    """A value as a typed cell: numbers and dates stay themselves, the rest becomes text."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        # Excel has no time zones: the local time, as the clerk's clock showed it.
        return value.astimezone().replace(tzinfo=None)
    if value is None or isinstance(value, bool | int | float | date):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Enum):
        value = value.value
    text = str(value)
    # Text beginning with '=' would be read by Excel as a formula; keep it as text.
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text


def is_typed_cell(value: object) -> bool:
    """A number or a date, which a spreadsheet keeps typed (a bool reads better as a word)."""
    return isinstance(value, int | float | Decimal | date) and not isinstance(value, bool)


def text_width(text: str) -> int:
    """Columns a text takes in a fixed-width view: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def shown_width(value: object) -> int:
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return len(f"{value:.2f}")
    return text_width("" if value is None else str(value))
