"""Where the 版记 and a long signature go: an even last page, unnumbered blank and 版记 pages,
office lines aligned at their start with the date two 字 right of it."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.document_dto import Imprint
from desktop.reports.fonts import FontSet
from desktop.reports.page import render
from desktop.reports.parts import body, signature
from desktop.reports.story import Story
from tests.reports.pdfcheck import PAGE_NUMBER, body_lines, open_pdf, page_lines

LEFT, PITCH = 28.0, 156.0 / 28
DAY = date(2024, 3, 8)
IMPRINT = Imprint("滨海县总工会办公室", DAY, ("县委办公室",))
LONG_OFFICE = "江苏省盐城市滨海县经济开发区沿海工业园区永盛重型钢结构工程股份有限公司工会委员会"


def pages(story: Story, fonts: FontSet) -> list[tuple[list[str], bool]]:
    """Each page's text lines and whether it carries a page number."""
    with open_pdf(render(story, fonts)) as pdf:
        return [
            (
                [line.text for line in body_lines(page)],
                any(PAGE_NUMBER.match(line.text) for line in page_lines(page)),
            )
            for page in pdf.pages
        ]


def paragraphs(count: int) -> tuple[object, ...]:
    return tuple(body(f"第{n}段正文。") for n in range(1, count + 1))


def test_a_short_document_puts_its_imprint_on_page_two(fonts: FontSet) -> None:
    printed = pages(Story("通知", "县总工会", (*paragraphs(3), IMPRINT)), fonts)  # type: ignore[arg-type]
    assert len(printed) == 2
    assert printed[0][0] == ["第1段正文。", "第2段正文。", "第3段正文。"]
    assert printed[1][0][-1].endswith("2024年3月8日印发") and printed[1][1]


def test_an_imprint_that_turns_to_an_odd_page_leaves_it_blank_and_both_unnumbered(
    fonts: FontSet,
) -> None:
    # Two full pages (22 rows each) and the imprint does not fit on page 2.
    story = Story("通知", "县总工会", (*paragraphs(44), IMPRINT))  # type: ignore[arg-type]
    printed = pages(story, fonts)
    assert len(printed) == 4
    assert [numbered for _lines, numbered in printed] == [True, True, False, False]
    assert printed[2][0] == []
    assert printed[3][0][-1].endswith("印发")


@pytest.mark.parametrize("office", ["滨海县总工会", LONG_OFFICE])
def test_a_long_signature_starts_its_lines_together_and_the_date_two_characters_in(
    fonts: FontSet, office: str
) -> None:
    story = Story("通知", office, (*paragraphs(2), signature(office, DAY)))  # type: ignore[arg-type]
    with open_pdf(render(story, fonts)) as pdf:
        lines = body_lines(pdf.pages[0])[2:]
    *office_lines, date_line = lines
    assert "".join(line.text for line in office_lines) == office
    assert date_line.text == "2024年3月8日"
    starts = {round(line.x0, 1) for line in office_lines}
    assert len(starts) == 1
    assert date_line.x0 == pytest.approx(office_lines[0].x0 + 2 * PITCH, abs=0.2)
    right = max(line.x1 for line in lines)
    assert right <= LEFT + 156.0 - 2 * PITCH + 0.3  # two 字 from the right edge


def test_the_same_document_prints_the_same_bytes(fonts: FontSet) -> None:
    """No timestamp or random ID: an issued copy's PDF hash holds at every later print."""
    story = Story("通知", "县总工会", (*paragraphs(3), IMPRINT))  # type: ignore[arg-type]
    assert render(story, fonts) == render(story, fonts)
