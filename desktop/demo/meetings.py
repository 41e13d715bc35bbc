"""One series' joint meetings over the years: held, missed, cancelled, for form, still ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.demo import names, phrases
from desktop.demo.context import Ctx, Series
from desktop.demo.items import add_item
from desktop.demo.rows import days
from desktop.demo.texts import THEMES_BY_AREA, Theme
from desktop.demo.topics import prepared_topic
from desktop.models.enums import AttendanceRole, MeetingKind, MeetingStatus, TopicStatus
from desktop.models.enums import WorkingGroupKind as Group

# Convening is real, not perfect: Heilongjiang went from 79.9% to 100%; Binhai's towns ~90%.
# Binhai: enterprises held 126 of 132 required meetings (95.5 %); townships about as often.
HELD_SHARE = {"county": 1.0, "party": 0.9, "township": 0.92, "enterprise": 0.95, "industry": 0.92}
CANCELLED_SHARE_OF_MISSED = 0.2
MINUTES_SHARE = {"county": 0.95, "party": 0.9, "township": 0.85, "enterprise": 0.6, "industry": 0.7}
TOPIC_COUNTS = {
    "county": (3, 4, 4, 5),
    "party": (2, 3),
    "township": (2, 2, 3),
    "enterprise": (1, 1, 1, 2),
    "industry": (1, 2),
}
# Binhai: 37 township meetings decided 64 items; enterprises 126 meetings on 63 topics.
ITEMS_PER_TOPIC = {
    "county": (1, 1, 2),
    "party": (1,),
    "township": (0, 1, 1, 1, 2),
    "enterprise": (0, 0, 1, 1, 1),
    "industry": (0, 1, 1),
}
HEAD_ATTENDS = {"county": 0.7, "party": 0.8}
# Now and then a topic is passed and nothing is set to carry it out: the 走过场 check finds it.
PASSED_WITHOUT_ITEM = 0.02
FUTURE_DAYS = 75  # meetings are planned about two months ahead
NOTIFIED_WITHIN = 21
MINUTES_AFTER = 10  # days after the meeting before minutes may be issued
FORMALITY_DECISION = "会议听取了工作情况通报，未作研究决定。"


class _Deck:
    """Themes dealt without repeats until all have been used, as a series works through them."""

    def __init__(self, ctx: Ctx, area: str) -> None:
        self.ctx = ctx
        self.themes = THEMES_BY_AREA[area]
        self.left: list[Theme] = []

    def deal(self, counts: tuple[int, ...]) -> list[Theme]:
        count = min(len(self.themes), self.ctx.rng.choice(counts))
        if len(self.left) < count:
            fresh = [t for t in self.themes if t not in self.left]
            self.ctx.rng.shuffle(fresh)
            self.left = fresh + self.left
        dealt, self.left = self.left[-count:], self.left[:-count]
        return dealt


@dataclass
class Plan:
    day: date
    outcome: str  # held, formality, cancelled, future
    original: Plan | None = None  # the meeting held for form this one re-convenes
    meeting_id: int = 0


def _weekday(d: date) -> date:
    return d - days(max(0, d.weekday() - 4))


def _plans(ctx: Ctx, s: Series, flag_one: bool) -> list[Plan]:
    rng = ctx.rng
    months = 12 // s.per_year
    last = ctx.today + days(FUTURE_DAYS)
    slots = []
    for year in range(ctx.start.year, last.year + 1):
        for k in range(s.per_year):
            first = date(year, 1 + k * months, 1)
            slots.append(first + days(rng.randint(months * 7, months * 30 - 5)))
        if s.area == "county" and rng.random() < 0.5:  # "more when needed"
            slots.append(date(year, 10, 8) + days(rng.randint(0, 60)))
    plans = []
    for day in sorted(_weekday(d) for d in slots):
        if not (s.established_on and s.established_on < day and ctx.start <= day <= last):
            continue
        if day > ctx.today:
            plans.append(Plan(day, "future"))
        elif rng.random() < HELD_SHARE[s.area]:
            plans.append(Plan(day, "held"))
        elif rng.random() < CANCELLED_SHARE_OF_MISSED:
            plans.append(Plan(day, "cancelled"))
    eligible = [p for p in plans if p.outcome == "held" and p.day <= ctx.today - days(60)]
    if flag_one and eligible:
        held_for_form = rng.choice(eligible)
        held_for_form.outcome = "formality"
        again = _weekday(held_for_form.day + days(rng.randint(25, 45)))
        outcome = "held" if again <= ctx.today else "future"
        plans.append(Plan(again, outcome, original=held_for_form))
        plans.sort(key=lambda p: p.day)
    return plans


def generate_series(ctx: Ctx, s: Series, *, flag_one: bool = False) -> int | None:
    """Every meeting of the series; returns a topic scheduled on a coming meeting, if any.

    `flag_one` flags one past meeting as held only for form and re-convenes it.
    """
    scheduled = None
    deck = _Deck(ctx, s.area)
    for number, plan in enumerate(_plans(ctx, s, flag_one), start=s.series_base + 1):
        if plan.outcome == "cancelled":
            ctx.rows.record(
                "meeting",
                _created(ctx, plan.day),
                plan.day,
                **_base(s, number, plan.day),
                status=MeetingStatus.CANCELLED,
                cancel_reason=ctx.rng.choice(phrases.MEETING_CANCEL),
            )
        elif plan.outcome == "future":
            scheduled = _future(ctx, s, plan, number, deck) or scheduled
        else:
            _held(ctx, s, plan, number, deck)
    return scheduled


def _created(ctx: Ctx, day: date) -> date:
    return max(ctx.created, min(ctx.today, day - days(ctx.rng.randint(15, 40))))


def _base(s: Series, number: int, planned: date) -> dict[str, object]:
    return {
        "kind": s.kind,
        "level": s.level,
        "union_unit_id": s.union.id,
        "partner_unit_id": s.partner.id,
        "partner_name": s.partner.name,
        "series_number": number,
        "planned_on": planned,
        "place": s.place,
    }


def _future(ctx: Ctx, s: Series, plan: Plan, number: int, deck: _Deck) -> int | None:
    rng = ctx.rng
    notified = (plan.day - ctx.today).days <= NOTIFIED_WITHIN
    meeting_id = ctx.rows.record(
        "meeting",
        _created(ctx, plan.day),
        ctx.today - days(rng.randint(0, 5)),
        **_base(s, number, plan.day),
        chair=s.partner.head,
        status=MeetingStatus.NOTIFIED if notified else MeetingStatus.PLANNED,
        reconvene_of_id=plan.original.meeting_id if plan.original else None,
    )
    if s.kind == MeetingKind.GOVERNMENT_UNION and s.area == "county":
        _working_groups(ctx, s, meeting_id)
    if s.area == "enterprise" and rng.random() < 0.5:
        return None
    topic_id = None
    for position, theme in enumerate(deck.deal((1, 2, 3)), start=1):
        topic_id = prepared_topic(ctx, s, theme, TopicStatus.SCHEDULED, plan.day)
        ctx.rows.add("agenda_entry", meeting_id=meeting_id, topic_id=topic_id, position=position)
    return topic_id


def _held(ctx: Ctx, s: Series, plan: Plan, number: int, deck: _Deck) -> None:
    rng = ctx.rng
    held = plan.day
    head_attends = rng.random() < HEAD_ATTENDS.get(s.area, 0.85)
    chair = (
        s.union.head
        if s.area == "industry"
        else (s.partner.head if head_attends else s.partner.deputy)
    )
    minutes_on = None
    if held <= ctx.today - days(MINUTES_AFTER) and rng.random() < MINUTES_SHARE[s.area]:
        minutes_on = held + days(rng.randint(3, MINUTES_AFTER))
    formality = plan.outcome == "formality"
    flagged_on = ctx.clamp(held + days(rng.randint(10, 20)))
    meeting_id = ctx.rows.record(
        "meeting",
        _created(ctx, held),
        max(minutes_on or held, flagged_on if formality else held),
        **_base(s, number, held - days(rng.choice((0, 0, 0, 1, 2, 7)))),
        held_on=held,
        chair=chair,
        minutes_issued_on=minutes_on,
        status=MeetingStatus.MINUTES_ISSUED if minutes_on else MeetingStatus.HELD,
        formality_flag=formality,
        formality_reason=rng.choice(phrases.FORMALITY) if formality else "",
        reconvene_of_id=plan.original.meeting_id if plan.original else None,
    )
    plan.meeting_id = meeting_id
    if formality:
        ctx.formality.add((s.union.id, held.year))
    else:
        ctx.held[(s.union.id, held.year)] += 1
    if s.kind == MeetingKind.GOVERNMENT_UNION and s.area == "county":
        _working_groups(ctx, s, meeting_id)
    attendees = _participants(ctx, s, meeting_id, head_attends, plan.original is not None)
    agenda = []
    sequence = 0
    for position, theme in enumerate(deck.deal(TOPIC_COUNTS[s.area]), start=1):
        topic_id = prepared_topic(ctx, s, theme, TopicStatus.DECIDED, held)
        count = 0 if formality else rng.choice(ITEMS_PER_TOPIC[s.area])
        if formality:
            decision = FORMALITY_DECISION
        elif count or rng.random() < PASSED_WITHOUT_ITEM:
            decision = theme.decision
        else:  # nothing to carry out: the meeting deferred the topic, or now and then refused it
            decision = phrases.REFUSED if rng.random() < 0.1 else rng.choice(phrases.DEFERRED)
        ctx.rows.add(
            "agenda_entry",
            meeting_id=meeting_id,
            topic_id=topic_id,
            position=position,
            decision=decision,
        )
        agenda.append((theme.title, decision))
        for _ in range(count):
            sequence += 1
            add_item(ctx, s, meeting_id, held, topic_id, theme, sequence)
    row = ctx.rows.row("meeting", meeting_id)
    row["minutes_text"] = phrases.minutes_text(
        union=s.union.name,
        attendees=[a for a in attendees if a != chair][:6],
        agenda=agenda,
    )
    if minutes_on:
        ctx.minutes.append((s.minutes_prefix, row))


def _participants(
    ctx: Ctx, s: Series, meeting_id: int, head_attends: bool, reconvened: bool
) -> list[str]:
    """出席/请假/列席 with unit and title; returns who attended, for the minutes."""
    rng = ctx.rng
    attended: list[str] = []

    def add(name: str, unit_id: int, unit_name: str, title: str, role: AttendanceRole) -> None:
        reason = rng.choice(phrases.ABSENCE) if role == AttendanceRole.ABSENT else ""
        ctx.rows.add(
            "meeting_participant",
            meeting_id=meeting_id,
            name=name,
            unit_id=unit_id,
            unit_name=unit_name,
            title=title,
            role=role,
            absence_reason=reason,
        )
        if role == AttendanceRole.ATTENDED:
            attended.append(name)

    p, u = s.partner, s.union
    role = AttendanceRole.ATTENDED if head_attends else AttendanceRole.ABSENT
    add(p.head, p.id, p.name, p.head_title, role)
    if not head_attends or rng.random() < 0.5:
        add(p.deputy, p.id, p.name, p.deputy_title, AttendanceRole.ATTENDED)
    add(u.head, u.id, u.name, u.head_title, AttendanceRole.ATTENDED)
    if rng.random() < 0.7:
        add(u.deputy, u.id, u.name, u.deputy_title, AttendanceRole.ATTENDED)
    if s.area in ("county", "party"):
        for d in rng.sample(s.delegates, min(len(s.delegates), rng.randint(2, 5))):
            if rng.random() < 0.85:
                add(d.head, d.id, d.name, d.head_title, AttendanceRole.ATTENDED)
            else:
                add(d.head, d.id, d.name, d.head_title, AttendanceRole.ABSENT)
                add(d.deputy, d.id, d.name, d.deputy_title, AttendanceRole.ATTENDED)
    elif s.area == "township":
        # The county sends someone to a re-convened meeting, and now and then to others.
        if reconvened or rng.random() < 0.3:
            for d in s.delegates:
                add(d.deputy, d.id, d.name, d.deputy_title, AttendanceRole.SAT_IN)
    else:
        for _ in range(rng.randint(2, 3)):
            add(names.person(rng), u.id, u.name, "职工代表", AttendanceRole.ATTENDED)
    return attended


def _working_groups(ctx: Ctx, s: Series, meeting_id: int) -> None:
    rng = ctx.rng
    for kind in Group:
        leader = f"{s.union.deputy}（{s.union.name}{s.union.deputy_title}）"
        if kind == Group.SUPERVISION:  # joint with the government
            leader += f"、{s.partner.deputy}（{s.partner.deputy_title}）"
        members = "、".join(names.person(rng) for _ in range(rng.randint(2, 4)))
        ctx.rows.add(
            "working_group",
            meeting_id=meeting_id,
            kind=kind,
            members=f"{phrases.WORKING_GROUPS[kind]}组长：{leader}；成员：{members}",
        )
