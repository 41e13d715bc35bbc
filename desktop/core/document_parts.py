"""The parts every official document shares: dates and ordinals as documents write them, who
authored a document (this office, or the one whose copy it keeps), its 版记 and contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import document_dto as d
from desktop.core.office import OfficeInfo
from desktop.core.records import load
from desktop.models import Bulletin, Office, SupervisionNotice, Unit

CN_NUMBERS = "〇一二三四五六七八九十"


def chinese_count(n: int) -> str:
    """第一次, 第十二次: the ordinal as official documents write it."""
    if n <= 10:
        return CN_NUMBERS[n]
    if n < 20:
        return "十" + (CN_NUMBERS[n % 10] if n % 10 else "")
    return CN_NUMBERS[n // 10] + "十" + (CN_NUMBERS[n % 10] if n % 10 else "")


def cn_date(day: date) -> str:
    """2024年3月5日, written out: strftime has no portable month or day without a zero."""
    return f"{day.year}年{day.month}月{day.day}日"


def imprint(author: str, on: date) -> d.Imprint:
    """版记: the author's office prints it (a record copy names the author, not the keeper)."""
    return d.Imprint(office=f"{author}办公室", printed_on=on)


@dataclass(frozen=True)
class Author:
    """Who issued a supervision document or bulletin: this office, or the one that sent it."""

    name: str
    own: bool


def author_of(session: Session, office: OfficeInfo, origin: str) -> Author:
    if origin == office.uuid:
        return Author(office.name, True)
    name = session.scalar(select(Office.name).where(Office.uuid == origin))
    # A peer not registered here: its own parent is the likeliest sender of what came down.
    parent = office.parent_name if origin == office.parent_uuid else None
    return Author(name or parent or "", False)


def origin_of(
    session: Session, model: type[SupervisionNotice] | type[Bulletin], record_id: int
) -> str:
    """The uuid of the office that wrote the record (issued the document)."""
    return str(session.scalar(select(model.origin_office).where(model.id == record_id)))


def doc_header(office: OfficeInfo, author: Author, number: str, on: date) -> d.DocHeader:
    """The author's header; a copy of another's document is marked as this office's copy."""
    return d.DocHeader(author.name, number, on, record_copy_by="" if author.own else office.name)


def own_contact(session: Session, office: OfficeInfo, author: Author) -> d.Contact:
    """This office's contact on its own documents; none on a copy of another's."""
    return office_contact(session, office) if author.own else d.Contact("", "")


def office_contact(session: Session, office: OfficeInfo) -> d.Contact:
    """联系人 and 联系电话 of this office's unit ("" where not entered)."""
    unit = load(session, Unit, office.unit_id, "unit") if office.unit_id else None
    return d.Contact(unit.contact_person if unit else "", unit.contact_phone if unit else "")
