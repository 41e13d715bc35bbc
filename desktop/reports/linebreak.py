"""Chinese line breaking per GB/T 15834: no closing mark starts a line, no opening mark ends one."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

# Marks that must not begin a line: closing brackets and quotes, pause and stop marks,
# the second half of a dash or ellipsis pair, and signs that belong to the number before them.
NO_START = frozenset("，。、；：？！）》」』”’〕】〗〉…—‰%·～°℃,.;:?!)]}> ")
# Marks that must not end a line: opening brackets and quotes.
NO_END = frozenset("（《「『“‘〔【〖〈([{<")
# Inside a URL, path or code a line may end after one of these (not inside // or ?&).
SOFT_BREAK_AFTER = frozenset("/-_?&=#.")

_EPSILON = 1e-6
MIN_FILL_DENOMINATOR = 2  # a word break must leave its line at least 1/2 full to be preferred


def _in_run(char: str) -> bool:
    """Digits and Latin letters (half- or full-width) and what joins them: never split inside."""
    if char.isascii():
        return char.isprintable() and char != " "
    return unicodedata.category(char)[0] in "LN" and unicodedata.east_asian_width(char) == "F"


def _soft_break(before: str, after: str) -> bool:
    """A break point inside a Latin run: after a URL's separators, never inside a number."""
    if before not in SOFT_BREAK_AFTER or after in SOFT_BREAK_AFTER:
        return False
    return not (before == "." and after.isdigit())


def break_allowed(text: str, position: int, *, split_runs: bool = False) -> bool:
    """Whether a line may end before text[position] (0 < position < len(text))."""
    before, after = text[position - 1], text[position]
    if after in NO_START or before in NO_END:
        return False
    if split_runs or not (_in_run(before) and _in_run(after)):
        return True
    return _soft_break(before, after)


def fit_end(advances: Sequence[float], start: int, width: float) -> int:
    """The furthest end such that advances[start:end] fits in width; at least one character."""
    total = 0.0
    end = start
    while end < len(advances) and total + advances[end] <= width + _EPSILON:
        total += advances[end]
        end += 1
    return max(end, start + 1)


def line_ends(
    text: str,
    advances: Sequence[float],
    width: float,
    first_width: float | None = None,
    words: Sequence[frozenset[int]] = (),
) -> tuple[int, ...]:
    """End index of each line; the first line may be narrower (a first-line indent).

    Greedy fill, then pull characters down to the last legal break on the line, which must
    also be a word boundary when `words` gives them (titles, names): the first set of
    boundaries with one on the line wins.
    A run of digits or Latin longer than a line is split as a last resort, and if even
    punctuation leaves no legal break (a line of nothing but commas) the line is cut where
    it is full.
    """
    ends: list[int] = []
    start = 0
    while start < len(text):
        limit = width if ends or first_width is None else first_width
        end = fit_end(advances, start, limit)
        if end < len(text):
            end = _legal_break(text, start, end, words)
        ends.append(end)
        start = end
    return tuple(ends)


def break_tier(ends: Sequence[int], words: Sequence[frozenset[int]]) -> int:
    """How good the worst break is: the index of the first word-boundary set holding every
    break, len(words) when some break is not between words at all."""
    worst = 0
    for end in ends[:-1]:
        tier = next((n for n, boundaries in enumerate(words) if end in boundaries), len(words))
        worst = max(worst, tier)
    return worst


def balanced_ends(
    text: str,
    advances: Sequence[float],
    width: float,
    words: Sequence[frozenset[int]] = (),
    max_lines: int | None = None,
    max_tier: int | None = None,
) -> tuple[int, ...]:
    """Lines of near-equal length: the narrowest measure that needs no more lines than the
    greedy fill at `width` (or max_lines) and breaks no worse (or no worse than max_tier)."""
    greedy = line_ends(text, advances, width, words=words)
    count = len(greedy) if max_lines is None else max_lines
    tier = break_tier(greedy, words) if max_tier is None else max_tier

    def fits(measure: float) -> tuple[int, ...] | None:
        ends = line_ends(text, advances, measure, words=words)
        return ends if len(ends) <= count and break_tier(ends, words) <= tier else None

    best = fits(width)
    if best is None:
        return greedy
    low, high = max(advances, default=0.0), width
    narrowest = fits(low)
    if narrowest is not None:
        return narrowest
    # Lines only get fewer as the measure widens: bisect for the narrowest that fits.
    while high - low > 0.01:
        middle = (low + high) / 2
        found = fits(middle)
        if found is None:
            low = middle
        else:
            high, best = middle, found
    return best


def _legal_break(text: str, start: int, end: int, words: Sequence[frozenset[int]]) -> int:
    # A better kind of word break wins only if it leaves the line at least half full:
    # 关于召开 alone on a title's first line is worse than breaking a long name between words.
    fallback = None
    for boundaries in words:
        position = next(
            (p for p in range(end, start, -1) if p in boundaries and break_allowed(text, p)),
            None,
        )
        if position is not None and (position - start) * MIN_FILL_DENOMINATOR >= end - start:
            return position
        fallback = fallback or position
    if fallback is not None:
        return fallback
    for split_runs in (False, True):
        for position in range(end, start, -1):
            if break_allowed(text, position, split_runs=split_runs):
                return position
    return end


def split_at(text: str, ends: Sequence[int]) -> tuple[str, ...]:
    starts = (0, *ends[:-1]) if ends else ()
    return tuple(text[a:b] for a, b in zip(starts, ends, strict=True))


def font_advances(text: str, font_name: str, size: float, char_space: float = 0.0) -> list[float]:
    """Advance of each character in a registered font, PDF character spacing included."""
    cache: dict[str, float] = {}
    advances = []
    for char in text:
        advance = cache.get(char)
        if advance is None:
            advance = cache[char] = stringWidth(char, font_name, size) + char_space
        advances.append(advance)
    return advances


def pitch_advances(text: str, pitch: float) -> list[float]:
    """Advances on a fixed grid: wide characters take a cell, others half a cell.

    East Asian "ambiguous" characters (quotes, dashes, ellipsis) are full-width in Chinese text.
    """
    return [pitch if unicodedata.east_asian_width(c) in "WFA" else pitch / 2 for c in text]


def break_lines(
    text: str,
    width: float,
    *,
    font_name: str | None = None,
    size: float = 16.0,
    pitch: float | None = None,
    first_width: float | None = None,
) -> tuple[str, ...]:
    """Lines of text no wider than width, measured in a font or on a fixed character pitch."""
    if pitch is not None:
        advances = pitch_advances(text, pitch)
    elif font_name is not None:
        advances = font_advances(text, font_name, size)
    else:
        raise ValueError("break_lines needs a font_name or a pitch")
    return split_at(text, line_ends(text, advances, width, first_width))
