"""GB/T 9704 geometry read back from the PDFs: margins, the 22 × 28 grid, page numbers, headers."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.core.document_dto import Document, MinutesDoc, MinutesTopic
from desktop.reports.documents import build_document
from desktop.reports.fonts import FontSet
from desktop.reports.linebreak import NO_END, NO_START
from desktop.reports.page import render
from desktop.reports.parts import body, signature
from desktop.reports.samples import sample_minutes
from desktop.reports.story import Story
from tests.reports.pdfcheck import body_lines, open_pdf, page_lines, page_number_line

LEFT, TOP, WIDTH, HEIGHT = 28.0, 37.0, 156.0, 225.0
PITCH, LEADING = WIDTH / 28, HEIGHT / 22
PROCESS_RED = (0.0, 1.0, 1.0, 0.0)
BLOCK_CENTRE = LEFT + WIDTH / 2
EDGE = 0.2  # mm: a CJK glyph box is 16 pt wide on a 15.8 pt pitch, so the last one overhangs
GRID_TEXT = "各级工会要把联席会议作为源头参与的重要渠道" * 60  # no marks: every line is full


@pytest.fixture(scope="module")
def grid_pdf(fonts: FontSet) -> bytes:
    """Minutes whose second page is nothing but full lines of Chinese text."""
    doc = dataclasses.replace(
        sample_minutes(), topics=(MinutesTopic("关于源头参与的议题", GRID_TEXT),)
    )
    return build_document(doc, fonts)


def test_body_text_fills_the_text_block_and_no_more(built: dict[str, bytes]) -> None:
    with open_pdf(built["minutes"]) as pdf:
        lines = body_lines(pdf.pages[1])
    assert min(line.x0 for line in lines) == pytest.approx(LEFT, abs=0.1)
    assert lines[0].top == pytest.approx(TOP, abs=0.3)
    assert max(line.x1 for line in lines) <= LEFT + WIDTH + EDGE
    assert lines[-1].top < TOP + HEIGHT


def test_a_full_page_has_22_lines_of_28_characters_on_the_grid(grid_pdf: bytes) -> None:
    with open_pdf(grid_pdf) as pdf:
        lines = body_lines(pdf.pages[1])
    assert len(lines) == 22
    for row, line in enumerate(lines):
        assert len(line.text) == 28
        assert line.top == pytest.approx(TOP + row * LEADING, abs=0.2)
        for column, char in enumerate(line.chars):
            assert char["x0"] / (72 / 25.4) == pytest.approx(LEFT + column * PITCH, abs=0.1)
        assert line.x1 == pytest.approx(LEFT + WIDTH, abs=0.2)
        assert line.chars[0]["size"] == pytest.approx(16)


@pytest.mark.parametrize(
    "stem", ["minutes", "meeting_notice", "supervision_notice", "rectification"]
)
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_mark(
    built: dict[str, bytes], stem: str
) -> None:
    with open_pdf(built[stem]) as pdf:
        lines = [line.text for page in pdf.pages for line in body_lines(page)]
    assert len(lines) > 20
    for text in lines:
        assert text[0] not in NO_START, text
        assert text[-1] not in NO_END, text


def test_paragraph_lines_are_justified_flush_with_the_right_edge(
    built: dict[str, bytes],
) -> None:
    """Lines that pulled a character down are spaced out; only a paragraph's last line is short."""
    with open_pdf(built["minutes"]) as pdf:
        lines = body_lines(pdf.pages[1])
    full = [line for line in lines if line.x1 > LEFT + WIDTH - PITCH]
    assert len(full) >= 15
    for line in full:
        assert line.x1 == pytest.approx(LEFT + WIDTH, abs=EDGE)
        assert 26 <= len(line.text) <= 40  # half-width digits take half a cell


def test_page_numbers_sit_right_on_odd_pages_and_left_on_even_pages(
    built: dict[str, bytes],
) -> None:
    one_char = 14 / (72 / 25.4)
    with open_pdf(built["minutes"]) as pdf:
        assert len(pdf.pages) >= 3
        for number, page in enumerate(pdf.pages, 1):
            line = page_number_line(page)
            assert line.text == f"— {number} —"
            assert line.top == pytest.approx(TOP + HEIGHT + 7, abs=1)
            assert line.chars[0]["size"] == pytest.approx(14)
            if number % 2:
                assert line.x1 == pytest.approx(LEFT + WIDTH - one_char, abs=0.5)
            else:
                assert line.x0 == pytest.approx(LEFT + one_char, abs=0.5)


