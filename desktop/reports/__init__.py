"""Printable official documents (GB/T 9704-2012): DTO in, PDF bytes out; no Qt, no Session."""

from desktop.reports.circulars import build_assessment_results, build_bulletin, build_statistics
from desktop.reports.documents import build_document, build_printable, document_story
from desktop.reports.fonts import (
    FontMissing,
    FontOverride,
    FontRole,
    FontSet,
    resolve_fonts,
)
from desktop.reports.forms import build_reminder, build_vetting_form
from desktop.reports.minutes import build_minutes
from desktop.reports.notices import (
    build_meeting_notice,
    build_rectification,
    build_supervision_notice,
)

__all__ = [
    "FontMissing",
    "FontOverride",
    "FontRole",
    "FontSet",
    "build_assessment_results",
    "build_bulletin",
    "build_document",
    "build_meeting_notice",
    "build_minutes",
    "build_printable",
    "build_rectification",
    "build_reminder",
    "build_statistics",
    "build_supervision_notice",
    "build_vetting_form",
    "document_story",
    "resolve_fonts",
]
