"""Feedback that arrives in a package from the unit doing an item moves our item along."""

from __future__ import annotations

from datetime import date

from desktop.core.items import FeedbackInput, absorb_feedback, report_progress
from desktop.models import AgreedItem, ProgressFeedback
from desktop.models.enums import ItemStatus
from tests.conftest import County
from tests.core.helpers import assigned_item

TOWNSHIP = "6f0c2a53-0000-4000-8000-000000000001"


def _arrive(c: County, item_id: int, on: date, percent: int) -> None:
    """A feedback row as a township's package leaves it: the township's own record."""
    with c.db.unit_of_work() as s:
        item = s.get(AgreedItem, item_id)
        assert item is not None
        s.add(
            ProgressFeedback(
                item_id=item_id,
                reported_on=on,
                reporting_unit_id=item.lead_unit_id,
                text="已完成方案起草，正在征求意见。",
                percent_done=percent,
                origin_office=TOWNSHIP,
            )
        )


def _state(c: County, item_id: int) -> tuple[ItemStatus, int, date | None, int]:
    with c.db.unit_of_work() as s:
        item = s.get(AgreedItem, item_id)
        assert item is not None
        return item.status, item.percent_done, item.last_feedback_on, item.version


def test_arrived_feedback_moves_an_assigned_item(county: County) -> None:
    item_id = assigned_item(county)
    _, _, _, version = _state(county, item_id)
    _arrive(county, item_id, date(2026, 5, 6), 40)
    _arrive(county, item_id, date(2026, 5, 20), 60)
    assert county.run(absorb_feedback, [item_id, item_id]) == 1
    assert _state(county, item_id) == (ItemStatus.IN_PROGRESS, 60, date(2026, 5, 20), version + 1)
    assert county.run(absorb_feedback, [item_id]) == 0  # nothing new: no new version


def test_feedback_entered_here_later_wins(county: County) -> None:
    item_id = assigned_item(county)
    county.run(
        report_progress,
        item_id,
        FeedbackInput(
            reported_on=date(2026, 6, 1), text="县人社局电话反馈：已完成八成。", percent_done=80
        ),
    )
    before = _state(county, item_id)
    _arrive(county, item_id, date(2026, 5, 20), 60)
    assert county.run(absorb_feedback, [item_id]) == 0
    assert _state(county, item_id) == before


def test_items_of_another_office_are_left_alone(county: County) -> None:
    item_id = assigned_item(county)
    with county.db.unit_of_work() as s:
        item = s.get(AgreedItem, item_id)
        assert item is not None
        item.origin_office = TOWNSHIP
    before = _state(county, item_id)
    _arrive(county, item_id, date(2026, 5, 20), 60)
    assert county.run(absorb_feedback, [item_id]) == 0
    assert _state(county, item_id) == before
