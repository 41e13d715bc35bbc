"""An editable Word copy (.docx) of any document, for an office that adjusts wording in WPS.

It is set from the same story as the PDF (header, number, title, body, signature, date, 版记),
on the same page and type sizes, and says in its header and footer that it is an editable
copy: the issued record stays the PDF.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun

from desktop.core.document_dto import Document, Imprint, Printable
from desktop.reports.documents import document_story
from desktop.reports.fonts import FontRole
from desktop.reports.layout import IMPRINT, RED, PageGeometry, TextStyle
from desktop.reports.linebreak import pitch_advances
from desktop.reports.marks import marked
from desktop.reports.page import BANNER_LINE_HEIGHT, banner_lines
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

COPY_MARK = "副本（可编辑）"
COPY_NOTE = "本件为可编辑副本，以印发的正式文件为准"
# The faces by the names Windows and WPS know them; a missing one is substituted by the editor.
FACE_NAMES = {
    FontRole.TITLE: "方正小标宋简体",
    FontRole.BODY: "仿宋_GB2312",
    FontRole.HEI: "黑体",
    FontRole.KAI: "楷体_GB2312",
    FontRole.SONG: "宋体",
}
MASTHEAD_BLANK_LINES = 3  # the banner's top sits about 35 mm into the text block
# Rules in eighths of a point, as Word measures borders: the red rule 2 pt, the 版记's
# 0.35 mm and 0.25 mm.
RED_RULE_EIGHTHS = 16
THICK_RULE_EIGHTHS = 8
THIN_RULE_EIGHTHS = 6
_ALIGN = {
    Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
}
_RED = RGBColor(0xFF, 0, 0)
# The run properties that follow w:w (character scaling) in the schema's sequence.
_AFTER_SCALING = tuple(
    f"w:{tag}"
    for tag in [
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    ]
)
# The paragraph properties that follow w:pBdr in the schema's sequence.
_AFTER_BORDERS = tuple(
    f"w:{tag}"
    for tag in [
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)


def _add_run(paragraph: Paragraph, text: str, style: TextStyle) -> None:
    run = paragraph.add_run(text)
    face = FACE_NAMES[style.role]
    run.font.name = face
    run.font.size = Pt(style.size)
    # East Asian text takes its face from eastAsia, which python-docx leaves unset.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)
    if style.color == RED:
        run.font.color.rgb = _RED


class WordCopy:
    """Writes a story's elements as Word paragraphs and tables, one section per geometry."""

    def __init__(self, story: Story) -> None:
        self.document = new_document()
        self.geometry = story.geometry
        self._page(story.geometry)
        self.document.core_properties.title = f"{story.title}（{COPY_MARK}）"
        self.document.core_properties.author = story.author

    def _page(self, geometry: PageGeometry) -> None:
        section = self.document.sections[0]
        section.orientation = (
            WD_ORIENT.LANDSCAPE if geometry.width > geometry.height else WD_ORIENT.PORTRAIT
        )
        section.page_width, section.page_height = Pt(geometry.width), Pt(geometry.height)
        section.left_margin, section.top_margin = Pt(geometry.left), Pt(geometry.top)
        section.right_margin = Pt(geometry.width - geometry.right)
        section.bottom_margin = Pt(geometry.height - geometry.top - geometry.block_height)
        section.header_distance = section.footer_distance = Mm(12)
        # The document grid WPS and Word show: the body's line pitch, 22 lines to the page.
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is not None:
            grid.set(qn("w:type"), "lines")
            grid.set(qn("w:linePitch"), str(round(geometry.leading * 20)))
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _add_run(header, COPY_MARK, TextStyle(FontRole.HEI, 10.5, on_grid=False))
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_run(footer, f"{COPY_MARK}　{COPY_NOTE}", TextStyle(FontRole.SONG, 9, on_grid=False))

    def _unit(self, style: TextStyle) -> float:
        """One 字 of indent, as the PDF counts it: a grid cell for grid text."""
        return self.geometry.pitch if style.on_grid else style.size

    def paragraph(self, align: Align = Align.JUSTIFY) -> Paragraph:
        """A new paragraph on the body's line pitch."""
        paragraph = self.document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment = _ALIGN[align]
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(self.geometry.leading)
        fmt.space_before = fmt.space_after = Pt(0)
        return paragraph

    def runs(self, runs: tuple[Run, ...], para: Para | None = None) -> Paragraph:
        paragraph = self.paragraph(para.align if para else Align.LEFT)
        if para is not None:
            unit = self._unit(runs[0].style if runs else IMPRINT)
            fmt = paragraph.paragraph_format
            fmt.left_indent = Pt(unit * para.indent)
            fmt.first_line_indent = Pt(unit * (para.first_indent - para.indent))
            fmt.right_indent = Pt(unit * para.right_indent)
            fmt.keep_with_next = para.keep_with_next
        for run in runs:
            _add_run(paragraph, run.text, run.style)
        return paragraph

    def split_line(self, line: SplitLine) -> Paragraph:
        """Left text, then the right text at a right tab: Word wraps a long left part."""
        paragraph = self.paragraph(Align.LEFT)
        inset = self._unit(line.style) * line.inset
        paragraph.paragraph_format.left_indent = Pt(inset)
        paragraph.paragraph_format.right_indent = Pt(inset)
        stop = Pt(self.geometry.block_width - 2 * inset)
        paragraph.paragraph_format.tab_stops.add_tab_stop(stop, WD_TAB_ALIGNMENT.RIGHT)
        _add_run(paragraph, line.left, line.style)
        _add_run(paragraph, "\t" + line.right, line.style)
        return paragraph

    def masthead(self, masthead: Masthead) -> None:
        """Red banner (the PDF's lines, size and narrowing, reckoned on 1 em per character),
        number line, optional office/date line, then the red rule under them."""
        lines, size, scale = banner_lines(
            masthead.banner, pitch_advances(masthead.banner, 1.0), self.geometry
        )
        for _ in range(MASTHEAD_BLANK_LINES):
            self.paragraph()
        banner = self.paragraph(Align.CENTER)
        banner.paragraph_format.line_spacing = Pt(size * BANNER_LINE_HEIGHT)
        style = TextStyle(FontRole.TITLE, size, RED, on_grid=False)
        for number, (text, _width) in enumerate(lines):
            _add_run(banner, text, style)
            _scale(banner.runs[-1], scale)
            if number < len(lines) - 1:
                banner.runs[-1].add_break()
        self.paragraph()
        number_line = self.runs((Run(masthead.number_line),))
        number_line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        last = number_line
        if masthead.office_line is not None:
            last = self.split_line(SplitLine(*masthead.office_line))
        _border(last, "bottom", "FF0000", RED_RULE_EIGHTHS)

    def table(self, spec: TableSpec) -> None:
        columns = len(spec.col_fractions)
        table = self.document.add_table(rows=len(spec.rows), cols=columns)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for number, row in enumerate(spec.rows):
            column = 0
            for cell in row:
                target: _Cell = table.cell(number, column)
                if cell.span > 1:
                    target = target.merge(table.cell(number, column + cell.span - 1))
                target.width = Pt(
                    self.geometry.block_width * sum(spec.col_fractions[column : column + cell.span])
                )
                paragraph = target.paragraphs[0]
                paragraph.alignment = _ALIGN[cell.align]
                lines = cell.text.split("\n")
                for line_number, line in enumerate(lines):
                    _add_run(paragraph, line, cell.style)
                    if line_number < len(lines) - 1:
                        paragraph.runs[-1].add_break()
                column += cell.span
            if number < spec.header_rows:
                row_properties = table.rows[number]._tr.get_or_add_trPr()
                row_properties.append(OxmlElement("w:tblHeader"))

    def signature(self, signature: Signature) -> None:
        self.paragraph()
        self.runs(signature.office.runs, signature.office)
        self.runs(signature.date.runs, signature.date)

    def imprint(self, imprint: Imprint) -> None:
        """版记 on a page of its own between a thick, a thin (after 抄送) and a thick rule."""
        self.paragraph().add_run().add_break(WD_BREAK.PAGE)
        copy, printed_line = imprint_parts(imprint)
        if copy is not None:
            _border(self.runs(copy.runs, copy), "top", "000000", THICK_RULE_EIGHTHS)
        printed = self.split_line(printed_line)
        top = THIN_RULE_EIGHTHS if copy is not None else THICK_RULE_EIGHTHS
        _border(printed, "top", "000000", top)
        _border(printed, "bottom", "000000", THICK_RULE_EIGHTHS)

    def add(self, element: Element) -> None:
        if isinstance(element, Para):
            self.runs(element.runs, element)
        elif isinstance(element, SplitLine):
            self.split_line(element)
        elif isinstance(element, Blank):
            for _ in range(element.rows):
                self.paragraph()
        elif isinstance(element, TableSpec):
            self.table(element)
        elif isinstance(element, Masthead):
            self.masthead(element)
        elif isinstance(element, Signature):
            self.signature(element)
        elif isinstance(element, Figure):
            titles = "、".join(chart.title for chart in element.charts)
            self.runs((Run(f"（图表：{titles}，见印发的正式文件）"),))
        elif isinstance(element, PageBreak):
            self.paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            self.imprint(element)

    def save(self) -> bytes:
        buffer = BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _scale(run: DocxRun, percent: float) -> None:
    """Character scaling (w:w): the banner narrowed as in the PDF."""
    scaling = OxmlElement("w:w")
    scaling.set(qn("w:val"), str(round(percent)))
    run._element.get_or_add_rPr().insert_element_before(scaling, *_AFTER_SCALING)


def _border(paragraph: Paragraph, side: str, color: str, eighths: int) -> None:
    """A rule along one side of a paragraph: the red rule, the 版记's rules."""
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # WordprocessingML fixes the order of paragraph properties; Word refuses others.
        properties.insert_element_before(borders, *_AFTER_BORDERS)
    edge = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(eighths)), ("space", "1"), ("color", color)):
        edge.set(qn(f"w:{key}"), value)
    borders.append(edge)


def build_docx(document: Document | Printable) -> bytes:
    """The editable Word copy of a document (or of an issued copy or draft, with its mark)."""
    if isinstance(document, Printable):
        story = marked(document_story(document.doc), document)
    else:
        story = document_story(document)
    copy = WordCopy(story)
    for element in story.elements:
        copy.add(element)
    return copy.save()
