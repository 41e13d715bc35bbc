"""Deleting a record entered by mistake: allowed while nothing builds on it, refused after."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.deletion import CannotDelete, delete_record
from desktop.core.errors import NotFound
from desktop.core.meetings import get_meeting, schedule_topic
from desktop.core.suggestions import SuggestionInput, get_suggestion, register_suggestion
from desktop.core.topics import TopicInput, create_topic
from desktop.models.enums import Channel, Level, TopicSource
from tests.conftest import County
from tests.core.helpers import assigned_item, planned_meeting, vetted_topic


def test_a_suggestion_typed_by_mistake_is_deleted_as_a_tombstone(county: County) -> None:
    made = county.run(
        register_suggestion,
        SuggestionInput(Channel.WECHAT, date(2026, 3, 1), "建议增设职工书屋", Level.COUNTY),
    )
    assert county.run(delete_record, "suggestion", made.id) == made.id
    with pytest.raises(NotFound):
        county.run(get_suggestion, made.id)


def test_a_planned_meeting_goes_but_not_once_it_has_an_agenda(county: County) -> None:
    empty = planned_meeting(county)
    county.run(delete_record, "meeting", empty)
    with pytest.raises(NotFound):
        county.run(get_meeting, empty)
    busy = planned_meeting(county)
    county.run(schedule_topic, busy, vetted_topic(county))
    with pytest.raises(CannotDelete) as refused:
        county.run(delete_record, "meeting", busy)
    assert refused.value.code == "record_in_use"


def test_records_in_progress_and_issued_documents_are_kept(county: County) -> None:
    item = assigned_item(county)
    with pytest.raises(CannotDelete) as refused:
        county.run(delete_record, "item", item)
    assert refused.value.code == "record_in_progress"
    with pytest.raises(CannotDelete) as refused:
        county.run(delete_record, "notice", 1)
    assert refused.value.code == "document_issued"
    with pytest.raises(CannotDelete) as refused:
        county.run(delete_record, "unit", county.hrss)
    assert refused.value.code == "kind_not_deletable"


def test_a_candidate_topic_goes(county: County) -> None:
    topic = county.run(
        create_topic, TopicInput("职工食堂", TopicSource.RESEARCH, county.federation)
    )
    county.run(delete_record, "topic", topic.id)
    with pytest.raises(CannotDelete):
        county.run(delete_record, "topic", vetted_topic(county))
