"""Documents built around a table: 督查通报, 考核结果通报 and the landscape annual statistics."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.core.document_dto import (
    AssessmentResultsDoc,
    BulletinDoc,
    BulletinRow,
    Criticism,
    StatisticsDoc,
    StatisticsRow,
)
from desktop.reports.assessment_figures import assessment_attachment, attachment_title
from desktop.reports.fonts import FontSet
from desktop.reports.formatting import cn_date, percent, points, signed
from desktop.reports.layout import HEI, LANDSCAPE, TABLE_HEAD, TABLE_TEXT, TITLE
from desktop.reports.page import render
from desktop.reports.parts import (
    addressees,
    body,
    ending,
    file_masthead,
    heading,
    numbered,
    sentence,
    title,
    units,
)
from desktop.reports.story import (
    Align,
    Blank,
    Cell,
    Element,
    Masthead,
    PageBreak,
    Para,
    Run,
    SplitLine,
    Story,
    TableSpec,
)


def _table(
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    fractions: tuple[float, ...],
    left_columns: frozenset[int] = frozenset({1}),
) -> TableSpec:
    """Header row in 黑体, body in 仿宋; unit names flush left, figures centred."""
    header = tuple(Cell(text, TABLE_HEAD) for text in head)
    body_rows = tuple(
        tuple(
            Cell(text, TABLE_TEXT, Align.LEFT if column in left_columns else Align.CENTER)
            for column, text in enumerate(row)
        )
        for row in rows
    )
    return TableSpec((header, *body_rows), fractions)


def _praise_and_criticism(
    first: int, commended: tuple[str, ...], criticized: tuple[Criticism, ...]
) -> list[Element]:
    """通报表扬 and 通报批评 sections, numbered on from `first`."""
    elements: list[Element] = []
    number = first
    if commended:
        elements += [heading(number, "通报表扬"), body(f"对{units(commended)}予以通报表扬。")]
        number += 1
    if criticized:
        elements += [heading(number, "通报批评"), body("对以下单位予以通报批评，并责令限期整改：")]
        elements += (
            numbered(n, sentence(f"{c.unit}：{c.reason}")) for n, c in enumerate(criticized, 1)
        )
    return elements


def _bulletin_cells(number: str, r: BulletinRow) -> tuple[str, ...]:
    return (
        number,
        r.unit,
        str(r.items_due),
        str(r.items_done),
        str(r.done_on_time),
        str(r.overdue),
        str(r.overdue_from_before),
        str(r.failed_rectifications),
    )


def bulletin_figures(doc: BulletinDoc) -> str:
    """The period's figures, the same totals the annex adds up to."""
    t = doc.totals
    text = (
        f"{cn_date(doc.period_start)}至{cn_date(doc.period_end)}，督查范围内应办结议定事项"
        f"{t.items_due}项，已办结{t.items_done}项，其中按期办结{t.done_on_time}项；"
        f"截至{cn_date(doc.period_end)}，逾期未办结{t.overdue}项"
    )
    if t.overdue_from_before:
        text += f"（其中以前期间到期的{t.overdue_from_before}项）"
    if t.failed_rectifications:
        text += f"，整改通知未落实{t.failed_rectifications}件"
    if doc.rows:
        text += f"，涉及{len(doc.rows)}个单位，具体见附件"
    return text + "。"


def bulletin_story(doc: BulletinDoc) -> Story:
    elements: list[Element] = [
        Masthead(doc.banner, f"第{doc.issue_number}期", (doc.compiled_by, cn_date(doc.issued_on))),
        *title(doc.title),
        Blank(1),
    ]
    if doc.intro:
        elements.append(body(doc.intro))
    elements += [heading(1, "议定事项落实情况"), body(bulletin_figures(doc))]
    elements += _praise_and_criticism(2, doc.commended, doc.criticized)
    elements += [body(text) for text in doc.closing]
    if doc.rows:
        rows = [_bulletin_cells(str(n), r) for n, r in enumerate(doc.rows, 1)]
        if doc.others is not None:
            rows.append(_bulletin_cells("", doc.others))
        rows.append(_bulletin_cells("", doc.totals))
        elements += [
            Blank(1),
            body("附件：逾期未办结事项及整改落实情况统计表"),
            PageBreak(),
            Para((Run("附件", HEI),), first_indent=0),
            Blank(1),
            Para(
                (Run("逾期未办结事项及整改落实情况统计表", TITLE),),
                first_indent=0,
                align=Align.CENTER,
                balance=True,
            ),
            Blank(1),
            _table(
                (
                    "序号",
                    "单位",
                    "期内\n应结",
                    "已\n办结",
                    "按期\n办结",
                    "逾期\n未结",
                    "其中\n往期",
                    "整改\n逾期",
                ),
                rows,
                (0.06, 0.4, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09),
            ),
        ]
    elements.append(doc.imprint)
    return Story(f"{doc.banner}（第{doc.issue_number}期）", doc.compiled_by, tuple(elements))


