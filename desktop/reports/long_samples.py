"""The sample documents with office and unit names of a chosen length: the layout's stress cases."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TypeVar

from desktop.core.document_dto import (
    AssessmentRow,
    Attendee,
    BulletinRow,
    DocHeader,
    Document,
    Imprint,
    StatisticsRow,
)
from desktop.reports.documents import build_document
from desktop.reports.parts import sentence
from desktop.reports.samples import (
    COUNTY_UNION,
    TOWNS,
    UNION_OFFICE,
    sample_assessment,
    sample_bulletin,
    sample_meeting_notice,
    sample_minutes,
    sample_reconvene,
    sample_rectification,
    sample_reminder,
    sample_statistics,
    sample_supervision_notice,
    sample_vetting_form,
)
from desktop.reports.words import add_unit_names

_Row = TypeVar("_Row", BulletinRow, AssessmentRow, StatisticsRow)

NAME_LENGTHS = (4, 12, 22, 30, 40)
# Real-looking names of each length; {0} is a two-character firm or place name.
_NAME_PATTERNS = {
    4: "{0}工会",
    12: "滨海县{0}镇总工会办公室",
    22: "江苏省滨海县{0}钢结构股份有限公司工会委员会",
    30: "江苏省盐城市滨海县经济开发区{0}钢结构股份有限公司工会委员会",
    40: "江苏省盐城市滨海县经济开发区沿海工业园区{0}重型钢结构工程股份有限公司工会委员会",
}
FIRMS = (
    "永盛", "华泰", "恒通", "金海", "东方", "新港", "宏达", "瑞丰", "天成", "海纳",
    "康源", "德润", "中兴", "利民", "鑫源", "安泰", "汇丰", "长江", "明珠", "振华",
)  # fmt: skip
URL = "https://www.jsbhzgh.gov.cn/lianxi/2024/notice_0305-detail.html?from=county&page=2"
# Sixty characters: a title that needs three lines at 二号.
LONG_TITLE = (
    "关于召开滨海县人民政府与滨海县总工会2024年第一次联席会议暨全县重点工程建设劳动竞赛表彰"
    "和工资集体协商工作推进会的通知"
)
PARTICIPANT_COUNT = 30


def office_name(length: int, firm: int = 0) -> str:
    """A union's name of exactly `length` characters (one of NAME_LENGTHS)."""
    name = _NAME_PATTERNS[length].format(FIRMS[firm % len(FIRMS)])
    assert len(name) == length, name
    return name


def _units(length: int, count: int, first: int = 1) -> tuple[str, ...]:
    return tuple(office_name(length, first + n) for n in range(count))


def _renamed(rows: tuple[_Row, ...], length: int) -> tuple[_Row, ...]:
    """Table rows with their units renamed to names of `length` characters."""
    return tuple(
        dataclasses.replace(row, unit=office_name(length, n)) for n, row in enumerate(rows, 1)
    )


def _imprint(imprint: Imprint, office: str, length: int) -> Imprint:
    copies = _units(length, len(imprint.copy_to), 5)
    return dataclasses.replace(imprint, office=office, copy_to=copies)


def _header(header: DocHeader, office: str) -> DocHeader:
    return dataclasses.replace(header, issuing_office=office)


def _people(length: int) -> tuple[Attendee, ...]:
    return tuple(
        Attendee(f"职工代表{n:02d}", office_name(length, n), "主席")
        for n in range(PARTICIPANT_COUNT)
    )


def _with_url(text: str) -> str:
    return f"{sentence(text)}有关材料见{URL}，请自行下载。"


