"""The fixed catalogue of assessment rules: one small function per rule, each line traceable.

Points are whole cents inside a rule so that detail lines add up exactly to the indicator.
A scored rule starts from full marks and loses, per failing record, its share of the weight;
`own_share` of the weight goes to the assessed union's own records and the rest to its
child unions' (a township's enterprises); when one side has no records the other takes all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from desktop.core.assessment.facts import ItemFact, UnitFacts
from desktop.core.periods import due_periods
from desktop.models.enums import MentionKind

Fields = dict[str, str | int | float]


@dataclass(frozen=True)
class Detail:
    """One line of the drill-down: a message code with its fields, and the record behind it."""

    code: str
    fields: Fields
    points: float
    kind: str | None  # record kind as `lianxi show` knows it: meeting, item, establishment…
    record_id: int | None


@dataclass(frozen=True)
class Outcome:
    own: bool
    ok: bool
    code: str
    fields: Fields
    kind: str
    record_id: int


@dataclass(frozen=True)
class Param:
    default: float | int | str
    low: float = 0.0
    high: float = 1.0
    choices: tuple[str, ...] = ()
    whole: bool = False  # a count of days, not a fraction or points


RuleFn = Callable[[UnitFacts, int, Mapping[str, Any]], list[Detail]]


@dataclass(frozen=True)
class Rule:
    kind: str  # scored (adds up to the scheme's total), deduction or bonus (capped by weight)
    params: Mapping[str, Param]
    score: RuleFn


def points(cents: int) -> float:
    return cents / 100


def _half_up(value: float) -> int:
    return math.floor(value + 0.5)


def share_out(total: int, count: int) -> list[int]:
    """`total` cents in `count` parts that differ by at most one cent."""
    base, extra = divmod(total, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def _short(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def ratio(weight: int, outcomes: list[Outcome], params: Mapping[str, Any]) -> list[Detail]:
    """Full marks, less each failing outcome's share of its side (own or children)."""
    if not outcomes:
        if params["if_empty"] == AS_THE_REST:  # points filled in by `as_the_rest`
            return [Detail(AS_THE_REST_CODE, {}, 0.0, None, None)]
        full = params["if_empty"] == "full"
        code = "score_nothing_due" if full else "score_nothing_recorded"
        return [Detail(code, {}, points(weight if full else 0), None, None)]
    own = [o for o in outcomes if o.own]
    children = [o for o in outcomes if not o.own]
    own_part = weight if not children else 0 if not own else _half_up(weight * params["own_share"])
    lines = [Detail("score_full", {"weight": points(weight)}, points(weight), None, None)]
    for group, part in ((own, own_part), (children, weight - own_part)):
        failed = [o for o in group if not o.ok]
        if not failed:
            continue
        lost = _half_up(part * len(failed) / len(group))
        for o, cents in zip(failed, share_out(lost, len(failed)), strict=True):
            lines.append(Detail(o.code, o.fields, -points(cents), o.kind, o.record_id))
    return lines


def is_as_the_rest(details: Sequence[Detail]) -> bool:
    """The details of a scored indicator with nothing to judge that scores as the rest do."""
    return len(details) == 1 and details[0].code == AS_THE_REST_CODE


def as_the_rest(weight: int, earned: float, judged: float) -> Detail:
    """An indicator with nothing to judge, given the share of points the unit earned on the
    scored indicators that had something (`earned` of `judged` points): neither a reward for
    having nothing due nor a penalty for it."""
    share = earned / judged if judged > 0 else 0.0
    cents = _half_up(weight * max(0.0, min(1.0, share)))
    return Detail(AS_THE_REST_CODE, {"share": round(share * 100, 1)}, points(cents), None, None)


def capped(
    weight: int, per: float, lines: list[tuple[str, Fields, str, int]], sign: int
) -> list[Detail]:
    """`per` points for each record until the weight (the cap) is used up."""
    left, result = weight, []
    for code, fields, kind, record_id in lines:
        cents = min(_half_up(per * 100), left)
        left -= cents
        result.append(Detail(code, fields, sign * points(cents), kind, record_id))
    return result


def establishment(f: UnitFacts, weight: int, p: Mapping[str, Any]) -> list[Detail]:
    """Each pair established by the year's end."""
    return ratio(
        weight,
        [
            Outcome(
                pair.own,
                pair.established_on is not None,
                "not_established",
                {"union": pair.union_name, "partner": pair.partner_name},
                "establishment",
                pair.id,
            )
            for pair in f.pairs
        ],
        p,
    )


