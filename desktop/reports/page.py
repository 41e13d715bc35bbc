"""The page writer: places a story on the 22-line grid, paginates, numbers pages, draws headers."""

from __future__ import annotations

import itertools
import math
from io import BytesIO

from reportlab.lib.colors import black
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table

from desktop import APP_NAME
from desktop.core.document_dto import Imprint
from desktop.reports.charts import chart_drawing
from desktop.reports.fonts import FontSet, resolve_fonts
from desktop.reports.layout import (
    BODY,
    EM_ASCENT,
    MM,
    PAGE_NUMBER,
    RED,
    TITLE,
    PageGeometry,
    TextStyle,
)
from desktop.reports.linebreak import balanced_ends, font_advances
from desktop.reports.story import (
    Align,
    Blank,
    Element,
    Figure,
    Masthead,
    PageBreak,
    Para,
    Run,
    Signature,
    SplitLine,
    Story,
    TableSpec,
    imprint_parts,
)
from desktop.reports.tables import build_table
from desktop.reports.typeset import Line, char_unit, split_line, typeset
from desktop.reports.words import document_names, word_breaks

MASTHEAD_TOP = 35 * MM  # banner's top edge below the text block's top edge
MASTHEAD_MAX_SIZE = 42.0
MASTHEAD_MIN_SCALE = 60.0  # percent: banners are narrowed before they are shrunk
MASTHEAD_MIN_SIZE = 28.0  # a banner that would shrink below this takes another line instead
MASTHEAD_MAX_LINES = 4
BANNER_LINE_HEIGHT = 1.15  # of the banner's size, baseline to baseline
RED_RULE_GAP = 4 * MM  # red rule below the number line
RED_RULE_WIDTH = 2.0
PAGE_NUMBER_GAP = 7 * MM  # page number below the text block
THICK_RULE = 0.35 * MM
THIN_RULE = 0.25 * MM
FAKE_BOLD_STROKE = 0.03  # of the type size
CARRIED_LINES = 2  # text lines that move with a signature to a new page
MIN_TABLE_ROWS = 3  # data rows a table must show before a page break


