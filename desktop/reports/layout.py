"""GB/T 9704-2012 page geometry, type sizes, colours and text styles."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import CMYKColor, Color, black

from desktop.reports.fonts import FontRole

MM = 72 / 25.4

# Chinese type sizes (字号) in points.
SIZE_1 = 26.0  # 一号
SIZE_2 = 22.0  # 二号: titles
SIZE_3 = 16.0  # 三号: body
SIZE_4 = 14.0  # 四号: page numbers, 版记, forms
SIZE_SMALL_4 = 12.0  # 小四: dense tables

# The red of official headers, printed as process red (C0 M100 Y100 K0).
RED = CMYKColor(0, 1, 1, 0)

# The em box sits from 0.88 em above the baseline to 0.12 em below in CJK fonts (SimSun, UMing),
# so the top of a line's characters lies 0.88 × size above its baseline.
EM_ASCENT = 0.88


@dataclass(frozen=True)
class PageGeometry:
    """A page and its text block (版心), in points; rows and pitch make the body grid."""

    width: float
    height: float
    left: float
    top: float
    block_width: float
    block_height: float
    rows: int
    pitch: float  # one body character cell
    leading: float  # one body line

    @property
    def right(self) -> float:
        return self.left + self.block_width

    @property
    def block_top_y(self) -> float:
        """PDF y (from the bottom) of the text block's top edge."""
        return self.height - self.top

    @property
    def block_bottom_y(self) -> float:
        return self.block_top_y - self.block_height

    def row_top_y(self, row: int) -> float:
        return self.block_top_y - row * self.leading


# 156 mm / 28 characters and 225 mm / 22 lines: the grid GB/T 9704 prescribes for 三号 text.
_PITCH = 156 * MM / 28
_LEADING = 225 * MM / 22

PORTRAIT = PageGeometry(
    width=210 * MM,
    height=297 * MM,
    left=28 * MM,
    top=37 * MM,
    block_width=156 * MM,
    block_height=225 * MM,
    rows=22,
    pitch=_PITCH,
    leading=_LEADING,
)
# A landscape table page is the portrait page turned: the 156 mm side now runs top to bottom.
LANDSCAPE = PageGeometry(
    width=297 * MM,
    height=210 * MM,
    left=37 * MM,
    top=28 * MM,
    block_width=225 * MM,
    block_height=156 * MM,
    rows=int(156 * MM // _LEADING),
    pitch=_PITCH,
    leading=_LEADING,
)


@dataclass(frozen=True)
class TextStyle:
    role: FontRole
    size: float = SIZE_3
    color: Color = black
    on_grid: bool = True  # 三号 text sits on the 28-character grid; other sizes use natural width


BODY = TextStyle(FontRole.BODY)
HEI = TextStyle(FontRole.HEI)
KAI = TextStyle(FontRole.KAI)
TITLE = TextStyle(FontRole.TITLE, SIZE_2, on_grid=False)
IMPRINT = TextStyle(FontRole.BODY, SIZE_4, on_grid=False)
PAGE_NUMBER = TextStyle(FontRole.SONG, SIZE_4, on_grid=False)
TABLE_HEAD = TextStyle(FontRole.HEI, SIZE_SMALL_4, on_grid=False)
TABLE_TEXT = TextStyle(FontRole.BODY, SIZE_SMALL_4, on_grid=False)
