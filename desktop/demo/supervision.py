"""Supervision by the local office: numbered notices on open items, bulletins, doc counters."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from desktop.core.numbering import format_number
from desktop.core.scope import may_be_proposed
from desktop.core.settings import SupervisionSettings
from desktop.demo import ladder, phrases
from desktop.demo.context import Ctx, ItemTrack, Series
from desktop.demo.rows import days
from desktop.models.enums import (
    BulletinStatus,
    ItemStatus,
    Level,
    MentionKind,
    NoticeKind,
    UnitKind,
)

K = NoticeKind
# Per unit, the (issue day, deadline) of its rectification orders: no criticism meanwhile.
Rectifying = dict[int, list[tuple[date, date]]]
BULLETIN_DAYS = ((4, 10), (7, 10), (10, 10), (12, 28))  # (month, day) of issues 1–4
# Binhai's year: 4 bulletins naming 27 units commended and 8 criticised. Issues 1–3 name a few
# on their items (as core.bulletin_stats proposes); the year-end issue names the rest on how
# regularly each union met, up to the year's totals.
ANNUAL_MENTIONS = {MentionKind.COMMENDATION: 27, MentionKind.CRITICISM: 8}
QUARTER_MENTIONS = {MentionKind.COMMENDATION: 6, MentionKind.CRITICISM: 2}
# Criticised when an item is this many calendar days late at the period's end (about the
# default 20 working days of SupervisionSettings.criticism_after_workdays).
LATE_DAYS = SupervisionSettings().criticism_after_workdays * 7 // 5
# Why a unit is named: for its items (issues 1–3, and the year-end issue's fill), or for how
# its joint meetings were run (the year-end issue).
ITEM_REASONS = {
    MentionKind.COMMENDATION: ("议定事项按期办结，职工满意度高",),
    MentionKind.CRITICISM: ("议定事项落实不到位，逾期未办结",),
}
MEETING_REASONS = {
    MentionKind.COMMENDATION: ("召开联席会议制度化、规范化，议定事项落实到位",),
    MentionKind.CRITICISM: ("联席会议召开不正常", "联席会议图形式、走过场"),
}


@dataclass
class _Notice:
    kind: NoticeKind
    issued: date
    items: list[ItemTrack] = field(default_factory=list)
    problem: str = ""


def supervise(ctx: Ctx, series: list[Series]) -> None:
    """Notices, bulletins and the document counters that let numbering carry on after them."""
    counters: dict[tuple[str, int], int] = defaultdict(int)
    rectifying = _notices(ctx, counters)
    _bulletins(ctx, series, counters, rectifying)
    _number_minutes(ctx, counters)
    for (kind, year), last in sorted(counters.items()):
        ctx.rows.add("doc_counter", series=kind, year=year, last_number=last)


def _notices(ctx: Ctx, counters: dict[tuple[str, int], int]) -> Rectifying:
    """The documents of the ladder on every late item the office supervises, one per unit, rung
    and day; the lay-off rectification order; and the units' answers. Returns the windows of
    the rectification orders, in which their units are not criticised."""
    rng = ctx.rng
    grouped: dict[tuple[NoticeKind, date, int], _Notice] = {}
    named = _nameable(ctx)
    for item in ctx.items:
        if not item.supervised or item.lead.id not in named:
            continue
        for rung in ladder.climb(rng, item, ctx.today):
            key = (rung.kind, rung.issued, item.lead.id)  # one notice covers the unit's items
            grouped.setdefault(key, _Notice(rung.kind, rung.issued, problem=phrases.RECTIFY_WEAK))
            grouped[key].items.append(item)
    notices = list(grouped.values())
    layoffs = [i for i in ctx.items if i.layoff and (i.open_until or ctx.today) > i.assigned_on]
    if layoffs:
        item = rng.choice(layoffs)
        day = ctx.between(item.assigned_on + days(1), item.open_until or ctx.today)
        notices.append(_Notice(K.RECTIFICATION, day, [item], phrases.RECTIFY_LAYOFF))
    notices.sort(key=lambda n: (n.issued, list(K).index(n.kind), n.items[0].id))
    answers = ladder.Answers(ctx)
    rectifying: Rectifying = defaultdict(list)
    for n in notices:
        counters[(str(n.kind), n.issued.year)] += 1
        serial = counters[(str(n.kind), n.issued.year)]
        number = format_number(ctx.doc_prefix, str(n.kind), n.issued.year, serial)
        answer_by, rectify_by = _write_notice(ctx, n, serial, number)
        if rectify_by is not None:
            rectifying[n.items[0].lead.id].append((n.issued, rectify_by))
        for item in n.items:
            answers.answer(item, n.kind, n.issued, answer_by)
    return rectifying


def _write_notice(ctx: Ctx, n: _Notice, serial: int, number: str) -> tuple[date, date | None]:
    """The notice and its lines on the items' timelines; returns the day it asks a reply by
    and a rectification order's deadline."""
    rng = ctx.rng
    answer_by = n.issued + days(rng.randint(*ladder.ANSWER_WITHIN))
    rectify_by = n.issued + days(ladder.RECTIFY_DAYS) if n.kind == K.RECTIFICATION else None
    result = ""
    if rectify_by is not None and rectify_by < ctx.today:
        if n.problem == phrases.RECTIFY_LAYOFF:
            result = phrases.RECTIFY_LAYOFF_RESULT
        elif all(i.completed_on is not None and i.completed_on <= rectify_by for i in n.items):
            result = phrases.RECTIFY_RESULT  # carried out; otherwise the order failed
    template = phrases.NOTICE_REQUIREMENTS[n.kind]
    notice_id = ctx.rows.record(
        "supervision_notice",
        n.issued,
        rectify_by if result and rectify_by else n.issued,
        kind=n.kind,
        number=number,
        year=n.issued.year,
        serial=serial,
        issued_on=n.issued,
        target_unit_id=n.items[0].lead.id,
        requirements=template.format(d=phrases.day_text(answer_by)),
        feedback_deadline=answer_by,
        problem=n.problem if rectify_by else "",
        rectify_deadline=rectify_by,
        result=result,
    )
    for item in n.items:
        ctx.rows.add("notice_item", notice_id=notice_id, item_id=item.id)
        ctx.rows.record(
            "item_event",
            n.issued,
            n.issued,
            item_id=item.id,
            at=ctx.rows.row("supervision_notice", notice_id)["created_at"],
            on_date=n.issued,
            actor=ctx.clerk,
            action=f"notice_{n.kind}",
            document_number=number,
        )
    return answer_by, rectify_by