def assessment_story(doc: AssessmentResultsDoc) -> Story:
    indicators = tuple(f"{i.name}（{points(i.max_points)}分）" for i in doc.indicators)
    share = 0.53 / max(len(indicators), 1)
    # Without indicator columns the four left take the whole width.
    widths = (0.08, 0.19, 0.09, 0.11) if indicators else (0.14, 0.5, 0.18, 0.18)
    table = _table(
        ("名次", "单位", "总分", "较上年", *indicators),
        (
            (str(r.rank), r.unit, points(r.total), signed(r.change), *map(points, r.points))
            for r in doc.rows
        ),
        (*widths, *(share,) * len(indicators)),
    )
    elements: list[Element] = [
        file_masthead(doc.header),
        *title(doc.title),
        *addressees(doc.addressees),
        body(doc.intro),
        heading(1, "考核结果"),
        table,
        *_praise_and_criticism(2, doc.commended, doc.criticized),
        *(body(text) for text in doc.closing),
    ]
    signed_off, imprint = ending(doc.header.issuing_office, doc.header.issued_on, doc.imprint)
    if doc.charts is None:
        elements += [signed_off, imprint]
    else:
        # 附件说明 one line under the text, the attachment itself after the signature.
        elements += [Blank(1), body(f"附件：{attachment_title(doc.charts)}"), signed_off]
        elements += [*assessment_attachment(doc.charts), imprint]
    return Story(doc.title, doc.header.issuing_office, tuple(elements))


def _statistics_cells(label: str, number: str, r: StatisticsRow) -> tuple[str, ...]:
    return (
        number,
        label,
        str(r.meetings_required),
        str(r.meetings_held),
        # extra meetings do not lift the rate past every required one held
        percent(min(r.meetings_held, r.meetings_required), r.meetings_required),
        str(r.items),
        str(r.items_done),
        str(r.items_on_time),
        percent(r.items_done, r.items),
        percent(r.items_on_time, r.items),
    )


def statistics_story(doc: StatisticsDoc) -> Story:
    total = StatisticsRow(
        "合计",
        sum(r.meetings_required for r in doc.rows),
        sum(r.meetings_held for r in doc.rows),
        sum(r.items for r in doc.rows),
        sum(r.items_done for r in doc.rows),
        sum(r.items_on_time for r in doc.rows),
    )
    head = ("序号", "单位", "应召开\n次数", "实际召开\n次数", "召开率")
    head_items = ("议定事项", "已办结", "按期办结", "办结率", "按期\n办结率")
    rows = [_statistics_cells(r.unit, str(n), r) for n, r in enumerate(doc.rows, 1)]
    rows.append(_statistics_cells(total.unit, "", total))
    elements: list[Element] = [
        Para((Run(doc.title, TITLE),), first_indent=0, align=Align.CENTER, balance=True),
        SplitLine(
            f"填报单位：{doc.compiled_by}",
            f"统计期间：{doc.year}年1月1日至12月31日　填报日期：{cn_date(doc.compiled_on)}",
            TABLE_TEXT,
            inset=0,
        ),
        _table((*head, *head_items), rows, (0.06, 0.22, *(0.09,) * 8)),
    ]
    if doc.note:
        elements.append(Para((Run(f"注：{doc.note}", TABLE_TEXT),), first_indent=0, indent=2))
    return Story(doc.title, doc.compiled_by, tuple(elements), LANDSCAPE)


def build_bulletin(doc: BulletinDoc, fonts: FontSet | None = None) -> bytes:
    """The supervision bulletin as PDF bytes."""
    return render(bulletin_story(doc), fonts)


def build_assessment_results(doc: AssessmentResultsDoc, fonts: FontSet | None = None) -> bytes:
    """The assessment results circular as PDF bytes."""
    return render(assessment_story(doc), fonts)


def build_statistics(doc: StatisticsDoc, fonts: FontSet | None = None) -> bytes:
    """The annual statistics table as landscape PDF bytes."""
    return render(statistics_story(doc), fonts)
