"""Agreed items (议定事项): assign, feed back, extend, complete, send back, verify, cancel."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError, InvalidInput
from desktop.core.item_dto import ItemDTO, item_dto
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
from desktop.core.states import ITEM
from desktop.core.timeline import log_event
from desktop.models import (
    AgreedItem,
    FeedbackFigure,
    ItemEvent,
    Meeting,
    ProgressFeedback,
    Topic,
    Unit,
)
from desktop.models.enums import ItemStatus, MeetingStatus


@dataclass(frozen=True)
class ItemInput:
    meeting_id: int
    text: str
    topic_id: int | None = None
    lead_unit_id: int | None = None
    cooperating_unit_ids: tuple[int, ...] = ()
    deadline: date | None = None
    target_text: str = ""
    target_number: float | None = None
    target_unit: str = ""


@dataclass(frozen=True)
class FigureInput:
    name: str
    number: float
    unit: str = ""


def parse_figures(text: str) -> tuple[FigureInput, ...]:
    """Lines like `安置职工=1126人` (name=number unit) as outcome figures."""
    figures = []
    lines = [line for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        name, _, rest = line.partition("=")
        rest = rest.strip()
        digits = rest[: len(rest) - len(rest.lstrip("0123456789.-"))]
        try:
            value = float(digits)
        except ValueError as exc:
            raise InvalidInput("figure_format", field="figures", line=number) from exc
        figures.append(FigureInput(name.strip(), value, rest[len(digits) :].strip()))
    return tuple(figures)


@dataclass(frozen=True)
class FeedbackInput:
    reported_on: date
    text: str
    percent_done: int
    reporting_unit_id: int | None = None
    figures: tuple[FigureInput, ...] = field(default_factory=tuple)


def check_deadline(held_on: date | None, deadline: date | None) -> None:
    """An item's deadline may not fall before the meeting that agreed it."""
    if deadline is not None and held_on is not None and deadline < held_on:
        raise InvalidInput("deadline_before_meeting", field="deadline")


def check_completed_on(held_on: date | None, completed_on: date | None) -> None:
    """An item cannot be done before the meeting that agreed it."""
    if completed_on is not None and held_on is not None and completed_on < held_on:
        raise InvalidInput("before_meeting", field="completed_on")


def check_verified_on(completed_on: date | None, verified_on: date | None) -> None:
    """Verification comes after completion."""
    if verified_on is not None and completed_on is not None and verified_on < completed_on:
        raise InvalidInput("before_completion", field="verified_on")


def check_percent_done(percent_done: int) -> None:
    """Progress is a percentage: 0 to 100."""
    if not 0 <= percent_done <= 100:
        raise InvalidInput("out_of_range", field="percent_done", min=0, max=100)


def _apply(session: Session, item: AgreedItem, data: ItemInput) -> None:
    meeting = load(session, Meeting, data.meeting_id, "meeting")
    if data.topic_id is not None:
        load(session, Topic, data.topic_id, "topic")
    if data.lead_unit_id is not None:
        load(session, Unit, data.lead_unit_id, "unit")
    if data.lead_unit_id is not None and data.lead_unit_id in data.cooperating_unit_ids:
        raise InvalidInput("lead_also_cooperating", field="cooperating_unit_ids")
    cooperating = [
        load(session, Unit, uid, "unit") for uid in dict.fromkeys(data.cooperating_unit_ids)
    ]
    deadline = sane_date(data.deadline, "deadline")
    check_deadline(meeting.held_on, deadline)
    if data.target_number is not None and not abs(data.target_number) < 1e12:
        raise InvalidInput("out_of_range", field="target_number")
    item.meeting_id = data.meeting_id
    item.topic_id = data.topic_id
    item.text = required_text(data.text, "text", 5000)
    item.lead_unit_id = data.lead_unit_id
    item.cooperating_units = cooperating
    item.deadline = deadline
    item.target_text = limited_text(data.target_text, "target_text", 2000)
    item.target_number = data.target_number
    item.target_unit = limited_text(data.target_unit, "target_unit", 20)


