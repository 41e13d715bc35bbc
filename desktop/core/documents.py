"""Official documents filled from the records: the DTOs the report builders print."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, time
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import document_dto as d
from desktop.core.bulletin_stats import UnitStats, bulletin_statistics
from desktop.core.document_parts import (
    author_of,
    chinese_count,
    cn_date,
    doc_header,
    imprint,
    office_contact,
    origin_of,
    own_contact,
)
from desktop.core.errors import DomainError, NotFound
from desktop.core.meeting_dto import MeetingDTO, previous_meeting
from desktop.core.meetings import get_meeting
from desktop.core.office import OfficeInfo, local_office
from desktop.core.records import load
from desktop.core.supervision import NoticeDTO, get_bulletin, get_notice
from desktop.core.topics import get_topic
from desktop.core.workdays import load_calendar
from desktop.models import (
    AgreedItem,
    Bulletin,
    Establishment,
    ItemEvent,
    Meeting,
    ProgressFeedback,
    SupervisionNotice,
    Topic,
    Unit,
)
from desktop.models.enums import AttendanceRole, ItemStatus, MeetingStatus, NoticeKind, TopicSource

ITEM_WORDS = {
    ItemStatus.DRAFTED: "待交办",
    ItemStatus.ASSIGNED: "已交办",
    ItemStatus.IN_PROGRESS: "正在办理",
    ItemStatus.EXTENSION_REQUESTED: "申请延期",
    ItemStatus.COMPLETED: "已办结",
    ItemStatus.VERIFIED: "已办结并验收",
    ItemStatus.CANCELLED: "已撤销",
}
SOURCE_WORDS = {
    TopicSource.SUGGESTION: "职工建议",
    TopicSource.RESEARCH: "工会调研",
    TopicSource.PARTY_PRIORITY: "党委政府中心工作",
    TopicSource.LOWER_REQUEST: "下级工会提请",
    TopicSource.OTHER: "其他",
}


def _own(office: OfficeInfo, m: MeetingDTO) -> bool:
    """Whether this office is the meeting's author (its union), so issues its documents."""
    return m.union_unit_id == office.unit_id


def _meeting_title(m: MeetingDTO | _MeetingRef) -> str:
    year = (m.held_on or m.planned_on or date.today()).year
    return f"{m.union_name}与{m.partner_name}{year}年第{chinese_count(m.series_number)}次联席会议"


class _MeetingRef(NamedTuple):
    """The meeting a supervision document cites, read without the participants, agenda and
    working groups a MeetingDTO loads (a county issues hundreds of such documents)."""

    union_name: str
    partner_name: str
    series_number: int
    held_on: date | None
    planned_on: date | None


def _meeting_ref(session: Session, meeting_id: int) -> _MeetingRef:
    row = session.execute(
        select(Unit.name, Meeting.partner_name, Meeting.series_number, Meeting.held_on,
               Meeting.planned_on)
        .join(Unit, Unit.id == Meeting.union_unit_id)
        .where(Meeting.id == meeting_id)
    ).one_or_none()  # fmt: skip
    if row is None:
        raise NotFound(kind="meeting", id=meeting_id)
    return _MeetingRef(*row)


def _approved_deadlines(events: list[ItemEvent]) -> list[tuple[date, date | None, date]]:
    """(approved on, old deadline, new deadline) of each extension granted, from the timeline."""
    granted = []
    for e in events:
        old, arrow, new = e.note.partition(" → ")
        if e.action != "approve_extension" or not arrow:
            continue
        try:
            before = None if old in ("", "None") else date.fromisoformat(old)
            granted.append((e.on_date, before, date.fromisoformat(new)))
        except ValueError:  # a note not written by approve_extension: no dates to read
            continue
    return granted


