"""A hand-made assessment year (2025, with 2024 before it) built through the core API.

八滩镇工会 (T1) with two enterprise unions below it, E1 (established 2025-05-10) and E2 (never
established); 天场镇工会 (T2), not established, with one suggestion left unhandled. The points
each record earns or loses are worked out by hand in tests/core/test_assessment.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.core import items, meetings, suggestions, supervision, topics, units
from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.core.meeting_dto import ParticipantInput
from desktop.models.enums import (
    AttendanceRole,
    Channel,
    Level,
    MeetingKind,
    MentionKind,
    TopicSource,
    UnitKind,
)
from tests.conftest import County
from tests.core.helpers import issued_bulletin

TODAY = date(2026, 3, 1)  # 2025 is over: it is judged on 2025-12-31


@dataclass(frozen=True)
class Records:
    t1: int
    t2: int
    e1: int
    e2: int
    company: int
    ids: dict[str, int]  # record ids by the names the tests use


def _unit(c: County, name: str, kind: UnitKind, level: Level, parent: int | None) -> int:
    return int(c.run(units.create_unit, units.UnitInput(name, kind, level, parent)).id)


def _pair(c: County, union: int, partner: int, name: str, level: Level, on: date | None) -> int:
    data = EstablishmentInput(
        union_unit_id=union,
        partner_name=name,
        level=level,
        partner_unit_id=partner,
        established=on is not None,
        established_on=on,
        reason_not_established="" if on else "尚未发文",
    )
    return int(c.run(create_establishment, data).id)


def held(
    c: County,
    union: int,
    partner: int,
    level: Level,
    on: date,
    *,
    people: bool = True,
    minutes: bool = True,
) -> int:
    kind = (
        MeetingKind.ENTERPRISE_UNION if level == Level.ENTERPRISE else MeetingKind.GOVERNMENT_UNION
    )
    m = c.run(
        meetings.create_meeting,
        meetings.MeetingInput(kind, level, union, "对方", partner_unit_id=partner),
    ).id
    t = c.run(topics.create_topic, topics.TopicInput(f"议题{on}", TopicSource.RESEARCH, union)).id
    c.run(topics.vet_topic, t, on=on - timedelta(days=10), conclusion="提交联席会议")
    c.run(meetings.schedule_topic, m, t)
    c.run(meetings.hold_meeting, m, on)
    if people:
        who = ParticipantInput("王明", AttendanceRole.ATTENDED, title="镇长")
        c.run(meetings.set_participants, m, [who])
    if minutes:
        c.run(meetings.issue_minutes, m, minutes_text="会议纪要。", issued_on=on + timedelta(5))
    return int(m)


def item(
    c: County,
    meeting: int,
    lead: int,
    deadline: date,
    assigned: date,
    feedback: tuple[date, ...] = (),
    done: date | None = None,
) -> int:
    i = c.run(
        items.create_item,
        items.ItemInput(meeting, f"事项{deadline}", lead_unit_id=lead, deadline=deadline),
    ).id
    c.run(items.assign_item, i, assigned)
    for on in feedback:
        c.run(items.report_progress, i, items.FeedbackInput(on, "正在推进", 50))
    if done is not None:
        c.run(items.complete_item, i, on=done)
    return int(i)


def monthly(start: date, end: date, days: int = 30) -> tuple[date, ...]:
    out, on = [], start + timedelta(days)
    while on <= end:
        out.append(on)
        on += timedelta(days)
    return tuple(out)


def _suggestion(c: County, union: int, on: date) -> int:
    data = suggestions.SuggestionInput(
        Channel.WECHAT, on, "建议增加职工通勤班车", Level.TOWNSHIP, receiving_unit_id=union
    )
    return int(c.run(suggestions.register_suggestion, data).id)


def build(c: County) -> Records:
    t1, tg1 = c.township_union, c.township_government
    t2 = _unit(c, "天场镇工会", UnitKind.TOWNSHIP_UNION, Level.TOWNSHIP, c.federation)
    tg2 = _unit(c, "天场镇人民政府", UnitKind.GOVERNMENT, Level.TOWNSHIP, None)
    company = _unit(c, "滨海瑞达公司", UnitKind.ENTERPRISE, Level.ENTERPRISE, tg1)
    other = _unit(c, "滨海华新公司", UnitKind.ENTERPRISE, Level.ENTERPRISE, tg1)
    e1 = _unit(c, "滨海瑞达公司工会", UnitKind.ENTERPRISE_UNION, Level.ENTERPRISE, t1)
    e2 = _unit(c, "滨海华新公司工会", UnitKind.ENTERPRISE_UNION, Level.ENTERPRISE, t1)
    ids = {
        "p_t1": _pair(c, t1, tg1, "八滩镇人民政府", Level.TOWNSHIP, date(2020, 3, 1)),
        "p_e1": _pair(c, e1, company, "滨海瑞达公司", Level.ENTERPRISE, date(2025, 5, 10)),
        "p_e2": _pair(c, e2, other, "滨海华新公司", Level.ENTERPRISE, None),
        "p_t2": _pair(c, t2, tg2, "天场镇人民政府", Level.TOWNSHIP, None),
    }
    # 2024: T1 meets twice, with nothing to follow up.
    held(c, t1, tg1, Level.TOWNSHIP, date(2024, 5, 1))
    held(c, t1, tg1, Level.TOWNSHIP, date(2024, 10, 1))
    # 2025: T1's first-half meeting decides four items.
    ids["m1"] = m1 = held(c, t1, tg1, Level.TOWNSHIP, date(2025, 3, 15))
    hrss, assigned = c.hrss, date(2025, 3, 16)
    feedback_i1 = (date(2025, 4, 10), date(2025, 5, 10), date(2025, 6, 5))
    ids["i1"] = item(c, m1, hrss, date(2025, 6, 30), assigned, feedback_i1, date(2025, 6, 20))
    ids["i2"] = item(
        c, m1, hrss, date(2025, 9, 30), assigned, (date(2025, 4, 10),), date(2025, 10, 20)
    )
    ids["i3"] = item(
        c, m1, hrss, date(2025, 11, 30), assigned, monthly(assigned, date(2025, 12, 31))
    )
    ids["i4"] = item(c, m1, hrss, date(2026, 3, 31), assigned)
    # The second-half meeting was held only for form, and its minutes never issued.
    ids["m2"] = m2 = held(c, t1, tg1, Level.TOWNSHIP, date(2025, 9, 20), minutes=False)
    c.run(meetings.flag_formality, m2, "议题空泛，未形成实质决定")
    # E1 meets in the second and fourth quarters (its first due quarter is Q2).
    ids["m3"] = m3 = held(c, e1, company, Level.ENTERPRISE, date(2025, 6, 10), people=False)
    ids["i5"] = item(c, m3, company, date(2025, 8, 31), date(2025, 6, 11), (), date(2025, 8, 20))
    ids["m4"] = held(c, e1, company, Level.ENTERPRISE, date(2025, 11, 5))
    # Suggestions: handled, left waiting, too recent to judge; E1's replied; T2's waiting.
    ids["s1"] = _suggestion(c, t1, date(2025, 2, 1))
    c.run(suggestions.adopt_suggestion, ids["s1"], new_topic_title="通勤班车")
    ids["s2"] = _suggestion(c, t1, date(2025, 6, 1))
    ids["s3"] = _suggestion(c, t1, date(2025, 12, 20))
    ids["s4"] = _suggestion(c, e1, date(2025, 7, 1))
    c.run(suggestions.reply_to_worker, ids["s4"], "已转企业行政研究", date(2025, 7, 10))
    ids["s5"] = _suggestion(c, t2, date(2025, 4, 1))
    mention = supervision.MentionInput
    ids["b1"] = c.run(
        issued_bulletin,
        supervision.BulletinInput(
            date(2025, 4, 1),
            date(2025, 6, 30),
            date(2025, 7, 15),
            "督查通报",
            mentions=(mention(t1, MentionKind.CRITICISM, "议定事项推进缓慢"),),
        ),
    ).id
    ids["b2"] = c.run(
        issued_bulletin,
        supervision.BulletinInput(
            date(2025, 7, 1),
            date(2025, 9, 30),
            date(2025, 10, 10),
            "督查通报",
            mentions=(
                mention(t1, MentionKind.COMMENDATION, "整改到位"),
                mention(e1, MentionKind.COMMENDATION, "按季召开"),
            ),
        ),
    ).id
    return Records(t1, t2, e1, e2, company, ids)
