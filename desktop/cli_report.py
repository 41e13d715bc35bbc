"""`lianxi report KIND ID|latest --out FILE.pdf`: print an official document headless.

An issued document prints from its frozen copy (`--version N` for an earlier one, which a
correction superseded); one not yet issued prints as a draft from the records. `--versions`
lists the issued versions, `--correct REASON` issues a correction, and
`lianxi report assessment YEAR --issue` issues the year's 考核结果通报.
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core import documents, issued, replies
from desktop.core.document_dto import Document, Printable
from desktop.core.settings import font_folder
from desktop.core.units import unit_names
from desktop.messages import message
from desktop.reports import build_document, build_printable
from desktop.reports.docx_copy import build_docx
from desktop.reports.fonts import use_font_folder
from desktop.reports.replies import build_reply_letter
from desktop.reports.words import add_unit_names

# reply: the 答复函 to the worker of suggestion ID, drafted from the records (never issued).
KINDS = sorted([*documents.RECORD_DOCUMENTS, "statistics", "assessment", "reply"])


def write_pdf(path: Path, data: bytes) -> None:
    """A temporary file beside the target, flushed to disk, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def record_ref(session: Session, kind: str, ref: str) -> int:
    """The record id, or the year for statistics and assessment ('latest': this year)."""
    if kind in ("statistics", "assessment"):
        return date.today().year if ref == "latest" else int(ref)
    return documents.latest_id(session, kind) if ref == "latest" else int(ref)


def printable_for(
    session: Session, kind: str, ref: str, version: int | None = None
) -> Printable | None:
    """What an issued kind prints (frozen copy or draft); None for the forms and tables that
    are never issued (议题审定表, statistics), which always show the records as they are."""
    record_id = record_ref(session, kind, ref)
    if kind not in issued.KINDS:
        return None
    return issued.printable(session, kind, record_id, version, words=message)


def pdf_for(session: Session, kind: str, ref: str, version: int | None = None) -> bytes:
    """The PDF of a document; an issued copy's PDF hash is kept at its first rendering."""
    if kind == "reply":
        if not ref.isdigit():
            raise SystemExit("答复函需给出建议编号")
        return build_reply_letter(replies.reply_letter(session, int(ref), date.today()))
    copy = printable_for(session, kind, ref, version)
    if copy is None:
        return build_document(_record_document(session, kind, ref))
    pdf = build_printable(copy)
    if copy.issue is not None:
        issued.record_pdf(session, copy.issue.issued_id, pdf)
    return pdf


def _record_document(session: Session, kind: str, ref: str) -> Document:
    record_id = record_ref(session, kind, ref)
    if kind == "statistics":
        return documents.statistics_doc(session, record_id)
    return documents.RECORD_DOCUMENTS[kind](session, record_id)


def docx_for(session: Session, kind: str, ref: str, version: int | None = None) -> bytes:
    """The editable Word copy of what pdf_for prints (the issued record is not touched)."""
    if kind == "reply":
        raise SystemExit("答复函暂无 Word 副本，请用 --out 生成 PDF")
    copy = printable_for(session, kind, ref, version)
    return build_docx(copy if copy is not None else _record_document(session, kind, ref))


def _ref(text: str) -> str:
    if text != "latest" and not text.isdigit():
        raise argparse.ArgumentTypeError(f"应为记录编号或 latest：{text}")
    return text


def _describe(info: Any) -> str:
    state = f"，已被第{info.superseded_by}版更正" if info.superseded_by else ""
    reason = f"（更正：{info.reason}）" if info.reason else ""
    return (
        f"第{info.version}版 {info.number or '无文号'} {info.issued_on.isoformat()}{reason}{state}"
    )


def handle(args: argparse.Namespace, session: Session) -> None:
    kind = args.kind
    if args.issue or args.correct or args.versions:
        record_id = record_ref(session, kind, args.ref)
        if args.issue:
            if kind != "assessment":
                raise SystemExit("--issue 仅用于 assessment；其他文件在办理时印发")
            info = issued.issue_assessment_circular(
                session, record_id, message, args.on or date.today()
            )
            print(f"已印发：{_describe(info)}")
        elif args.correct:
            info = issued.correct(
                session,
                kind,
                record_id,
                reason=args.correct,
                issued_on=args.on or date.today(),
                words=message,
            )
            print(f"已印发更正：{_describe(info)}")
        else:
            for info in issued.versions(session, kind, record_id):
                print(_describe(info))
            return
    use_font_folder(font_folder(session) or None)
    add_unit_names(unit_names(session))
    if args.out is not None:
        write_pdf(args.out, pdf_for(session, kind, args.ref, args.version))
        print(f"已生成：{args.out}")
    if args.docx is not None:
        write_pdf(args.docx, docx_for(session, kind, args.ref, args.version))
        print(f"已生成可编辑副本：{args.docx}")


def add_report_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="打印公文（PDF）/ print an official document")
    p.add_argument("kind", choices=KINDS)
    p.add_argument(
        "ref",
        type=_ref,
        metavar="ID|latest",
        help="记录编号；statistics、assessment 为年度；reply（答复函）为职工建议编号",
    )
    p.add_argument("--out", type=Path, metavar="FILE.pdf")
    p.add_argument("--docx", type=Path, metavar="FILE.docx", help="另存可编辑的 Word 副本")
    p.add_argument("--version", type=int, metavar="N", help="已印发文件的第 N 版（默认最新）")
    p.add_argument("--versions", action="store_true", help="列出已印发的各版本")
    p.add_argument("--issue", action="store_true", help="印发考核结果通报（assessment）")
    p.add_argument("--correct", metavar="REASON", help="印发更正（新版本，原版本保留可查）")
    p.add_argument("--on", type=date.fromisoformat, metavar="YYYY-MM-DD", help="印发日期")
    p.set_defaults(handler=handle)
