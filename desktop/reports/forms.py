"""Ruled forms: the 催办单 (reminder) and the 议题审定表 (topic vetting form)."""

from __future__ import annotations

from desktop.core.document_dto import ReminderDoc, VettingFormDoc
from desktop.reports.fonts import FontSet
from desktop.reports.formatting import cn_date
from desktop.reports.layout import TABLE_HEAD, TABLE_TEXT, TITLE
from desktop.reports.page import render
from desktop.reports.parts import sentence, signature
from desktop.reports.story import (
    Align,
    Blank,
    Cell,
    Element,
    Para,
    Run,
    SplitLine,
    Story,
    TableSpec,
)

# Label, value, label, value: a long value spans the last three columns.
FORM_COLUMNS = (0.2, 0.3, 0.2, 0.3)
SIGNATURE_LINES = 3  # rows of room for a handwritten opinion above the signature line
SIGNATURE_TEXT = "签字：　　　　　　　　年　　月　　日"


def _label(text: str) -> Cell:
    return Cell(text, TABLE_HEAD)


def _row(label: str, value: str, min_lines: int = 1) -> tuple[Cell, ...]:
    return (_label(label), Cell(value, TABLE_TEXT, Align.LEFT, span=3, min_lines=min_lines))


def _pair(label: str, value: str, label2: str, value2: str) -> tuple[Cell, ...]:
    return (_label(label), Cell(value, TABLE_TEXT), _label(label2), Cell(value2, TABLE_TEXT))


def _signature_row(role: str) -> tuple[Cell, ...]:
    box = Cell(SIGNATURE_TEXT, TABLE_TEXT, Align.RIGHT, span=3, min_lines=SIGNATURE_LINES)
    return (_label(role), box)


def _form_story(
    doc_title: str, left: str, right: str, rows: tuple[tuple[Cell, ...], ...]
) -> list[Element]:
    """Title, the line under it (who fills in, which number) and the ruled form."""
    return [
        Para((Run(doc_title, TITLE),), first_indent=0, align=Align.CENTER, balance=True),
        Blank(1),
        SplitLine(left, right, TABLE_TEXT, inset=0),
        TableSpec(rows, FORM_COLUMNS, header_rows=0),
    ]


def reminder_story(doc: ReminderDoc) -> Story:
    overdue = (
        f"已逾期{doc.working_days_overdue}个工作日"
        if doc.working_days_overdue > 0
        else "尚未逾期，未按要求反馈办理进展"
    )
    rows = (
        _row("承办单位", doc.lead_unit),
        _row("会议名称", doc.meeting_title),
        _row("督办事项", sentence(doc.item_text)),
        _pair("交办日期", cn_date(doc.assigned_on), "办理时限", cn_date(doc.deadline)),
        _row("逾期情况", overdue),
        _row("办理进展", doc.progress, min_lines=2),
        _row("催办要求", f"{sentence(doc.request)}请于{cn_date(doc.reply_by)}前书面反馈。", 3),
        _pair("联系人", doc.contact.name, "联系电话", doc.contact.phone),
    )
    elements = _form_story(
        "联席会议议定事项催办单", f"督办单位：{doc.issuing_office}", doc.number, rows
    )
    elements.append(signature(doc.issuing_office, doc.issued_on))
    return Story("联席会议议定事项催办单", doc.issuing_office, tuple(elements))


def vetting_form_story(doc: VettingFormDoc) -> Story:
    research = "\n".join(
        f"{cn_date(v.visited_on)}，{v.place}；参加人员：{v.participants}。{sentence(v.findings)}"
        for v in doc.research
    )
    decision = doc.office_meeting_decision
    if doc.office_meeting_on is not None:
        decision = f"{sentence(decision)}（{cn_date(doc.office_meeting_on)}办公室扩大会议）"
    consultations = "\n".join(
        f"{c.department}（{cn_date(c.consulted_on)}）：{sentence(c.opinion)}"
        for c in doc.consultations
    )
    rows = (
        _row("议题名称", doc.topic),
        _pair("议题来源", doc.source, "提出日期", cn_date(doc.proposed_on)),
        _row("提出人", doc.proposer),
        _row("调研情况", research or "未开展调研", min_lines=3),
        _row("办公室扩大会议审定意见", decision, min_lines=2),
        _row("部门征求意见情况", consultations or "未征求部门意见", min_lines=3),
        *(_signature_row(role) for role in doc.signature_roles),
    )
    left = f"填表单位：{doc.office}"
    right = f"编号：{doc.number}　填表日期：{cn_date(doc.filled_on)}"
    elements = _form_story(doc.title, left, right, rows)
    return Story(doc.title, doc.office, tuple(elements))


def build_reminder(doc: ReminderDoc, fonts: FontSet | None = None) -> bytes:
    """The reminder form as PDF bytes."""
    return render(reminder_story(doc), fonts)


def build_vetting_form(doc: VettingFormDoc, fonts: FontSet | None = None) -> bytes:
    """The topic vetting form as PDF bytes."""
    return render(vetting_form_story(doc), fonts)