def create_item(session: Session, data: ItemInput) -> ItemDTO:
    """Record an agreed item of a held meeting; it is a draft until assigned (交办)."""
    meeting = load(session, Meeting, data.meeting_id, "meeting")
    if meeting.status not in (MeetingStatus.HELD, MeetingStatus.MINUTES_ISSUED):
        raise DomainError("meeting_not_held", id=meeting.id, status=str(meeting.status))
    item = AgreedItem(status=ItemStatus.DRAFTED)
    _apply(session, item, data)
    last = session.scalar(
        select(AgreedItem.sequence)
        .where(AgreedItem.meeting_id == data.meeting_id)
        .order_by(AgreedItem.sequence.desc())
        .limit(1)
    )
    item.sequence = (last or 0) + 1
    stamp_new(session, item)
    session.add(item)
    session.flush()
    return item_dto(session, item)


def update_item(session: Session, item_id: int, data: ItemInput) -> ItemDTO:
    item = load(session, AgreedItem, item_id, "item")
    if item.status in (ItemStatus.VERIFIED, ItemStatus.CANCELLED):
        raise DomainError("item_closed", id=item_id, status=str(item.status))
    if data.meeting_id != item.meeting_id:
        raise InvalidInput("meeting_fixed", field="meeting_id")
    if item.status != ItemStatus.DRAFTED and (data.lead_unit_id is None or data.deadline is None):
        raise InvalidInput(
            "required", field="lead_unit_id" if data.lead_unit_id is None else "deadline"
        )
    _apply(session, item, data)
    touch(item)
    session.flush()
    return item_dto(session, item)


def _move(
    session: Session,
    item: AgreedItem,
    action: str,
    on: date,
    note: str = "",
    requested_deadline: date | None = None,
) -> None:
    before = item.status
    item.status = ItemStatus(ITEM.target(action, item.status))
    touch(item)
    log_event(
        session,
        item,
        action,
        on,
        from_status=before,
        to_status=item.status,
        note=note,
        requested_deadline=requested_deadline,
    )


def assign_item(session: Session, item_id: int, on: date) -> ItemDTO:
    """Assign (交办) to the lead unit: needs a lead unit and a deadline not before the meeting."""
    item = load(session, AgreedItem, item_id, "item")
    ITEM.target("assign", item.status)
    if item.lead_unit_id is None:
        raise InvalidInput("required", field="lead_unit_id")
    if item.deadline is None:
        raise InvalidInput("required", field="deadline")
    check_deadline(load(session, Meeting, item.meeting_id, "meeting").held_on, item.deadline)
    item.assigned_on = required_date(on, "assigned_on")
    _move(session, item, "assign", item.assigned_on)
    session.flush()
    return item_dto(session, item)


def report_progress(
    session: Session, item_id: int, data: FeedbackInput, *, today: date | None = None
) -> ItemDTO:
    """Progress feedback (反馈进展) from the lead unit or a cooperating unit on its part.

    The item's progress and last feedback date follow the newest report by date, whatever
    order reports are entered in; a report dated after today, or the same report twice, is
    refused.
    """
    item = load(session, AgreedItem, item_id, "item")
    ITEM.target("report_progress", item.status)
    check_percent_done(data.percent_done)
    reported_on = required_date(data.reported_on, "reported_on")
    if reported_on > (today or date.today()):
        raise InvalidInput("in_future", field="reported_on")
    reporter = data.reporting_unit_id or item.lead_unit_id
    if reporter is not None:
        unit = load(session, Unit, reporter, "unit")
        if reporter not in {item.lead_unit_id, *(u.id for u in item.cooperating_units)}:
            raise InvalidInput(
                "not_responsible", field="reporting_unit_id", unit=unit.name, item=item.text[:30]
            )
    text = required_text(data.text, "text", 10000)
    repeated = session.scalar(
        select(ProgressFeedback.id).where(
            ProgressFeedback.item_id == item.id,
            ProgressFeedback.reported_on == reported_on,
            ProgressFeedback.reporting_unit_id == reporter,
            ProgressFeedback.text == text,
            ProgressFeedback.deleted_at.is_(None),
        )
    )
    if repeated is not None:
        raise InvalidInput("duplicate_feedback", field="text", on=reported_on.isoformat())
    feedback = ProgressFeedback(
        item_id=item.id,
        reported_on=reported_on,
        reporting_unit_id=reporter,
        text=text,
        percent_done=data.percent_done,
        figures=[
            FeedbackFigure(
                name=required_text(f.name, f"figures[{i}].name", 60),
                number=f.number,
                unit=limited_text(f.unit, f"figures[{i}].unit", 20),
            )
            for i, f in enumerate(data.figures)
        ],
    )
    stamp_new(session, feedback)
    session.add(feedback)
    session.flush()
    newest = latest_feedback(session, item.id)
    assert newest is not None
    item.percent_done = newest.percent_done
    item.last_feedback_on = newest.reported_on
    _move(session, item, "report_progress", reported_on, note=feedback.text)
    session.flush()
    return item_dto(session, item)


