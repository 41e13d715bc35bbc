"""Red-header documents: meeting notice, supervision notice, rectification notice."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.document_dto import (
    Contact,
    DocHeader,
    Imprint,
    MeetingNoticeDoc,
    ReconveneNoticeDoc,
    RectificationDoc,
    SupervisionNoticeDoc,
)
from desktop.reports.fonts import FontSet
from desktop.reports.formatting import cn_date, cn_time, cn_weekday
from desktop.reports.marks import record_copy_note
from desktop.reports.page import render
from desktop.reports.parts import (
    addressees,
    body,
    duty_text,
    ending,
    file_masthead,
    heading,
    numbered,
    sentence,
    title,
)
from desktop.reports.story import Element, Story


def _numbered_list(texts: Iterable[str]) -> list[Element]:
    return [numbered(number, sentence(text)) for number, text in enumerate(texts, 1)]


def _file_story(
    header: DocHeader,
    doc_title: str,
    to: Iterable[str],
    content: list[Element],
    imprint: Imprint,
) -> Story:
    """Red header, title, addressees, the content, signature and 版记: the 文件 frame.

    A record copy of another body's document has no 文件 header: only its author's may head
    it, and this office is not the author."""
    elements: list[Element] = (
        [record_copy_note(header.record_copy_by, header.issuing_office)]
        if header.record_copy_by
        else [file_masthead(header)]
    )
    elements += [*title(doc_title), *addressees(to)]
    elements += content
    elements += ending(header.issuing_office, header.issued_on, imprint)
    return Story(doc_title, header.issuing_office, tuple(elements))


def _contact(person: Contact) -> list[Element]:
    """联系人 and 联系电话, each only when known; nothing when neither is."""
    said = [
        f"{label}：{value}"
        for label, value in (("联系人", person.name), ("联系电话", person.phone))
        if value
    ]
    return [body(sentence("；".join(said)))] if said else []


def _sections(sections: Iterable[tuple[str, list[Element]]]) -> list[Element]:
    """一、二、… headings over their content; a heading with nothing under it is left out."""
    elements: list[Element] = []
    number = 0
    for name, content in sections:
        if content:
            number += 1
            elements += [heading(number, name), *content]
    return elements


def meeting_notice_story(doc: MeetingNoticeDoc) -> Story:
    when = f"{cn_date(doc.meeting_date)}（{cn_weekday(doc.meeting_date)}）"
    if doc.starts_at is not None:
        when += cn_time(doc.starts_at)
    content: list[Element] = [
        body(doc.intro),
        *_sections(
            (
                ("会议时间", [body(sentence(when))]),
                ("会议地点", [body(sentence(doc.place))] if doc.place else []),
                (
                    "参会人员",
                    [body(sentence("；".join(doc.participants)))] if doc.participants else [],
                ),
                ("会议议题", _numbered_list(doc.topics)),
                ("有关要求", _numbered_list(doc.requirements)),
            )
        ),
        *_contact(doc.contact),
    ]
    return _file_story(doc.header, doc.title, doc.addressees, content, doc.imprint)


def supervision_notice_story(doc: SupervisionNoticeDoc) -> Story:
    office = doc.header.issuing_office
    held = cn_date(doc.meeting_date) if doc.meeting_date else ""
    content: list[Element] = [
        body(
            f"{held}召开的{doc.meeting_title}议定了以下由你单位牵头办理的"
            f"事项。根据联席会议督办工作制度，现予督办，请认真抓好落实。"
        ),
        heading(1, "督办事项"),
        *(
            numbered(
                number, duty_text(item.text, item.target, item.cooperating_units, item.deadline)
            )
            for number, item in enumerate(doc.items, 1)
        ),
        heading(2, "督办要求"),
        *_numbered_list(doc.requirements),
    ]
    if doc.feedback_deadline is not None:
        content.append(
            body(
                f"请于{cn_date(doc.feedback_deadline)}前将办理情况书面反馈{office}。"
                "逾期未反馈的，将予以催办并在督查通报中通报。"
            )
        )
    content += _contact(doc.contact)
    return _file_story(doc.header, doc.title, (doc.lead_unit,), content, doc.imprint)


def rectification_story(doc: RectificationDoc) -> Story:
    by = f"于{cn_date(doc.rectification_deadline)}前" if doc.rectification_deadline else ""
    content: list[Element] = [
        body(doc.basis),
        heading(1, "存在的问题"),
        body(doc.problem),
        heading(2, "整改要求"),
        *_numbered_list(doc.requirements),
        body(f"请你单位{by}完成整改，并将整改情况书面报送{doc.report_to}。"),
        *_contact(doc.contact),
    ]
    return _file_story(doc.header, doc.title, (doc.addressee,), content, doc.imprint)


def reconvene_story(doc: ReconveneNoticeDoc) -> Story:
    held = f"{cn_date(doc.meeting_date)}召开的" if doc.meeting_date else ""
    by = (
        f"请你们于{cn_date(doc.reconvene_by)}前重新召开联席会议，"
        if doc.reconvene_by
        else "请你们重新召开联席会议，"
    )
    content: list[Element] = [
        body(f"经督查，{held}{doc.meeting_title}存在以下问题：{sentence(doc.reason)}"),
        body(by + "认真研究职工群众关心的问题，确保议定事项可操作、能落实。"),
        *_sections((("有关要求", _numbered_list(doc.requirements)),)),
        *_contact(doc.contact),
    ]
    return _file_story(doc.header, doc.title, doc.addressees, content, doc.imprint)


def build_meeting_notice(doc: MeetingNoticeDoc, fonts: FontSet | None = None) -> bytes:
    """The meeting notice as PDF bytes."""
    return render(meeting_notice_story(doc), fonts)


def build_supervision_notice(doc: SupervisionNoticeDoc, fonts: FontSet | None = None) -> bytes:
    """The supervision notice as PDF bytes."""
    return render(supervision_notice_story(doc), fonts)


def build_rectification(doc: RectificationDoc, fonts: FontSet | None = None) -> bytes:
    """The rectification notice as PDF bytes."""
    return render(rectification_story(doc), fonts)
