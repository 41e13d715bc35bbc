"""The editable Word copy: every kind, the same parts in the same order, marked as a copy."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from desktop.core.document_dto import Document, Imprint, Printable
from desktop.reports.documents import document_story
from desktop.reports.docx_copy import COPY_MARK, build_docx
from desktop.reports.long_samples import long_documents
from desktop.reports.marks import DRAFT
from desktop.reports.samples import sample_documents
from desktop.reports.story import Masthead, Para, Signature, SplitLine, TableSpec

KINDS = tuple(long_documents(4))


def _word_text(data: bytes) -> tuple[str, docx.document.Document]:
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    return "".join(node.text or "" for node in body.iter() if node.tag.endswith("}t")), document


def _parts(doc: Document) -> list[str]:
    """What the PDF prints, element by element, in order."""
    parts: list[str] = []
    for element in document_story(doc).elements:
        if isinstance(element, Masthead):
            parts += [element.banner, element.number_line, *(element.office_line or ())]
        elif isinstance(element, Para):
            parts.append(element.text)
        elif isinstance(element, SplitLine):
            parts += [element.left, element.right]
        elif isinstance(element, Signature):
            parts += [element.office.text, element.date.text]
        elif isinstance(element, TableSpec):
            parts += [cell.text.replace("\n", "") for row in element.rows for cell in row]
        elif isinstance(element, Imprint):
            parts += [*element.copy_to, element.office]
    return [part for part in parts if part]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_its_parts_in_order_and_says_it_is_a_copy(kind: str) -> None:
    doc = long_documents(40)[kind]
    text, document = _word_text(build_docx(doc))
    position = 0
    for part in _parts(doc):
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing or out of order"
        position = found + len(part)
    section = document.sections[0]
    assert COPY_MARK in section.header.paragraphs[0].text
    assert COPY_MARK in section.footer.paragraphs[0].text
    assert COPY_MARK in document.core_properties.title
    portrait = kind != "statistics"
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (
        (210, 297) if portrait else (297, 210)
    )
    assert abs(section.top_margin - Mm(37 if portrait else 28)) < Mm(0.1)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "580"  # 225 mm / 22 lines, in twentieths of a point


def test_a_draft_copy_carries_the_draft_mark() -> None:
    doc = sample_documents()["meeting_notice"]
    text, _ = _word_text(build_docx(Printable(doc, None)))
    assert text.startswith(DRAFT)


def test_the_banner_is_red_and_the_body_is_set_in_fangsong() -> None:
    _, document = _word_text(build_docx(sample_documents()["meeting_notice"]))
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    banner = next(run for run in runs if run.text.endswith("文件"))
    assert banner.font.color.rgb is not None and str(banner.font.color.rgb) == "FF0000"
    body = next(run for run in runs if run.text.startswith("经县人民政府同意"))
    assert body.font.name == "仿宋_GB2312" and body.font.size.pt == 16