class PageWriter:
    """Writes lines on grid rows, page after page; `row` is the next free row."""

    def __init__(self, story: Story, fonts: FontSet) -> None:
        self.geometry = story.geometry
        self.fonts = fonts
        self.buffer = BytesIO()
        # Without an initial font of ours every page would reference an unembedded Helvetica.
        self.canvas = Canvas(
            self.buffer,
            pagesize=(self.geometry.width, self.geometry.height),
            initialFontName=fonts.body.name,
            initialFontSize=BODY.size,
            # The same document gives the same bytes at every print (no timestamp, a
            # content-derived ID), so an issued copy's PDF hash can be checked again.
            invariant=True,
        )
        self.canvas.setTitle(story.title)
        self.canvas.setAuthor(story.author)
        self.canvas.setSubject(story.title)
        self.canvas.setCreator(APP_NAME)
        self.page = 1
        self.row = 0
        # Text lines of the current page are drawn when the page is done, so the last of them
        # can still move to the next page with a signature that would otherwise stand alone.
        self.page_lines: list[tuple[int, Line]] = []
        self.char_widths: dict[tuple[str, float, str], float] = {}
        self.unnumbered: set[int] = set()  # a blank page before the 版记 and the 版记's page

    def rows_left(self) -> int:
        return self.geometry.rows - self.row

    def _draw_page_lines(self) -> None:
        for row, line in self.page_lines:
            self.draw_line(line, self.geometry.row_top_y(row))
        self.page_lines.clear()

    def new_page(self) -> None:
        self._draw_page_lines()
        self._draw_page_number()
        self.canvas.showPage()
        self.page += 1
        self.row = 0

    def finish(self) -> bytes:
        self._draw_page_lines()
        self._draw_page_number()
        self.canvas.save()
        return self.buffer.getvalue()

    def draw_text(
        self,
        x: float,
        baseline: float,
        text: str,
        style: TextStyle,
        char_space: float = 0.0,
        horiz_scale: float = 100.0,
    ) -> None:
        font = self.fonts[style.role]
        text_object = self.canvas.beginText(x, baseline)
        text_object.setFont(font.name, style.size)
        text_object.setFillColor(style.color)
        text_object.setCharSpace(char_space)
        text_object.setHorizScale(horiz_scale)
        if font.fake_bold:
            # The render mode outlives the text object, and ReportLab believes each new text
            # object starts in mode 0, so stroked text is fenced in its own graphics state.
            self.canvas.saveState()
            self.canvas.setStrokeColor(style.color)
            self.canvas.setLineWidth(style.size * FAKE_BOLD_STROKE)
            text_object.setTextRenderMode(2)  # fill, then stroke the outline
        pieces = self._subset_pieces(text, font.name)
        for piece in pieces:
            if len(pieces) > 1:
                text_object.setTextOrigin(x, baseline)
                x += self._advance(piece, font.name, style.size, char_space) * horiz_scale / 100
            text_object.textOut(piece)
        self.canvas.drawText(text_object)
        if font.fake_bold:
            self.canvas.restoreState()

    def _advance(self, text: str, font_name: str, size: float, char_space: float) -> float:
        widths = self.char_widths
        total = 0.0
        for char in text:
            key = (font_name, size, char)
            width = widths.get(key)
            if width is None:
                width = widths[key] = pdfmetrics.stringWidth(char, font_name, size)
            total += width + char_space
        return total

    def _subset_pieces(self, text: str, font_name: str) -> list[str]:
        """Text cut where ReportLab switches to another 256-glyph subset of the font.

        Each piece is placed at its own origin: some extractors (pdfminer, under pdfplumber)
        drop the character spacing after the last glyph of a string, so a line printed as
        several strings would read back drifting right by that spacing at every switch.
        """
        face = pdfmetrics.getFont(font_name)
        pieces = []
        start = 0
        # splitString assigns glyphs to subsets as printing them would; _doc is the only
        # handle ReportLab gives to the document that owns the subsets.
        for _subset, codes in face.splitString(text, self.canvas._doc):
            pieces.append(text[start : start + len(codes)])
            start += len(codes)
        return pieces

    def draw_line(self, line: Line, top: float) -> None:
        """A line whose characters' em boxes start at PDF y `top`."""
        baseline = top - EM_ASCENT * line.size
        for segment in line.segments:
            x = self.geometry.left + segment.x
            self.draw_text(x, baseline, segment.text, segment.style, segment.char_space)

    def write_lines(self, lines: tuple[Line, ...], keep_rows: int = 0) -> None:
        """Lines row after row; a heading turns the page unless `keep_rows` more fit after it."""
        if keep_rows and len(lines) + keep_rows > self.rows_left() and self.row > 0:
            self.new_page()
        for line in lines:
            if self.rows_left() == 0:
                self.new_page()
            self.page_lines.append((self.row, line))
            self.row += 1

    def write_signature(self, signature: Signature) -> None:
        """One blank row, then office and date; if they must turn the page, text goes with them."""
        lines = typeset(signature.office, self.fonts, self.geometry)
        lines += typeset(signature.date, self.fonts, self.geometry)
        if len(lines) + 1 > self.rows_left() and self.row > 0:
            last_rows = self.row - CARRIED_LINES
            carried = [line for row, line in self.page_lines[-CARRIED_LINES:] if row >= last_rows]
            del self.page_lines[len(self.page_lines) - len(carried) :]
            self.new_page()
            self.write_lines(tuple(carried))
        self.write_blank(Blank(1))
        self.write_lines(lines)

    def write_blank(self, blank: Blank) -> None:
        if self.row > 0:  # a blank line never opens a page
            self.row = min(self.row + blank.rows, self.geometry.rows)

    def write_table(self, table: Table) -> None:
        """The table from the current row on, split across pages with its header repeated."""
        width = self.geometry.block_width
        pending = [table]
        while pending:
            table = pending.pop(0)
            available = self.rows_left() * self.geometry.leading
            _, height = table.wrap(width, available)
            if height > available:
                parts = table.split(width, available)
                # ReportLab keeps its row count private; a part with fewer than MIN_TABLE_ROWS
                # data rows under the header is not worth leaving at the foot of a page.
                orphan = bool(parts) and parts[0]._nrows - table.repeatRows < MIN_TABLE_ROWS
                if (len(parts) < 2 or orphan) and self.row > 0:
                    self.new_page()
                    pending.insert(0, table)
                    continue
                table, *rest = parts or [table]
                pending[:0] = rest
                _, height = table.wrap(width, available)
            table.drawOn(
                self.canvas, self.geometry.left, self.geometry.row_top_y(self.row) - height
            )
            # Text after a table keeps at least half a row clear of its bottom rule.
            self.row += math.ceil(height / self.geometry.leading + 0.5)
            if pending:
                self.new_page()

    def write_figure(self, figure: Figure) -> None:
        """Charts side by side from the current row, on a new page if they do not fit here."""
        rows = min(figure.rows, self.geometry.rows)
        if rows > self.rows_left() and self.row > 0:
            self.new_page()
        gap = self.geometry.pitch / 2
        count = len(figure.charts)
        width = (self.geometry.block_width - gap * (count - 1)) / count
        height = rows * self.geometry.leading
        bottom = self.geometry.row_top_y(self.row) - height
        for i, spec in enumerate(figure.charts):
            drawing = chart_drawing(spec, self.fonts, width, height)
            drawing.drawOn(self.canvas, self.geometry.left + i * (width + gap), bottom)
        self.row += rows

    def write_page_break(self) -> None:
        if self.row > 0:
            self.new_page()

    def write_masthead(self, masthead: Masthead) -> None:
        """Red banner 35 mm into the block, number line two rows below it, then the red rule."""
        geometry = self.geometry
        advances = font_advances(masthead.banner, self.fonts[TITLE.role].name, 1.0)
        lines, size, scale = banner_lines(masthead.banner, advances, geometry)
        style = TextStyle(TITLE.role, size, RED, on_grid=False)
        top = geometry.block_top_y - MASTHEAD_TOP
        for text, natural in lines:
            width = natural * size * scale / 100
            x = geometry.left + (geometry.block_width - width) / 2
            self.draw_text(x, top - EM_ASCENT * size, text, style, horiz_scale=scale)
            top -= size * BANNER_LINE_HEIGHT
        height = size * (1 + BANNER_LINE_HEIGHT * (len(lines) - 1))
        self.row = math.ceil((MASTHEAD_TOP + height) / geometry.leading) + 2
        number = Para((Run(masthead.number_line),), first_indent=0, align=Align.CENTER)
        self.write_lines(typeset(number, self.fonts, geometry))
        if masthead.office_line is not None:
            left, right = masthead.office_line
            self.write_lines(split_line(SplitLine(left, right), self.fonts, geometry))
        rule_y = geometry.row_top_y(self.row - 1) - BODY.size - RED_RULE_GAP
        self.canvas.setStrokeColor(RED)
        self.canvas.setLineWidth(RED_RULE_WIDTH)
        self.canvas.line(geometry.left, rule_y, geometry.right, rule_y)

    def write_imprint(self, imprint: Imprint) -> None:
        """版记 on the last rows of the last page, between a thick, thin and thick rule.

        The last page is an even one (the back of a sheet printed on both sides); when the
        版记 has to turn to an odd page, that page stays blank and, like the page after it,
        carries no page number (GB/T 9704 7.5).
        """
        geometry = self.geometry
        copy, printed = imprint_parts(imprint)
        lines: list[Line] = []
        if copy is not None:
            lines += typeset(copy, self.fonts, geometry)
        printed_lines = split_line(printed, self.fonts, geometry)
        lines += printed_lines
        if len(lines) > self.rows_left() or (self.page % 2 == 1 and self.row > 0):
            self.new_page()
        if self.page % 2 == 1:
            self.unnumbered.update((self.page, self.page + 1))
            self.new_page()
        first_row = geometry.rows - len(lines)
        for offset, line in enumerate(lines):
            top = geometry.row_top_y(first_row + offset)
            self.draw_line(line, top - (geometry.leading - line.size) / 2)
        self._rule(geometry.row_top_y(first_row), THICK_RULE)
        if imprint.copy_to:
            self._rule(geometry.row_top_y(geometry.rows - len(printed_lines)), THIN_RULE)
        self._rule(geometry.block_bottom_y, THICK_RULE)
        self.row = geometry.rows

    def _rule(self, y: float, width: float) -> None:
        self.canvas.setStrokeColor(black)
        self.canvas.setLineWidth(width)
        self.canvas.line(self.geometry.left, y, self.geometry.right, y)

    def _draw_page_number(self) -> None:
        """'— N —' 7 mm under the block: right on odd pages, left on even, one 字 in."""
        if self.page in self.unnumbered:
            return
        text = f"— {self.page} —"
        style = PAGE_NUMBER
        width = self.canvas.stringWidth(text, self.fonts[style.role].name, style.size)
        inset = char_unit(style, self.geometry)
        odd = self.page % 2 == 1
        x = self.geometry.right - inset - width if odd else self.geometry.left + inset
        top = self.geometry.block_bottom_y - PAGE_NUMBER_GAP
        self.draw_text(x, top - EM_ASCENT * style.size, text, style)