def _missed(union: str, index: int, per_year: int) -> tuple[str, Fields]:
    if per_year == 4:
        return "missed_quarter", {"union": union, "period": index}
    if per_year == 2:
        return ("missed_first_half" if index == 1 else "missed_second_half"), {"union": union}
    if per_year == 1:
        return "missed_year", {"union": union}
    return "missed_period", {"union": union, "period": index, "per_year": per_year}


def meeting_frequency(f: UnitFacts, weight: int, p: Mapping[str, Any]) -> list[Detail]:
    """Each period the pair's rule requires (ended by the judging day) had a real meeting."""
    outcomes = []
    for pair in f.pairs:
        for index, start, end in due_periods(pair.per_year, pair.established_on, f.year, f.as_of):
            code, fields = _missed(pair.union_name, index, pair.per_year)
            held = any(start <= d <= end for d in pair.convened_on)
            outcomes.append(Outcome(pair.own, held, code, fields, "establishment", pair.id))
    return ratio(weight, outcomes, p)


def _due(f: UnitFacts) -> list[ItemFact]:
    start = date(f.year, 1, 1)
    return [i for i in f.items if i.deadline is not None and start <= i.deadline <= f.as_of]


def item_completion(f: UnitFacts, weight: int, p: Mapping[str, Any]) -> list[Detail]:
    """Each item due in the year is done by the judging day."""
    outcomes = [
        Outcome(
            i.own,
            i.done_on is not None,
            "item_not_done",
            {"text": _short(i.text), "deadline": str(i.deadline)},
            "item",
            i.id,
        )
        for i in _due(f)
    ]
    return ratio(weight, outcomes, p)


def item_on_time(f: UnitFacts, weight: int, p: Mapping[str, Any]) -> list[Detail]:
    """Each item due in the year was done by its deadline."""
    outcomes = []
    for i in _due(f):
        fields: Fields = {"text": _short(i.text), "deadline": str(i.deadline)}
        if i.done_on is not None:
            fields["completed_on"] = str(i.done_on)
        on_time = i.done_on is not None and i.deadline is not None and i.done_on <= i.deadline
        code = "item_late" if i.done_on is not None else "item_open_late"
        outcomes.append(Outcome(i.own, on_time, code, fields, "item", i.id))
    return ratio(weight, outcomes, p)


def feedback_timeliness(f: UnitFacts, weight: int, p: Mapping[str, Any]) -> list[Detail]:
    """Each item open during the year never went longer than `max_gap_days` without progress
    feedback (assignment, each feedback and completion are the checkpoints)."""
    start, limit = date(f.year, 1, 1), int(p["max_gap_days"])
    outcomes = []
    for i in f.items:
        if i.assigned_on is None or (i.done_on is not None and i.done_on < start):
            continue
        checkpoints = [i.assigned_on, *i.feedback, i.done_on or f.as_of]
        gaps = [(b - a).days for a, b in pairwise(checkpoints) if b >= start]
        worst = max(gaps, default=0)
        fields: Fields = {"text": _short(i.text), "days": worst}
        outcomes.append(Outcome(i.own, worst <= limit, "feedback_gap", fields, "item", i.id))
    return ratio(weight, outcomes, p)


def suggestion_handling(f: UnitFacts, weight: int, p: Mapping[str, Any]) -> list[Detail]:
    """Each worker suggestion received in the year was answered within `within_days`: the
    worker heard back whatever became of it (adopted, forwarded or declined). One still
    unanswered counts once `within_days` have passed; one answered late counts as late."""
    limit = int(p["within_days"])
    outcomes = []
    for s in f.suggestions:
        waited = ((s.replied_on or f.as_of) - s.received_on).days
        if s.replied_on is None and waited < limit:
            continue  # still inside its reply period
        fields: Fields = {"union": s.union_name, "received_on": str(s.received_on)}
        if s.replied_on is None:
            code = "suggestion_unanswered"
        else:
            code, fields = "suggestion_answered_late", {**fields, "days": waited}
        outcomes.append(Outcome(s.own, waited <= limit, code, fields, "suggestion", s.id))
    return ratio(weight, outcomes, p)