def _state_as_of(
    item: AgreedItem, events: list[ItemEvent], percent: int | None, day: date
) -> tuple[str, date | None, bool]:
    """(state in words, deadline set at the meeting, whether done) of an item on `day`, as the
    timeline had it then: a later completion, extension or report does not change what that
    day saw."""
    past = [e for e in events if e.on_date <= day]
    done_on = verified_on = None
    for e in past:  # a completion stands until it is sent back
        if e.action == "complete":
            done_on, verified_on = e.on_date, None
        elif e.action == "send_back":
            done_on = verified_on = None
        elif e.action == "verify":
            verified_on = e.on_date
    if not events:  # records made without a timeline: their own dates tell
        done_on = item.completed_on if item.completed_on and item.completed_on <= day else None
        verified = item.verified_on
        verified_on = verified if done_on and verified and verified <= day else None
    granted = _approved_deadlines(events)
    later = [old for on, old, _new in granted if on > day]
    deadline = later[0] if later else item.deadline  # in force on that day
    original = granted[0][1] if granted else item.deadline
    if verified_on and done_on:
        return f"已于{cn_date(done_on)}办结，{cn_date(verified_on)}验收", original, True
    if done_on:
        return f"已于{cn_date(done_on)}办结", original, True
    cancelled = not events and item.status == ItemStatus.CANCELLED
    if cancelled or any(e.action == "cancel" for e in past):
        return "已撤销", original, False
    if item.assigned_on is None or item.assigned_on > day:
        return "尚未交办", original, False
    reported = f"，已完成{percent}%" if percent is not None else ""
    if deadline and deadline < day:
        return "逾期未办结" + reported, original, False
    progress = reported or "，尚未反馈进展"
    if deadline and any(on <= day for on, _old, _new in granted):
        return f"已延期至{cn_date(deadline)}" + progress, original, False
    return "办理中" + progress, original, False


def _previous(
    session: Session, m: MeetingDTO, day: date
) -> tuple[str, tuple[d.PreviousItemStatus, ...]]:
    """The previous meeting's items and their state on `day`, the minutes' issue date."""
    prev = previous_meeting(session, m.id)
    if prev is None or not prev.items:
        return "", ()
    ids = [i.id for i in prev.items]
    rows = {i.id: i for i in session.scalars(select(AgreedItem).where(AgreedItem.id.in_(ids)))}
    events: dict[int, list[ItemEvent]] = {i: [] for i in ids}
    for e in session.scalars(
        select(ItemEvent)
        .where(ItemEvent.item_id.in_(ids), ItemEvent.deleted_at.is_(None))
        .order_by(ItemEvent.on_date, ItemEvent.at, ItemEvent.id)
    ):
        events[e.item_id].append(e)
    percent: dict[int, int] = {}
    for f in session.scalars(
        select(ProgressFeedback)
        .where(
            ProgressFeedback.item_id.in_(ids),
            ProgressFeedback.reported_on <= day,
            ProgressFeedback.deleted_at.is_(None),
        )
        .order_by(ProgressFeedback.reported_on, ProgressFeedback.id)
    ):
        percent[f.item_id] = f.percent_done  # the newest report by that day wins
    entries, done = [], 0
    for brief in prev.items:
        words, deadline, closed = _state_as_of(
            rows[brief.id], events[brief.id], percent.get(brief.id), day
        )
        done += closed
        entries.append(
            d.PreviousItemStatus(
                brief.text, brief.lead_unit_name or "未定", words, deadline=deadline
            )
        )
    held = cn_date(prev.held_on) if prev.held_on else ""
    summary = (
        f"{held}第{chinese_count(prev.series_number)}次联席会议议定事项 {len(entries)} 项，"
        f"截至{cn_date(day)}已办结 {done} 项。"
    )
    return summary, tuple(entries)


