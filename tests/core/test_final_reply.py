"""The worker hears back again when the agreed item that answers the suggestion is closed, and
the 答复函 is drafted from the records."""

from __future__ import annotations

from datetime import date

from desktop.core.dashboard import dashboard_counts, dashboard_entries
from desktop.core.items import complete_item, get_item
from desktop.core.replies import final_reply_due, reply_letter
from desktop.core.suggestions import (
    SuggestionInput,
    adopt_suggestion,
    register_suggestion,
    reply_to_worker,
)
from desktop.models.enums import Channel, Level
from desktop.reports.replies import build_reply_letter, reply_letter_story
from tests.conftest import County
from tests.core.helpers import assigned_item

TODAY = date(2026, 12, 5)


def _adopted(c: County, *, anonymous: bool = False) -> tuple[int, int]:
    """(suggestion, item): a suggestion adopted into the topic an assigned item was decided on."""
    item = assigned_item(c)
    topic = c.run(get_item, item).topic_id
    suggestion = c.run(
        register_suggestion,
        SuggestionInput(
            channel=Channel.WECHAT,
            received_on=date(2026, 3, 1),
            content="建议把劳动竞赛奖金列入政府年度奖励基金",
            target_level=Level.COUNTY,
            receiving_unit_id=c.federation,
            anonymous=anonymous,
            submitter_name="王建国",
        ),
    ).id
    c.run(adopt_suggestion, suggestion, topic_id=topic)
    return suggestion, item


def _waiting(c: County) -> list[int]:
    return [e.id for e in c.run(dashboard_entries, TODAY).suggestions_waiting_for_reply]


def test_closing_the_item_owes_the_worker_a_final_reply(county: County) -> None:
    suggestion, item = _adopted(county)
    county.run(reply_to_worker, suggestion, "您的建议已列入联席会议议题。", date(2026, 3, 25))
    assert county.run(final_reply_due, suggestion) is None
    assert _waiting(county) == []
    county.run(complete_item, item, on=date(2026, 5, 20), note="已列入")
    assert county.run(final_reply_due, suggestion) == date(2026, 5, 20)
    assert _waiting(county) == [suggestion]
    assert county.run(dashboard_counts, TODAY).suggestions_waiting_for_reply == 1
    # A reply on the day of closing or later is the final one.
    county.run(reply_to_worker, suggestion, "奖金已列入年度奖励基金。", date(2026, 5, 20))
    assert county.run(final_reply_due, suggestion) is None
    assert _waiting(county) == []


def test_a_suggestion_never_answered_stays_waiting_through_the_close(county: County) -> None:
    suggestion, item = _adopted(county)
    assert _waiting(county) == [suggestion]
    county.run(complete_item, item, on=date(2026, 5, 20), note="已列入")
    assert _waiting(county) == [suggestion]  # once, not twice
    assert county.run(dashboard_counts, TODAY).suggestions_waiting_for_reply == 1


def test_the_reply_letter_is_drafted_from_the_records(county: County) -> None:
    suggestion, item = _adopted(county)
    letter = county.run(reply_letter, suggestion, TODAY)
    assert (letter.worker, letter.channel, letter.final) == ("王建国", "通过微信", False)
    assert letter.office == "滨海县总工会" and letter.dated == TODAY
    assert [(i.lead_unit, i.state, i.closed_on) for i in letter.items] == [
        ("县人社局", "已交办", None)
    ]
    county.run(complete_item, item, on=date(2026, 5, 20), note="已列入")
    county.run(reply_to_worker, suggestion, "奖金已列入年度奖励基金", date(2026, 5, 25))
    letter = county.run(reply_letter, suggestion, TODAY)
    assert letter.final and letter.dated == date(2026, 5, 25)
    assert letter.items[0].closed_on == date(2026, 5, 20)
    story = reply_letter_story(letter)
    text = "".join(str(e) for e in story.elements)
    assert story.title == "关于职工建议办理情况的答复函"
    assert "王建国同志" in text and "2026年3月1日通过微信提出的建议" in text
    assert "2026年5月20日办结" in text and "奖金已列入年度奖励基金。" in text
    assert build_reply_letter(letter).startswith(b"%PDF")


def test_an_anonymous_worker_is_addressed_without_a_name(county: County) -> None:
    suggestion, _ = _adopted(county, anonymous=True)
    letter = county.run(reply_letter, suggestion, TODAY)
    assert letter.worker == ""
    text = "".join(str(e) for e in reply_letter_story(letter).elements)
    assert "职工同志：" in text and "王建国" not in text