def absorb_steps(session: Session, event_ids: Iterable[int]) -> int:
    """Our items take the steps their lead units' offices took on them: a completion (办结)
    or an extension request (申请延期) arriving as a timeline entry from the township moves
    the county's item as it moved the township's copy, so it waits for verification or joins
    the 延期待批 queue here. Steps the item's state no longer allows are left on the timeline
    only. Returns how many items moved."""
    ids = sorted(set(event_ids))
    if not ids:
        return 0
    me = local_office(session).uuid
    moved = 0
    events = session.scalars(
        select(ItemEvent)
        .where(
            ItemEvent.id.in_(ids),
            ItemEvent.origin_office != me,
            ItemEvent.action.in_(("complete", "request_extension")),
        )
        .order_by(ItemEvent.on_date, ItemEvent.id)
    ).all()
    for event in events:
        item = session.get(AgreedItem, event.item_id)
        if item is None or item.origin_office != me or item.deleted_at is not None:
            continue
        if not ITEM.can(event.action, item.status):
            continue
        if event.action == "complete":
            item.completed_on, item.percent_done = event.on_date, 100
        elif event.action == "request_extension" and event.requested_deadline is not None:
            item.extension_deadline, item.extension_reason = event.requested_deadline, event.note
        else:
            continue
        item.status = ItemStatus(ITEM.target(event.action, item.status))
        touch(item)
        moved += 1
    session.flush()
    return moved


def latest_feedback(session: Session, item_id: int) -> ProgressFeedback | None:
    """The newest report by date (the later entered on the same day): what progress shows."""
    return session.scalar(
        select(ProgressFeedback)
        .where(ProgressFeedback.item_id == item_id, ProgressFeedback.deleted_at.is_(None))
        .order_by(ProgressFeedback.reported_on.desc(), ProgressFeedback.id.desc())
        .limit(1)
    )


def absorb_feedback(session: Session, item_ids: Iterable[int]) -> int:
    """Bring our items up to date with feedback that arrived in packages from the units doing
    them; returns how many items changed.

    Feedback from another office travels as that office's own record while the item stays ours,
    so its progress, last feedback date and (from 已交办) its state follow the newest feedback
    here, as report_progress does for feedback entered in this office. The timeline entry came
    with the feedback.
    """
    ids = sorted(set(item_ids))
    if not ids:
        return 0
    me = local_office(session).uuid
    newest: dict[int, ProgressFeedback] = {}
    rows = session.scalars(
        select(ProgressFeedback)
        .where(ProgressFeedback.item_id.in_(ids), ProgressFeedback.deleted_at.is_(None))
        .order_by(ProgressFeedback.reported_on, ProgressFeedback.id)
    )
    for feedback in rows:
        newest[feedback.item_id] = feedback
    changed = 0
    items = session.scalars(
        select(AgreedItem).where(AgreedItem.id.in_(newest), AgreedItem.origin_office == me)
    )
    for item in items:
        latest = newest[item.id]
        if item.last_feedback_on is not None and latest.reported_on < item.last_feedback_on:
            continue  # feedback entered here is newer
        status = item.status
        if status is ItemStatus.ASSIGNED and ITEM.can("report_progress", status):
            status = ItemStatus(ITEM.target("report_progress", status))
        state = (latest.percent_done, latest.reported_on, status)
        if state == (item.percent_done, item.last_feedback_on, item.status):
            continue
        item.percent_done, item.last_feedback_on, item.status = state
        touch(item)
        changed += 1
    session.flush()
    return changed


