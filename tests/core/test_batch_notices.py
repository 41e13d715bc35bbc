"""批量催办: one document per lead unit, all or nothing, with the rung's reply period."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.core import items
from desktop.core.batch_notices import issue_batch
from desktop.core.errors import DomainError, InvalidInput
from desktop.core.items import ItemInput, create_item
from desktop.models import SupervisionNotice
from desktop.models.enums import NoticeKind
from tests.conftest import County
from tests.core.helpers import held_meeting


def _item(c: County, lead: int, text: str) -> int:
    meeting, topic = held_meeting(c)
    item = c.run(
        create_item,
        ItemInput(meeting, text, topic_id=topic, lead_unit_id=lead, deadline=date(2026, 9, 30)),
    ).id
    c.run(items.assign_item, item, date(2026, 4, 2))
    return int(item)


def _notices(c: County) -> int:
    return int(c.run(lambda s: s.scalar(select(func.count(SupervisionNotice.id)))))


def test_one_reminder_per_lead_unit_naming_all_its_items(county: County) -> None:
    c = county
    a1, a2 = _item(c, c.hrss, "甲一"), _item(c, c.hrss, "甲二")
    b1 = _item(c, c.finance, "乙一")
    result = c.run(
        issue_batch, NoticeKind.REMINDER, (a1, b1, a2), date(2026, 10, 9), today=date(2026, 10, 9)
    )
    assert [(n.target_unit_id, n.item_ids) for n in result.notices] == [
        (c.hrss, (a1, a2)),
        (c.finance, (b1,)),
    ]
    assert [n.serial for n in result.notices] == [1, 2]
    # Five working days after Friday 9 October 2026, counting Saturday 10 October (a working
    # day made up for the National Day holiday): 15 October.
    assert result.reply_by == date(2026, 10, 15)
    assert all(n.feedback_deadline == date(2026, 10, 15) for n in result.notices)
    assert "2026年10月15日前" in result.notices[0].requirements


def test_a_refusal_for_one_item_refuses_the_whole_batch(county: County) -> None:
    c = county
    good = _item(c, c.hrss, "甲")
    done = _item(c, c.finance, "乙")
    c.run(items.complete_item, done, on=date(2026, 9, 1))
    with pytest.raises(DomainError) as refused:
        c.run(
            issue_batch,
            NoticeKind.REMINDER,
            (good, done),
            date(2026, 10, 9),
            today=date(2026, 10, 9),
        )
    assert refused.value.code == "item_not_open"
    assert _notices(c) == 0


def test_a_rectification_order_is_never_issued_in_a_batch(county: County) -> None:
    item = _item(county, county.hrss, "甲")
    with pytest.raises(InvalidInput) as refused:
        county.run(issue_batch, NoticeKind.RECTIFICATION, (item,), date(2026, 10, 9))
    assert refused.value.code == "not_batchable"


def test_a_reply_deadline_past_the_holiday_calendar_is_marked_estimated(county: County) -> None:
    c = county

    def remind(unit: int, text: str, on: date) -> tuple[date, bool]:
        done = c.run(issue_batch, NoticeKind.REMINDER, (_item(c, unit, text),), on, today=on)
        return done.reply_by, done.estimated

    assert remind(c.hrss, "甲", date(2026, 12, 1)) == (date(2026, 12, 8), False)
    # Five working days after Monday 28 December 2026 run into 2027, whose holidays the
    # calendar does not hold: weekends alone give 4 January 2027, and it says so.
    assert remind(c.finance, "乙", date(2026, 12, 28)) == (date(2027, 1, 4), True)
