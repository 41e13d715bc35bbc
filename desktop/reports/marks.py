"""Lines that say what a printed copy is: a draft, a correction, a superseded version, a
voided document, a record copy of another body's document. They sit above the document,
outside its format."""

from __future__ import annotations

from dataclasses import replace

from desktop.core.document_dto import IssueInfo, Printable
from desktop.reports.formatting import cn_date
from desktop.reports.layout import HEI
from desktop.reports.story import Align, Para, Run, Story

DRAFT = "草稿　未印发，不作正式文件使用"


def mark_line(text: str) -> Para:
    return Para((Run(text, HEI),), first_indent=0, align=Align.LEFT)


def record_copy_note(keeper: str, author: str) -> Para:
    """A record copy: whose document it is and who keeps it (no header of the keeper's)."""
    return mark_line(f"存档件　{author}制发，{keeper}存档")


def status_text(issue: IssueInfo | None) -> str:
    """What the copy is: a draft, a correction, or a version a later one corrects."""
    if issue is None:
        return DRAFT
    parts = []
    if issue.version > 1:
        reason = f"：{issue.reason}" if issue.reason else ""
        parts.append(f"更正件（第{issue.version}版，{cn_date(issue.issued_on)}更正{reason}）")
    if issue.superseded_by is not None:
        parts.append(f"已被第{issue.superseded_by}版更正，本件仅供查阅")
    return "；".join(parts)


def void_text(printable: Printable) -> str:
    """A voided document's line: 作废, the day and the reason; "" while it stands."""
    if printable.voided_on is None:
        return ""
    reason = f"，理由：{printable.void_reason}" if printable.void_reason else ""
    return f"作废　本件已于{cn_date(printable.voided_on)}作废{reason}；不再具有效力，仅供查阅"


def marked(story: Story, printable: Printable) -> Story:
    """The story with its status lines on top, when the copy is anything but a plain issue:
    a voided copy says so first, above anything else."""
    lines = [text for text in (void_text(printable), status_text(printable.issue)) if text]
    if not lines:
        return story
    return replace(story, elements=(*(mark_line(t) for t in lines), *story.elements))