def banner_lines(
    banner: str, advances: list[float], geometry: PageGeometry
) -> tuple[tuple[tuple[str, float], ...], float, float]:
    """The banner's lines (text, width at 1 pt), type size and horizontal scale (percent),
    from the advance of each character at 1 pt.

    One line at the largest size, narrowed to MASTHEAD_MIN_SCALE and then shrunk; a banner
    that would shrink below MASTHEAD_MIN_SIZE (two long names in a 纪要标志) breaks between
    words into balanced lines instead.
    """
    tried: list[tuple[tuple[str, float], ...]] = [((banner, float(sum(advances))),)]
    if _banner_size(tried[0], geometry)[0] < MASTHEAD_MIN_SIZE:
        words = word_breaks(banner)
        # Whole names on fewer lines first; a name too long for a line breaks between its words.
        for tier, count in itertools.product(
            range(len(words) + 1), range(2, MASTHEAD_MAX_LINES + 1)
        ):
            ends = balanced_ends(banner, advances, sum(advances), words, count, tier)
            starts = (0, *ends[:-1])
            lines = tuple(
                (banner[a:b], sum(advances[a:b])) for a, b in zip(starts, ends, strict=True)
            )
            tried.append(lines)
            if _banner_size(lines, geometry)[0] >= MASTHEAD_MIN_SIZE:
                break
    lines = max(tried, key=lambda option: _banner_size(option, geometry)[0])
    return (lines, *_banner_size(lines, geometry))