def record_completeness(f: UnitFacts, weight: int, p: Mapping[str, Any]) -> list[Detail]:
    """Each meeting held has its attendance, items with lead unit and deadline, and (once
    `minutes_within_days` have passed) issued minutes; the first gap found is the one named."""
    limit = int(p["minutes_within_days"])
    outcomes = []
    for m in f.meetings:
        fields: Fields = {"union": m.union_name, "held_on": str(m.held_on)}
        if m.participants == 0:
            code = "no_attendance"
        elif m.incomplete_items:
            code, fields = "items_without_lead", {**fields, "count": m.incomplete_items}
        elif not m.minutes_issued and (f.as_of - m.held_on).days >= limit:
            code = "minutes_not_issued"
        else:
            code = ""
        outcomes.append(Outcome(m.own, not code, code, fields, "meeting", m.id))
    return ratio(weight, outcomes, p)


def formality_deduction(f: UnitFacts, weight: int, p: Mapping[str, Any]) -> list[Detail]:
    """`per_meeting` points off for each meeting found held only for form (走过场)."""
    flagged: list[tuple[str, Fields, str, int]] = [
        ("held_for_form", {"union": m.union_name, "held_on": str(m.held_on)}, "meeting", m.id)
        for m in f.meetings
        if m.formality
    ]
    return capped(weight, float(p["per_meeting"]), flagged, -1)


def _mentions(f: UnitFacts, kind: MentionKind, code: str) -> list[tuple[str, Fields, str, int]]:
    return [
        (code, {"union": m.union_name, "bulletin": m.bulletin_number}, "bulletin", m.bulletin_id)
        for m in f.mentions
        if m.kind == kind
    ]


def criticism_deduction(f: UnitFacts, weight: int, p: Mapping[str, Any]) -> list[Detail]:
    """`per_mention` points off for each circulated criticism (通报批评) in the year."""
    lines = _mentions(f, MentionKind.CRITICISM, "criticised_in_bulletin")
    return capped(weight, float(p["per_mention"]), lines, -1)


def commendation_bonus(f: UnitFacts, weight: int, p: Mapping[str, Any]) -> list[Detail]:
    """`per_mention` bonus points for each commendation (通报表扬) in the year."""
    lines = _mentions(f, MentionKind.COMMENDATION, "commended_in_bulletin")
    return capped(weight, float(p["per_mention"]), lines, 1)


AS_THE_REST = "as_the_rest"
AS_THE_REST_CODE = "score_as_the_rest"
OWN_SHARE = Param(0.5)
# No system, no meetings, no records: nothing to earn with.
ZERO_WHEN_EMPTY = Param("zero", choices=("full", "zero", AS_THE_REST))
# Nothing due (no items, no suggestions): scored at the unit's rate on the other indicators.
REST_WHEN_EMPTY = Param(AS_THE_REST, choices=("full", "zero", AS_THE_REST))


def _days(default: int) -> Param:
    return Param(default, 1, 366, whole=True)


def _per(default: float) -> Param:
    return Param(default, 0.01, 100)


RULES: Mapping[str, Rule] = {
    "establishment": Rule(
        "scored", {"own_share": OWN_SHARE, "if_empty": ZERO_WHEN_EMPTY}, establishment
    ),
    "meeting_frequency": Rule(
        "scored", {"own_share": OWN_SHARE, "if_empty": ZERO_WHEN_EMPTY}, meeting_frequency
    ),
    "item_completion": Rule(
        "scored", {"own_share": OWN_SHARE, "if_empty": REST_WHEN_EMPTY}, item_completion
    ),
    "item_on_time": Rule(
        "scored", {"own_share": OWN_SHARE, "if_empty": REST_WHEN_EMPTY}, item_on_time
    ),
    "feedback_timeliness": Rule(
        "scored",
        {"own_share": OWN_SHARE, "if_empty": REST_WHEN_EMPTY, "max_gap_days": _days(30)},
        feedback_timeliness,
    ),
    "suggestion_handling": Rule(
        "scored",
        {"own_share": OWN_SHARE, "if_empty": REST_WHEN_EMPTY, "within_days": _days(30)},
        suggestion_handling,
    ),
    "record_completeness": Rule(
        "scored",
        {"own_share": OWN_SHARE, "if_empty": ZERO_WHEN_EMPTY, "minutes_within_days": _days(30)},
        record_completeness,
    ),
    "formality_deduction": Rule("deduction", {"per_meeting": _per(2)}, formality_deduction),
    "criticism_deduction": Rule("deduction", {"per_mention": _per(3)}, criticism_deduction),
    "commendation_bonus": Rule("bonus", {"per_mention": _per(1)}, commendation_bonus),
}
