"""Prints how long a 10-page minutes takes against ReportLab's plain SimpleDocTemplate."""

from __future__ import annotations

import dataclasses
import io
import statistics
import time
from collections.abc import Callable

import pypdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from desktop.core.document_dto import MinutesDoc
from desktop.reports.fonts import FontSet, resolve_fonts
from desktop.reports.layout import MM, PORTRAIT
from desktop.reports.minutes import build_minutes, minutes_story
from desktop.reports.samples import sample_minutes
from desktop.reports.story import Para

RUNS = 7
TARGET_PAGES = 10


def long_minutes(pages: int, fonts: FontSet) -> MinutesDoc:
    """The sample minutes with its topics repeated until the document runs to `pages` pages."""
    base = sample_minutes()
    doc = base
    copies = 1
    while page_count(build_minutes(doc, fonts)) < pages:
        copies += 1
        doc = dataclasses.replace(base, topics=base.topics * copies, items=base.items * copies)
    return doc


def page_count(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def plain_reportlab(texts: list[str], font_name: str) -> bytes:
    """The same paragraphs in the same font and grid, the way ReportLab does it by itself."""
    style = ParagraphStyle(
        "body",
        fontName=font_name,
        fontSize=16,
        leading=PORTRAIT.leading,
        firstLineIndent=2 * PORTRAIT.pitch,
        wordWrap="CJK",
    )
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PORTRAIT.left,
        rightMargin=A4[0] - PORTRAIT.right,
        topMargin=PORTRAIT.top,
        bottomMargin=A4[1] - PORTRAIT.top - PORTRAIT.block_height,
        title="bench",
    )
    template.build([Paragraph(text, style) for text in texts])
    return buffer.getvalue()


def median_seconds(build: Callable[[], bytes]) -> float:
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        build()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    fonts = resolve_fonts()  # registered once, outside the timings
    doc = long_minutes(TARGET_PAGES, fonts)
    texts = [e.text for e in minutes_story(doc).elements if isinstance(e, Para)]
    ours_pdf = build_minutes(doc, fonts)
    plain_pdf = plain_reportlab(texts, fonts.body.name)
    ours = median_seconds(lambda: build_minutes(doc, fonts))
    plain = median_seconds(lambda: plain_reportlab(texts, fonts.body.name))
    characters = sum(len(text) for text in texts)
    print(f"minutes: {page_count(ours_pdf)} pages, {characters} characters, median of {RUNS} runs")
    print(f"  LianXi build_minutes            {ours * 1000:8.1f} ms  {len(ours_pdf) // 1024} KiB")
    print(
        f"  SimpleDocTemplate + Paragraph   {plain * 1000:8.1f} ms  {len(plain_pdf) // 1024} KiB"
        f"  ({page_count(plain_pdf)} pages)"
    )
    print(f"  ratio                           {ours / plain:8.2f}×  (goal ≤ 2×)")
    print(
        f"  font: {fonts.body.path} #{fonts.body.subfont_index}, pitch {PORTRAIT.pitch / MM:.3f} mm"
    )


if __name__ == "__main__":
    main()
