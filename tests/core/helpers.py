"""Builders that walk records to a given point of their lifecycle through the core API."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop.core.items import ItemInput, assign_item, create_item
from desktop.core.meetings import MeetingInput, create_meeting, hold_meeting, schedule_topic
from desktop.core.suggestions import SuggestionInput, register_suggestion
from desktop.core.supervision import (
    BulletinDTO,
    BulletinInput,
    issue_bulletin,
    save_bulletin_draft,
)
from desktop.core.topics import TopicInput, create_topic, vet_topic
from desktop.models.enums import Channel, Level, MeetingKind, TopicSource
from tests.conftest import County

MEETING_DAY = date(2026, 4, 1)


def vetted_topic(c: County, title: str = "劳动竞赛奖金列入政府年度奖励基金") -> int:
    topic = c.run(create_topic, TopicInput(title, TopicSource.RESEARCH, c.federation))
    c.run(vet_topic, topic.id, on=date(2026, 3, 20), conclusion="提交联席会议研究")
    return int(topic.id)


def planned_meeting(c: County) -> int:
    dto = c.run(
        create_meeting,
        MeetingInput(
            MeetingKind.GOVERNMENT_UNION,
            Level.COUNTY,
            c.federation,
            "滨海县人民政府",
            partner_unit_id=c.government,
            planned_on=MEETING_DAY,
            place="县政府第一会议室",
        ),
    )
    return int(dto.id)


def held_meeting(c: County) -> tuple[int, int]:
    """(meeting id, topic id) of a meeting held on MEETING_DAY with one topic."""
    meeting = planned_meeting(c)
    topic = vetted_topic(c)
    c.run(schedule_topic, meeting, topic)
    c.run(hold_meeting, meeting, MEETING_DAY)
    return meeting, topic


def assigned_item(c: County, deadline: date = date(2026, 6, 30)) -> int:
    meeting, topic = held_meeting(c)
    item = c.run(
        create_item,
        ItemInput(
            meeting,
            "将劳动竞赛奖金列入政府年度奖励基金",
            topic_id=topic,
            lead_unit_id=c.hrss,
            cooperating_unit_ids=(c.finance,),
            deadline=deadline,
        ),
    )
    c.run(assign_item, item.id, date(2026, 4, 2))
    return int(item.id)


def issued_bulletin(session: Session, data: BulletinInput) -> BulletinDTO:
    """A bulletin drafted and issued by a reviewer at once, on the day the draft names."""
    draft = save_bulletin_draft(session, data)
    return issue_bulletin(session, draft.id, today=data.issued_on)


def worker_suggestion(c: County, phone: str) -> int:
    """A worker's suggestion by hotline, with the worker's name and phone number."""
    made = c.run(
        register_suggestion,
        SuggestionInput(
            Channel.HOTLINE,
            date(2026, 3, 1),
            "建议延长职工食堂供餐时间",
            Level.COUNTY,
            submitter_name="王芳",
            submitter_phone=phone,
        ),
    )
    return int(made.id)