def _nameable(ctx: Ctx) -> set[int]:
    """Units the office may send documents to and name in bulletins (core's rule): not
    itself, no party committee, no government of its own level or above."""
    office_level = Level(ctx.rows.row("unit", ctx.office_unit.id)["level"])
    return {
        row["id"]
        for row in ctx.rows.tables["unit"].rows
        if may_be_proposed(
            UnitKind(row["kind"]),
            Level(row["level"]),
            office_level=office_level,
            is_office=row["id"] == ctx.office_unit.id,
        )
    }


def _bulletins(
    ctx: Ctx, series: list[Series], counters: dict[tuple[str, int], int], rectifying: Rectifying
) -> None:
    watched = [s for s in series if s.area in ("township", "enterprise", "industry")]
    watched = [s for s in watched if s.established_on and s.union.id != ctx.office_unit.id]
    named = _nameable(ctx)
    for year in range(ctx.start.year, ctx.today.year + 1):
        period_start = date(year, 1, 1)
        so_far: dict[MentionKind, set[int]] = defaultdict(set)
        for issue, (month, day) in enumerate(BULLETIN_DAYS, start=1):
            issued = date(year, month, day)
            if issued > ctx.today:
                break
            period_end = issued - days(10 if issue < 4 else 0)
            if period_end < ctx.start:  # before the office kept its records here
                period_start = period_end + days(1)
                continue
            bulletin_id = _bulletin(ctx, year, issue, issued, period_start, period_end)
            mentions = _on_items(ctx, named, period_start, period_end)
            # The year-end issue completes the year's lists when the whole year is on record.
            limits = dict(QUARTER_MENTIONS)
            annual = issue == 4 and ctx.start <= date(year, 1, 1)
            on_meetings: dict[MentionKind, list[int]] = defaultdict(list)
            if annual:
                on_meetings = _annual(ctx, watched, year)
                for kind, total in ANNUAL_MENTIONS.items():
                    limits[kind] = max(0, total - len(so_far[kind]))
                    mentions[kind] = on_meetings[kind] + mentions[kind]

            # Criticism first: a unit is never both commended and criticised in one issue.
            blame, praise = MentionKind.CRITICISM, MentionKind.COMMENDATION
            again = so_far if annual else defaultdict(set)
            # Never while a unit's rectification order runs: the ladder waits for its deadline.
            busy = {u for u, spans in rectifying.items() if any(a <= issued <= b for a, b in spans)}
            criticised = _pick(mentions[blame], named - again[blame] - busy, limits[blame])
            commended = _pick(
                mentions[praise], named - again[praise] - set(criticised), limits[praise]
            )
            mentions = {praise: commended, blame: criticised}
            for kind, unit_ids in mentions.items():
                for unit_id in unit_ids:
                    so_far[kind].add(unit_id)
                    reasons = MEETING_REASONS if unit_id in on_meetings[kind] else ITEM_REASONS
                    ctx.rows.add(
                        "bulletin_mention",
                        bulletin_id=bulletin_id,
                        unit_id=unit_id,
                        kind=kind,
                        reason=ctx.rng.choice(reasons[kind]),
                    )
            counters[("bulletin", year)] = issue
            period_start = period_end + days(1)


