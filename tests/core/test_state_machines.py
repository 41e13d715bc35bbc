"""Every action of every state machine, tried from every state through the real core functions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from desktop.core import items, meetings, suggestions, topics
from desktop.core.errors import DomainError
from desktop.core.states import ITEM, MEETING, SUGGESTION, TOPIC, StateMachine
from desktop.models import AgreedItem, Meeting, Suggestion, Topic
from desktop.models.enums import (
    Channel,
    ItemStatus,
    Level,
    MeetingStatus,
    SuggestionStatus,
    TopicStatus,
)
from tests.conftest import County
from tests.core.helpers import held_meeting, planned_meeting, vetted_topic

ON = date(2026, 5, 1)
# The legal states are written out from the domain rules, not read from the tables under test.
I, T, S, M = ItemStatus, TopicStatus, SuggestionStatus, MeetingStatus  # noqa: E741
WORKING = {I.ASSIGNED, I.IN_PROGRESS}
REFUSALS = {"illegal_transition", "topic_not_vetted", "topic_on_agenda", "agenda_closed"}


def _force(c: County, model: Any, record_id: int, state: Any) -> None:
    with c.db.unit_of_work() as s:
        s.execute(update(model).where(model.id == record_id).values(status=state))


def _outcome(c: County, call: Callable[[Session], Any]) -> str:
    """'ok' or the refusal code; the transaction of a refused call is rolled back."""
    try:
        with c.db.unit_of_work() as s:
            call(s)
    except DomainError as exc:
        assert exc.code in REFUSALS, f"unexpected refusal {exc.code} {exc.fields}"
        return exc.code
    return "ok"


def _check_all(
    c: County,
    machine: StateMachine,
    states: type,
    make: Callable[[], int],
    model: Any,
    actions: dict[str, tuple[Callable[[Session, int], Any], set[Any]]],
) -> None:
    wrong = []
    assert set(actions) >= set(machine.table) - {"decide", "unschedule", "reply"}
    for action, (call, allowed) in actions.items():
        for state in states:
            record = make()
            _force(c, model, record, state)
            got = _outcome(c, lambda s, r=record, call=call: call(s, r))
            expected_ok = state in allowed
            if (got == "ok") != expected_ok:
                wrong.append(f"{action} from {state}: got {got}, expected ok={expected_ok}")
    assert not wrong, "\n".join(wrong)


def test_agreed_item_machine(county: County) -> None:
    c = county
    meeting, topic = held_meeting(c)
    deadline = date(2026, 6, 30)

    def make() -> int:
        dto = c.run(
            items.create_item,
            items.ItemInput(
                meeting, "事项", topic_id=topic, lead_unit_id=c.hrss, deadline=deadline
            ),
        )
        return int(dto.id)

    feedback = items.FeedbackInput(reported_on=ON, text="已推进", percent_done=50)
    later = deadline + timedelta(days=30)
    _check_all(
        c,
        ITEM,
        ItemStatus,
        make,
        AgreedItem,
        {
            "assign": (lambda s, i: items.assign_item(s, i, ON), {I.DRAFTED}),
            "report_progress": (lambda s, i: items.report_progress(s, i, feedback), WORKING),
            "request_extension": (
                lambda s, i: items.request_extension(
                    s, i, new_deadline=later, reason="资金未到位", on=ON
                ),
                WORKING,
            ),
            "approve_extension": (
                lambda s, i: items.approve_extension(s, i, on=ON, new_deadline=later),
                {I.EXTENSION_REQUESTED},
            ),
            "refuse_extension": (
                lambda s, i: items.refuse_extension(s, i, on=ON, reason="理由不足"),
                {I.EXTENSION_REQUESTED},
            ),
            "complete": (lambda s, i: items.complete_item(s, i, on=ON), WORKING),
            "send_back": (
                lambda s, i: items.send_back_item(s, i, on=ON, reason="未见成效"),
                {I.COMPLETED},
            ),
            "verify": (lambda s, i: items.verify_item(s, i, on=ON), {I.COMPLETED}),
            "cancel": (
                lambda s, i: items.cancel_item(s, i, on=ON, reason="情况变化"),
                WORKING | {I.DRAFTED, I.EXTENSION_REQUESTED},
            ),
        },
    )


def test_topic_machine(county: County) -> None:
    c = county
    meeting = planned_meeting(c)
    open_target = vetted_topic(c, "合并目标议题")

    def make() -> int:
        return vetted_topic(c, "议题")

    open_states = {T.CANDIDATE, T.RESEARCHING, T.VETTED, T.CONSULTED}
    _check_all(
        c,
        TOPIC,
        TopicStatus,
        make,
        Topic,
        {
            # A further research visit is welcome while researching.
            "start_research": (
                lambda s, t: topics.add_research_visit(s, t, visited_on=ON, place="开发区企业"),
                {T.CANDIDATE, T.RESEARCHING},
            ),
            "vet": (
                lambda s, t: topics.vet_topic(s, t, on=ON, conclusion="同意"),
                {T.CANDIDATE, T.RESEARCHING},
            ),
            # Further departments may be consulted once the first has been.
            "mark_consulted": (
                lambda s, t: topics.add_consultation(
                    s, t, department_unit_id=c.hrss, on=ON, opinion="同意", agrees=True
                ),
                {T.VETTED, T.CONSULTED},
            ),
            "schedule": (
                lambda s, t: meetings.schedule_topic(s, meeting, t),
                {T.VETTED, T.CONSULTED},
            ),
            # A scheduled topic must first leave the agenda before it is deferred.
            "defer": (lambda s, t: topics.defer_topic(s, t, "条件尚不成熟"), open_states),
            "reopen": (lambda s, t: topics.reopen_topic(s, t), {T.DEFERRED}),
            "reject": (lambda s, t: topics.reject_topic(s, t, "不属于联席会议范围"), open_states),
            "merge": (lambda s, t: topics.merge_topic(s, t, open_target), open_states),
        },
    )


def test_suggestion_machine(county: County) -> None:
    c = county
    topic = vetted_topic(c)

    def make() -> int:
        dto = c.run(
            suggestions.register_suggestion,
            suggestions.SuggestionInput(Channel.WECHAT, ON, "建议", Level.COUNTY, c.federation),
        )
        return int(dto.id)

    _check_all(
        c,
        SUGGESTION,
        SuggestionStatus,
        make,
        Suggestion,
        {
            "adopt": (
                lambda s, i: suggestions.adopt_suggestion(s, i, topic_id=topic),
                {S.REGISTERED, S.NOT_ADOPTED},
            ),
            "forward": (
                lambda s, i: suggestions.forward_suggestion(s, i, c.township_union),
                {S.REGISTERED},
            ),
            "reject": (
                lambda s, i: suggestions.reject_suggestion(s, i, "不属于工会职责"),
                {S.REGISTERED},
            ),
            "reopen": (
                lambda s, i: suggestions.reopen_suggestion(s, i),
                {S.FORWARDED, S.REPLIED, S.NOT_ADOPTED},
            ),
        },
    )


def test_meeting_machine(county: County) -> None:
    c = county

    def make() -> int:
        meeting = planned_meeting(c)
        c.run(meetings.schedule_topic, meeting, vetted_topic(c))
        c.run(meetings.save_minutes_text, meeting, "会议纪要正文")
        return meeting

    _check_all(
        c,
        MEETING,
        MeetingStatus,
        make,
        Meeting,
        {
            "notify": (lambda s, m: meetings.notify_meeting(s, m), {M.PLANNED}),
            "hold": (lambda s, m: meetings.hold_meeting(s, m, ON), {M.PLANNED, M.NOTIFIED}),
            "issue_minutes": (lambda s, m: meetings.issue_minutes(s, m, issued_on=ON), {M.HELD}),
            "cancel": (
                lambda s, m: meetings.cancel_meeting(s, m, "主要领导出差"),
                {M.PLANNED, M.NOTIFIED},
            ),
        },
    )


def test_allowed_actions_match_the_table() -> None:
    assert ITEM.allowed(ItemStatus.DRAFTED) == ("assign", "cancel")
    assert ITEM.allowed(ItemStatus.VERIFIED) == ()
    assert TOPIC.allowed(TopicStatus.SCHEDULED) == ("unschedule", "decide", "defer")
    assert MEETING.allowed(MeetingStatus.MINUTES_ISSUED) == ()
