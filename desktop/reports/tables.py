"""Ruled tables as wide as the text block, cell text wrapped by our own line breaker; names
break between words (江苏省滨海县 / 永盛钢结构 / …), prose fills its lines."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table

from desktop.reports.fonts import FontSet
from desktop.reports.linebreak import font_advances, line_ends, split_at
from desktop.reports.story import Align, Cell, TableSpec
from desktop.reports.words import word_breaks

PADDING = 4.0
RULE_WIDTH = 0.5
LEADING_RATIO = 1.45

_ALIGN = {Align.LEFT: "LEFT", Align.JUSTIFY: "LEFT", Align.CENTER: "CENTER", Align.RIGHT: "RIGHT"}


# Sentence punctuation: a cell holding it is prose, which fills its lines as body text does.
_PROSE_MARKS = frozenset("，。；：、！？")


def _paragraph_lines(text: str, font_name: str, size: float, width: float) -> tuple[str, ...]:
    """One paragraph of a cell; a name or label too long for the cell breaks between words."""
    advances = font_advances(text, font_name, size)
    if sum(advances) <= width:
        return (text,)  # no line to break: no dictionary to load
    words = () if _PROSE_MARKS.intersection(text) else word_breaks(text)
    return split_at(text, line_ends(text, advances, width, words=words))


def _cell_lines(cell: Cell, font_name: str, width: float) -> list[str]:
    lines = [
        line
        for paragraph in cell.text.split("\n")
        for line in _paragraph_lines(paragraph, font_name, cell.style.size, width)
    ]
    # Padding goes on top so a signature line sits at the foot of its box.
    return [""] * (cell.min_lines - len(lines)) + lines


def build_table(spec: TableSpec, fonts: FontSet, width: float) -> Table:
    """A ReportLab table of pre-broken strings; spans, fonts and alignment per cell."""
    col_widths = [fraction * width for fraction in spec.col_fractions]
    data: list[list[str]] = []
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), RULE_WIDTH, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING + 1),
    ]
    for row_number, row in enumerate(spec.rows):
        texts: list[str] = []
        column = 0
        for cell in row:
            first, last = (column, row_number), (column + cell.span - 1, row_number)
            font_name = fonts[cell.style.role].name
            span_width = sum(col_widths[column : column + cell.span]) - 2 * PADDING
            texts.append("\n".join(_cell_lines(cell, font_name, span_width)))
            texts += [""] * (cell.span - 1)
            size = cell.style.size
            commands += [
                ("FONT", first, last, font_name, size, size * LEADING_RATIO),
                ("ALIGN", first, last, _ALIGN[cell.align]),
                ("TEXTCOLOR", first, last, cell.style.color),
            ]
            if cell.span > 1:
                commands.append(("SPAN", first, last))
            column += cell.span
        data.append(texts)
    return Table(data, colWidths=col_widths, repeatRows=spec.header_rows, style=commands)