def long_documents(length: int) -> dict[str, Document]:
    """Every kind with office and unit names of `length` characters, a 60-character title,
    30 participants and a URL in the text."""
    office = office_name(length)
    unit = office_name(length, 1)
    minutes, notice, supervision = (
        sample_minutes(),
        sample_meeting_notice(),
        sample_supervision_notice(),
    )
    reminder, rectification, bulletin = sample_reminder(), sample_rectification(), sample_bulletin()
    reconvene = sample_reconvene()
    assessment, vetting, statistics = (
        sample_assessment(),
        sample_vetting_form(),
        sample_statistics(),
    )
    people = _people(length)
    return {
        "minutes": dataclasses.replace(
            minutes,
            banner=f"{office}与{unit}联席会议纪要",
            issued_by=office,
            intro=_with_url(minutes.intro),
            attended=people,
            absent=people[:3],
            sat_in=people[3:6],
            imprint=_imprint(minutes.imprint, office, length),
        ),
        "meeting_notice": dataclasses.replace(
            notice,
            header=_header(notice.header, office),
            title=LONG_TITLE,
            addressees=_units(length, 4),
            intro=_with_url(notice.intro),
            participants=tuple(f"{name}主席" for name in _units(length, PARTICIPANT_COUNT)),
            imprint=_imprint(notice.imprint, office, length),
        ),
        "supervision_notice": dataclasses.replace(
            supervision,
            header=_header(supervision.header, office),
            title=LONG_TITLE,
            lead_unit=unit,
            imprint=_imprint(supervision.imprint, office, length),
        ),
        "reminder": dataclasses.replace(
            reminder,
            issuing_office=office,
            lead_unit=unit,
            progress=_with_url(reminder.progress),
        ),
        "rectification": dataclasses.replace(
            rectification,
            header=_header(rectification.header, office),
            title=LONG_TITLE,
            addressee=unit,
            problem=_with_url(rectification.problem),
            report_to=office,
            imprint=_imprint(rectification.imprint, office, length),
        ),
        "reconvene": dataclasses.replace(
            reconvene,
            header=_header(reconvene.header, office),
            title=LONG_TITLE,
            addressees=_units(length, 2),
            reason=_with_url(reconvene.reason),
            imprint=_imprint(reconvene.imprint, office, length),
        ),
        "bulletin": dataclasses.replace(
            bulletin,
            compiled_by=office,
            title=LONG_TITLE,
            intro=_with_url(bulletin.intro),
            rows=_renamed(bulletin.rows, length),
            commended=_units(length, 3),
            imprint=_imprint(bulletin.imprint, office, length),
        ),
        "assessment": dataclasses.replace(
            assessment,
            header=_header(assessment.header, office),
            title=LONG_TITLE,
            addressees=_units(length, 2),
            rows=_renamed(assessment.rows, length),
            commended=_units(length, 3),
            imprint=_imprint(assessment.imprint, office, length),
        ),
        "vetting_form": dataclasses.replace(vetting, office=office, title=LONG_TITLE),
        "statistics": dataclasses.replace(
            statistics,
            compiled_by=office,
            title=LONG_TITLE,
            rows=_renamed(statistics.rows, length),
        ),
    }


def empty_documents() -> dict[str, Document]:
    """A meeting with nothing recorded yet: no topics, items, people or previous items."""
    minutes, notice = sample_minutes(), sample_meeting_notice()
    return {
        "minutes": dataclasses.replace(
            minutes,
            intro="",
            topics=(),
            items=(),
            previous_summary="",
            previous_items=(),
            attended=(),
            absent=(),
            sat_in=(),
        ),
        "meeting_notice": dataclasses.replace(
            notice, addressees=(), participants=(), topics=(), requirements=()
        ),
    }


def register_directory() -> None:
    """The county's directory, as the window and `lianxi report` register it before printing."""
    add_unit_names((COUNTY_UNION, UNION_OFFICE, "滨海县人民政府", *TOWNS))


def main(argv: list[str]) -> int:
    """Write every kind at the longest names as PDF into the folder given."""
    out = Path(argv[0]) if argv else Path(".")
    out.mkdir(parents=True, exist_ok=True)
    register_directory()
    for stem, doc in long_documents(max(NAME_LENGTHS)).items():
        (out / f"{stem}.pdf").write_bytes(build_document(doc))
        print(out / f"{stem}.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
