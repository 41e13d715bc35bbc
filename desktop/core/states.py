"""The lifecycle state machines as explicit transition tables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from desktop.core.errors import IllegalTransition
from desktop.models.enums import (
    BulletinStatus,
    ItemStatus,
    MeetingStatus,
    SuggestionStatus,
    TopicStatus,
)


@dataclass(frozen=True)
class Transition:
    sources: frozenset[StrEnum]
    target: StrEnum


class StateMachine:
    """A named table of actions: each action is allowed from some states and leads to one state."""

    def __init__(self, name: str, table: Mapping[str, tuple[set[StrEnum], StrEnum]]) -> None:
        self.name = name
        self.table = {
            action: Transition(frozenset(sources), target)
            for action, (sources, target) in table.items()
        }

    def allowed(self, state: StrEnum) -> tuple[str, ...]:
        """The actions that may be taken from `state`, in table order."""
        return tuple(a for a, t in self.table.items() if state in t.sources)

    def reachable(self, source: str, target: str) -> bool:
        """Whether some sequence of actions (perhaps none) leads from `source` to `target`:
        what another office may have done to a record between two of its packages."""
        seen, frontier = {source}, [source]
        while frontier:
            state = frontier.pop()
            for transition in self.table.values():
                if state in transition.sources and transition.target not in seen:
                    seen.add(transition.target)
                    frontier.append(transition.target)
        return target in seen

    def check_reachable(self, source: str, target: str) -> None:
        """IllegalTransition (`status_unreachable`) unless `target` is reachable from `source`."""
        if not self.reachable(source, target):
            raise IllegalTransition("status_unreachable", machine=self.name, state=target)

    def can(self, action: str, state: StrEnum) -> bool:
        return state in self.table[action].sources

    def target(self, action: str, state: StrEnum) -> StrEnum:
        """The state `action` leads to from `state`; IllegalTransition if it is not allowed."""
        transition = self.table.get(action)
        if transition is None:
            raise KeyError(f"{self.name}: unknown action {action!r}")
        if state not in transition.sources:
            raise IllegalTransition(
                machine=self.name,
                action=action,
                state=str(state),
                allowed_from=sorted(str(s) for s in transition.sources),
            )
        return transition.target


S = SuggestionStatus
SUGGESTION = StateMachine(
    "suggestion",
    {
        "adopt": ({S.REGISTERED, S.NOT_ADOPTED}, S.ADOPTED),
        "forward": ({S.REGISTERED}, S.FORWARDED),
        "reply": ({S.REGISTERED}, S.REPLIED),
        "reject": ({S.REGISTERED}, S.NOT_ADOPTED),
        "reopen": ({S.FORWARDED, S.REPLIED, S.NOT_ADOPTED}, S.REGISTERED),
    },
)

T = TopicStatus
_OPEN_TOPIC = {T.CANDIDATE, T.RESEARCHING, T.VETTED, T.CONSULTED}
TOPIC = StateMachine(
    "topic",
    {
        "start_research": ({T.CANDIDATE}, T.RESEARCHING),
        "vet": ({T.CANDIDATE, T.RESEARCHING}, T.VETTED),
        "mark_consulted": ({T.VETTED}, T.CONSULTED),
        "schedule": ({T.VETTED, T.CONSULTED}, T.SCHEDULED),
        "unschedule": ({T.SCHEDULED}, T.VETTED),
        "decide": ({T.SCHEDULED}, T.DECIDED),
        "defer": (_OPEN_TOPIC | {T.SCHEDULED}, T.DEFERRED),
        "reopen": ({T.DEFERRED}, T.CANDIDATE),
        "reject": (set(_OPEN_TOPIC), T.REJECTED),
        "merge": (set(_OPEN_TOPIC), T.MERGED),
    },
)

M = MeetingStatus
MEETING = StateMachine(
    "meeting",
    {
        "notify": ({M.PLANNED}, M.NOTIFIED),
        "hold": ({M.PLANNED, M.NOTIFIED}, M.HELD),
        "issue_minutes": ({M.HELD}, M.MINUTES_ISSUED),
        "cancel": ({M.PLANNED, M.NOTIFIED}, M.CANCELLED),
    },
)

I = ItemStatus  # noqa: E741 - reads as the table's column header
_WORKING = {I.ASSIGNED, I.IN_PROGRESS}
ITEM = StateMachine(
    "item",
    {
        "assign": ({I.DRAFTED}, I.ASSIGNED),
        "report_progress": (set(_WORKING), I.IN_PROGRESS),
        "request_extension": (set(_WORKING), I.EXTENSION_REQUESTED),
        "approve_extension": ({I.EXTENSION_REQUESTED}, I.IN_PROGRESS),
        "refuse_extension": ({I.EXTENSION_REQUESTED}, I.IN_PROGRESS),
        "complete": (set(_WORKING), I.COMPLETED),
        "send_back": ({I.COMPLETED}, I.IN_PROGRESS),
        "verify": ({I.COMPLETED}, I.VERIFIED),
        "cancel": ({I.DRAFTED, I.EXTENSION_REQUESTED} | _WORKING, I.CANCELLED),
    },
)

B = BulletinStatus
# A bulletin is saved as a draft, submitted for review and issued by a reviewer (who may also
# issue a draft of their own without submitting it to themselves), or sent back to its drafter.
BULLETIN = StateMachine(
    "bulletin",
    {
        "submit_for_review": ({B.DRAFT}, B.SUBMITTED),
        "return_to_draft": ({B.SUBMITTED}, B.DRAFT),
        "issue": ({B.DRAFT, B.SUBMITTED}, B.ISSUED),
    },
)

MACHINES = {m.name: m for m in (SUGGESTION, TOPIC, MEETING, ITEM, BULLETIN)}
