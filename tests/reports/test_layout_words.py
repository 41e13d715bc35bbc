"""Titles, banners and names break between words: jieba's words, the directory's names kept
whole unless a name is longer than the line, and a document's own names for it alone."""

from __future__ import annotations

from desktop.reports.linebreak import balanced_ends, break_tier, pitch_advances
from desktop.reports.words import add_unit_names, document_names, word_breaks

TITLE = "关于召开滨海县人民政府与滨海县总工会2024年第一次联席会议的通知"
LONG_NAME = "江苏省盐城市滨海县经济开发区沿海工业园区永盛重型钢结构工程股份有限公司工会委员会"


def lines(text: str, width: float) -> list[str]:
    ends = balanced_ends(text, pitch_advances(text, 1.0), width, word_breaks(text))
    return [text[a:b] for a, b in zip((0, *ends[:-1]), ends, strict=True)]


def test_a_title_breaks_between_words_and_keeps_a_directory_name_whole() -> None:
    add_unit_names(["滨海县总工会"])
    for width in range(12, 24):
        printed = lines(TITLE, width)
        assert "".join(printed) == TITLE
        cut = sum(map(len, printed[:-1]))
        assert break_tier((cut, len(TITLE)), word_breaks(TITLE)) == 0
        assert not any(line.endswith("滨海") for line in printed)


def test_a_name_longer_than_the_line_breaks_between_its_own_words() -> None:
    with document_names([LONG_NAME]):
        printed = lines(LONG_NAME + "文件", 24)
        boundaries = word_breaks(LONG_NAME + "文件")
    assert len(printed) == 2
    assert len(printed[0]) in boundaries[-1]  # 江苏省/盐城市/…, never 有限公/司
    assert all(len(line) <= 24 for line in printed)


def test_a_documents_names_hold_for_that_document_only() -> None:
    name = "江苏省滨海县华泰钢结构股份有限公司工会委员会"
    text = f"关于{name}的通报"
    with document_names([name]):
        inside = word_breaks(text)[0]
    outside = word_breaks(text)[0]
    assert not any(2 < p < 2 + len(name) for p in inside)
    assert any(2 < p < 2 + len(name) for p in outside)
