"""The meeting's decision on each topic (通过 / 原则通过 / 暂缓 / 不予通过) with its wording.

The outcome is kept at the head of the agenda entry's decision text ("暂缓：待企业经营好转后再议"),
so it reads naturally wherever the text is shown or printed and travels in packages unchanged;
a text without a known head has no recorded outcome (older records, free wording).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.core.errors import InvalidInput

SEPARATOR = "："


class Outcome(StrEnum):
    PASSED = "passed"  # 通过
    IN_PRINCIPLE = "passed_in_principle"  # 原则通过
    DEFERRED = "deferred"  # 暂缓
    REJECTED = "rejected"  # 不予通过


# The words an outcome is written with, at the head of the decision.
WORDS = {
    Outcome.PASSED: "通过",
    Outcome.IN_PRINCIPLE: "原则通过",
    Outcome.DEFERRED: "暂缓",
    Outcome.REJECTED: "不予通过",
}
# Outcomes after which no agreed item is expected from the topic.
NOTHING_TO_DO = frozenset({Outcome.DEFERRED, Outcome.REJECTED})


@dataclass(frozen=True)
class Decision:
    outcome: Outcome | None
    text: str  # the wording after the outcome


def read_decision(stored: str) -> Decision:
    """The outcome and wording of a stored decision text."""
    head, _, rest = stored.partition(SEPARATOR)
    for outcome, words in WORDS.items():
        if head == words:
            return Decision(outcome, rest)
    return Decision(None, stored)


def write_decision(outcome: Outcome | str | None, text: str) -> str:
    """The stored form of a decision; an outcome needs no wording, a deferral or refusal
    should say why (the editors ask for it)."""
    text = text.strip()
    if outcome is None or outcome == "":
        return text
    try:
        chosen = Outcome(outcome)
    except ValueError:
        raise InvalidInput(
            "bad_outcome", field="outcome", known="、".join(WORDS.values())
        ) from None
    if chosen in NOTHING_TO_DO and not text:
        raise InvalidInput("decision_needs_reason", field="decision", outcome=WORDS[chosen])
    return f"{WORDS[chosen]}{SEPARATOR}{text}" if text else WORDS[chosen]
