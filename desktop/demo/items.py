"""Agreed items walked through the item state machine: feedback, extensions, closing, timeline."""

from __future__ import annotations

from datetime import date

from desktop.core.states import ITEM
from desktop.demo import phrases
from desktop.demo.context import Ctx, ItemTrack, Series, UnitRef
from desktop.demo.rows import Row, days, stamp
from desktop.demo.texts import LAYOFF_THEME, Theme
from desktop.models.enums import ItemStatus

I = ItemStatus  # noqa: E741 - as in core.states
# When an item whose deadline has passed was done, in days after that deadline (weight, first,
# last): most on time, some weeks late, a few months late, none much later, since a county keeps
# supervising a late item until it is done. Every day of the history then looks like today:
# about one open item in eight is overdue, almost none by more than a year.
LATENESS = ((68, -1, 0), (20, 1, 45), (12, 46, 150))
# The items a county follows itself (its own and its townships' meetings) are the harder ones:
# budgets, rooms, posts across departments. More run late, so its supervision list is never
# empty, though still almost none by more than a few months.
LATENESS_SUPERVISED = ((50, -1, 0), (30, 1, 45), (20, 46, 150))
CANCELLED_AFTER_DEADLINE = 4  # per cent of items whose deadline passed
# What an item whose deadline has passed and which is not done today is doing (weights).
FATES_STILL_OPEN = {
    "in_progress": 55,
    "idle": 5,
    "extension": 15,
    "extended": 15,
    "sent_back": 10,
}
COMPLETED_UNVERIFIED_DAYS = 20  # items done more recently than this may await verification
PENDING_AT_MOST_DAYS = 42  # an extension request older than this has been decided
FATES_RUNNING = {
    "in_progress": 45,
    "idle": 15,
    "completed": 12,
    "verified": 10,
    "extension": 7,
    "extended": 4,
    "cancelled": 2,
    "sent_back": 5,
}
DEADLINE_DAYS = (60, 90, 120, 150, 180, 270)
DRAFT_WITHIN = 14  # items of meetings this recent may still be drafts


def _number(ctx: Ctx, s: Series, theme: Theme) -> float:
    """The theme's figure, varied between places unless it is a real, sourced one."""
    if not theme.jitter or s.area in ("county", "party"):
        return theme.number
    if theme.unit == "%":
        return float(min(100, round(theme.number + ctx.rng.uniform(-5, 5))))
    value = theme.number * ctx.rng.uniform(0.6, 1.6)
    return float(round(value, -1) if value >= 100 else max(1, round(value)))


def _figure(value: float) -> str:
    return f"{value:g}"


def _role(ctx: Ctx, s: Series, key: str) -> UnitRef:
    return ctx.rng.choice(s.roles.get(key) or s.roles["partner"])


