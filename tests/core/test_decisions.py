"""A decision per topic (通过 / 原则通过 / 暂缓 / 不予通过), and the 走过场 check that reads it."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import meetings
from desktop.core.decisions import Outcome, read_decision, write_decision
from desktop.core.errors import InvalidInput
from desktop.core.formalism import formalism_checks
from desktop.messages import message
from tests.conftest import County
from tests.core.helpers import held_meeting


@pytest.mark.parametrize(
    ("outcome", "text", "stored"),
    [
        (Outcome.PASSED, "同意设立劳动竞赛奖励基金", "通过：同意设立劳动竞赛奖励基金"),
        (Outcome.IN_PRINCIPLE, "资金来源另行研究", "原则通过：资金来源另行研究"),
        (Outcome.DEFERRED, "待上级明确政策后再议", "暂缓：待上级明确政策后再议"),
        (Outcome.REJECTED, "超出企业现有条件", "不予通过：超出企业现有条件"),
        (Outcome.PASSED, "", "通过"),
        (None, "会议进行了讨论", "会议进行了讨论"),
    ],
)
def test_an_outcome_is_written_and_read_back(
    outcome: Outcome | None, text: str, stored: str
) -> None:
    assert write_decision(outcome, text) == stored
    assert read_decision(stored).outcome == (outcome if stored != "会议进行了讨论" else None)
    assert read_decision(stored).text == text


def test_a_deferral_or_refusal_says_why_and_unknown_outcomes_are_refused() -> None:
    for outcome in (Outcome.DEFERRED, "rejected"):
        with pytest.raises(InvalidInput) as refused:
            write_decision(outcome, "  ")
        assert (refused.value.code, refused.value.field) == ("decision_needs_reason", "decision")
        assert message(refused.value.code, refused.value.fields).startswith("议题")
    with pytest.raises(InvalidInput) as refused:
        write_decision("maybe", "再说")
    assert refused.value.code == "bad_outcome"
    # Text that merely starts like an outcome word is not one.
    assert read_decision("通过调研，会议认为……").outcome is None


def test_a_meeting_that_deferred_every_topic_is_not_held_for_form(county: County) -> None:
    meeting, topic = held_meeting(county)  # held 2026-04-01 with one topic and no item

    def flagged() -> bool:
        checks = county.run(formalism_checks, date(2026, 12, 5))
        return any(f.check == "meeting_without_items" and f.record_id == meeting for f in checks)

    assert flagged()
    county.run(meetings.record_decision, meeting, topic, "待财政预算明确后再议", Outcome.DEFERRED)
    shown = county.run(meetings.get_meeting, meeting)
    assert shown.agenda[0].decision == "暂缓：待财政预算明确后再议"
    assert not flagged()
    # Passed with nothing set to carry it out: talk without an outcome.
    county.run(meetings.record_decision, meeting, topic, "同意", "passed")
    assert flagged()
