"""One entry point for every printable document: DTO in, PDF bytes out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.core.document_dto import (
    AssessmentResultsDoc,
    BulletinDoc,
    Document,
    MeetingNoticeDoc,
    MinutesDoc,
    Printable,
    ReconveneNoticeDoc,
    RectificationDoc,
    ReminderDoc,
    StatisticsDoc,
    SupervisionNoticeDoc,
    VettingFormDoc,
)
from desktop.core.replies import ReplyLetterDoc
from desktop.reports.circulars import assessment_story, bulletin_story, statistics_story
from desktop.reports.fonts import FontSet
from desktop.reports.forms import reminder_story, vetting_form_story
from desktop.reports.marks import marked
from desktop.reports.minutes import minutes_story
from desktop.reports.notices import (
    meeting_notice_story,
    reconvene_story,
    rectification_story,
    supervision_notice_story,
)
from desktop.reports.page import render
from desktop.reports.replies import reply_letter_story
from desktop.reports.story import Story

STORY_BUILDERS: dict[type[Any], Callable[[Any], Story]] = {
    MinutesDoc: minutes_story,
    MeetingNoticeDoc: meeting_notice_story,
    SupervisionNoticeDoc: supervision_notice_story,
    RectificationDoc: rectification_story,
    ReconveneNoticeDoc: reconvene_story,
    ReminderDoc: reminder_story,
    VettingFormDoc: vetting_form_story,
    BulletinDoc: bulletin_story,
    AssessmentResultsDoc: assessment_story,
    StatisticsDoc: statistics_story,
    ReplyLetterDoc: reply_letter_story,
}


def document_story(doc: Document) -> Story:
    """The composed story of any document, before it is set on pages."""
    return STORY_BUILDERS[type(doc)](doc)


def build_document(doc: Document, fonts: FontSet | None = None) -> bytes:
    """Any document as PDF bytes, in the given fonts or the ones found on this computer."""
    return render(document_story(doc), fonts)


def build_printable(printable: Printable, fonts: FontSet | None = None) -> bytes:
    """An issued copy or a draft as PDF bytes, a draft, a correction or a superseded version
    saying so above the document."""
    return render(marked(document_story(printable.doc), printable), fonts)