class _Walk:
    """Moves one item through ITEM's transitions, writing each step to its timeline."""

    def __init__(self, ctx: Ctx, item: Row, lead: UnitRef, theme: Theme, number: float) -> None:
        self.ctx = ctx
        self.item = item
        self.lead = lead
        self.theme = theme
        self.number = number
        self.status = I.DRAFTED
        self.last = item["assigned_on"]

    def event(self, action: str, on: date, note: str = "", actor: str = "") -> None:
        before = self.status
        self.status = I(ITEM.target(action, before))
        self.last = on
        self.ctx.rows.record(
            "item_event",
            on,
            on,
            item_id=self.item["id"],
            at=stamp(on, self.item["id"]),
            on_date=on,
            actor=actor or self.ctx.clerk,
            action=action,
            from_status=str(before),
            to_status=str(self.status),
            note=note,
        )

    def feedback(self, on: date, percent: int) -> None:
        t, rng = self.theme, self.ctx.rng
        value = round(self.number * percent / 100, 1)
        if percent == 100:
            text = f"已全面完成：{t.figure}{_figure(self.number)}{t.unit}。"
        else:
            text = f"已召开专题推进会，{t.figure}{_figure(value)}{t.unit}，完成目标的{percent}%。"
        feedback_id = self.ctx.rows.record(
            "progress_feedback",
            on,
            on,
            item_id=self.item["id"],
            reported_on=on,
            reporting_unit_id=self.lead.id,
            text=text,
            percent_done=percent,
        )
        if percent == 100 or rng.random() < 0.7:
            self.ctx.rows.add(
                "feedback_figure", feedback_id=feedback_id, name=t.figure, number=value, unit=t.unit
            )
        self.item["percent_done"] = percent
        self.item["last_feedback_on"] = on
        self.event("report_progress", on, note=text, actor=self.lead.name)

    def progress(self, start: date, end: date, low: int, high: int, *, at_least_one: bool) -> None:
        """Feedback every one to two months from `start` until before `end`, rising."""
        rng = self.ctx.rng
        dates = []
        d = start + days(rng.randint(15, 40))
        while d < end:
            dates.append(d)
            d += days(rng.randint(30, 65))
        if not dates and at_least_one and start < end:
            dates.append(start + days((end - start).days // 2))
        for i, on in enumerate(dates, start=1):
            self.feedback(on, low + (high - low) * i // len(dates))


def add_item(
    ctx: Ctx, s: Series, meeting_id: int, held: date, topic_id: int, theme: Theme, sequence: int
) -> None:
    """An agreed item of a held meeting, with its whole life up to today."""
    rng = ctx.rng
    lead = _role(ctx, s, theme.lead)
    cooperating = {u.id: u for key in theme.cooperating if (u := _role(ctx, s, key)) != lead}
    number = _number(ctx, s, theme)
    deadline = held + days(rng.choice(DEADLINE_DAYS) + rng.randint(-10, 10))
    assigned = held + days(rng.randint(1, 7))
    draft = assigned > ctx.today or (held > ctx.today - days(DRAFT_WITHIN) and rng.random() < 0.6)
    item_id = ctx.rows.record(
        "agreed_item",
        held,
        held,
        meeting_id=meeting_id,
        topic_id=topic_id,
        sequence=sequence,
        text=theme.item.format(n=_figure(number)),
        lead_unit_id=None if draft and rng.random() < 0.3 else lead.id,
        deadline=None if draft and rng.random() < 0.2 else deadline,
        target_text=theme.target.format(n=_figure(number)),
        target_number=number,
        target_unit=theme.unit,
        assigned_on=None if draft else assigned,
    )
    for unit_id in cooperating:
        ctx.rows.add("item_cooperating_unit", item_id=item_id, unit_id=unit_id)
    if draft:
        return
    item = ctx.rows.row("agreed_item", item_id)
    walk = _Walk(ctx, item, lead, theme, number)
    walk.event("assign", assigned)
    if deadline >= ctx.today:
        fate, done_on = rng.choices(tuple(FATES_RUNNING), tuple(FATES_RUNNING.values()))[0], None
    else:
        lateness = LATENESS_SUPERVISED if s.supervised else LATENESS
        fate, done_on = _past_deadline(ctx, assigned, deadline, lateness)
    open_until = _live(ctx, walk, assigned, deadline, fate, done_on)
    item["status"] = walk.status
    if item["completed_on"] is not None:
        ctx.topic_closed[topic_id] = max(item["completed_on"], ctx.topic_closed.get(topic_id, held))
    item["updated_at"] = stamp(walk.last, item_id + 1)
    layoff = theme is LAYOFF_THEME and s.area == "enterprise"
    if s.supervised or layoff:
        ctx.items.append(
            ItemTrack(
                item_id,
                meeting_id,
                lead,
                held,
                assigned,
                deadline,
                open_until,
                walk.status,
                s.supervised,
                layoff,
                item["deadline"],
                item["completed_on"],
            )
        )


def _past_deadline(
    ctx: Ctx, assigned: date, deadline: date, lateness: tuple[tuple[int, int, int], ...]
) -> tuple[str, date | None]:
    """The fate of an item whose deadline has passed, and the day it was done if it is."""
    rng, today = ctx.rng, ctx.today
    if rng.randrange(100) < CANCELLED_AFTER_DEADLINE:
        return "cancelled", None
    _, first, last = rng.choices(lateness, [w for w, _, _ in lateness])[0]
    if last <= 0:
        span = max(30, (deadline - assigned).days)
        done = ctx.between(assigned + days(span // 2), deadline)
    else:
        done = deadline + days(rng.randint(first, last))
    if done >= today or done <= assigned + days(10):
        fates = FATES_STILL_OPEN
        return rng.choices(tuple(fates), tuple(fates.values()))[0], None
    recent = (today - done).days < COMPLETED_UNVERIFIED_DAYS
    return ("completed" if recent and rng.random() < 0.5 else "verified"), done


def _live(
    ctx: Ctx, walk: _Walk, assigned: date, deadline: date, fate: str, done_on: date | None = None
) -> date | None:
    """Play out `fate` (done on `done_on` when given); returns the last day the item was open,
    None if it still is."""
    rng, today, item = ctx.rng, ctx.today, walk.item
    span = max(30, (deadline - assigned).days)
    if done_on is not None:
        return _finish(ctx, walk, assigned, done_on, fate)
    if fate == "cancelled":
        end = ctx.between(ctx.clamp(assigned + days(10)), ctx.clamp(assigned + days(span)))
        walk.progress(assigned, end, 5, 40, at_least_one=False)
        item["cancel_reason"] = rng.choice(phrases.ITEM_CANCEL)
        walk.event("cancel", end, note=item["cancel_reason"])
        return end
    if fate in ("verified", "completed", "sent_back"):
        latest = min(today - days(1 if fate == "completed" else 20), deadline + days(30))
        if latest > assigned + days(10):
            done = ctx.between(assigned + days(min(span // 2, (latest - assigned).days)), latest)
            return _finish(ctx, walk, assigned, done, fate)
        fate = "in_progress"
    if fate in ("extension", "extended"):
        asked = max(assigned + days(5), deadline - days(rng.randint(3, 20)))
        if asked < today:
            _extend(ctx, walk, assigned, asked, deadline, settle=fate == "extended")
            return None
    if fate != "idle":
        walk.progress(assigned, today, 5, _reached(ctx, assigned, deadline), at_least_one=True)
    return None


def _reached(ctx: Ctx, assigned: date, deadline: date) -> int:
    """How far an open item has got by today: about in step with the time elapsed while it
    runs, somewhere between stuck and nearly done once it is late."""
    elapsed = (ctx.today - assigned).days / max(1, (deadline - assigned).days)
    if elapsed >= 1:
        return ctx.rng.randint(40, 95)
    return max(10, min(95, round(100 * elapsed * ctx.rng.uniform(0.7, 1.15))))


def _finish(ctx: Ctx, walk: _Walk, assigned: date, done: date, fate: str) -> date | None:
    rng, item = ctx.rng, walk.item
    walk.progress(assigned, done, 10, 90, at_least_one=False)
    walk.feedback(done, 100)
    walk.event("complete", done, actor=walk.lead.name)
    item["completed_on"] = done
    if fate == "sent_back":
        back = done + days(rng.randint(3, 10))
        item["send_back_reason"] = rng.choice(phrases.SEND_BACK)
        item["completed_on"] = None
        walk.event("send_back", back, note=item["send_back_reason"])
        walk.feedback(ctx.between(back + days(1), ctx.today), rng.choice((80, 85, 90)))
        return None  # open again
    if fate == "verified":
        item["verified_on"] = ctx.clamp(done + days(rng.randint(5, 30)))
        item["verification_note"] = rng.choice(phrases.VERIFY)
        walk.event("verify", item["verified_on"], note=item["verification_note"])
    return done


def _extend(
    ctx: Ctx, walk: _Walk, assigned: date, asked: date, deadline: date, *, settle: bool
) -> None:
    rng, item = ctx.rng, walk.item
    walk.progress(assigned, asked, 10, 70, at_least_one=False)
    wanted = deadline + days(rng.randint(30, 120))
    item["extension_reason"] = rng.choice(phrases.EXTENSION)
    item["extension_deadline"] = wanted
    walk.event("request_extension", asked, note=item["extension_reason"], actor=walk.lead.name)
    settled = asked + days(rng.randint(2, 10))
    recent = (ctx.today - asked).days <= PENDING_AT_MOST_DAYS
    if (not settle and recent) or settled > ctx.today:
        return  # still waiting for a decision
    item["extension_deadline"] = None
    if rng.random() < 0.8:
        item["deadline"] = wanted
        walk.event("approve_extension", settled, note=f"{deadline} → {wanted}")
    else:
        walk.event("refuse_extension", settled, note=phrases.EXTENSION_REFUSED)
    walk.progress(settled, ctx.today, item["percent_done"] or 40, 95, at_least_one=False)
