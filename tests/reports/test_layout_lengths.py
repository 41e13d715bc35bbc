"""Every kind at every name length, read back with pdfplumber: nothing overprints, nothing leaves
the type area, body lines sit on the grid, marks never open or close a line wrongly, titles and
banners break between words, no line is stretched, and the 版记 closes an even page."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from desktop.core.document_dto import Document, Imprint
from desktop.reports.documents import build_document, document_story
from desktop.reports.fonts import FontSet
from desktop.reports.layout import EM_ASCENT, LANDSCAPE, PORTRAIT, SIZE_3, PageGeometry
from desktop.reports.linebreak import NO_END, NO_START
from desktop.reports.long_samples import (
    LONG_TITLE,
    NAME_LENGTHS,
    empty_documents,
    long_documents,
    register_directory,
)
from desktop.reports.words import word_breaks
from tests.reports.pdfcheck import PAGE_NUMBER, PrintedLine, open_pdf, page_lines

KINDS = tuple(long_documents(4))
TOLERANCE = 0.5  # points
EDGE = 0.6  # points: a 16 pt CJK glyph box on a 15.8 pt pitch overhangs its cell
STRETCH = 0.3  # 字: wider gaps between the characters of a line mean it was stretched


@cache
def _documents(length: int) -> dict[str, Document]:
    register_directory()
    return long_documents(length) if length else empty_documents()


@cache
def _pdf(length: int, kind: str, fonts: FontSet) -> bytes:
    return build_document(_documents(length)[kind], fonts)


def _geometry(page: Any) -> PageGeometry:
    return LANDSCAPE if page.width > page.height else PORTRAIT


def _printed(page: Any) -> list[PrintedLine]:
    return [line for line in page_lines(page) if not PAGE_NUMBER.match(line.text)]


def _same_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same glyph drawn twice on the spot: a chart label over its white halo."""
    return a["text"] == b["text"] and abs(a["x0"] - b["x0"]) + abs(a["top"] - b["top"]) < 0.1


def _overlaps(chars: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """Pairs of glyph boxes that share more than a sliver of area."""
    ordered = sorted(chars, key=lambda c: c["top"])
    for n, a in enumerate(ordered):
        for b in ordered[n + 1 :]:
            if b["top"] >= a["bottom"] - TOLERANCE:
                break
            if _same_place(a, b):
                continue
            if min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > EDGE + TOLERANCE:
                yield a["text"], b["text"]


def _segments(line: PrintedLine) -> list[str]:
    """A printed line cut where a gap of more than one 字 separates its parts (the office and
    date of a split line, the cells of a table row)."""
    parts: list[str] = []
    previous = None
    for char in line.chars:
        if previous is None or char["x0"] - previous["x1"] > char["size"]:
            parts.append("")
        parts[-1] += char["text"]
        previous = char
    return [part for part in parts if part.strip()]


def _big_runs(lines: list[PrintedLine]) -> list[list[PrintedLine]]:
    """Consecutive lines of the same large size: a title, or a banner."""
    runs: list[list[PrintedLine]] = []
    for line in lines:
        size = line.chars[0]["size"]
        if size < 20 or any(abs(c["size"] - size) > 0.1 for c in line.chars):
            continue
        if runs and abs(runs[-1][-1].chars[0]["size"] - size) < 0.1:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _outside(chars: list[dict[str, Any]], geometry: PageGeometry) -> list[str]:
    bottom = geometry.top + geometry.block_height
    return [
        f"{c['text']!r} outside the type area"
        for c in chars
        if c["x0"] < geometry.left - TOLERANCE
        or c["x1"] > geometry.right + EDGE + TOLERANCE
        or c["top"] < geometry.top - TOLERANCE
        or c["bottom"] > bottom + TOLERANCE
    ]


def _marks(lines: list[PrintedLine]) -> list[str]:
    return [
        f"line {part!r} breaks at a mark"
        for line in lines
        for part in _segments(line)
        if part[0] in NO_START or part[-1] in NO_END
    ]


def _body(line: PrintedLine) -> list[dict[str, Any]]:
    return [c for c in line.chars if abs(c["size"] - SIZE_3) < 0.01]


def _grid(lines: list[PrintedLine], geometry: PageGeometry, page_height: float) -> list[str]:
    """Every 三号 line on a row of the 22-line grid, and no more than 22 rows on a page."""
    problems = []
    rows = set()
    for line in lines:
        body = _body(line)
        if body:
            # Fonts differ in ascent, so the row is found from the baseline.
            em_top = page_height - body[0]["matrix"][5] - EM_ASCENT * SIZE_3
            row = (em_top - geometry.top) / geometry.leading
            if abs(row - round(row)) > 0.02:
                problems.append(f"{line.text!r} off the grid rows")
            rows.add(round(row))
    if len(rows) > geometry.rows:
        problems.append(f"{len(rows)} rows")
    return problems


def _stretched(lines: list[PrintedLine]) -> list[str]:
    """A line whose characters stand apart (one wide gap is a split line's, many a stretch)."""
    problems = []
    for line in lines:
        gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(_body(line))]
        if len([g for g in gaps if STRETCH * SIZE_3 < g <= SIZE_3]) > 1:
            problems.append(f"{line.text!r} is stretched")
    return problems


def _word_breaks(lines: list[PrintedLine]) -> list[str]:
    problems = []
    for run in _big_runs(lines):
        boundaries = word_breaks("".join(line.text for line in run))[-1]
        position = 0
        for line in run[:-1]:
            position += len(line.text)
            if position not in boundaries:
                problems.append(f"{line.text!r} breaks inside a word")
    return problems


def _check(data: bytes, doc: Document, kind: str) -> list[str]:
    problems: list[str] = []
    has_imprint = any(isinstance(e, Imprint) for e in document_story(doc).elements)
    with open_pdf(data) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            geometry = _geometry(page)
            lines = _printed(page)
            chars = [c for line in lines for c in line.chars]
            # Axis titles of the attached charts are set sideways: no lines of text to check.
            lines = [line for line in lines if all(c["upright"] for c in line.chars)]
            found = _outside(chars, geometry) + [
                f"{a!r} overprints {b!r}" for a, b in _overlaps(chars)
            ]
            found += _marks(lines) + _stretched(lines) + _word_breaks(lines)
            if kind != "statistics":  # a landscape table in 小四, no body grid
                found += _grid(lines, geometry, page.height)
            problems += [f"p{number}: {problem}" for problem in found]
        last = pdf.pages[-1]
        if has_imprint and ("印发" not in last.extract_text() or len(pdf.pages) % 2):
            problems.append(f"the 版记 does not close an even page ({len(pdf.pages)} pages)")
    return problems


@pytest.mark.parametrize("length", NAME_LENGTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_holds_its_layout_at_every_name_length(
    fonts: FontSet, kind: str, length: int
) -> None:
    doc = _documents(length)[kind]
    assert _check(_pdf(length, kind, fonts), doc, kind) == []


@pytest.mark.parametrize("kind", tuple(empty_documents()))
def test_an_empty_meeting_prints_cleanly(fonts: FontSet, kind: str) -> None:
    assert _check(_pdf(0, kind, fonts), _documents(0)[kind], kind) == []


def test_the_long_title_has_sixty_characters_and_the_longest_name_forty() -> None:
    assert len(LONG_TITLE) == 60
    assert max(NAME_LENGTHS) == 40
