"""Joint meetings (联席会议): plan, set the agenda, hold, issue minutes, flag formality."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.decisions import Outcome, write_decision
from desktop.core.errors import DomainError, InvalidInput
from desktop.core.meeting_dto import MeetingDTO, ParticipantInput, meeting_dto
from desktop.core.numbering import next_number
from desktop.core.office import local_office
from desktop.core.records import (
    limited_text,
    load,
    required_date,
    required_reason,
    required_text,
    sane_date,
    stamp_new,
    touch,
)
from desktop.core.states import MEETING, TOPIC
from desktop.core.topics import transition_topic
from desktop.models import (
    AgendaEntry,
    Meeting,
    MeetingParticipant,
    MeetingTime,
    Topic,
    Unit,
    WorkingGroup,
)
from desktop.models.enums import (
    AttendanceRole,
    Level,
    MeetingKind,
    MeetingStatus,
    TopicStatus,
    WorkingGroupKind,
)


@dataclass(frozen=True)
class MeetingInput:
    kind: MeetingKind
    level: Level
    union_unit_id: int
    partner_name: str
    partner_unit_id: int | None = None
    series_number: int | None = None  # None: the next in this union's series
    planned_on: date | None = None
    place: str = ""
    chair: str = ""
    starts_at: str | None = None  # 09:30 as entered; None keeps the time already recorded


def _next_series_number(session: Session, union_unit_id: int, kind: MeetingKind) -> int:
    last = session.scalar(
        select(func.max(Meeting.series_number)).where(
            Meeting.union_unit_id == union_unit_id, Meeting.kind == kind
        )
    )
    return (last or 0) + 1


CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def _clock_time(text: str) -> str:
    """A start time as HH:MM (9:30 becomes 09:30); "" stays unset."""
    text = text.strip().replace("：", ":")
    if not text:
        return ""
    found = CLOCK.fullmatch(text)
    if found is None:
        raise InvalidInput("bad_time", field="starts_at")
    return f"{int(found.group(1)):02d}:{found.group(2)}"


def _apply(session: Session, m: Meeting, data: MeetingInput) -> None:
    load(session, Unit, data.union_unit_id, "unit")
    if data.partner_unit_id is not None:
        load(session, Unit, data.partner_unit_id, "unit")
    m.kind = data.kind
    m.level = data.level
    m.union_unit_id = data.union_unit_id
    m.partner_unit_id = data.partner_unit_id
    m.partner_name = required_text(data.partner_name, "partner_name", 120)
    series = data.series_number or _next_series_number(session, data.union_unit_id, data.kind)
    if not 1 <= series <= 10_000:
        raise InvalidInput("out_of_range", field="series_number", min=1, max=10_000)
    m.series_number = series
    m.planned_on = sane_date(data.planned_on, "planned_on")
    m.place = limited_text(data.place, "place", 200)
    m.chair = limited_text(data.chair, "chair", 60)


def _record_start(session: Session, meeting_id: int, text: str | None) -> None:
    """Keep the start time entered (None: leave it as it is, "": no time)."""
    if text is None:
        return
    starts_at = _clock_time(text)
    kept = session.get(MeetingTime, meeting_id)
    if kept is not None and not starts_at:
        session.delete(kept)
    elif kept is not None:
        kept.starts_at = starts_at
    elif starts_at:
        session.add(MeetingTime(meeting_id=meeting_id, starts_at=starts_at))


def create_meeting(session: Session, data: MeetingInput) -> MeetingDTO:
    m = Meeting(status=MeetingStatus.PLANNED)
    _apply(session, m, data)
    stamp_new(session, m)
    session.add(m)
    session.flush()
    _record_start(session, m.id, data.starts_at)
    session.flush()
    return meeting_dto(session, m)


def update_meeting(session: Session, meeting_id: int, data: MeetingInput) -> MeetingDTO:
    m = load(session, Meeting, meeting_id, "meeting")
    if m.status == MeetingStatus.CANCELLED:
        raise DomainError("meeting_cancelled", id=meeting_id)
    _apply(session, m, data)
    _record_start(session, m.id, data.starts_at)
    touch(m)
    session.flush()
    return meeting_dto(session, m)


def set_participants(
    session: Session, meeting_id: int, participants: list[ParticipantInput]
) -> MeetingDTO:
    """Replace the participant list (出席/请假/列席); absences need a reason."""
    m = load(session, Meeting, meeting_id, "meeting")
    rows = []
    seen: set[tuple[str, str]] = set()
    for i, p in enumerate(participants):
        field = f"participants[{i}]"
        if p.unit_id is not None:
            load(session, Unit, p.unit_id, "unit")
        name = required_text(p.name, f"{field}.name", 60)
        unit_name = limited_text(p.unit_name, f"{field}.unit_name", 120)
        if (name, unit_name) in seen:  # each person once per meeting
            raise InvalidInput("duplicate_participant", field=f"{field}.name", name=name)
        seen.add((name, unit_name))
        reason = limited_text(p.absence_reason, f"{field}.absence_reason", 200)
        if p.role == AttendanceRole.ABSENT and not reason:
            raise InvalidInput("required", field=f"{field}.absence_reason")
        rows.append(
            MeetingParticipant(
                name=name,
                unit_id=p.unit_id,
                unit_name=unit_name,
                title=limited_text(p.title, f"{field}.title", 60),
                role=p.role,
                absence_reason=reason,
            )
        )
    m.participants = rows
    touch(m)
    session.flush()
    return meeting_dto(session, m)


def set_working_groups(
    session: Session, meeting_id: int, groups: dict[WorkingGroupKind, str]
) -> MeetingDTO:
    m = load(session, Meeting, meeting_id, "meeting")
    m.working_groups = [
        WorkingGroup(kind=kind, members=limited_text(members, f"working_groups.{kind}", 2000))
        for kind, members in groups.items()
        if members.strip()
    ]
    touch(m)
    session.flush()
    return meeting_dto(session, m)


def _require_open_agenda(m: Meeting) -> None:
    if m.status not in (MeetingStatus.PLANNED, MeetingStatus.NOTIFIED):
        raise DomainError("agenda_closed", id=m.id, status=str(m.status))


def schedule_topic(session: Session, meeting_id: int, topic_id: int) -> MeetingDTO:
    """Put a vetted topic on the agenda (列入会议); it cannot be scheduled before vetting."""
    m = load(session, Meeting, meeting_id, "meeting")
    t = load(session, Topic, topic_id, "topic")
    _require_open_agenda(m)
    if not TOPIC.can("schedule", t.status):
        raise DomainError("topic_not_vetted", topic_id=topic_id, status=str(t.status))
    transition_topic(t, "schedule")
    m.agenda.append(AgendaEntry(topic_id=topic_id, position=len(m.agenda) + 1))
    touch(m)
    session.flush()
    return meeting_dto(session, m)


def unschedule_topic(session: Session, meeting_id: int, topic_id: int) -> MeetingDTO:
    m = load(session, Meeting, meeting_id, "meeting")
    _require_open_agenda(m)
    entry = next((e for e in m.agenda if e.topic_id == topic_id), None)
    if entry is None:
        raise DomainError("topic_not_on_agenda", meeting_id=meeting_id, topic_id=topic_id)
    m.agenda.remove(entry)
    for position, e in enumerate(m.agenda, start=1):
        e.position = position
    transition_topic(load(session, Topic, topic_id, "topic"), "unschedule")
    touch(m)
    session.flush()
    return meeting_dto(session, m)


def reorder_agenda(session: Session, meeting_id: int, topic_ids: list[int]) -> MeetingDTO:
    m = load(session, Meeting, meeting_id, "meeting")
    _require_open_agenda(m)
    if sorted(topic_ids) != sorted(e.topic_id for e in m.agenda):
        raise InvalidInput("agenda_mismatch", field="agenda")
    by_topic = {e.topic_id: e for e in m.agenda}
    for position, topic_id in enumerate(topic_ids, start=1):
        by_topic[topic_id].position = position
    m.agenda.sort(key=lambda e: e.position)
    touch(m)
    session.flush()
    return meeting_dto(session, m)


def record_decision(
    session: Session,
    meeting_id: int,
    topic_id: int,
    decision: str,
    outcome: Outcome | str | None = None,
) -> MeetingDTO:
    """The meeting's decision on one of its topics: an outcome (通过, 原则通过, 暂缓, 不予通过)
    and its wording; a deferral or refusal says why."""
    m = load(session, Meeting, meeting_id, "meeting")
    entry = next((e for e in m.agenda if e.topic_id == topic_id), None)
    if entry is None:
        raise DomainError("topic_not_on_agenda", meeting_id=meeting_id, topic_id=topic_id)
    entry.decision = limited_text(write_decision(outcome, decision), "decision", 5000)
    touch(m)
    session.flush()
    return meeting_dto(session, m)


def notify_meeting(
    session: Session, meeting_id: int, *, issued_on: date | None = None
) -> MeetingDTO:
    """Issue the meeting notice (会议通知): numbered and frozen on its issue date, which is not
    after the meeting (not given: today, or the meeting day for a meeting recorded late)."""
    from desktop.core.issued import issue_meeting_notice  # issued reads meetings

    m = load(session, Meeting, meeting_id, "meeting")
    if m.planned_on is None:
        raise InvalidInput("required", field="planned_on")
    issued = issued_on or min(date.today(), m.planned_on)
    if issued > m.planned_on:
        raise InvalidInput("after_meeting", field="issued_on")
    m.status = MeetingStatus(MEETING.target("notify", m.status))
    touch(m)
    session.flush()
    issue_meeting_notice(session, meeting_id, issued)
    return meeting_dto(session, m)


def hold_meeting(
    session: Session, meeting_id: int, held_on: date | None, *, today: date | None = None
) -> MeetingDTO:
    """Mark held (标记已召开): needs a date not after today and at least one topic; the topics
    become decided."""
    m = load(session, Meeting, meeting_id, "meeting")
    MEETING.target("hold", m.status)
    held = required_date(held_on, "held_on")
    if held > (today or date.today()):
        raise InvalidInput("in_future", field="held_on")
    if not m.agenda:
        raise DomainError("meeting_without_topics", id=meeting_id)
    for entry in m.agenda:
        topic = load(session, Topic, entry.topic_id, "topic")
        if topic.status == TopicStatus.SCHEDULED:
            transition_topic(topic, "decide")
    m.held_on = held
    m.status = MeetingStatus.HELD
    touch(m)
    session.flush()
    return meeting_dto(session, m)


def issue_minutes(
    session: Session, meeting_id: int, *, minutes_text: str | None = None, issued_on: date
) -> MeetingDTO:
    """Issue the minutes (印发纪要) under the next minutes number of the year."""
    m = load(session, Meeting, meeting_id, "meeting")
    MEETING.target("issue_minutes", m.status)
    if minutes_text is not None:
        m.minutes_text = limited_text(minutes_text, "minutes_text", 100_000)
    if not m.minutes_text.strip():
        raise InvalidInput("required", field="minutes_text")
    issued = required_date(issued_on, "minutes_issued_on")
    if m.held_on is not None and issued < m.held_on:
        raise InvalidInput("before_meeting", field="minutes_issued_on")
    from desktop.core.issued import issue_record  # issued reads meetings

    # Only this office's own meetings take its numbers; another body's minutes are recorded
    # under the number that body gave them (none when the clerk did not enter one).
    own = m.union_unit_id == local_office(session).unit_id
    number = next_number(session, "minutes", issued.year) if own else None
    if number is not None:
        m.minutes_number = number.text
    m.minutes_issued_on = issued
    m.status = MeetingStatus.MINUTES_ISSUED
    touch(m)
    session.flush()
    issue_record(session, "minutes", m.id, issued_on=issued, number=number)
    return meeting_dto(session, m)


def save_minutes_text(session: Session, meeting_id: int, minutes_text: str) -> MeetingDTO:
    m = load(session, Meeting, meeting_id, "meeting")
    if m.status == MeetingStatus.MINUTES_ISSUED:
        raise DomainError("minutes_already_issued", id=meeting_id)
    m.minutes_text = limited_text(minutes_text, "minutes_text", 100_000)
    touch(m)
    session.flush()
    return meeting_dto(session, m)


def cancel_meeting(session: Session, meeting_id: int, reason: str) -> MeetingDTO:
    m = load(session, Meeting, meeting_id, "meeting")
    reason = required_reason(reason)
    m.status = MeetingStatus(MEETING.target("cancel", m.status))
    m.cancel_reason = reason
    for entry in list(m.agenda):
        transition_topic(load(session, Topic, entry.topic_id, "topic"), "unschedule")
    m.agenda = []
    touch(m)
    session.flush()
    return meeting_dto(session, m)


def flag_formality(
    session: Session, meeting_id: int, reason: str, *, reconvene_by: date | None = None
) -> MeetingDTO:
    """Flag a meeting held only for form (走过场) and order a re-convened one linked to it.

    Issues the 重开通知 (numbered and frozen, dated today). Returns the new, planned meeting.
    """
    from desktop.core.issued import issue_reconvene_notice  # issued reads meetings

    m = load(session, Meeting, meeting_id, "meeting")
    reason = required_reason(reason)
    if m.status not in (MeetingStatus.HELD, MeetingStatus.MINUTES_ISSUED):
        raise DomainError("meeting_not_held", id=meeting_id, status=str(m.status))
    if m.formality_flag:
        raise DomainError("already_flagged", id=meeting_id)
    m.formality_flag = True
    m.formality_reason = reason
    touch(m)
    again = create_meeting(
        session,
        MeetingInput(
            kind=m.kind,
            level=m.level,
            union_unit_id=m.union_unit_id,
            partner_unit_id=m.partner_unit_id,
            partner_name=m.partner_name,
            planned_on=sane_date(reconvene_by, "reconvene_by"),
            place=m.place,
            chair=m.chair,
        ),
    )
    load(session, Meeting, again.id, "meeting").reconvene_of_id = meeting_id
    session.flush()
    issue_reconvene_notice(session, meeting_id, date.today())
    return replace(again, reconvene_of_id=meeting_id)


def get_meeting(session: Session, meeting_id: int) -> MeetingDTO:
    return meeting_dto(session, load(session, Meeting, meeting_id, "meeting"))
