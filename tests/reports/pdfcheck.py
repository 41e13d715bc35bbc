"""Reading built PDFs back: characters grouped into printed lines, fonts, page numbers."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import pdfplumber
import pypdf

MM = 72 / 25.4
PAGE_NUMBER = re.compile(r"^— \d+ —$")


@dataclass(frozen=True)
class PrintedLine:
    text: str
    x0: float  # mm from the left edge
    x1: float
    top: float  # mm from the top edge
    chars: tuple[dict[str, Any], ...]


def open_pdf(data: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(data))


def page_lines(page: pdfplumber.page.Page) -> list[PrintedLine]:
    """Characters sharing a baseline (fonts differ in ascent, so not `top`), left to right."""
    rows: dict[float, list[dict[str, Any]]] = defaultdict(list)
    for char in page.chars:
        rows[round(char["matrix"][5], 1)].append(char)
    lines = []
    for baseline in sorted(rows, reverse=True):
        chars = tuple(sorted(rows[baseline], key=lambda c: c["x0"]))
        lines.append(
            PrintedLine(
                "".join(c["text"] for c in chars),
                chars[0]["x0"] / MM,
                chars[-1]["x1"] / MM,
                min(c["top"] for c in chars) / MM,
                chars,
            )
        )
    return lines


def body_lines(page: pdfplumber.page.Page) -> list[PrintedLine]:
    return [line for line in page_lines(page) if not PAGE_NUMBER.match(line.text)]


def page_number_line(page: pdfplumber.page.Page) -> PrintedLine:
    (line,) = [line for line in page_lines(page) if PAGE_NUMBER.match(line.text)]
    return line


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def document_text(data: bytes) -> str:
    """Everything printed except page numbers, in reading order, without whitespace."""
    with open_pdf(data) as pdf:
        return "".join(squeeze(line.text) for page in pdf.pages for line in body_lines(page))


def font_descriptors(data: bytes) -> list[tuple[str, Any]]:
    """(BaseFont, FontDescriptor) of every font used on any page."""
    found = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            found.append((str(font["/BaseFont"]), font["/FontDescriptor"].get_object()))
    return found
