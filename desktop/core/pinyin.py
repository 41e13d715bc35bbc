"""Pinyin search keys for Chinese names: initials ("bhx" for 滨海县) and full syllables."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def pinyin_keys(text: str) -> tuple[str, str]:
    """(initials, full) in lower case; non-Chinese characters are kept as they are."""
    # pypinyin loads its phrase dictionary on import (about 0.2 s): only when a name is keyed.
    from pypinyin import Style, lazy_pinyin

    full = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    initials = "".join(s[0] for s in full if s).lower()
    return initials, "".join(full).lower()


def matches(query: str, text: str, initials: str) -> bool:
    """Whether a search box entry finds this text: as Chinese text or as pinyin initials."""
    q = query.strip().lower()
    return not q or q in text.lower() or q in initials