def minutes_doc(session: Session, meeting_id: int) -> d.MinutesDoc:
    m = get_meeting(session, meeting_id)
    if m.status not in (MeetingStatus.HELD, MeetingStatus.MINUTES_ISSUED):
        raise DomainError("meeting_not_held", id=meeting_id, status=str(m.status))
    office = local_office(session)
    items = session.scalars(
        select(AgreedItem)
        .where(
            AgreedItem.meeting_id == meeting_id,
            AgreedItem.deleted_at.is_(None),
            AgreedItem.status != ItemStatus.CANCELLED,
        )
        .order_by(AgreedItem.sequence, AgreedItem.id)
    ).all()
    leads = {i.lead_unit_id for i in items if i.lead_unit_id is not None}
    names = dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(leads))).all())
    topics = "、".join(e.topic_title for e in m.agenda)
    body = tuple(line.strip() for line in m.minutes_text.splitlines() if line.strip())
    # The builder opens with date, title, place and chair; what follows depends on the clerk.
    issued = m.minutes_issued_on or m.held_on or date.today()  # a draft is dated today
    summary, previous = _previous(session, m, issued)
    heard = ["听取了上次会议议定事项落实情况的汇报"] if previous else []
    studied = [f"研究了{topics}等议题"] if m.agenda else []
    intro = ""
    if not body and (heard or studied):
        intro = "会议" + "，".join(heard + studied) + "。现将会议议定事项纪要如下："

    def people(role: AttendanceRole) -> tuple[d.Attendee, ...]:
        return tuple(
            d.Attendee(p.name, p.unit_name, p.title, p.absence_reason)
            for p in m.participants
            if p.role == role
        )

    own = _own(office, m)
    return d.MinutesDoc(
        banner=f"{m.union_name}与{m.partner_name}联席会议纪要",
        number_line=m.minutes_number or f"第{m.series_number}期",
        issued_by=f"{office.name}办公室" if own else m.union_name,
        issued_on=issued,
        meeting_title=_meeting_title(m),
        meeting_date=m.held_on,
        place=m.place,
        chair=m.chair,
        intro=intro,
        body=body,
        topics=tuple(d.MinutesTopic(e.topic_title, e.decision) for e in m.agenda),
        items=tuple(
            d.AgreedItemEntry(
                text=i.text,
                lead_unit=names.get(i.lead_unit_id, "") if i.lead_unit_id else "",
                cooperating_units=tuple(u.name for u in i.cooperating_units),
                deadline=i.deadline,
                target=i.target_text,
            )
            for i in items
        ),
        previous_summary=summary,
        previous_items=previous,
        previous_as_of=issued if previous else None,
        attended=people(AttendanceRole.ATTENDED),
        absent=people(AttendanceRole.ABSENT),
        sat_in=people(AttendanceRole.SAT_IN),
        imprint=imprint(office.name if own else m.union_name, issued),
        record_copy_by="" if own else office.name,
    )


def _starts_at(text: str) -> time | None:
    if not text:
        return None
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def meeting_notice_doc(
    session: Session, meeting_id: int, *, number: str = "", issued_on: date | None = None
) -> d.MeetingNoticeDoc:
    """会议通知 of a meeting: the number and date it was issued under (a draft has neither
    and is dated today); a meeting of another body is that body's notice, kept as a copy."""
    m = get_meeting(session, meeting_id)
    when = m.planned_on or m.held_on
    if when is None:
        raise DomainError("meeting_without_date", id=meeting_id)
    office = local_office(session)
    own = _own(office, m)
    issued = issued_on or date.today()
    title = _meeting_title(m)
    return d.MeetingNoticeDoc(
        header=d.DocHeader(
            office.name if own else m.union_name,
            number if own else "",
            issued,
            record_copy_by="" if own else office.name,
        ),
        title=f"关于召开{title}的通知",
        addressees=tuple(dict.fromkeys(p.unit_name for p in m.participants if p.unit_name))
        or (m.partner_name,),
        intro=f"经研究，决定召开{title}。现将有关事项通知如下：",
        meeting_date=when,
        starts_at=_starts_at(m.starts_at),
        place=m.place,
        participants=tuple(f"{p.unit_name}{p.title}{p.name}" for p in m.participants),
        topics=tuple(e.topic_title for e in m.agenda),
        requirements=("请参会人员提前十分钟到达会场。", "因故不能参加的，请提前向会务组请假。"),
        contact=office_contact(session, office) if own else d.Contact("", ""),
        imprint=imprint(office.name if own else m.union_name, issued),
    )


