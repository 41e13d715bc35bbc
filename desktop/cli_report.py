"""`lianxi report KIND ID|latest --out FILE.pdf`: print an official document headless."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core import documents
from desktop.core.document_dto import Document
from desktop.messages import message
from desktop.reports import build_document

# Which records each kind of document is printed from, and how.
BUILDERS: dict[str, Callable[[Session, int], Document]] = {
    "minutes": documents.minutes_doc,
    "notice": documents.meeting_notice_doc,
    "supervision": documents.supervision_notice_doc,
    "reminder": documents.reminder_doc,
    "rectification": documents.rectification_doc,
    "bulletin": documents.bulletin_doc,
    "vetting": documents.vetting_doc,
    "statistics": documents.statistics_doc,
}


def write_pdf(path: Path, data: bytes) -> None:
    """A temporary file beside the target, flushed to disk, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def document_for(session: Session, kind: str, ref: str) -> Document:
    """The document of a record id, or of the newest one ('latest'); statistics and assessment
    take a year ('latest': this year)."""
    if kind in ("statistics", "assessment"):
        year = date.today().year if ref == "latest" else int(ref)
        if kind == "assessment":
            return documents.assessment_doc(session, year, message)
        return documents.statistics_doc(session, year)
    record_id = documents.latest_id(session, kind) if ref == "latest" else int(ref)
    return BUILDERS[kind](session, record_id)


def _ref(text: str) -> str:
    if text != "latest" and not text.isdigit():
        raise argparse.ArgumentTypeError(f"应为记录编号或 latest：{text}")
    return text


def add_report_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="打印公文（PDF）/ print an official document")
    p.add_argument("kind", choices=sorted([*BUILDERS, "assessment"]))
    p.add_argument(
        "ref", type=_ref, metavar="ID|latest", help="记录编号；statistics、assessment 为年度"
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")

    def handler(args: argparse.Namespace, session: Session) -> Any:
        doc = document_for(session, args.kind, args.ref)
        write_pdf(args.out, build_document(doc))
        print(f"已生成：{args.out}")

    p.set_defaults(handler=handler)
