"""Fixtures for the report tests: the fonts of this machine and every sample built once."""

from __future__ import annotations

import pytest

from desktop.core.document_dto import Document
from desktop.reports.documents import build_document
from desktop.reports.fonts import FontSet, resolve_fonts
from desktop.reports.samples import sample_documents


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    return resolve_fonts()


@pytest.fixture(scope="session")
def samples() -> dict[str, Document]:
    return sample_documents()


@pytest.fixture(scope="session")
def built(fonts: FontSet, samples: dict[str, Document]) -> dict[str, bytes]:
    return {stem: build_document(doc, fonts) for stem, doc in samples.items()}