def _pick(candidates: list[int], allowed: set[int], limit: int) -> list[int]:
    """The first `limit` distinct candidates that are allowed, in order."""
    return [u for u in dict.fromkeys(candidates) if u in allowed][:limit]


def _bulletin(
    ctx: Ctx, year: int, issue: int, issued: date, period_start: date, period_end: date
) -> int:
    return ctx.rows.record(
        "bulletin",
        issued,
        issued,
        status=BulletinStatus.ISSUED,
        number=format_number(ctx.doc_prefix, "bulletin", year, issue),
        year=year,
        issue_no=issue,
        issued_on=issued,
        period_start=period_start,
        period_end=period_end,
        title=f"督查通报（{year}年第{issue}期）",
        # The figures are the bulletin's own (core.bulletin_stats), stated under this lead-in.
        content=f"{phrases.day_text(period_start)}至{phrases.day_text(period_end)}，"
        "督查组对各级联席会议议定事项落实情况进行了督查。现将有关情况通报如下：",
    )


def _done_by(item: ItemTrack, day: date) -> bool:
    return item.completed_on is not None and item.completed_on <= day


def _overdue_at(item: ItemTrack, day: date) -> bool:
    """Open at `day` past its deadline (cancelled items have left supervision)."""
    return (
        item.status != ItemStatus.CANCELLED
        and item.assigned_on <= day
        and item.deadline < day
        and not _done_by(item, day)
    )


def _on_items(ctx: Ctx, named: set[int], start: date, end: date) -> dict[MentionKind, list[int]]:
    """As core.bulletin_stats proposes: commended when every item due in the period was done
    on time and none is overdue, the most such items first; criticised when an item is late
    beyond the threshold at the period's end, the latest first."""
    due: dict[int, list[ItemTrack]] = defaultdict(list)
    worst: dict[int, int] = {}
    for item in ctx.items:
        if not item.supervised or item.lead.id not in named:
            continue
        if item.status != ItemStatus.CANCELLED and start <= item.deadline <= end:
            due[item.lead.id].append(item)
        if _overdue_at(item, end):
            late = (end - item.deadline).days
            worst[item.lead.id] = max(worst.get(item.lead.id, 0), late)
    on_time = {
        unit: len(items)
        for unit, items in due.items()
        if unit not in worst
        and all(i.completed_on is not None and i.completed_on <= i.deadline for i in items)
    }
    return {
        MentionKind.COMMENDATION: sorted(on_time, key=lambda u: (-on_time[u], u)),
        MentionKind.CRITICISM: sorted(
            (u for u, late in worst.items() if late > LATE_DAYS), key=lambda u: (-worst[u], u)
        ),
    }


def _annual(ctx: Ctx, watched: list[Series], year: int) -> dict[MentionKind, list[int]]:
    """Units whose meetings kept to the rule are commended; irregular ones criticised."""
    kept, broke = [], []
    for s in watched:
        held = ctx.held.get((s.union.id, year), 0)
        if (s.union.id, year) in ctx.formality or held < s.per_year // 2:
            broke.append(s.union.id)
        elif held >= s.per_year:
            kept.append(s.union.id)
    ctx.rng.shuffle(kept)
    ctx.rng.shuffle(broke)
    return {MentionKind.COMMENDATION: kept, MentionKind.CRITICISM: broke}


def _number_minutes(ctx: Ctx, counters: dict[tuple[str, int], int]) -> None:
    """Minutes numbers per issuing body and year, in the order they were issued."""
    serials: dict[tuple[str, int], int] = defaultdict(int)
    for prefix, row in sorted(ctx.minutes, key=lambda m: (m[1]["minutes_issued_on"], m[1]["id"])):
        year = row["minutes_issued_on"].year
        serials[(prefix, year)] += 1
        row["minutes_number"] = format_number(prefix, "minutes", year, serials[(prefix, year)])
        if prefix == ctx.doc_prefix:
            counters[("minutes", year)] = serials[(prefix, year)]
