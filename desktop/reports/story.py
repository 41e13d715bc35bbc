"""The elements a document is composed of, between a DTO and the page writer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop.core.document_dto import Imprint
from desktop.reports.formatting import cn_date
from desktop.reports.layout import BODY, IMPRINT, PORTRAIT, PageGeometry, TextStyle


class Align(Enum):
    JUSTIFY = "justify"
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Run:
    text: str
    style: TextStyle = BODY


@dataclass(frozen=True)
class Para:
    """A paragraph; indents count characters (字) of its first run's size."""

    runs: tuple[Run, ...]
    first_indent: float = 2
    indent: float = 0  # continuation lines: a hanging indent when larger than first_indent
    right_indent: float = 0
    align: Align = Align.JUSTIFY
    keep_with_next: bool = False
    balance: bool = False  # titles: lines of near-equal length instead of a short last line

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class SplitLine:
    """One line with text flush left and text flush right, each indented by `inset` 字."""

    left: str
    right: str
    style: TextStyle = BODY
    inset: float = 1


@dataclass(frozen=True)
class Blank:
    rows: int = 1


@dataclass(frozen=True)
class Cell:
    text: str
    style: TextStyle
    align: Align = Align.CENTER
    span: int = 1
    min_lines: int = 1


@dataclass(frozen=True)
class TableSpec:
    """A ruled table as wide as the text block; header rows repeat after a page break."""

    rows: tuple[tuple[Cell, ...], ...]
    col_fractions: tuple[float, ...]
    header_rows: int = 1


@dataclass(frozen=True)
class Masthead:
    """The red banner, the number line under it, an optional office/date line, the red rule."""

    banner: str
    number_line: str
    office_line: tuple[str, str] | None = None


@dataclass(frozen=True)
class Signature:
    """发文机关署名 over 成文日期, one row under the text and never alone on a page."""

    office: Para
    date: Para


class ChartKind(Enum):
    COLUMNS = "columns"  # vertical bars, categories along the bottom
    BARS = "bars"  # horizontal bars, categories down the left, the first on top
    LINES = "lines"  # one line per series over the categories


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per category; None: no value there


@dataclass(frozen=True)
class ChartSpec:
    """A chart in figures and words; drawn with ReportLab graphics in the document's fonts."""

    kind: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_title: str  # the value axis' title, with its unit: 得分（分）
    category_title: str = ""
    value_range: tuple[float, float] | None = None  # None: from the data
    value_step: float | None = None
    label_format: str = "{:g}"  # the figure printed at each bar or point; "" for none


@dataclass(frozen=True)
class Figure:
    """Charts side by side across the text block, `rows` body lines tall, kept on one page."""

    charts: tuple[ChartSpec, ...]
    rows: int


@dataclass(frozen=True)
class PageBreak:
    """The next element starts a new page (an attachment after the signature)."""


def imprint_parts(imprint: Imprint) -> tuple[Para | None, SplitLine]:
    """The 版记's 抄送 paragraph (wrapped lines aligned after the colon; None when nobody is
    copied) and its 印发机关 / 印发日期 line, in 四号."""
    printed = SplitLine(imprint.office, f"{cn_date(imprint.printed_on)}印发", IMPRINT)
    if not imprint.copy_to:
        return None, printed
    label = f"{imprint.copy_label}："
    copy = Para(
        (Run(label + "，".join(imprint.copy_to) + "。", IMPRINT),),
        first_indent=1,
        indent=1 + len(label),
        right_indent=1,
    )
    return copy, printed


Element = Para | SplitLine | Blank | TableSpec | Masthead | Signature | Imprint | Figure | PageBreak


@dataclass(frozen=True)
class Story:
    title: str
    author: str
    elements: tuple[Element, ...]
    geometry: PageGeometry = PORTRAIT