def reconvene_doc(
    session: Session, meeting_id: int, *, number: str = "", issued_on: date | None = None
) -> d.ReconveneNoticeDoc:
    """重开通知 for a meeting flagged as held only for form: the number and date it was issued
    under (a draft has neither and is dated today); the date of the meeting ordered, if set."""
    m = get_meeting(session, meeting_id)
    if not m.formality_flag:
        raise DomainError("not_flagged", id=meeting_id)
    office = local_office(session)
    issued = issued_on or date.today()
    again = session.scalar(
        select(Meeting.planned_on).where(
            Meeting.reconvene_of_id == meeting_id, Meeting.deleted_at.is_(None)
        )
    )
    return d.ReconveneNoticeDoc(
        header=d.DocHeader(office.name, number, issued),
        title=f"关于重新召开{_meeting_title(m)}的通知",
        addressees=tuple(dict.fromkeys((m.union_name, m.partner_name))),
        meeting_title=_meeting_title(m),
        meeting_date=m.held_on,
        reason=m.formality_reason,
        reconvene_by=again,
        # What the sources say a county does for a meeting held again (Binhai, four towns).
        requirements=(
            f"{office.name}将协助确定会议议题，并派员列席会议。",
            "会议召开后，请及时将会议纪要和议定事项报送备案。",
        ),
        contact=office_contact(session, office),
        imprint=imprint(office.name, issued),
    )


def _notice_items(session: Session, item_ids: tuple[int, ...]) -> list[AgreedItem]:
    return [load(session, AgreedItem, i, "item") for i in item_ids]


def _meeting_of(session: Session, item: AgreedItem) -> _MeetingRef:
    return _meeting_ref(session, item.meeting_id)


def _notice_of_kind(session: Session, notice_id: int, kind: NoticeKind) -> NoticeDTO:
    n = get_notice(session, notice_id)
    if n.kind != kind:
        raise DomainError("wrong_notice_kind", id=notice_id, kind=str(n.kind), wanted=str(kind))
    return n


def supervision_notice_doc(session: Session, notice_id: int) -> d.SupervisionNoticeDoc:
    n = _notice_of_kind(session, notice_id, NoticeKind.SUPERVISION)
    office = local_office(session)
    author = author_of(session, office, origin_of(session, SupervisionNotice, notice_id))
    items = _notice_items(session, n.item_ids)
    meeting = _meeting_of(session, items[0])
    return d.SupervisionNoticeDoc(
        header=doc_header(office, author, n.number, n.issued_on),
        title="关于督办联席会议议定事项落实情况的通知",
        lead_unit=n.target_unit_name,
        meeting_title=_meeting_title(meeting),
        meeting_date=meeting.held_on,
        items=tuple(
            d.SupervisedItem(
                i.text, tuple(u.name for u in i.cooperating_units), i.deadline, i.target_text
            )
            for i in items
        ),
        requirements=tuple(r for r in n.requirements.splitlines() if r.strip())
        or ("请对照议定事项，逐项落实责任、措施和时限。", "请按时书面反馈办理进展情况。"),
        feedback_deadline=n.feedback_deadline,
        contact=own_contact(session, office, author),
        imprint=imprint(author.name, n.issued_on),
    )


def reminder_doc(session: Session, notice_id: int) -> d.ReminderDoc:
    n = _notice_of_kind(session, notice_id, NoticeKind.REMINDER)
    office = local_office(session)
    author = author_of(session, office, origin_of(session, SupervisionNotice, notice_id))
    item = load(session, AgreedItem, n.item_ids[0], "item")
    meeting = _meeting_ref(session, item.meeting_id)
    deadline = item.deadline or n.issued_on
    late = max(0, load_calendar(session).workdays_between(deadline, n.issued_on))
    # The progress known on the reminder's day: a frozen copy never quotes a later report.
    latest = session.scalar(
        select(ProgressFeedback.text)
        .where(
            ProgressFeedback.item_id == item.id,
            ProgressFeedback.deleted_at.is_(None),
            ProgressFeedback.reported_on <= n.issued_on,
        )
        .order_by(ProgressFeedback.reported_on.desc(), ProgressFeedback.id.desc())
        .limit(1)
    )
    progress = latest or "尚未收到办理进展反馈。"
    return d.ReminderDoc(
        issuing_office=f"{author.name}督查组",
        number=n.number,
        issued_on=n.issued_on,
        lead_unit=n.target_unit_name,
        meeting_title=_meeting_title(meeting),
        item_text=item.text,
        assigned_on=item.assigned_on or meeting.held_on or n.issued_on,
        deadline=deadline,
        working_days_overdue=late,
        progress=progress,
        request=n.requirements or "请抓紧办理，并书面反馈办理进展。",
        reply_by=n.feedback_deadline or n.issued_on,
        contact=own_contact(session, office, author),
    )