def test_the_red_header_has_the_office_the_number_and_the_red_rule(
    built: dict[str, bytes],
) -> None:
    with open_pdf(built["meeting_notice"]) as pdf:
        page = pdf.pages[0]
        lines = page_lines(page)
        banner, number = lines[0], lines[1]
        assert banner.text == "滨海县总工会文件"
        assert all(c["non_stroking_color"] == PROCESS_RED for c in banner.chars)
        assert banner.top == pytest.approx(TOP + 35, abs=1.5)
        assert (banner.x0 + banner.x1) / 2 == pytest.approx(BLOCK_CENTRE, abs=0.3)
        assert number.text == "滨工联〔2024〕3号"
        assert (number.x0 + number.x1) / 2 == pytest.approx(BLOCK_CENTRE, abs=0.3)
        red_rules = [ln for ln in page.lines if ln["stroking_color"] == PROCESS_RED]
        assert len(red_rules) == 1
        rule = red_rules[0]
        assert (rule["x0"], rule["x1"]) == pytest.approx((LEFT * 72 / 25.4, 184 * 72 / 25.4))
        assert number.top < rule["top"] / (72 / 25.4) < lines[2].top


def test_the_title_is_centred_in_22_point_type_below_the_rule(built: dict[str, bytes]) -> None:
    with open_pdf(built["meeting_notice"]) as pdf:
        titles = [ln for ln in page_lines(pdf.pages[0]) if ln.chars[0]["size"] == pytest.approx(22)]
    assert "".join(t.text for t in titles) == (
        "关于召开滨海县人民政府与县总工会2024年第一次联席会议的通知"
    )
    for line in titles:
        assert (line.x0 + line.x1) / 2 == pytest.approx(BLOCK_CENTRE, abs=1)


def test_headings_use_hei_and_kai_and_the_attendance_list_hangs_after_the_colon(
    built: dict[str, bytes], fonts: FontSet
) -> None:
    with open_pdf(built["minutes"]) as pdf:
        lines = [line for page in pdf.pages for line in body_lines(page)]
    heading = next(line for line in lines if line.text.startswith("一、"))
    assert "ZenHei" in heading.chars[0]["fontname"]
    subheading = next(line for line in lines if line.text.startswith("（一）"))
    assert "UKai" in subheading.chars[0]["fontname"]
    decision = lines[lines.index(subheading) + 1]  # the decision after it is body text
    assert "UMing" in decision.chars[0]["fontname"]
    start = next(i for i, line in enumerate(lines) if line.text.startswith("出席："))
    attended = lines[start]
    assert attended.x0 == pytest.approx(LEFT + 2 * PITCH, abs=0.2)
    assert "ZenHei" in attended.chars[0]["fontname"] and "UMing" in attended.chars[3]["fontname"]
    continuation = lines[start + 1]
    assert not continuation.text.startswith("请假")
    assert continuation.x0 == pytest.approx(LEFT + 5 * PITCH, abs=0.2)


def test_the_imprint_closes_the_last_page_between_rules(built: dict[str, bytes]) -> None:
    with open_pdf(built["minutes"]) as pdf:
        page = pdf.pages[-1]
        last = body_lines(page)[-1]
        rules = sorted(page.lines, key=lambda ln: ln["top"])
    assert last.text.startswith("滨海县总工会办公室")
    assert last.text.endswith("2024年3月8日印发")
    assert rules[-1]["top"] / (72 / 25.4) == pytest.approx(TOP + HEIGHT, abs=0.3)
    assert len(rules) == 3  # thick, thin between 分送 and 印发, thick


def test_the_signature_takes_the_last_lines_of_text_with_it_to_a_new_page(
    fonts: FontSet,
) -> None:
    """A page ending with one free row cannot hold the signature; it must not stand alone."""
    paragraphs = tuple(body(f"第{n}段正文。") for n in range(1, 22))
    story = Story(
        "签署", "滨海县总工会", (*paragraphs, signature("滨海县总工会", sample_minutes().issued_on))
    )
    with open_pdf(render(story, fonts)) as pdf:
        first, second = (body_lines(page) for page in pdf.pages)
    assert len(first) == 19
    assert [line.text for line in second] == [
        "第20段正文。",
        "第21段正文。",
        "滨海县总工会",
        "2024年3月8日",
    ]
    assert second[2].top == pytest.approx(TOP + 3 * LEADING, abs=0.3)


@pytest.mark.parametrize("stem", ["minutes", "bulletin", "meeting_notice"])
def test_dates_are_written_without_leading_zeros(
    samples: dict[str, Document], built: dict[str, bytes], stem: str
) -> None:
    with open_pdf(built[stem]) as pdf:
        text = "".join(line.text for page in pdf.pages for line in page_lines(page))
    assert "年0" not in text and "月0" not in text
    if isinstance(samples[stem], MinutesDoc):
        assert "2024年3月5日" in text
