"""Issuing freezes a document: the copy printed at issue is the copy printed ever after.

Issuing stores the document's data (its report DTO as canonical JSON) with its number and
date in `issued_document`, in the transaction that changes the record's state. Every later
print renders that copy, whatever happens to the records behind it. A correction (更正) is a
new version with the same number that supersedes the old one; the old one stays readable.
A record not yet issued prints as a draft, built from the records as they are now.

Records issued before this table existed are frozen the first time they are printed
(`printable`), or all at once by `backfill` (the demo and `lianxi report --backfill` do).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import document_codec
from desktop.core.document_dto import Document, IssueInfo, Printable
from desktop.core.errors import DomainError, InvalidInput, NotFound
from desktop.core.numbering import DocNumber, next_number
from desktop.core.office import local_office
from desktop.core.records import load, required_date, required_reason
from desktop.models import Bulletin, IssuedDocument, Meeting, SupervisionNotice
from desktop.models.enums import BulletinStatus, MeetingStatus

# Kinds of issued documents, as the CLI and the numbering series name them.
MEETING_KINDS = ("minutes", "notice", "reconvene")
NOTICE_KINDS = ("reminder", "supervision", "rectification")
KINDS = (*MEETING_KINDS, *NOTICE_KINDS, "bulletin", "assessment")
Words = Callable[[str, dict[str, Any]], str]
SERIAL = re.compile(r"〔(\d{4})〕(\d+)号$")


def _info(row: IssuedDocument, superseded_by: int | None) -> IssueInfo:
    return IssueInfo(
        issued_id=row.id,
        kind=row.kind,
        record_id=row.record_id,
        number=row.number,
        issued_on=row.issued_on,
        version=row.version,
        superseded_by=superseded_by,
        reason=row.reason,
        content_sha256=row.content_sha256,
        pdf_sha256=row.pdf_sha256,
    )


def _rows(session: Session, kind: str, record_id: int) -> list[IssuedDocument]:
    office = local_office(session).uuid
    return list(
        session.scalars(
            select(IssuedDocument)
            .where(
                IssuedDocument.office_uuid == office,
                IssuedDocument.kind == kind,
                IssuedDocument.record_id == record_id,
            )
            .order_by(IssuedDocument.version)
        )
    )


def freeze(
    session: Session,
    kind: str,
    record_id: int,
    doc: Document,
    *,
    issued_on: date,
    number: DocNumber | None = None,
    number_text: str = "",
    reason: str = "",
) -> IssueInfo:
    """Store `doc` as the next version of the record's issued document.

    `number` is a number reserved for it (its serial joins the unique constraint); a record
    copy of another body's document, or an old record frozen late, gives only `number_text`.
    """
    if kind not in KINDS:
        raise KeyError(kind)
    earlier = _rows(session, kind, record_id)
    previous = earlier[-1] if earlier else None
    content = document_codec.dumps(doc)
    row = IssuedDocument(
        office_uuid=local_office(session).uuid,
        kind=kind,
        record_id=record_id,
        number=number.text if number is not None else number_text,
        year=number.year if number is not None else issued_on.year,
        serial=number.serial if number is not None else None,
        issued_on=issued_on,
        version=previous.version + 1 if previous else 1,
        supersedes_id=previous.id if previous else None,
        reason=reason,
        content=content,
        content_sha256=document_codec.sha256(content),
    )
    if previous is not None:  # a correction keeps the number it corrects
        row.year, row.serial = previous.year, previous.serial
    session.add(row)
    session.flush()
    return _info(row, None)


def versions(session: Session, kind: str, record_id: int) -> list[IssueInfo]:
    """Every issued version of the record's document, oldest first."""
    rows = _rows(session, kind, record_id)
    return [
        _info(row, rows[i + 1].version if i + 1 < len(rows) else None) for i, row in enumerate(rows)
    ]


def issued_copy(
    session: Session, kind: str, record_id: int, version: int | None = None
) -> Printable | None:
    """The frozen copy of a version (the newest when None); None when never issued."""
    rows = _rows(session, kind, record_id)
    if not rows:
        if version is not None:
            raise NotFound(kind="issued_document", id=f"{kind} {record_id} v{version}")
        return None
    index = len(rows) - 1 if version is None else version - 1
    if not 0 <= index < len(rows) or rows[index].version != index + 1:
        raise NotFound(kind="issued_document", id=f"{kind} {record_id} v{version}")
    row = rows[index]
    later = rows[index + 1].version if index + 1 < len(rows) else None
    return Printable(document_codec.loads(row.content), _info(row, later))