def rectification_doc(session: Session, notice_id: int) -> d.RectificationDoc:
    n = _notice_of_kind(session, notice_id, NoticeKind.RECTIFICATION)
    office = local_office(session)
    author = author_of(session, office, origin_of(session, SupervisionNotice, notice_id))
    items = _notice_items(session, n.item_ids)
    basis = "；".join(i.text for i in items)
    return d.RectificationDoc(
        header=doc_header(office, author, n.number, n.issued_on),
        title="整改通知书",
        addressee=n.target_unit_name,
        basis=f"联席会议议定事项：{basis}",
        problem=n.problem,
        requirements=tuple(r for r in n.requirements.splitlines() if r.strip())
        or ("针对存在问题，制定整改方案，明确责任人和完成时限。",),
        rectification_deadline=n.rectify_deadline,
        report_to=author.name,
        contact=own_contact(session, office, author),
        imprint=imprint(author.name, n.issued_on),
    )


def notice_doc(session: Session, notice_id: int) -> d.Document:
    """Whichever document a notice is: reminder, supervision notice or rectification order."""
    kind = load(session, SupervisionNotice, notice_id, "notice").kind
    builders: dict[NoticeKind, Callable[[Session, int], d.Document]] = {
        NoticeKind.REMINDER: reminder_doc,
        NoticeKind.SUPERVISION: supervision_notice_doc,
        NoticeKind.RECTIFICATION: rectification_doc,
    }
    return builders[kind](session, notice_id)


def _bulletin_row(name: str, stats: list[UnitStats], failed: int) -> d.BulletinRow:
    return d.BulletinRow(
        unit=name,
        items_due=sum(r.due for r in stats),
        items_done=sum(r.done for r in stats),
        done_on_time=sum(r.done_on_time for r in stats),
        overdue=sum(r.overdue for r in stats),
        overdue_from_before=sum(r.overdue_from_before for r in stats),
        max_working_days_late=max((r.max_workdays_late for r in stats), default=0),
        failed_rectifications=failed,
    )


def bulletin_doc(session: Session, bulletin_id: int) -> d.BulletinDoc:
    """督查通报: the period's figures in the body and, as its annex, the units with items
    overdue or rectification orders not carried out; the other units summed in one row, so
    the annex adds up to what the body says."""
    b = get_bulletin(session, bulletin_id)
    office = local_office(session)
    author = author_of(session, office, origin_of(session, Bulletin, bulletin_id))
    stats = bulletin_statistics(session, b.period_start, b.period_end)
    failed = Counter(unit_id for unit_id, _name, _number in stats.failed_rectifications)
    named = {unit_id: name for unit_id, name, _number in stats.failed_rectifications}
    by_unit = {r.unit_id: r for r in stats.units}
    listed = [r.unit_id for r in stats.units if r.overdue] + [
        u for u in named if u not in by_unit or not by_unit[u].overdue
    ]
    rows = tuple(
        _bulletin_row(
            by_unit[u].unit_name if u in by_unit else named[u],
            [by_unit[u]] if u in by_unit else [],
            failed[u],
        )
        for u in listed
    )
    in_annex = set(listed)
    rest = [r for r in stats.units if r.unit_id not in in_annex]
    criticized = tuple(
        d.Criticism(m.unit_name, m.reason) for m in b.mentions if m.kind == "criticism"
    )
    return d.BulletinDoc(
        banner="督查通报",
        issue_number=b.issue_no,
        compiled_by=f"{author.name}督查组",
        issued_on=b.issued_on,
        title=b.title,
        intro=b.content,
        period_start=b.period_start,
        period_end=b.period_end,
        totals=_bulletin_row("合计", list(stats.units), sum(failed.values())),
        rows=rows,
        others=_bulletin_row(f"其他{len(rest)}个单位", rest, 0) if rest else None,
        other_units=len(rest),
        commended=tuple(m.unit_name for m in b.mentions if m.kind == "commendation"),
        criticized=criticized,
        closing=("请被通报批评的单位认真查找原因，限期整改到位。",) if criticized else (),
        imprint=imprint(author.name, b.issued_on),
    )


