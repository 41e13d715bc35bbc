"""Paragraphs to positioned lines: breaking, indents, justification on the character grid."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from desktop.reports.fonts import FontSet
from desktop.reports.layout import PageGeometry, TextStyle
from desktop.reports.linebreak import balanced_ends, font_advances, line_ends
from desktop.reports.story import Align, Para, SplitLine
from desktop.reports.words import word_breaks

# A justified line spreads its slack over its characters only up to this share of a 字; a
# line that would need more (a word that would not fit) is left ragged rather than stretched.
MAX_STRETCH = 0.25


@dataclass(frozen=True)
class Segment:
    """Text in one style, starting x points right of the text block's left edge."""

    x: float
    text: str
    style: TextStyle
    char_space: float


@dataclass(frozen=True)
class Line:
    segments: tuple[Segment, ...]

    @property
    def size(self) -> float:
        return max(segment.style.size for segment in self.segments)


def char_space(style: TextStyle, geometry: PageGeometry) -> float:
    """Extra PDF character spacing that puts a full-width character on every grid cell."""
    return geometry.pitch - style.size if style.on_grid else 0.0


def char_unit(style: TextStyle, geometry: PageGeometry) -> float:
    """One 字 for indents: a grid cell for grid text, the type size otherwise."""
    return geometry.pitch if style.on_grid else style.size


def _advances(para: Para, fonts: FontSet, geometry: PageGeometry) -> list[float]:
    advances: list[float] = []
    for run in para.runs:
        font = fonts[run.style.role].name
        spacing = char_space(run.style, geometry)
        advances += font_advances(run.text, font, run.style.size, spacing)
    return advances


def typeset(para: Para, fonts: FontSet, geometry: PageGeometry) -> tuple[Line, ...]:
    """Break a paragraph into lines and place every run on them."""
    text = para.text
    if not text:
        return ()
    styles = [run.style for run in para.runs for _ in run.text]
    advances = _advances(para, fonts, geometry)
    unit = char_unit(para.runs[0].style, geometry)
    full = geometry.block_width - para.right_indent * unit
    first_width = full - para.first_indent * unit
    width = full - para.indent * unit
    if para.balance:
        # A title that fits on one line needs no dictionary loaded to find where it breaks.
        words = word_breaks(text) if sum(advances) > width else ()
        ends = balanced_ends(text, advances, width, words)
    else:
        ends = line_ends(text, advances, width, first_width)
    lines = []
    start = 0
    for number, end in enumerate(ends):
        available = first_width if number == 0 else width
        x = full - available
        natural = sum(advances[start:end])
        extra = 0.0
        if para.align is Align.JUSTIFY and end < len(text):
            extra = (available - natural) / (end - start)
            if extra > MAX_STRETCH * unit:
                extra = 0.0
        elif para.align is Align.CENTER:
            x += (available - natural) / 2
        elif para.align is Align.RIGHT:
            x += available - natural
        lines.append(_place(text, styles, advances, start, end, x, extra, geometry))
        start = end
    return tuple(lines)


def _place(
    text: str,
    styles: list[TextStyle],
    advances: list[float],
    start: int,
    end: int,
    x: float,
    extra: float,
    geometry: PageGeometry,
) -> Line:
    segments = []
    position = start
    for style, group in groupby(range(start, end), key=styles.__getitem__):
        count = len(list(group))
        piece = text[position : position + count]
        segments.append(Segment(x, piece, style, char_space(style, geometry) + extra))
        x += sum(advances[position : position + count]) + extra * count
        position += count
    return Line(tuple(segments))


def split_line(line: SplitLine, fonts: FontSet, geometry: PageGeometry) -> tuple[Line, ...]:
    """Left text indented `inset` 字 from the left edge, right text as far from the right edge.

    When both do not fit on one line with a 字 between them, the left text (a name) wraps
    between words and the right text stands at the end of its last line, or on a line of
    its own when the left text would be left too narrow a column.
    """
    unit = char_unit(line.style, geometry)
    spacing = char_space(line.style, geometry)
    font = fonts[line.style.role].name
    full = geometry.block_width - 2 * line.inset * unit
    right_width = sum(font_advances(line.right, font, line.style.size, spacing))
    left = font_advances(line.left, font, line.style.size, spacing)
    room = full - right_width - unit
    if sum(left) <= room:
        pieces = [line.left]
    else:
        words = word_breaks(line.left)
        column = room if room >= full / 2 else full
        ends = balanced_ends(line.left, left, column, words)
        pieces = [line.left[a:b] for a, b in zip((0, *ends[:-1]), ends, strict=True)]
        if column == full:
            pieces.append("")
    right_x = geometry.block_width - line.inset * unit - right_width
    lines = [Line((Segment(line.inset * unit, piece, line.style, spacing),)) for piece in pieces]
    last = lines[-1].segments if pieces[-1] else ()
    lines[-1] = Line((*last, Segment(right_x, line.right, line.style, spacing)))
    return tuple(lines)
