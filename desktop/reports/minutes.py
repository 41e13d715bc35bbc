"""会议纪要 in the GB/T 9704 纪要 format: banner, topics, agreed items, attendance."""

from __future__ import annotations

import re

from desktop.core.document_dto import MinutesDoc, PreviousItemStatus
from desktop.reports.fonts import FontSet
from desktop.reports.formatting import cn_date, cn_number
from desktop.reports.layout import HEI
from desktop.reports.marks import record_copy_note
from desktop.reports.page import render
from desktop.reports.parts import (
    body,
    duty_text,
    heading,
    name_list,
    numbered,
    sentence,
    subheading,
    title,
)
from desktop.reports.story import Align, Blank, Element, Masthead, Para, Run, SplitLine, Story

# A clerk's "一、关于…" line: a first-level heading of its own.
HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def opening(doc: MinutesDoc) -> str:
    """When, what, where and who chaired: a phrase left out when its field is empty."""
    place = f"在{doc.place}" if doc.place else ""
    chair = f"会议由{doc.chair}主持。" if doc.chair else ""
    held = f"{cn_date(doc.meeting_date)}，" if doc.meeting_date else ""
    return f"{held}{doc.meeting_title}{place}召开。{chair}{doc.intro}"


def previous_line(p: PreviousItemStatus) -> str:
    """一项上次议定事项: its text, lead unit and deadline, then its state and any note."""
    deadline = f"，完成时限：{cn_date(p.deadline)}" if p.deadline else ""
    return sentence(f"{p.text}（牵头单位：{p.lead_unit}{deadline}），{p.status}") + p.note


def minutes_story(doc: MinutesDoc) -> Story:
    elements: list[Element]
    if doc.record_copy_by:
        # Another body's minutes: its 纪要标志 is not this office's to print, so a plain title.
        elements = [
            record_copy_note(doc.record_copy_by, doc.issued_by),
            *title(doc.banner),
            Para((Run(doc.number_line),), first_indent=0, align=Align.CENTER),
            SplitLine(doc.issued_by, cn_date(doc.issued_on)),
        ]
    else:
        elements = [Masthead(doc.banner, doc.number_line, (doc.issued_by, cn_date(doc.issued_on)))]
    elements += [Blank(1), body(opening(doc))]
    section = 0
    if doc.body:
        for paragraph in doc.body:
            if HEADING.match(paragraph):
                section += 1
                # The heading runs to its first full stop in 黑体; the decision after it is body text.
                head, stop, rest = paragraph.partition("。")
                runs = (Run(head + stop, HEI), Run(rest)) if rest else (Run(paragraph, HEI),)
                elements.append(Para(runs, keep_with_next=not rest))
            else:
                elements.append(body(paragraph))
    elif doc.topics:
        section += 1
        elements.append(heading(section, "会议研究的议题"))
        elements += (
            subheading(number, sentence(topic.title), topic.decision)
            if topic.decision
            else body(f"（{cn_number(number)}）{sentence(topic.title)}")
            for number, topic in enumerate(doc.topics, 1)
        )
    if doc.items:
        section += 1
        elements.append(heading(section, "会议议定事项"))
        elements += (
            numbered(
                number, duty_text(i.text, i.target, i.cooperating_units, i.deadline, i.lead_unit)
            )
            for number, i in enumerate(doc.items, 1)
        )
    if doc.previous_items and (doc.previous_as_of or not doc.body):
        # Reported whatever the clerk wrote (copies frozen before previous_as_of print as issued).
        section += 1
        elements.append(heading(section, "上次会议议定事项落实情况"))
        if doc.previous_summary:
            elements.append(body(doc.previous_summary))
        elements += (
            numbered(number, previous_line(p)) for number, p in enumerate(doc.previous_items, 1)
        )
    elements.append(Blank(1))
    elements += name_list("出席", doc.attended)
    elements += name_list("请假", doc.absent)
    elements += name_list("列席", doc.sat_in)
    elements.append(doc.imprint)
    return Story(f"{doc.banner}（{doc.number_line}）", doc.issued_by, tuple(elements))


def build_minutes(doc: MinutesDoc, fonts: FontSet | None = None) -> bytes:
    """The minutes as PDF bytes."""
    return render(minutes_story(doc), fonts)
