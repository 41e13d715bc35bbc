"""Every document kind: builds, reads back as the same Chinese, embeds its fonts, tables fit."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pypdf
import pytest

from desktop.core.document_dto import Document, Imprint, StatisticsDoc
from desktop.reports.circulars import build_assessment_results, build_bulletin, build_statistics
from desktop.reports.documents import document_story
from desktop.reports.fonts import FontSet
from desktop.reports.formatting import cn_date
from desktop.reports.forms import build_reminder, build_vetting_form
from desktop.reports.layout import LANDSCAPE, MM, PORTRAIT
from desktop.reports.minutes import build_minutes
from desktop.reports.notices import (
    build_meeting_notice,
    build_rectification,
    build_supervision_notice,
)
from desktop.reports.story import (
    Blank,
    Figure,
    Masthead,
    PageBreak,
    Para,
    Signature,
    SplitLine,
    Story,
    TableSpec,
)
from tests.reports.pdfcheck import document_text, font_descriptors, open_pdf, squeeze

BUILDERS: dict[str, Callable[[Any, FontSet], bytes]] = {
    "minutes": build_minutes,
    "meeting_notice": build_meeting_notice,
    "supervision_notice": build_supervision_notice,
    "rectification": build_rectification,
    "reminder": build_reminder,
    "vetting_form": build_vetting_form,
    "bulletin": build_bulletin,
    "assessment": build_assessment_results,
    "statistics": build_statistics,
}
TEXT_ONLY = ("minutes", "meeting_notice", "supervision_notice", "rectification")
WITH_TABLES = ("reminder", "vetting_form", "bulletin", "assessment", "statistics")


def imprint_text(imprint: Imprint) -> str:
    copy = f"{imprint.copy_label}：{'，'.join(imprint.copy_to)}。" if imprint.copy_to else ""
    return f"{copy}{imprint.office}{cn_date(imprint.printed_on)}印发"


def printed_text(element: object) -> str:
    """What a story element prints, in reading order (tables are checked cell by cell)."""
    if isinstance(element, Masthead):
        return element.banner + element.number_line + "".join(element.office_line or ())
    if isinstance(element, Para):
        return element.text
    if isinstance(element, SplitLine):
        return element.left + element.right
    if isinstance(element, Signature):
        return element.office.text + element.date.text
    if isinstance(element, Imprint):
        return imprint_text(element)
    if isinstance(element, Figure):
        return "".join(chart.title for chart in element.charts)  # side by side: one line
    assert isinstance(element, (Blank, TableSpec, PageBreak))
    return ""


def story_text(story: Story) -> str:
    return squeeze("".join(printed_text(element) for element in story.elements))


def test_every_kind_of_document_has_a_sample_and_a_builder(samples: dict[str, Document]) -> None:
    assert set(samples) == set(BUILDERS)


@pytest.mark.parametrize("stem", sorted(BUILDERS))
def test_each_builder_makes_the_pdf_the_dispatcher_makes(
    fonts: FontSet, samples: dict[str, Document], built: dict[str, bytes], stem: str
) -> None:
    data = BUILDERS[stem](samples[stem], fonts)
    assert data.startswith(b"%PDF-")
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == len(
        pypdf.PdfReader(io.BytesIO(built[stem])).pages
    )


@pytest.mark.parametrize("stem", TEXT_ONLY)
def test_copying_the_text_out_gives_back_exactly_the_source_text(
    samples: dict[str, Document], built: dict[str, bytes], stem: str
) -> None:
    assert document_text(built[stem]) == story_text(document_story(samples[stem]))


@pytest.mark.parametrize("stem", WITH_TABLES)
def test_text_outside_the_tables_reads_back_in_order(
    samples: dict[str, Document], built: dict[str, bytes], stem: str
) -> None:
    text = document_text(built[stem])
    position = 0
    for element in document_story(samples[stem]).elements:
        expected = squeeze(printed_text(element))
        if expected:
            found = text.find(expected, position)
            assert found >= 0, expected
            position = found + len(expected)


@pytest.mark.parametrize("stem", WITH_TABLES)
def test_table_cells_read_back_row_by_row_with_the_header_repeated_after_a_break(
    samples: dict[str, Document], built: dict[str, bytes], stem: str
) -> None:
    (spec,) = [e for e in document_story(samples[stem]).elements if isinstance(e, TableSpec)]
    expected = [[squeeze(cell.text) for cell in row] for row in spec.rows]
    header = expected[: spec.header_rows]
    read: list[list[str]] = []
    with open_pdf(built[stem]) as pdf:
        for number, page in enumerate(pdf.pages):
            if stem == "assessment" and squeeze(page.extract_text()).startswith("附件"):
                break  # the attached charts' grid lines are no table (the bulletin's annex is)
            for table in page.extract_tables():
                rows = [[squeeze(c) for c in row if c is not None] for row in table]
                if read and spec.header_rows:
                    assert rows[: spec.header_rows] == header, f"no header on page {number + 1}"
                    rows = rows[spec.header_rows :]
                read += rows
    assert read == expected


@pytest.mark.parametrize("stem", sorted(BUILDERS))
def test_tables_and_rules_stay_inside_the_text_block(
    samples: dict[str, Document], built: dict[str, bytes], stem: str
) -> None:
    geometry = LANDSCAPE if isinstance(samples[stem], StatisticsDoc) else PORTRAIT
    with open_pdf(built[stem]) as pdf:
        for page in pdf.pages:
            assert (page.width, page.height) == pytest.approx((geometry.width, geometry.height))
            for edge in page.edges:
                assert geometry.left - 0.5 <= edge["x0"] <= edge["x1"] <= geometry.right + 0.5
                assert edge["top"] >= geometry.top - 0.5
                assert edge["bottom"] <= geometry.top + geometry.block_height + 0.5
            for char in page.chars:
                assert geometry.left - 0.1 <= char["x0"] and char["x1"] <= geometry.right + 0.3 * MM


def test_the_statistics_table_turns_the_page_sideways_and_runs_over_two_pages(
    built: dict[str, bytes],
) -> None:
    with open_pdf(built["statistics"]) as pdf:
        assert len(pdf.pages) == 2
        assert pdf.pages[0].width > pdf.pages[0].height


@pytest.mark.parametrize("stem", sorted(BUILDERS))
def test_fonts_are_embedded_truetype_subsets(built: dict[str, bytes], stem: str) -> None:
    fonts = font_descriptors(built[stem])
    assert fonts
    for base_font, descriptor in fonts:
        assert re.match(r"^/[A-Z]{6}\+", base_font), base_font
        assert "/FontFile2" in descriptor, base_font


@pytest.mark.parametrize("stem", sorted(BUILDERS))
def test_title_and_author_are_in_the_pdf_metadata(
    samples: dict[str, Document], built: dict[str, bytes], stem: str
) -> None:
    story = document_story(samples[stem])
    metadata = pypdf.PdfReader(io.BytesIO(built[stem])).metadata
    assert metadata is not None
    assert metadata.title == story.title
    assert metadata.author == story.author
    assert "滨海" in story.author
