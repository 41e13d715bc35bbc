"""The escalation ladder for late items: reminder → supervision notice → rectification → criticism."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.office import find_local_office
from desktop.core.scope import may_be_proposed, supervised_items_clause
from desktop.core.settings import SupervisionSettings, supervision_settings
from desktop.core.workdays import WorkCalendar, load_calendar
from desktop.models import (
    AgreedItem,
    Bulletin,
    BulletinMention,
    SupervisionNotice,
    Unit,
    notice_item,
)
from desktop.models.enums import (
    OPEN_ITEM_STATUSES,
    BulletinStatus,
    Level,
    MentionKind,
    NoticeKind,
)


class Step(StrEnum):
    REMINDER = "reminder"  # 催办
    SUPERVISION = "supervision"  # 督办通知
    RECTIFICATION = "rectification"  # 整改通知 with a deadline
    CRITICISM = "criticism"  # 通报批评 in the next bulletin


LADDER = (Step.REMINDER, Step.SUPERVISION, Step.RECTIFICATION, Step.CRITICISM)


def next_step(taken: set[Step]) -> Step | None:
    """The rung after the highest one taken; None when the whole ladder has been climbed."""
    if not taken:
        return LADDER[0]
    highest = max(LADDER.index(s) for s in taken)
    return LADDER[highest + 1] if highest + 1 < len(LADDER) else None


@dataclass(frozen=True)
class Rung:
    """A rung an item is on: the latest document of that kind, and how long it waits."""

    step: Step
    on: date  # issue date of the latest such document
    wait_until: date | None  # the next rung is proposed only after this day (None: never)


@dataclass(frozen=True)
class EscalationSuggestion:
    """The next rung for one late item, and why: the rung it is on (None: none yet), since
    when the wait is over (its deadline, or that rung's reply period), and for how long."""

    item_id: int
    text: str
    lead_unit_id: int
    lead_unit_name: str
    deadline: date
    workdays_late: int
    step: Step
    after: Step | None = None
    waiting_since: date | None = None
    workdays_waited: int = 0
    lead_unit_level: Level | None = None


def _reply_workdays(settings: SupervisionSettings) -> dict[Step, int]:
    return {
        Step.REMINDER: settings.reminder_reply_workdays,
        Step.SUPERVISION: settings.supervision_reply_workdays,
        Step.RECTIFICATION: settings.rectification_reply_workdays,
    }


def rungs_taken(
    session: Session, item_ids: list[int], today: date, calendar: WorkCalendar | None = None
) -> dict[int, dict[Step, Rung]]:
    """The rungs each item is on as of `today`: documents dated later do not count yet.

    Criticism counts for an item when its lead unit was criticised in a bulletin issued on or
    after the item's rectification order."""
    calendar = calendar or load_calendar(session)
    waits = _reply_workdays(supervision_settings(session))
    taken: dict[int, dict[Step, Rung]] = defaultdict(dict)
    for item_id, kind, issued, rectify_by, reply_by in session.execute(
        select(
            notice_item.c.item_id,
            SupervisionNotice.kind,
            SupervisionNotice.issued_on,
            SupervisionNotice.rectify_deadline,
            SupervisionNotice.feedback_deadline,
        )
        .join(SupervisionNotice, SupervisionNotice.id == notice_item.c.notice_id)
        .where(
            notice_item.c.item_id.in_(item_ids),
            SupervisionNotice.deleted_at.is_(None),
            SupervisionNotice.issued_on <= today,
        )
        .order_by(SupervisionNotice.issued_on, SupervisionNotice.id)
    ):
        step = Step(NoticeKind(kind).value)
        if step is Step.RECTIFICATION and rectify_by is not None:
            until = rectify_by
        elif reply_by is not None:
            until = reply_by  # the reply date the document itself gave the unit
        else:
            until = calendar.add_workdays(issued, waits[step]).day
        taken[item_id][step] = Rung(step, issued, until)
    criticised: dict[int, list[date]] = defaultdict(list)
    for unit_id, issued in session.execute(
        select(BulletinMention.unit_id, Bulletin.issued_on)
        .join(Bulletin, Bulletin.id == BulletinMention.bulletin_id)
        .where(
            BulletinMention.kind == MentionKind.CRITICISM,
            Bulletin.status == BulletinStatus.ISSUED,
            Bulletin.deleted_at.is_(None),
            Bulletin.issued_on <= today,
        )
    ):
        criticised[unit_id].append(issued)
    for item_id, lead in session.execute(
        select(AgreedItem.id, AgreedItem.lead_unit_id).where(AgreedItem.id.in_(item_ids))
    ):
        rectified = taken[item_id].get(Step.RECTIFICATION)
        if rectified is None:
            continue
        after = [d for d in criticised.get(lead or -1, []) if d >= rectified.on]
        if after:
            taken[item_id][Step.CRITICISM] = Rung(Step.CRITICISM, min(after), None)
    return taken


def steps_taken(session: Session, item_ids: list[int], today: date) -> dict[int, set[Step]]:
    """Which rungs each item has had by `today`."""
    return {i: set(r) for i, r in rungs_taken(session, item_ids, today).items()}


def suggest(
    rungs: dict[Step, Rung], deadline: date, today: date
) -> tuple[Step, Step | None, date] | None:
    """The next rung for an overdue open item, the rung it is on and since when the wait is
    over; None while a rung's reply period (or a rectification deadline) is still running or
    when the ladder is climbed."""
    rectification = rungs.get(Step.RECTIFICATION)
    open_until = rectification.wait_until if rectification is not None else None
    if open_until is not None and open_until >= today:
        return None  # never escalate while the rectification deadline is open
    step = next_step(set(rungs))
    if step is None:
        return None
    if not rungs:
        return step, None, deadline
    current = max(rungs.values(), key=lambda r: LADDER.index(r.step))
    if current.wait_until is None or current.wait_until >= today:
        return None
    return step, current.step, current.wait_until


def escalation_suggestions(session: Session, today: date) -> tuple[EscalationSuggestion, ...]:
    """For every overdue open item the office supervises (``scope.supervised_items_clause``,
    as bulletins count them) whose current rung has waited long enough, the next rung, the
    longest-waiting first."""
    office = find_local_office(session)
    office_level = office.level if office is not None else None
    office_unit = office.unit_id if office is not None else None
    rows = session.execute(
        select(
            AgreedItem.id,
            AgreedItem.text,
            AgreedItem.lead_unit_id,
            Unit.name,
            AgreedItem.deadline,
            Unit.kind,
            Unit.level,
        )
        .join(Unit, Unit.id == AgreedItem.lead_unit_id)
        .where(
            AgreedItem.status.in_(OPEN_ITEM_STATUSES),
            AgreedItem.deadline < today,
            AgreedItem.deleted_at.is_(None),
            supervised_items_clause(office_level),
        )
        .order_by(AgreedItem.deadline, AgreedItem.id)
    ).all()
    calendar = load_calendar(session)
    taken = rungs_taken(session, [r[0] for r in rows], today, calendar)
    result = []
    for item_id, text, lead_id, lead_name, deadline, kind, level in rows:
        if lead_id is None or deadline is None:
            continue
        proposal = suggest(taken.get(item_id, {}), deadline, today)
        if proposal is None:
            continue
        step, after, since = proposal
        if step == Step.CRITICISM and not may_be_proposed(
            kind, level, office_level=office_level, is_office=lead_id == office_unit
        ):
            continue  # the office's bulletin cannot name this unit: the ladder ends here
        result.append(
            EscalationSuggestion(
                item_id,
                text,
                lead_id,
                lead_name,
                deadline,
                calendar.workdays_between(deadline, today),
                step,
                after,
                since,
                calendar.workdays_between(since, today),
                level,
            )
        )
    result.sort(key=lambda e: (-e.workdays_waited, e.deadline, e.item_id))
    return tuple(result)
