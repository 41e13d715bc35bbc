"""Word boundaries in Chinese titles and names: jieba plus the unit names of the directory.

jieba loads its 5 MB dictionary on first use, once per process and only when a title, banner or
name has to break (about 2 s on a busy 2-core machine); its parsed form is kept in the user
cache folder rather than beside the program, which may be read-only.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import jieba
import platformdirs

from desktop import APP_NAME

# Words of the trade jieba's dictionary lacks, kept whole like names (推进/会 otherwise).
DOMAIN_WORDS = ("联席会议", "总工会", "县总工会", "推进会", "座谈会", "议定事项", "督查通报")

_lock = threading.Lock()
_names: frozenset[str] = frozenset(DOMAIN_WORDS)  # the directory's, for every document
# The names one document prints (its signature, 版记 …), for that document only, so how a
# title breaks never depends on what else this process printed before.
_document_names: ContextVar[frozenset[str]] = ContextVar("document_names", default=frozenset())

# Break positions in order of preference: between words outside any unit name, then
# between any words (inside a name too long for a line: 江苏省 / 盐城市 / …).
WordBreaks = tuple[frozenset[int], ...]


def add_unit_names(names: Iterable[str]) -> None:
    """The directory's names, split only when they must: a name longer than a line still
    breaks between its own words."""
    global _names  # one directory per process, replaced as a whole under the lock
    fresh = {name for name in names if len(name) > 1} - _names
    if fresh:
        with _lock:
            _names = _names | fresh


@contextmanager
def document_names(names: Iterable[str]) -> Iterator[None]:
    """Names kept whole while one document is set, besides the directory's."""
    token = _document_names.set(frozenset(name for name in names if len(name) > 1))
    try:
        yield
    finally:
        _document_names.reset(token)


@functools.cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    cache.mkdir(parents=True, exist_ok=True)
    tokenizer.tmp_dir = str(cache)
    tokenizer.initialize()
    return tokenizer


@functools.lru_cache(maxsize=4096)
def _jieba_boundaries(text: str) -> frozenset[int]:
    positions = []
    position = 0
    for word in _tokenizer().lcut(text):
        position += len(word)
        positions.append(position)
    return frozenset(positions[:-1])


def _name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for name in names:
        start = text.find(name)
        while start != -1:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return spans


def word_breaks(text: str) -> WordBreaks:
    """Where text may break between words (positions p: text[:p] | text[p:]), best first."""
    if len(text) < 2:
        return (frozenset(),)
    plain = _jieba_boundaries(text)
    spans = _name_spans(text, _names | _document_names.get())
    inside = {p for start, end in spans for p in range(start + 1, end)}
    edges = {p for span in spans for p in span if 0 < p < len(text)}
    return (frozenset((plain | edges) - inside), plain | frozenset(edges - inside))