def record_pdf(session: Session, issued_id: int, pdf: bytes) -> bool:
    """Keep the hash of the PDF first rendered from an issued copy; False when a later
    rendering differs from it (other fonts on this computer, or a changed layout)."""
    row = session.get(IssuedDocument, issued_id)
    if row is None:
        raise NotFound(kind="issued_document", id=issued_id)
    digest = document_codec.sha256(pdf)
    if row.pdf_sha256 is None:
        row.pdf_sha256 = digest
        session.flush()
        return True
    return row.pdf_sha256 == digest


# ---- building from the records


def _live(session: Session, kind: str, record_id: int, words: Words | None = None) -> Document:
    """The document as the records say now (a draft, or what an issue freezes)."""
    from desktop.core import documents  # documents reads meetings, which freeze on issue

    if kind == "assessment":
        if words is None:
            raise KeyError("assessment needs words")
        return documents.assessment_doc(session, record_id, words)
    return documents.RECORD_DOCUMENTS[kind](session, record_id)


def _is_issued(session: Session, kind: str, record_id: int) -> bool:
    """Whether the record was issued before issued copies existed (so one is owed)."""
    if kind == "minutes":
        m = load(session, Meeting, record_id, "meeting")
        return m.status == MeetingStatus.MINUTES_ISSUED and m.minutes_issued_on is not None
    if kind in NOTICE_KINDS:
        return load(session, SupervisionNotice, record_id, "notice").kind == kind
    if kind == "bulletin":  # a draft prints as a draft until a reviewer issues it
        return load(session, Bulletin, record_id, "bulletin").status == BulletinStatus.ISSUED
    if kind == "notice":  # a notified meeting's notice went out; a held one's is not known
        return load(session, Meeting, record_id, "meeting").status == MeetingStatus.NOTIFIED
    if kind == "reconvene":  # flagging a meeting ordered it held again
        return load(session, Meeting, record_id, "meeting").formality_flag
    return False  # circulars were never issued before: drafts


def printable(
    session: Session,
    kind: str,
    record_id: int,
    version: int | None = None,
    words: Words | None = None,
) -> Printable:
    """What to print for a record: its issued copy, or a draft from the records.

    A record issued before issued copies existed is frozen now, from its records.
    """
    copy = issued_copy(session, kind, record_id, version)
    if copy is not None:
        return _with_void(session, kind, record_id, copy)
    if _is_issued(session, kind, record_id):
        _freeze_old(session, kind, record_id)
        copy = issued_copy(session, kind, record_id)
        assert copy is not None
        return copy
    return Printable(_live(session, kind, record_id, words), None)


def _with_void(session: Session, kind: str, record_id: int, copy: Printable) -> Printable:
    """The issued copy, saying so when its notice or bulletin has since been voided."""
    if kind not in (*NOTICE_KINDS, "bulletin"):
        return copy
    from desktop.core.voiding import void_info  # voiding freezes through this module

    void = void_info(session, "bulletin" if kind == "bulletin" else "notice", record_id)
    if void is None:
        return copy
    return replace(copy, voided_on=void.voided_on, void_reason=void.reason)


def kind_of(
    session: Session, builder: Callable[[Session, int], Document], record_id: int
) -> str | None:
    """The issued kind of a record's document named by the function that builds it (what the
    editors' print buttons hold); None for documents that are never issued (forms)."""
    from desktop.core import documents

    if builder is documents.notice_doc:  # a voided notice still prints, marked 作废
        notice = session.get(SupervisionNotice, record_id)
        if notice is None:
            raise NotFound(kind="notice", id=record_id)
        return str(notice.kind)
    kind = next((k for k, b in documents.RECORD_DOCUMENTS.items() if b is builder), "")
    return kind if kind in KINDS else None


def printable_of(
    session: Session, builder: Callable[[Session, int], Document], record_id: int
) -> Printable | None:
    """`printable` for a record named by the function that builds its document; None for
    documents that are never issued."""
    kind = kind_of(session, builder, record_id)
    return printable(session, kind, record_id) if kind is not None else None