def request_extension(
    session: Session, item_id: int, *, new_deadline: date, reason: str, on: date
) -> ItemDTO:
    item = load(session, AgreedItem, item_id, "item")
    reason = required_reason(reason)
    new = required_date(new_deadline, "extension_deadline")
    if item.deadline is not None and new <= item.deadline:
        raise InvalidInput("extension_not_later", field="extension_deadline")
    _move(session, item, "request_extension", on, note=reason, requested_deadline=new)
    item.extension_reason = reason
    item.extension_deadline = new
    session.flush()
    return item_dto(session, item)


def approve_extension(
    session: Session, item_id: int, *, on: date, new_deadline: date | None = None
) -> ItemDTO:
    """Approve with the requested deadline or another one the supervising office sets."""
    item = load(session, AgreedItem, item_id, "item")
    ITEM.target("approve_extension", item.status)
    deadline = sane_date(new_deadline, "extension_deadline") or item.extension_deadline
    if deadline is None or (item.deadline is not None and deadline <= item.deadline):
        raise InvalidInput("extension_not_later", field="extension_deadline")
    old = item.deadline
    item.deadline = deadline
    item.extension_deadline = None
    _move(session, item, "approve_extension", on, note=f"{old} → {deadline}")
    session.flush()
    return item_dto(session, item)


def refuse_extension(session: Session, item_id: int, *, on: date, reason: str) -> ItemDTO:
    item = load(session, AgreedItem, item_id, "item")
    reason = required_reason(reason)
    _move(session, item, "refuse_extension", on, note=reason)
    item.extension_deadline = None
    session.flush()
    return item_dto(session, item)


def complete_item(session: Session, item_id: int, *, on: date, note: str = "") -> ItemDTO:
    """The lead unit reports the item done (办结)."""
    item = load(session, AgreedItem, item_id, "item")
    done = required_date(on, "completed_on")
    check_completed_on(load(session, Meeting, item.meeting_id, "meeting").held_on, done)
    _move(session, item, "complete", done, note=limited_text(note, "note", 2000))
    item.completed_on = done
    item.percent_done = 100
    session.flush()
    return item_dto(session, item)


def send_back_item(session: Session, item_id: int, *, on: date, reason: str) -> ItemDTO:
    """The supervising office sends a claimed completion back (退回) with its reason."""
    item = load(session, AgreedItem, item_id, "item")
    reason = required_reason(reason)
    _move(session, item, "send_back", on, note=reason)
    item.send_back_reason = reason
    item.completed_on = None
    session.flush()
    return item_dto(session, item)


def verify_item(session: Session, item_id: int, *, on: date, note: str = "") -> ItemDTO:
    """Verification (验收) by the supervising office closes the item."""
    item = load(session, AgreedItem, item_id, "item")
    verified = required_date(on, "verified_on")
    check_verified_on(item.completed_on, verified)
    _move(session, item, "verify", verified, note=limited_text(note, "verification_note", 2000))
    item.verified_on = verified
    item.verification_note = note.strip()
    session.flush()
    return item_dto(session, item)


def cancel_item(session: Session, item_id: int, *, on: date, reason: str) -> ItemDTO:
    item = load(session, AgreedItem, item_id, "item")
    reason = required_reason(reason)
    _move(session, item, "cancel", on, note=reason)
    item.cancel_reason = reason
    session.flush()
    return item_dto(session, item)


def get_item(session: Session, item_id: int) -> ItemDTO:
    return item_dto(session, load(session, AgreedItem, item_id, "item"))