def vetting_doc(session: Session, topic_id: int) -> d.VettingFormDoc:
    t = get_topic(session, topic_id)
    office = local_office(session)
    topic = load(session, Topic, topic_id, "topic")
    proposer = ""
    if t.proposing_unit_id is not None:
        proposer = load(session, Unit, t.proposing_unit_id, "unit").name
    return d.VettingFormDoc(
        office=office.name,
        title="联席会议议题审定表",
        number=f"{topic.created_at.year}-{t.id:02d}",
        filled_on=t.vetted_on or topic.created_at.date(),
        topic=t.title,
        source=SOURCE_WORDS[t.source],
        proposer=proposer or load(session, Unit, t.union_unit_id, "unit").name,
        proposed_on=topic.created_at.date(),
        research=tuple(
            d.ResearchVisit(r.visited_on, r.place, r.participants, r.findings)
            for r in t.research_visits
        ),
        office_meeting_on=t.vetted_on,
        office_meeting_decision=t.vetting_conclusion,
        consultations=tuple(
            d.Consultation(c.department_name, c.consulted_on, c.opinion) for c in t.consultations
        ),
        signature_roles=("分管副主席意见", "主席审定意见"),
    )


def statistics_doc(session: Session, year: int) -> d.StatisticsDoc:
    """Per union: meetings required and held in the year, its meetings' items, done, on time."""
    office = local_office(session)
    start, end = date(year, 1, 1), date(year, 12, 31)
    held = dict(
        session.execute(
            select(Meeting.union_unit_id, func.count(Meeting.id))
            .where(
                Meeting.held_on >= start,
                Meeting.held_on <= end,
                Meeting.deleted_at.is_(None),
                Meeting.formality_flag.is_(False),
            )
            .group_by(Meeting.union_unit_id)
        ).all()
    )
    done_states = (ItemStatus.COMPLETED, ItemStatus.VERIFIED)
    item_rows = session.execute(
        select(
            Meeting.union_unit_id, AgreedItem.status, AgreedItem.completed_on, AgreedItem.deadline
        )
        .join(Meeting, Meeting.id == AgreedItem.meeting_id)
        .where(
            Meeting.held_on >= start,
            Meeting.held_on <= end,
            AgreedItem.deleted_at.is_(None),
            AgreedItem.status != ItemStatus.CANCELLED,
        )
    ).all()
    counts: dict[int, list[int]] = {}
    for union_id, status, completed_on, deadline in item_rows:
        c = counts.setdefault(union_id, [0, 0, 0])
        c[0] += 1
        if status in done_states:
            c[1] += 1
            if completed_on is not None and deadline is not None and completed_on <= deadline:
                c[2] += 1
    # A union with several established systems (its government, the party committee) is one
    # row: the meetings all its systems require, against every meeting it held.
    rows = []
    for union_id, name, required in session.execute(
        select(Establishment.union_unit_id, Unit.name, func.sum(Establishment.meetings_per_year))
        .join(Unit, Unit.id == Establishment.union_unit_id)
        .where(
            Establishment.established.is_(True),
            Establishment.deleted_at.is_(None),
            Unit.level.in_(("county", "township", "street", "industry")),
        )
        .group_by(Establishment.union_unit_id, Unit.name, Unit.level, Unit.pinyin_full)
        .order_by(Unit.level, Unit.pinyin_full)
    ):
        c = counts.get(union_id, [0, 0, 0])
        rows.append(d.StatisticsRow(name, int(required), held.get(union_id, 0), c[0], c[1], c[2]))
    if not rows:
        raise NotFound(kind="establishment", id=0)
    return d.StatisticsDoc(
        title=f"{year}年度政府与工会联席会议工作统计表",
        compiled_by=office.name,
        year=year,
        compiled_on=min(date.today(), end),
        rows=tuple(rows),
        note="应开次数按建制规定计算；走过场的会议不计入召开次数。",
    )