def _old_number(session: Session, kind: str, record_id: int) -> tuple[str, date, bool]:
    """An old record's number, issue date and whether the number is this office's own."""
    office = local_office(session)
    if kind == "minutes":
        m = load(session, Meeting, record_id, "meeting")
        assert m.minutes_issued_on is not None
        return m.minutes_number, m.minutes_issued_on, m.union_unit_id == office.unit_id
    record: SupervisionNotice | Bulletin = (
        load(session, Bulletin, record_id, "bulletin")
        if kind == "bulletin"
        else load(session, SupervisionNotice, record_id, "notice")
    )
    return record.number, record.issued_on, record.origin_office == office.uuid


def _freeze_old(session: Session, kind: str, record_id: int) -> IssueInfo:
    if kind == "notice":
        # Numbered now: notices had no numbers of their own; dated when the meeting was last
        # changed (its notification, unless edited since), never after the meeting.
        m = load(session, Meeting, record_id, "meeting")
        assert m.planned_on is not None
        return issue_meeting_notice(session, record_id, min(m.updated_at.date(), m.planned_on))
    if kind == "reconvene":  # dated when the meeting to be held again was made: the flagging
        again = session.scalar(
            select(Meeting.created_at).where(Meeting.reconvene_of_id == record_id)
        )
        m = load(session, Meeting, record_id, "meeting")
        return issue_reconvene_notice(session, record_id, (again or m.updated_at).date())
    text, issued_on, own = _old_number(session, kind, record_id)
    found = SERIAL.search(text) if own else None
    number = (
        DocNumber(kind, int(found.group(1)), int(found.group(2)), text)
        if found is not None
        else None
    )
    doc = _live(session, kind, record_id)
    return freeze(
        session, kind, record_id, doc, issued_on=issued_on, number=number, number_text=text
    )


def backfill(session: Session, *, record_copies: bool = True) -> int:
    """Freeze every issued record that has no issued copy yet; how many were frozen.

    Without `record_copies`, only this office's own documents: record copies of other
    bodies' minutes and notices are then frozen at their first print.
    """
    info = local_office(session)
    office = info.uuid
    own_meetings = () if record_copies else (Meeting.union_unit_id == info.unit_id,)
    done = {
        (kind, record_id)
        for kind, record_id in session.execute(
            select(IssuedDocument.kind, IssuedDocument.record_id).where(
                IssuedDocument.office_uuid == office
            )
        )
    }
    owed: list[tuple[str, int]] = [
        ("minutes", i)
        for i in session.scalars(
            select(Meeting.id)
            .where(
                Meeting.status == MeetingStatus.MINUTES_ISSUED,
                Meeting.minutes_issued_on.is_not(None),
                Meeting.deleted_at.is_(None),
                *own_meetings,
            )
            .order_by(Meeting.minutes_issued_on, Meeting.id)
        )
    ]
    owed += [
        (str(k), i)
        for i, k in session.execute(
            select(SupervisionNotice.id, SupervisionNotice.kind)
            .where(SupervisionNotice.deleted_at.is_(None))
            .order_by(SupervisionNotice.issued_on, SupervisionNotice.id)
        )
    ]
    owed += [
        ("notice", i)
        for i in session.scalars(
            select(Meeting.id)
            .where(
                Meeting.status == MeetingStatus.NOTIFIED,
                Meeting.planned_on.is_not(None),
                Meeting.deleted_at.is_(None),
                *own_meetings,
            )
            .order_by(Meeting.planned_on, Meeting.id)
        )
    ]
    owed += [
        ("reconvene", i)
        for i in session.scalars(
            select(Meeting.id)
            .where(Meeting.formality_flag.is_(True), Meeting.deleted_at.is_(None))
            .order_by(Meeting.updated_at, Meeting.id)
        )
    ]
    owed += [
        ("bulletin", i)
        for i in session.scalars(
            select(Bulletin.id)
            .where(Bulletin.status == BulletinStatus.ISSUED, Bulletin.deleted_at.is_(None))
            .order_by(Bulletin.issued_on, Bulletin.id)
        )
    ]
    frozen = 0
    for kind, record_id in owed:
        if (kind, record_id) not in done:
            _freeze_old(session, kind, record_id)
            frozen += 1
    return frozen


