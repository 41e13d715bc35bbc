"""The GB/T 15834 line breaker: examples first, then properties over generated text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.reports.fonts import FontSet
from desktop.reports.linebreak import (
    NO_END,
    NO_START,
    break_allowed,
    break_lines,
    fit_end,
    line_ends,
    pitch_advances,
)


def cells(line: str) -> float:
    return sum(pitch_advances(line, 1.0))


def test_full_lines_hold_exactly_the_width_in_chinese_characters() -> None:
    text = "联席会议" * 20
    lines = break_lines(text, 28, pitch=1)
    assert [len(line) for line in lines] == [28, 28, 24]


def test_a_closing_mark_never_starts_a_line_the_character_before_it_moves_down() -> None:
    text = "一二三四五六七八九十，甲乙丙"
    assert break_lines(text, 10, pitch=1) == ("一二三四五六七八九", "十，甲乙丙")


def test_several_closing_marks_move_down_with_the_character_they_follow() -> None:
    text = "会议强调要坚持先安置后处置。”的原则"
    lines = break_lines(text, 14, pitch=1)
    assert lines[1][0] not in NO_START
    assert lines == ("会议强调要坚持先安置后处", "置。”的原则")


def test_an_opening_mark_never_ends_a_line() -> None:
    text = "一二三四五六七八九（十）"
    assert break_lines(text, 10, pitch=1) == ("一二三四五六七八九", "（十）")


def test_a_number_is_never_split_across_lines() -> None:
    text = "一二三四五六七安置停产企业职工1126人"
    lines = break_lines(text, 16, pitch=1)  # 1 and 1 would still fit
    assert lines == ("一二三四五六七安置停产企业职工", "1126人")


def test_a_latin_word_is_never_split_and_lines_do_not_start_with_a_space() -> None:
    text = "请登录 www binhai gov 查询"
    lines = break_lines(text, 9, pitch=1)
    assert len(lines) == 2
    assert all(any(word in line for line in lines) for word in ("www", "binhai", "gov"))
    assert all(not line.startswith(" ") for line in lines)


def test_a_url_breaks_after_its_separators_and_fills_the_line() -> None:
    text = "有关材料见https://www.binhai.gov.cn/lianxi/2024/notice-0305.html，请下载"
    lines = break_lines(text, 14, pitch=1)
    assert "".join(lines) == text
    assert lines[0] == "有关材料见https://www."  # not 有关材料见 alone, stretched over the line
    assert lines[1].startswith("binhai.gov.cn/")
    for word in ("https", "binhai", "lianxi", "2024", "notice", "0305", "html"):
        assert any(word in line for line in lines)


def test_a_decimal_number_is_not_broken_at_its_point() -> None:
    lines = break_lines("一二三四五六七八九十增长率为12.5%", 11, pitch=1)
    assert any("12.5%" in line for line in lines)


def test_a_run_longer_than_a_line_is_split_as_a_last_resort() -> None:
    text = "编号" + "1234567890" * 3
    lines = break_lines(text, 8, pitch=1)
    assert "".join(lines) == text
    assert all(cells(line) <= 8 for line in lines)


def test_a_dash_and_an_ellipsis_stay_whole() -> None:
    text = "一二三四五六七八九——十一二三四五六七八……"
    for line in break_lines(text, 10, pitch=1):
        assert not line.startswith(("—", "…"))


def test_the_first_line_may_be_narrower_for_the_paragraph_indent() -> None:
    text = "联" * 60
    assert [len(line) for line in break_lines(text, 28, pitch=1, first_width=26)] == [26, 28, 6]


def test_lines_measured_in_a_registered_font_fit_the_width(fonts: FontSet) -> None:
    text = "工资集体协商覆盖率达到93%，稳定就业岗位4593个，826家企业职工工资增幅达到或超过8%。"
    lines = break_lines(text, 160, font_name=fonts.body.name, size=16)
    assert "".join(lines) == text
    assert len(lines) > 3
    assert all(stringWidth(line, fonts.body.name, 16) <= 160 for line in lines)
    assert all(line[0] not in NO_START for line in lines)
    assert any("4593" in line for line in lines) and any("826" in line for line in lines)


def test_break_lines_needs_a_way_to_measure() -> None:
    with pytest.raises(ValueError):
        break_lines("联席会议", 10)


def test_empty_text_has_no_lines() -> None:
    assert break_lines("", 10, pitch=1) == ()


# Generated text: Chinese characters, every kind of mark, digits, Latin letters and spaces.
HAN = "会议职工工会政府议定事项落实督办滨海县"
ALPHABET = HAN * 4 + "".join(sorted(NO_START)) + "".join(sorted(NO_END)) + "0123456789abcXYZ "
texts = st.text(alphabet=ALPHABET, max_size=200)
widths = st.integers(min_value=2, max_value=30)


@settings(max_examples=400, deadline=None)
@given(texts, widths)
def test_lines_put_back_together_are_the_text(text: str, width: int) -> None:
    assert "".join(break_lines(text, width, pitch=1)) == text


@settings(max_examples=400, deadline=None)
@given(texts, widths)
def test_no_line_is_wider_than_the_measure_unless_it_is_one_character(
    text: str, width: int
) -> None:
    for line in break_lines(text, width, pitch=1):
        assert line
        assert cells(line) <= width or len(line) == 1


@settings(max_examples=400, deadline=None)
@given(texts, widths)
def test_each_line_ends_at_the_last_allowed_break_that_fits(text: str, width: int) -> None:
    """Strict breaks first, splitting a run next, cutting anywhere only when nothing else fits."""
    advances = pitch_advances(text, 1.0)
    start = 0
    for end in line_ends(text, advances, width)[:-1]:
        full = fit_end(advances, start, width)
        fitting = range(start + 1, full + 1)
        for split_runs in (False, True):
            if break_allowed(text, end, split_runs=split_runs):
                later = range(end + 1, full + 1)
                assert not any(break_allowed(text, p, split_runs=split_runs) for p in later)
                break
            assert not any(break_allowed(text, p, split_runs=split_runs) for p in fitting)
        else:
            assert end == full
        start = end


sentences = st.lists(
    st.tuples(
        st.text(alphabet=HAN, min_size=1, max_size=12),
        st.sampled_from(
            ["", "，", "。", "、", "；", "：", "”", "）", "%", "123", "（会议）", "“会议"]
        ),
    ),
    min_size=1,
    max_size=30,
).map(lambda parts: "".join(han + mark for han, mark in parts))


@settings(max_examples=400, deadline=None)
@given(sentences, st.integers(min_value=6, max_value=30))
def test_prose_never_starts_a_line_with_a_closing_mark_or_ends_one_with_an_opening_mark(
    text: str, width: int
) -> None:
    lines = break_lines(text, width, pitch=1)
    for before, after in itertools.pairwise(lines):
        assert after[0] not in NO_START
        assert before[-1] not in NO_END
        assert not (before[-1].isdigit() and after[0].isdigit())
    for line in lines[:-1]:
        # greedy: pulling characters down costs at most the marks and digits that stick together
        assert cells(line) > width - 6
