"""Story fragments shared by the documents: titles, headings, signatures, name lists."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from desktop.core.document_dto import Attendee, Contact, DocHeader, Imprint
from desktop.reports.formatting import cn_date, cn_number
from desktop.reports.layout import HEI, KAI, TITLE
from desktop.reports.linebreak import balanced_ends, pitch_advances
from desktop.reports.story import Align, Blank, Element, Masthead, Para, Run, Signature
from desktop.reports.words import word_breaks

GRID_COLUMNS = 28
SIGNATURE_INSET = 2  # 字 between the signature and the right edge (GB/T 9704 7.3.5.2)
LIST_LABEL_INDENT = 2  # 出席 / 请假 / 列席 start two 字 in


def file_masthead(header: DocHeader) -> Masthead:
    """发文机关标志 (office + 文件) and 发文字号."""
    return Masthead(header.issuing_office + header.mark, header.doc_number)


def title(text: str) -> tuple[Element, ...]:
    """The 2号 小标宋 title two rows under the red rule, centred, lines balanced."""
    return (Blank(2), Para((Run(text, TITLE),), first_indent=0, align=Align.CENTER, balance=True))


def addressees(names: Iterable[str]) -> tuple[Element, ...]:
    """主送机关 one row under the title, flush left, ending in a full-width colon; none, none."""
    listed = "、".join(names)
    return (Blank(1), Para((Run(listed + "："),), first_indent=0)) if listed else ()


def body(text: str) -> Para:
    return Para((Run(text),))


def heading(number: int, text: str) -> Para:
    """First-level heading 一、 in 黑体, kept with the line after it."""
    return Para((Run(f"{cn_number(number)}、{text}", HEI),), keep_with_next=True)


def subheading(number: int, text: str, continuation: str = "") -> Para:
    """Second-level （一） in 楷体; text after it on the same paragraph stays 仿宋."""
    runs = (Run(f"（{cn_number(number)}）{text}", KAI),)
    if continuation:
        return Para((*runs, Run(continuation)))
    return Para(runs, keep_with_next=True)


def numbered(number: int, text: str) -> Para:
    """Third-level item 1. in 仿宋."""
    return Para((Run(f"{number}.{text}"),))


def units(names: Iterable[str]) -> str:
    return "、".join(names)


def duty_text(
    text: str,
    target: str,
    cooperating_units: tuple[str, ...],
    deadline: date | None,
    lead_unit: str = "",
) -> str:
    """An agreed item with its target, units and deadline, as one paragraph's text."""
    parts = [sentence(text)]
    if target:
        parts.append(sentence(f"目标：{target}"))
    duties = [f"牵头单位：{lead_unit}"] if lead_unit else []
    if cooperating_units:
        duties.append(f"配合单位：{units(cooperating_units)}")
    if deadline is not None:
        duties.append(f"完成时限：{cn_date(deadline)}前")
    if duties:
        parts.append(sentence("；".join(duties)))
    return "".join(parts)


def contact(person: Contact) -> Para:
    return body(f"联系人：{person.name}；联系电话：{person.phone}。")


def _cells(text: str) -> float:
    return sum(pitch_advances(text, 1.0))


def signature(office: str, day: date) -> Signature:
    """发文机关署名 and 成文日期 without a seal, per GB/T 9704 7.3.5.2.

    The office sits two 字 from the right and the date starts two 字 right of the office's
    start; a date longer than that keeps two 字 from the right and pushes the office left.
    An office too long for one line breaks between words into balanced lines that all start
    where the first does.
    """
    date_text = cn_date(day)
    measure = GRID_COLUMNS - SIGNATURE_INSET
    advances = pitch_advances(office, 1.0)
    ends = (
        (len(office),)
        if sum(advances) <= measure
        else balanced_ends(office, advances, measure, word_breaks(office))
    )
    office_width = max(sum(advances[a:b]) for a, b in zip((0, *ends[:-1]), ends, strict=True))
    start = measure - max(office_width, _cells(date_text) + 2)
    return Signature(
        Para((Run(office),), start, start, SIGNATURE_INSET, Align.LEFT, balance=len(ends) > 1),
        Para((Run(date_text),), start + 2, align=Align.LEFT),
    )


def person_text(person: Attendee) -> str:
    text = f"{person.unit}{person.title}{person.name}"
    return f"{text}（{person.absence_reason}）" if person.absence_reason else text


def name_list(label: str, people: Iterable[Attendee]) -> tuple[Element, ...]:
    """出席：names…, the label in 黑体 and wrapped lines aligned after the colon."""
    names = "，".join(person_text(person) for person in people)
    if not names:
        return ()
    head = f"{label}："
    return (
        Para(
            (Run(head, HEI), Run(names)),
            first_indent=LIST_LABEL_INDENT,
            indent=LIST_LABEL_INDENT + len(head),
        ),
    )


def ending(office: str, day: date, imprint: Imprint) -> tuple[Element, ...]:
    """Signature and date, then the 版记 at the foot of the last page."""
    return (signature(office, day), imprint)


def sentence(text: str) -> str:
    """Text closed with a full stop unless it already ends in terminal punctuation."""
    return text if text.endswith(("。", "！", "？", "：", "；")) else text + "。"