# ---- issuing


def issue_record(
    session: Session, kind: str, record_id: int, *, issued_on: date, number: DocNumber | None
) -> IssueInfo:
    """Freeze a record's document at its issue (the caller has changed the record's state)."""
    if _rows(session, kind, record_id):
        raise DomainError("already_issued", kind=kind, id=record_id)
    doc = _live(session, kind, record_id)
    return freeze(session, kind, record_id, doc, issued_on=issued_on, number=number)


def issue_meeting_notice(session: Session, meeting_id: int, issued_on: date) -> IssueInfo:
    """Number and freeze a meeting's notice (会议通知) on its issue date. A meeting of another
    body is recorded as that body's notice, without a number of this office."""
    m = load(session, Meeting, meeting_id, "meeting")
    own = m.union_unit_id == local_office(session).unit_id
    return _issue_numbered(session, "notice", meeting_id, issued_on, numbered=own)


def issue_reconvene_notice(session: Session, meeting_id: int, issued_on: date) -> IssueInfo:
    """Number and freeze the 重开通知 of a meeting flagged as held only for form."""
    return _issue_numbered(session, "reconvene", meeting_id, issued_on, numbered=True)


def _issue_numbered(
    session: Session, kind: str, meeting_id: int, issued_on: date, *, numbered: bool
) -> IssueInfo:
    """Reserve the next number of `kind` for the issue year (when `numbered`) and freeze the
    document built under it."""
    if _rows(session, kind, meeting_id):
        raise DomainError("already_issued", kind=kind, id=meeting_id)
    number = next_number(session, kind, issued_on.year) if numbered else None
    doc = _numbered_doc(session, kind, meeting_id, number.text if number else "", issued_on)
    return freeze(session, kind, meeting_id, doc, issued_on=issued_on, number=number)


def _numbered_doc(
    session: Session, kind: str, record_id: int, number: str, issued_on: date
) -> Document:
    """A meeting notice or 重开通知 under the number and date it is issued with."""
    from desktop.core import documents

    build = documents.meeting_notice_doc if kind == "notice" else documents.reconvene_doc
    return build(session, record_id, number=number, issued_on=issued_on)


def issue_assessment_circular(
    session: Session, year: int, words: Words, issued_on: date
) -> IssueInfo:
    """Number and freeze the year's 考核结果通报 (once; a correction makes a new version)."""
    from desktop.core import documents

    issued = required_date(issued_on, "issued_on")
    if issued.year < year:
        raise InvalidInput("before_period", field="issued_on", year=year)
    if _rows(session, "assessment", year):
        raise DomainError("already_issued", kind="assessment", id=year)
    number = next_number(session, "assessment", issued.year)
    doc = documents.assessment_doc(session, year, words, number=number.text, issued_on=issued)
    return freeze(session, "assessment", year, doc, issued_on=issued, number=number)


def correct(
    session: Session,
    kind: str,
    record_id: int,
    *,
    reason: str,
    issued_on: date,
    words: Words | None = None,
) -> IssueInfo:
    """Issue a correction (更正): the document as the records say now, same number, next
    version; the version it corrects stays readable."""
    rows = _rows(session, kind, record_id)
    if not rows:
        raise DomainError("not_issued", kind=kind, id=record_id)
    last = rows[-1]
    issued = required_date(issued_on, "issued_on")
    if issued < last.issued_on:
        raise InvalidInput("before_issue", field="issued_on")
    from desktop.core import documents

    if kind in ("notice", "reconvene"):
        doc: Document = _numbered_doc(session, kind, record_id, last.number, issued)
    elif kind == "assessment":
        if words is None:
            raise KeyError("assessment needs words")
        doc = documents.assessment_doc(
            session, record_id, words, number=last.number, issued_on=issued
        )
    else:
        doc = _live(session, kind, record_id)
    return freeze(
        session,
        kind,
        record_id,
        doc,
        issued_on=issued,
        number_text=last.number,
        reason=required_reason(reason),
    )


def issued_count(session: Session) -> int:
    """How many issued versions this office holds."""
    office = local_office(session).uuid
    return int(
        session.scalar(
            select(func.count(IssuedDocument.id)).where(IssuedDocument.office_uuid == office)
        )
        or 0
    )
