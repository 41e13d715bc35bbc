"""The escalation ladder as the demo office climbs it, on core.escalation's schedule: a reminder a
few working days after a late item's deadline, a supervision notice once the reminder's reply
period has run out, now and then a rectification order once the notice's has, each only while
the item is still open; and the responsible unit's answer (a progress report) to some of them."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from desktop.core.settings import SupervisionSettings
from desktop.core.workdays import WorkCalendar
from desktop.demo.context import Ctx, ItemTrack
from desktop.demo.rows import Row, days, stamp
from desktop.models.enums import ItemStatus, NoticeKind

K = NoticeKind
# The demo database has no imported holiday table: core reckons on the built-in calendar too.
CALENDAR = WorkCalendar()
WAITS = {
    K.REMINDER: SupervisionSettings().reminder_reply_workdays,
    K.SUPERVISION: SupervisionSettings().supervision_reply_workdays,
}
# (rung, working days after the item's deadline or the previous rung's reply period, chance):
# nearly every late item is reminded within a week and, still open, sent a supervision notice
# within two; the leaders order a few of those stalled for weeks more to rectify, and the
# others stay on the 督办建议 list proposed for one.
RUNGS = (
    (K.REMINDER, (1, 6), 0.97),
    (K.SUPERVISION, (1, 10), 0.9),
    (K.RECTIFICATION, (15, 45), 0.2),
)
RECTIFY_DAYS = 30  # a rectification order's deadline, in days after its issue
ANSWER_WITHIN = (7, 15)  # the reply a document asks for, in days after its issue
ANSWERED = 0.6  # share of documents the unit answers by a progress report in time
ANSWER = {
    K.REMINDER: "收到催办单后已落实专人推进，目前完成目标的{p}%，力争尽快办结。",
    K.SUPERVISION: "按督办通知要求，已明确分管领导和责任人，制定推进计划，目前完成目标的{p}%。",
    K.RECTIFICATION: "已对照整改通知制定整改方案，逐项整改，目前完成目标的{p}%。",
}


@dataclass(frozen=True)
class Rung:
    """A document the office issues on one item: its kind, day and rectification deadline."""

    kind: NoticeKind
    issued: date
    rectify_by: date | None = None


def open_on(item: ItemTrack, day: date) -> bool:
    return item.assigned_on < day and (item.open_until is None or day <= item.open_until)


def climb(rng: random.Random, item: ItemTrack, today: date) -> list[Rung]:
    """The rungs a late item is given up to `today`, each after the previous one's wait (its
    deadline first), while the item is still open."""
    rungs: list[Rung] = []
    after = item.deadline
    if after >= today or (item.open_until is not None and item.open_until <= after):
        return rungs  # never late (most items): no rung, and no working days to count
    for kind, (low, high), chance in RUNGS:
        day = CALENDAR.add_workdays(after, rng.randint(low, high)).day
        if day > today or not open_on(item, day) or rng.random() >= chance:
            break
        rectify_by = day + days(RECTIFY_DAYS) if kind == K.RECTIFICATION else None
        rungs.append(Rung(kind, day, rectify_by))
        if kind in WAITS:
            after = CALENDAR.add_workdays(day, WAITS[kind]).day
    return rungs


class Answers:
    """Progress reports in answer to documents, slotted into items' existing timelines: only on
    a day the item is in progress and has no report yet, at a percent between its neighbours."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.feedback: dict[int, list[Row]] = defaultdict(list)
        self.status: dict[int, list[tuple[date, str]]] = defaultdict(list)
        for row in ctx.rows.tables["progress_feedback"].rows:
            self.feedback[row["item_id"]].append(row)
        for row in ctx.rows.tables["item_event"].rows:
            if row["to_status"]:  # documents on the timeline change no state
                self.status[row["item_id"]].append((row["on_date"], row["to_status"]))

    def _status_on(self, item_id: int, day: date) -> str:
        state = ""
        for on, to_status in self.status[item_id]:  # in the order they were written
            if on <= day:
                state = to_status
        return state

    def answer(self, item: ItemTrack, kind: NoticeKind, issued: date, answer_by: date) -> None:
        """Maybe report on `item` between the document's issue and the reply it asks for."""
        rng, ctx = self.ctx.rng, self.ctx
        if rng.random() >= ANSWERED:
            return
        day = issued + days(rng.randint(1, max(1, (answer_by - issued).days)))
        if day > ctx.today or not open_on(item, day):
            return
        if self._status_on(item.id, day) != ItemStatus.IN_PROGRESS:
            return
        reports = self.feedback[item.id]
        if any(r["reported_on"] == day for r in reports):
            return  # the unit reported that day already
        before = [r["percent_done"] for r in reports if r["reported_on"] < day]
        after = [r["percent_done"] for r in reports if r["reported_on"] > day]
        low = max(before, default=10)
        percent = min(low + rng.randint(0, 10), min(after, default=95), 95)
        text = ANSWER[kind].format(p=percent)
        row_id = ctx.rows.record(
            "progress_feedback",
            day,
            day,
            item_id=item.id,
            reported_on=day,
            reporting_unit_id=item.lead.id,
            text=text,
            percent_done=percent,
        )
        reports.append(ctx.rows.row("progress_feedback", row_id))
        ctx.rows.record(
            "item_event",
            day,
            day,
            item_id=item.id,
            at=stamp(day, item.id),
            on_date=day,
            actor=item.lead.name,
            action="report_progress",
            from_status=str(ItemStatus.IN_PROGRESS),
            to_status=str(ItemStatus.IN_PROGRESS),
            note=text,
        )
        if not after:  # the newest report by date: the item shows it
            row = ctx.rows.row("agreed_item", item.id)
            row["percent_done"] = percent
            row["last_feedback_on"] = day