def _banner_size(
    lines: tuple[tuple[str, float], ...], geometry: PageGeometry
) -> tuple[float, float]:
    widest = max(width for _text, width in lines)
    scale = min(100.0, 100.0 * geometry.block_width / (widest * MASTHEAD_MAX_SIZE))
    if scale >= MASTHEAD_MIN_SCALE:
        return MASTHEAD_MAX_SIZE, scale
    return MASTHEAD_MAX_SIZE * scale / MASTHEAD_MIN_SCALE, MASTHEAD_MIN_SCALE


def _opening_rows(element: Element | Table, geometry: PageGeometry) -> int:
    """Rows the start of an element needs on the page of the heading kept with it."""
    if isinstance(element, Table):
        element.wrap(geometry.block_width, geometry.block_height)
        # _rowHeights is ReportLab's only account of row heights after wrap().
        opening: list[float] = element._rowHeights[: element.repeatRows + MIN_TABLE_ROWS]
        return math.ceil(sum(opening) / geometry.leading)
    return 1 if isinstance(element, Para) else 0


def _names(story: Story) -> list[str]:
    """The names a story prints as names, kept whole wherever a title or a banner breaks."""
    names = [story.author]
    for element in story.elements:
        if isinstance(element, Imprint):
            names += [element.office, *element.copy_to]
        elif isinstance(element, Signature):
            names.append(element.office.text)
        elif isinstance(element, Masthead) and element.office_line is not None:
            names.append(element.office_line[0])
    return names


def render(story: Story, fonts: FontSet | None = None) -> bytes:
    """The PDF of a story, in the given fonts or the ones found on this computer."""
    fonts = fonts or resolve_fonts()
    with document_names(_names(story)):
        return _render(story, fonts)


def _render(story: Story, fonts: FontSet) -> bytes:
    geometry = story.geometry
    writer = PageWriter(story, fonts)
    elements = [
        build_table(e, fonts, geometry.block_width) if isinstance(e, TableSpec) else e
        for e in story.elements
    ]
    for element, following in zip(elements, [*elements[1:], Blank(0)], strict=True):
        if isinstance(element, Para):
            lines = typeset(element, fonts, geometry)
            keep = _opening_rows(following, geometry) if element.keep_with_next else 0
            writer.write_lines(lines, keep)
        elif isinstance(element, SplitLine):
            writer.write_lines(split_line(element, fonts, geometry))
        elif isinstance(element, Blank):
            writer.write_blank(element)
        elif isinstance(element, Table):
            writer.write_table(element)
        elif isinstance(element, Masthead):
            writer.write_masthead(element)
        elif isinstance(element, Signature):
            writer.write_signature(element)
        elif isinstance(element, Figure):
            writer.write_figure(element)
        elif isinstance(element, PageBreak):
            writer.write_page_break()
        else:
            writer.write_imprint(element)
    return writer.finish()
