"""Worker suggestions by every channel, adopted into topics at the real Binhai proportions."""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from datetime import date

from desktop.demo import names, phrases
from desktop.demo.context import Ctx, Series, TopicEntry, UnitRef
from desktop.demo.rows import days
from desktop.demo.texts import THEMES_BY_AREA
from desktop.demo.topics import POOL_LEVEL
from desktop.models.enums import Channel, Level, SuggestionStatus, TopicSource

S = SuggestionStatus
CHANNELS = {
    Channel.WECHAT: 34,
    Channel.SMS: 14,
    Channel.EMAIL: 10,
    Channel.LETTER: 8,
    Channel.VISIT: 12,
    Channel.HOTLINE: 14,
    Channel.FORUM: 8,
}
# Binhai, one year: 478 messages; adopted by the county union 147, by township governments
# 116, by enterprise administrations 213 — nearly all of them adopted.
LEVELS = {Level.COUNTY: 147, Level.TOWNSHIP: 116, Level.ENTERPRISE: 213}
OUTCOMES = {S.ADOPTED: 93, S.FORWARDED: 2.5, S.REPLIED: 2, S.NOT_ADOPTED: 2.5}
AREA_OF_LEVEL = {Level.COUNTY: "county", Level.TOWNSHIP: "township", Level.ENTERPRISE: "enterprise"}
RECENT_DAYS = 21  # suggestions this recent are mostly still waiting for a decision
ANONYMOUS_SHARE = 0.15
ADOPT_WINDOW = (60, 90)  # a suggestion feeds a topic made up to 60 days before or 90 after
# How soon a union tells the worker what became of a suggestion: each union has its own habit,
# a typical delay in days drawn from this range, and a small share it never answers.
TYPICAL_REPLY_DAYS = (6, 45)
NEVER_ANSWERED = (0.0, 0.02)
# Once the agreed item that answers an adopted suggestion is closed, the worker is told within
# days (the final reply, 办结答复): the dashboard's 待答复 holds only the latest closes.
FINAL_REPLY_DAYS = (2, 12)


@dataclass(frozen=True)
class ReplyHabit:
    typical_days: int
    never: float

    def delay(self, rng: random.Random) -> int | None:
        """Days until the worker hears back, or None if nobody ever tells them."""
        if rng.random() < self.never:
            return None
        return max(2, round(rng.lognormvariate(0, 0.5) * self.typical_days))


class _Pool:
    """One level's topics by creation date, to adopt a suggestion into one made near it."""

    def __init__(self, entries: list[TopicEntry]) -> None:
        self.entries = sorted(entries, key=lambda e: (e.created_on, e.topic_id))
        self.dates = [e.created_on for e in self.entries]

    def near(self, ctx: Ctx, received: date) -> TopicEntry:
        lo = bisect.bisect_left(self.dates, received - days(ADOPT_WINDOW[0]))
        hi = bisect.bisect_right(self.dates, received + days(ADOPT_WINDOW[1]))
        if lo >= hi:
            lo = max(0, min(lo, len(self.entries) - 1))
            hi = lo + 1
        return self.entries[ctx.rng.randrange(lo, hi)]


def suggestions(
    ctx: Ctx, district: int, series: list[Series], per_year: int, forward_to: list[UnitRef]
) -> None:
    """About `per_year` suggestions a year received in one district (county or township)."""
    rng = ctx.rng
    pools = {
        level: _Pool(entries) for level in LEVELS if (entries := ctx.topics.get((district, level)))
    }
    receivers: dict[Level, list[UnitRef]] = {level: [] for level in pools}
    for s in series:
        level = POOL_LEVEL[s.area]
        if level in receivers and s.area != "party":
            receivers[level].append(s.union)
    levels = tuple(pools)
    weights = tuple(LEVELS[level] for level in levels)
    habits: dict[int, ReplyHabit] = {}
    first = ctx.start
    while first <= ctx.today and levels:
        last = min(ctx.today, date(first.year, 12, 31))
        count = round(per_year * ((last - first).days + 1) / 365)
        for received in sorted(ctx.between(first, last) for _ in range(count)):
            level = rng.choices(levels, weights)[0]
            _suggestion(ctx, received, level, pools[level], receivers[level], forward_to, habits)
        first = date(first.year + 1, 1, 1)


def _suggestion(
    ctx: Ctx,
    received: date,
    level: Level,
    pool: _Pool,
    receivers: list[UnitRef],
    forward_to: list[UnitRef],
    habits: dict[int, ReplyHabit],
) -> None:
    rng = ctx.rng
    if received > ctx.today - days(RECENT_DAYS):
        status = S.REGISTERED if rng.random() < 0.85 else S.REPLIED
    else:
        status = rng.choices(tuple(OUTCOMES), tuple(OUTCOMES.values()))[0]
    values: dict[str, object] = {}
    if status == S.ADOPTED:
        entry = pool.near(ctx, received)
        theme, receiver_id = entry.theme, entry.union_id
        values["topic_id"] = entry.topic_id
        if level != Level.COUNTY:  # a township or enterprise topic made from workers' words
            ctx.rows.row("topic", entry.topic_id)["source"] = TopicSource.SUGGESTION
    else:
        theme = rng.choice(THEMES_BY_AREA[AREA_OF_LEVEL[level]])
        receiver_id = rng.choice(receivers).id
    reply = phrases.REPLY_ADOPTED if status == S.ADOPTED else phrases.REPLY_ONLY
    if status == S.FORWARDED:
        to = rng.choice(forward_to)
        values["forwarded_to_unit_id"] = to.id
        reply = phrases.REPLY_FORWARDED.format(unit=to.name)
    elif status == S.NOT_ADOPTED:
        values["not_adopted_reason"] = reason = rng.choice(phrases.NOT_ADOPTED)
        reply = phrases.REPLY_NOT_ADOPTED.format(reason=reason.rstrip("。"))
    replied = None
    if status == S.REPLIED:  # answered at once, with nothing else to do
        replied = ctx.clamp(received + days(rng.randint(1, 7)))
    elif status != S.REGISTERED:  # decided: the worker is told, by the union's own habit
        habit = habits.get(receiver_id)
        if habit is None:
            habit = habits[receiver_id] = ReplyHabit(
                rng.randint(*TYPICAL_REPLY_DAYS), rng.uniform(*NEVER_ANSWERED)
            )
        wait = habit.delay(rng)
        if wait is not None and received + days(wait) <= ctx.today:
            replied = received + days(wait)
    closed = ctx.topic_closed.get(entry.topic_id) if status == S.ADOPTED else None
    if replied and closed is not None and replied < closed:
        # The item that answers it was closed: the worker is owed a final reply until told.
        final = closed + days(rng.randint(*FINAL_REPLY_DAYS))
        if final <= ctx.today:
            replied, reply = final, phrases.REPLY_DONE
    if replied:
        values["reply_text"] = reply
        values["replied_on"] = replied
    anonymous = rng.random() < ANONYMOUS_SHARE
    ctx.rows.record(
        "suggestion",
        received,
        replied or ctx.clamp(received + days(rng.randint(0, 7))),
        channel=rng.choices(tuple(CHANNELS), tuple(CHANNELS.values()))[0],
        received_on=received,
        receiving_unit_id=receiver_id,
        anonymous=anonymous,
        submitter_name="" if anonymous else names.person(rng),
        submitter_phone="" if anonymous else names.mobile(rng),
        content=rng.choice(theme.suggestions),
        target_level=level,
        status=status,
        **values,
    )
