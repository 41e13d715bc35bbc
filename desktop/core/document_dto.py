"""What each printable official document says, as frozen values independent of the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.assessment.charts import AssessmentCharts


@dataclass(frozen=True)
class DocHeader:
    """The red header (版头) of a 文件-style document and its signature."""

    issuing_office: str  # 滨海县总工会
    doc_number: str  # 滨工联〔2024〕3号
    issued_on: date  # 成文日期
    mark: str = "文件"  # the word after the office name in the red banner
    # Set when this office keeps a record copy of another body's document: printed without
    # any 文件 header (the header would not be the author's), marked as the copy it is.
    record_copy_by: str = ""


@dataclass(frozen=True)
class Imprint:
    """The 版记 at the foot of the last page: copy-to list, printing office and date."""

    office: str  # 滨海县总工会办公室
    printed_on: date
    copy_to: tuple[str, ...] = ()
    copy_label: str = "抄送"  # minutes say 分送


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str


@dataclass(frozen=True)
class Attendee:
    name: str
    unit: str
    title: str
    absence_reason: str = ""


@dataclass(frozen=True)
class MinutesTopic:
    title: str
    decision: str


@dataclass(frozen=True)
class AgreedItemEntry:
    text: str
    lead_unit: str
    cooperating_units: tuple[str, ...]
    deadline: date | None
    target: str = ""  # measurable target, e.g. 协商覆盖率达到93%


@dataclass(frozen=True)
class PreviousItemStatus:
    """An agreed item of the previous meeting and its state on the day the minutes are issued."""

    text: str
    lead_unit: str
    status: str  # 已于2026年5月20日办结, 办理中，已完成60%, 已延期至…, 逾期未办结 ...
    note: str = ""
    deadline: date | None = None  # as set at the meeting; an extension shows in `status`


@dataclass(frozen=True)
class MinutesDoc:
    """会议纪要 in the GB/T 9704 纪要 format."""

    banner: str  # 滨海县人民政府与县总工会联席会议纪要
    number_line: str  # 第3期
    issued_by: str  # office that edits the minutes, shown under the number line
    issued_on: date
    meeting_title: str  # 县人民政府与县总工会2024年第一次联席会议
    meeting_date: date | None  # None when the day is not recorded: the phrase is left out
    place: str  # "" when not recorded: the phrase is left out
    chair: str  # 副县长王建国; "" when not recorded
    intro: str
    topics: tuple[MinutesTopic, ...]
    items: tuple[AgreedItemEntry, ...]
    attended: tuple[Attendee, ...]
    absent: tuple[Attendee, ...]
    sat_in: tuple[Attendee, ...]
    imprint: Imprint
    # The clerk's own text, one paragraph each; when given it stands in for the topics section,
    # "一、…" lines print as headings.
    body: tuple[str, ...] = ()
    # Set when this office keeps a record copy of another body's minutes (see DocHeader).
    record_copy_by: str = ""
    # 上次会议议定事项落实情况: empty for a first meeting, and the section is then left out.
    previous_summary: str = ""
    previous_items: tuple[PreviousItemStatus, ...] = ()
    # The day the items' states are as of (the issue date): the section is printed whatever
    # the clerk's text. None in copies frozen before, which printed it only without that text
    # and still print as issued.
    previous_as_of: date | None = None


@dataclass(frozen=True)
class MeetingNoticeDoc:
    """会议通知: when and where the joint meeting is held, who attends, what it discusses."""

    header: DocHeader
    title: str
    addressees: tuple[str, ...]
    intro: str
    meeting_date: date
    starts_at: time | None  # None when the meeting's time is not recorded
    place: str
    participants: tuple[str, ...]
    topics: tuple[str, ...]
    requirements: tuple[str, ...]
    contact: Contact
    imprint: Imprint


@dataclass(frozen=True)
class SupervisedItem:
    text: str
    cooperating_units: tuple[str, ...]
    deadline: date | None
    target: str = ""


@dataclass(frozen=True)
class SupervisionNoticeDoc:
    """督办通知书 to one lead unit: the agreed items it leads and when to report back."""

    header: DocHeader
    title: str
    lead_unit: str
    meeting_title: str
    meeting_date: date | None  # None when the meeting's day is not recorded
    items: tuple[SupervisedItem, ...]
    requirements: tuple[str, ...]
    feedback_deadline: date | None  # None: no date set, the sentence asking for one is left out
    contact: Contact
    imprint: Imprint


@dataclass(frozen=True)
class ReminderDoc:
    """催办单: a one-page form pressing a lead unit on an item that is late or silent."""

    issuing_office: str  # 滨海县总工会督查组
    number: str  # 催办〔2024〕5号
    issued_on: date
    lead_unit: str
    meeting_title: str
    item_text: str
    assigned_on: date
    deadline: date
    working_days_overdue: int
    progress: str  # what the office knows so far
    request: str
    reply_by: date
    contact: Contact


@dataclass(frozen=True)
class RectificationDoc:
    """整改通知书: a problem found, what to fix, by when."""

    header: DocHeader
    title: str
    addressee: str
    basis: str  # the agreed item or rule that was broken
    problem: str
    requirements: tuple[str, ...]
    rectification_deadline: date | None  # None when no deadline was set: left out
    report_to: str
    contact: Contact
    imprint: Imprint


@dataclass(frozen=True)
class ReconveneNoticeDoc:
    """重开通知: a meeting held only for form (走过场) is to be held again."""

    header: DocHeader
    title: str
    addressees: tuple[str, ...]  # the union and its partner that held the meeting
    meeting_title: str
    meeting_date: date | None
    reason: str  # why it was held only for form
    reconvene_by: date | None  # None when no date was set: the phrase is left out
    requirements: tuple[str, ...]
    contact: Contact
    imprint: Imprint


@dataclass(frozen=True)
class BulletinRow:
    unit: str
    items_due: int
    items_done: int
    done_on_time: int
    overdue: int  # open at the period's end past the deadline
    overdue_from_before: int  # of those, due before the period began
    max_working_days_late: int
    failed_rectifications: int  # rectification orders not carried out by their deadline


@dataclass(frozen=True)
class Criticism:
    unit: str
    reason: str


@dataclass(frozen=True)
class BulletinDoc:
    """督查通报 第N期: progress per unit, then commendations and criticisms."""

    banner: str  # 督查通报
    issue_number: int
    compiled_by: str  # 滨海县总工会督查组
    issued_on: date
    title: str
    intro: str
    period_start: date
    period_end: date
    totals: BulletinRow  # every unit supervised in the period: what the body states
    rows: tuple[BulletinRow, ...]  # the annex: units with overdue items or failed orders
    others: BulletinRow | None  # the remaining units summed in one annex row
    other_units: int
    commended: tuple[str, ...]
    criticized: tuple[Criticism, ...]
    closing: tuple[str, ...]
    imprint: Imprint


@dataclass(frozen=True)
class Indicator:
    name: str
    max_points: float


@dataclass(frozen=True)
class AssessmentRow:
    rank: int
    unit: str
    total: float
    change: float | None  # total against last year; None when not assessed then
    points: tuple[float, ...]  # one per indicator, in indicator order


@dataclass(frozen=True)
class AssessmentResultsDoc:
    """考核结果通报 with the ranking table."""

    header: DocHeader
    title: str
    addressees: tuple[str, ...]
    intro: str
    indicators: tuple[Indicator, ...]
    rows: tuple[AssessmentRow, ...]
    commended: tuple[str, ...]
    criticized: tuple[Criticism, ...]
    closing: tuple[str, ...]
    imprint: Imprint
    # The figures of the attached charts (附件), from the same function the window draws from.
    charts: AssessmentCharts | None = None


@dataclass(frozen=True)
class ResearchVisit:
    visited_on: date
    place: str
    participants: str
    findings: str


@dataclass(frozen=True)
class Consultation:
    department: str
    consulted_on: date
    opinion: str


@dataclass(frozen=True)
class VettingFormDoc:
    """议题审定表: one topic's path from source to the office meeting's decision."""

    office: str  # 滨海县总工会
    title: str  # 联席会议议题审定表
    number: str  # 2024-07
    filled_on: date
    topic: str
    source: str
    proposer: str
    proposed_on: date
    research: tuple[ResearchVisit, ...]
    office_meeting_on: date | None
    office_meeting_decision: str
    consultations: tuple[Consultation, ...]
    signature_roles: tuple[str, ...]  # 分管副主席意见, 主席审定意见


@dataclass(frozen=True)
class StatisticsRow:
    unit: str
    meetings_required: int
    meetings_held: int
    items: int
    items_done: int
    items_on_time: int


@dataclass(frozen=True)
class StatisticsDoc:
    """Annual statistics table, printed landscape."""

    title: str
    compiled_by: str
    year: int
    compiled_on: date
    rows: tuple[StatisticsRow, ...]
    note: str = ""


Document = (
    MinutesDoc
    | MeetingNoticeDoc
    | SupervisionNoticeDoc
    | ReminderDoc
    | RectificationDoc
    | ReconveneNoticeDoc
    | BulletinDoc
    | AssessmentResultsDoc
    | VettingFormDoc
    | StatisticsDoc
)


@dataclass(frozen=True)
class IssueInfo:
    """Which issued version a printed document is: its number, date and place in the chain
    of corrections (更正)."""

    issued_id: int
    kind: str
    record_id: int
    number: str
    issued_on: date
    version: int
    superseded_by: int | None  # the version that corrects this one, if any
    reason: str  # why this version corrects the one before it ("" for the first)
    content_sha256: str
    pdf_sha256: str | None


@dataclass(frozen=True)
class Printable:
    """A document ready to print: the frozen copy of an issued one, or a draft (issue None)
    built from the records as they are now. `voided_on` (and `void_reason`) when the issued
    document has since been voided (作废): it prints as such."""

    doc: Document
    issue: IssueInfo | None
    voided_on: date | None = None
    void_reason: str = ""

    @property
    def is_draft(self) -> bool:
        return self.issue is None