# The documents printed from one record, by kind (the CLI's and issued_document's names).
RECORD_DOCUMENTS: dict[str, Callable[[Session, int], d.Document]] = {
    "minutes": minutes_doc,
    "notice": meeting_notice_doc,
    "supervision": supervision_notice_doc,
    "reminder": reminder_doc,
    "rectification": rectification_doc,
    "bulletin": bulletin_doc,
    "reconvene": reconvene_doc,
    "vetting": vetting_doc,
}

LATEST: dict[str, tuple[Any, Any]] = {
    "minutes": (Meeting, Meeting.minutes_issued_on),
    "notice": (Meeting, Meeting.planned_on),
    "vetting": (Topic, Topic.vetted_on),
    "bulletin": (Bulletin, Bulletin.issued_on),
}


def latest_id(session: Session, kind: str) -> int:
    """The newest record a document of this kind can be printed from."""
    if kind == "reconvene":
        stmt = (
            select(Meeting.id)
            .where(Meeting.formality_flag.is_(True), Meeting.deleted_at.is_(None))
            .order_by(Meeting.updated_at.desc(), Meeting.id.desc())
        )
    elif kind in ("supervision", "reminder", "rectification"):
        stmt = (
            select(SupervisionNotice.id)
            .where(SupervisionNotice.kind == kind)
            .order_by(SupervisionNotice.issued_on.desc(), SupervisionNotice.id.desc())
        )
    else:
        model, column = LATEST[kind]
        stmt = select(model.id).where(column.is_not(None)).order_by(column.desc(), model.id.desc())
    found = session.scalar(stmt.limit(1))
    if found is None:
        raise NotFound(kind=kind, id="latest")
    return int(found)


MAX_INDICATOR_COLUMNS = 4


def assessment_doc(
    session: Session,
    year: int,
    words: Callable[[str, dict[str, Any]], str],
    *,
    number: str = "",
    issued_on: date | None = None,
) -> d.AssessmentResultsDoc:
    """考核结果通报 from the year's scorecard; `words(code, fields)` gives the sentences for rule
    names (code "rule_<rule>") and proposal reasons (desktop.messages.message does). The number
    is the one reserved at issue (desktop.core.issued); a draft has none and is dated today."""
    from desktop.core.assessment import assessment_charts, compute_scorecard

    office = local_office(session)
    issued = issued_on or date.today()
    judged = min(issued, date(year, 12, 31))
    card = compute_scorecard(session, year, today=judged)
    if not card.units:
        raise DomainError("nothing_to_assess", year=year)
    # A portrait page holds a few indicator columns; a full scheme's breakdown goes to the
    # scorecard export instead, and the circular gives rank, total and change.
    specs = card.scheme.indicators if len(card.scheme.indicators) <= MAX_INDICATOR_COLUMNS else ()
    indicators = tuple(
        d.Indicator(spec.name or words(f"rule_{spec.rule}", {}), spec.weight) for spec in specs
    )
    return d.AssessmentResultsDoc(
        header=d.DocHeader(office.name, number, issued),
        title=f"关于{year}年度政府与工会联席会议工作考核结果的通报",
        addressees=tuple(u.unit_name for u in card.units),
        intro=(
            f"根据{year}年度联席会议工作考核办法，经对各单位建制、会议召开、议定事项落实、"
            "职工建议办理等情况进行考核，现将考核结果通报如下："
        ),
        indicators=indicators,
        rows=tuple(
            d.AssessmentRow(
                u.rank or 0,
                u.unit_name,
                u.total,
                u.change,
                tuple(i.points for i in u.indicators) if indicators else (),
            )
            for u in card.units
        ),
        commended=tuple(p.unit_name for p in card.commendations),
        criticized=tuple(
            d.Criticism(p.unit_name, words(p.reason, dict(p.fields))) for p in card.criticisms
        ),
        closing=tuple(
            text
            for text, wanted in (
                ("希望受到表扬的单位再接再厉。", card.commendations),
                ("受到批评的单位要认真查找原因，切实抓好整改。", card.criticisms),
            )
            if wanted
        ),
        imprint=imprint(office.name, issued),
        charts=assessment_charts(session, card, today=judged),
    )
