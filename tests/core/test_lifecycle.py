"""The rules of each lifecycle step, through the core API, with the refusals a clerk would meet."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.core import items, meetings, suggestions, supervision, topics, units
from desktop.core.errors import DomainError, IllegalTransition, InvalidInput
from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.models import ItemEvent, Meeting, Suggestion
from desktop.models.enums import (
    Channel,
    ItemStatus,
    Level,
    MeetingStatus,
    NoticeKind,
    SuggestionStatus,
    TopicSource,
    TopicStatus,
    UnitKind,
)
from tests.conftest import County
from tests.core.helpers import (
    MEETING_DAY,
    assigned_item,
    held_meeting,
    planned_meeting,
    vetted_topic,
)


def test_whole_cycle_from_suggestion_to_verification(county: County) -> None:
    c = county
    s = c.run(
        suggestions.register_suggestion,
        suggestions.SuggestionInput(
            Channel.WECHAT,
            date(2026, 3, 1),
            "建议把劳动竞赛奖金列入政府年度奖励基金",
            Level.COUNTY,
            c.federation,
        ),
    )
    s = c.run(suggestions.adopt_suggestion, s.id, new_topic_title="劳动竞赛奖金列入奖励基金")
    assert s.status == SuggestionStatus.ADOPTED and s.topic_id is not None
    topic_id = s.topic_id
    t = c.run(topics.add_research_visit, topic_id, visited_on=date(2026, 3, 5), place="开发区")
    assert t.status == TopicStatus.RESEARCHING
    c.run(topics.vet_topic, topic_id, on=date(2026, 3, 10), conclusion="提交联席会议")
    t = c.run(
        topics.add_consultation,
        topic_id,
        department_unit_id=c.finance,
        on=date(2026, 3, 12),
        opinion="同意列入预算",
        agrees=True,
    )
    assert t.status == TopicStatus.CONSULTED and t.consultations[0].department_name == "县财政局"
    meeting = planned_meeting(c)
    c.run(meetings.schedule_topic, meeting, topic_id)
    m = c.run(meetings.hold_meeting, meeting, MEETING_DAY)
    assert m.status == MeetingStatus.HELD
    assert c.run(topics.get_topic, topic_id).status == TopicStatus.DECIDED
    item = c.run(
        items.create_item,
        items.ItemInput(
            meeting,
            "奖金列入年度奖励基金",
            topic_id=topic_id,
            lead_unit_id=c.finance,
            cooperating_unit_ids=(c.hrss,),
            deadline=date(2026, 6, 30),
        ),
    )
    c.run(items.assign_item, item.id, date(2026, 4, 2))
    c.run(
        items.report_progress,
        item.id,
        items.FeedbackInput(
            date(2026, 5, 10),
            "已列入预算草案",
            60,
            figures=(items.FigureInput("奖金", 200000, "元"),),
        ),
    )
    c.run(items.complete_item, item.id, on=date(2026, 6, 20))
    done = c.run(items.verify_item, item.id, on=date(2026, 6, 25), note="经核实已落实")
    assert done.status == ItemStatus.VERIFIED
    assert done.cooperating_unit_names == ("县人社局",)
    assert done.feedback[0].figures[0].number == 200000
    assert [e.action for e in done.timeline] == ["assign", "report_progress", "complete", "verify"]
    minutes = c.run(
        meetings.issue_minutes, meeting, minutes_text="纪要", issued_on=date(2026, 4, 5)
    )
    assert minutes.minutes_number == "滨工联纪〔2026〕1号"


def test_meeting_cannot_be_held_without_date_or_topic(county: County) -> None:
    meeting = planned_meeting(county)
    with pytest.raises(DomainError) as err:
        county.run(meetings.hold_meeting, meeting, MEETING_DAY)
    assert err.value.code == "meeting_without_topics"
    county.run(meetings.schedule_topic, meeting, vetted_topic(county))
    with pytest.raises(InvalidInput) as err2:
        county.run(meetings.hold_meeting, meeting, None)
    assert err2.value.field == "held_on"


def test_topic_cannot_be_scheduled_before_vetting(county: County) -> None:
    meeting = planned_meeting(county)
    t = county.run(
        topics.create_topic, topics.TopicInput("未审定议题", TopicSource.OTHER, county.federation)
    )
    with pytest.raises(DomainError) as err:
        county.run(meetings.schedule_topic, meeting, t.id)
    assert err.value.code == "topic_not_vetted"
    assert county.run(meetings.get_meeting, meeting).agenda == ()


def test_item_needs_lead_unit_and_deadline_not_before_meeting(county: County) -> None:
    c = county
    meeting, _ = held_meeting(c)
    with pytest.raises(InvalidInput) as err:
        c.run(
            items.create_item,
            items.ItemInput(meeting, "事项", lead_unit_id=c.hrss, deadline=date(2026, 3, 31)),
        )
    assert err.value.code == "deadline_before_meeting"
    draft = c.run(items.create_item, items.ItemInput(meeting, "事项"))
    with pytest.raises(InvalidInput) as err2:
        c.run(items.assign_item, draft.id, date(2026, 4, 2))
    assert err2.value.field == "lead_unit_id"
    assert c.run(items.get_item, draft.id).status == ItemStatus.DRAFTED


def test_refusals_need_reasons(county: County) -> None:
    c = county
    s = c.run(
        suggestions.register_suggestion,
        suggestions.SuggestionInput(Channel.LETTER, date(2026, 3, 1), "建议", Level.COUNTY),
    )
    with pytest.raises(InvalidInput) as err:
        c.run(suggestions.reject_suggestion, s.id, "  ")
    assert err.value.field == "reason"
    t = vetted_topic(c)
    with pytest.raises(InvalidInput):
        c.run(topics.reject_topic, t, "")
    assert c.run(topics.get_topic, t).status == TopicStatus.VETTED


def test_unit_cannot_be_its_own_parent_or_ancestor(county: County) -> None:
    c = county
    child = c.run(
        units.create_unit,
        units.UnitInput(
            "八滩镇某企业工会", UnitKind.ENTERPRISE_UNION, Level.ENTERPRISE, c.township_union
        ),
    )
    own = units.UnitInput("八滩镇工会", UnitKind.TOWNSHIP_UNION, Level.TOWNSHIP, c.township_union)
    with pytest.raises(InvalidInput) as err:
        c.run(units.update_unit, c.township_union, own)
    assert err.value.code == "own_parent"
    loop = units.UnitInput("八滩镇工会", UnitKind.TOWNSHIP_UNION, Level.TOWNSHIP, child.id)
    with pytest.raises(InvalidInput) as err2:
        c.run(units.update_unit, c.township_union, loop)
    assert err2.value.code == "parent_cycle"


def test_anonymous_suggestion_keeps_no_personal_data(county: County) -> None:
    s = county.run(
        suggestions.register_suggestion,
        suggestions.SuggestionInput(
            Channel.SMS,
            date(2026, 3, 1),
            "建议",
            Level.TOWNSHIP,
            anonymous=True,
            submitter_name="张三",
            submitter_phone="13900000000",
        ),
    )
    assert (s.submitter_name, s.submitter_phone) == ("", "")


def test_merge_moves_suggestions_to_the_surviving_topic(county: County) -> None:
    c = county
    a, b = vetted_topic(c, "甲"), vetted_topic(c, "乙")
    s = c.run(
        suggestions.register_suggestion,
        suggestions.SuggestionInput(Channel.EMAIL, date(2026, 3, 1), "建议", Level.COUNTY),
    )
    c.run(suggestions.adopt_suggestion, s.id, topic_id=a)
    merged = c.run(topics.merge_topic, a, b)
    assert merged.status == TopicStatus.MERGED and merged.merged_into_id == b
    assert c.run(topics.get_topic, b).suggestion_ids == (s.id,)


def test_formality_flag_orders_a_reconvened_meeting(county: County) -> None:
    c = county
    meeting, _ = held_meeting(c)
    again = c.run(
        meetings.flag_formality, meeting, "会议未研究实质问题", reconvene_by=date(2026, 6, 1)
    )
    assert again.status == MeetingStatus.PLANNED and again.reconvene_of_id == meeting
    assert again.series_number == 2
    flagged = c.run(meetings.get_meeting, meeting)
    assert flagged.formality_flag and flagged.formality_reason == "会议未研究实质问题"
    with pytest.raises(DomainError):
        c.run(meetings.flag_formality, meeting, "再次")


def test_extension_send_back_and_numbered_notices(county: County) -> None:
    c = county
    item = assigned_item(c)
    c.run(
        items.request_extension,
        item,
        new_deadline=date(2026, 8, 31),
        reason="资金未到位",
        on=date(2026, 6, 1),
    )
    dto = c.run(items.approve_extension, item, on=date(2026, 6, 3))
    assert dto.deadline == date(2026, 8, 31) and dto.status == ItemStatus.IN_PROGRESS
    with pytest.raises(InvalidInput):
        c.run(
            items.request_extension,
            item,
            new_deadline=date(2026, 8, 1),
            reason="再延",
            on=date(2026, 7, 1),
        )
    c.run(items.complete_item, item, on=date(2026, 7, 1))
    back = c.run(items.send_back_item, item, on=date(2026, 7, 2), reason="未见实效")
    assert back.status == ItemStatus.IN_PROGRESS and back.completed_on is None
    first = c.run(
        supervision.issue_notice,
        supervision.NoticeInput(NoticeKind.REMINDER, c.hrss, (item,), date(2026, 7, 3)),
    )
    second = c.run(
        supervision.issue_notice,
        supervision.NoticeInput(NoticeKind.REMINDER, c.hrss, (item,), date(2026, 7, 10)),
    )
    assert (first.number, second.number) == ("滨工联催〔2026〕1号", "滨工联催〔2026〕2号")
    with pytest.raises(InvalidInput) as err:
        c.run(
            supervision.issue_notice,
            supervision.NoticeInput(
                NoticeKind.RECTIFICATION, c.hrss, (item,), date(2026, 7, 10), problem="进展缓慢"
            ),
        )
    assert err.value.field == "rectify_deadline"
    with c.db.unit_of_work() as s:
        actions = s.scalars(select(ItemEvent.action).where(ItemEvent.item_id == item)).all()
    assert actions.count("notice_reminder") == 2


def test_failed_action_leaves_the_database_as_it_was(county: County) -> None:
    c = county
    meeting, _ = held_meeting(c)
    with c.db.unit_of_work() as s:
        before = s.scalar(select(func.count()).select_from(Meeting))
    with pytest.raises(IllegalTransition):
        c.run(meetings.notify_meeting, meeting)
    with c.db.unit_of_work() as s:
        assert s.scalar(select(func.count()).select_from(Meeting)) == before
        assert s.get(Meeting, meeting).status == MeetingStatus.HELD  # type: ignore[union-attr]


def test_establishment_rules(county: County) -> None:
    c = county
    with pytest.raises(InvalidInput) as err:
        c.run(
            create_establishment,
            EstablishmentInput(
                c.township_union, "八滩镇人民政府", Level.TOWNSHIP, established=True
            ),
        )
    assert err.value.field == "established_on"
    with pytest.raises(InvalidInput) as err2:
        c.run(
            create_establishment,
            EstablishmentInput(c.township_union, "八滩镇人民政府", Level.TOWNSHIP),
        )
    assert err2.value.field == "reason_not_established"
    est = c.run(
        create_establishment,
        EstablishmentInput(
            c.township_union,
            "八滩镇人民政府",
            Level.TOWNSHIP,
            established=True,
            established_on=date(2012, 5, 1),
            document_title="关于建立镇政府与镇工会联席会议制度的意见",
        ),
    )
    assert est.meetings_per_year == 2


def test_suggestion_reply_date_not_before_receipt(county: County) -> None:
    c = county
    s = c.run(
        suggestions.register_suggestion,
        suggestions.SuggestionInput(Channel.HOTLINE, date(2026, 3, 1), "建议", Level.COUNTY),
    )
    with pytest.raises(InvalidInput):
        c.run(suggestions.reply_to_worker, s.id, "已答复", date(2026, 2, 1))
    with c.db.unit_of_work() as session:
        assert session.get(Suggestion, s.id).reply_text == ""  # type: ignore[union-attr]


def test_every_worker_is_answered_whatever_became_of_the_suggestion(county: County) -> None:
    """Regression: only a registered suggestion counted as waiting for a reply, so an adopted,
    forwarded or declined one whose worker never heard back was counted nowhere."""
    from desktop.core.dashboard import dashboard_counts

    c = county

    def new(text: str) -> int:
        data = suggestions.SuggestionInput(
            Channel.WECHAT, date(2026, 3, 1), text, Level.COUNTY, receiving_unit_id=c.federation
        )
        return int(c.run(suggestions.register_suggestion, data).id)

    waiting, adopted, declined, answered = new("甲"), new("乙"), new("丙"), new("丁")
    c.run(suggestions.adopt_suggestion, adopted, new_topic_title="乙议题")
    c.run(suggestions.reject_suggestion, declined, "诉求超出工会和政府职责范围")
    c.run(suggestions.adopt_suggestion, answered, new_topic_title="丁议题")
    assert c.run(dashboard_counts, date(2026, 4, 1)).suggestions_waiting_for_reply == 4
    # An adopted or declined suggestion can still be answered, and keeps its state.
    for sid in (adopted, declined, answered):
        c.run(suggestions.reply_to_worker, sid, "已答复职工", date(2026, 3, 20))
    assert c.run(suggestions.get_suggestion, adopted).status == SuggestionStatus.ADOPTED
    assert c.run(suggestions.get_suggestion, declined).status == SuggestionStatus.NOT_ADOPTED
    assert c.run(dashboard_counts, date(2026, 4, 1)).suggestions_waiting_for_reply == 1
    assert c.run(suggestions.get_suggestion, waiting).replied_on is None
