"""The worker's reply: due again when the agreed item that answers the suggestion is closed, and
the 答复函 (reply letter) drafted from the records.

A suggestion adopted into a topic is answered by the agreed items decided on that topic. When
one of them is closed (办结, verified or not) after the worker's last reply, or before any reply, the worker
is owed a final reply: the suggestion counts as 待答复 again until a reply dated on or after
the close is recorded. This is worked out from the records (nothing is stored), so it holds in
every office that receives the items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, ScalarSelect, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.office import local_office
from desktop.core.records import load
from desktop.models import AgreedItem, Suggestion, Topic, Unit
from desktop.models.enums import Channel, ItemStatus, SuggestionStatus

# 办结: reported done by the lead unit, whether or not verified yet.
CLOSED = (ItemStatus.COMPLETED, ItemStatus.VERIFIED)

# How the letter names the channel the worker used ("您于…通过微信提出").
CHANNEL_WORDS = {
    Channel.WECHAT: "通过微信",
    Channel.SMS: "通过短信",
    Channel.EMAIL: "通过电子邮件",
    Channel.LETTER: "来信",
    Channel.VISIT: "来访",
    Channel.HOTLINE: "通过热线电话",
    Channel.FORUM: "在职工座谈会上",
    Channel.OTHER: "",
}


def _last_close() -> ScalarSelect[date | None]:
    """The latest 办结 date of a live agreed item on the suggestion's topic (a scalar subquery)."""
    return (
        select(func.max(AgreedItem.completed_on))
        .where(
            AgreedItem.topic_id == Suggestion.topic_id,
            AgreedItem.status.in_(CLOSED),
            AgreedItem.deleted_at.is_(None),
        )
        .correlate(Suggestion)
        .scalar_subquery()
    )


def final_reply_due_clause() -> tuple[ColumnElement[bool], ...]:
    """Adopted suggestions whose item was closed after the last reply (or with none yet)."""
    closed = _last_close()
    return (
        Suggestion.deleted_at.is_(None),
        Suggestion.status == SuggestionStatus.ADOPTED,
        closed.is_not(None),
        or_(Suggestion.replied_on.is_(None), Suggestion.replied_on < closed),
    )


def awaiting_any_reply_clause() -> ColumnElement[bool]:
    """Never answered, or owed the final reply since its item closed (the dashboard's 待答复)."""
    return and_(
        Suggestion.deleted_at.is_(None),
        or_(Suggestion.replied_on.is_(None), and_(*final_reply_due_clause())),
    )


def final_reply_due(session: Session, suggestion_id: int) -> date | None:
    """The close date that calls for a final reply to this suggestion's worker, if one does."""
    load(session, Suggestion, suggestion_id, "suggestion")
    return session.scalar(
        select(_last_close()).where(Suggestion.id == suggestion_id, *final_reply_due_clause())
    )


@dataclass(frozen=True)
class ReplyItem:
    """An agreed item decided on the suggestion's topic, as the worker is told of it."""

    text: str
    lead_unit: str
    state: str  # 已办结并验收, 正在办理…
    closed_on: date | None


@dataclass(frozen=True)
class ReplyLetterDoc:
    """答复函: to the worker who made a suggestion, on what became of it."""

    office: str
    worker: str  # empty for an anonymous worker: 职工同志
    received_on: date
    channel: str  # 通过微信, 来信…: how the worker made it
    content: str
    outcome: str  # one sentence on what was done with the suggestion
    reply_text: str
    items: tuple[ReplyItem, ...]
    final: bool  # every item on the topic is closed: the final reply
    dated: date


def _outcome(s: Suggestion, session: Session) -> str:
    if s.status == SuggestionStatus.ADOPTED and s.topic_id is not None:
        topic = session.get(Topic, s.topic_id)
        title = topic.title if topic is not None else ""
        return f"您的建议已被采纳，列入联席会议议题“{title}”。"
    if s.status == SuggestionStatus.FORWARDED and s.forwarded_to_unit_id is not None:
        unit = session.get(Unit, s.forwarded_to_unit_id)
        return f"您的建议已转{unit.name if unit else '有关单位'}办理。"
    if s.status == SuggestionStatus.NOT_ADOPTED:
        reason = s.not_adopted_reason.rstrip("。")
        return (
            f"经研究，您的建议暂未采纳，原因是：{reason}。"
            if reason
            else "经研究，您的建议暂未采纳。"
        )
    return "您的建议已登记在案，我们正在研究办理。"


def reply_letter(session: Session, suggestion_id: int, today: date) -> ReplyLetterDoc:
    """The reply letter of a suggestion, drafted from its records; dated its reply or today."""
    # The documents module (minutes, notices, bulletins) is imported only to write a letter:
    # the dashboard imports this module for its overdue replies.
    from desktop.core.documents import ITEM_WORDS

    s = load(session, Suggestion, suggestion_id, "suggestion")
    items: tuple[ReplyItem, ...] = ()
    if s.topic_id is not None and s.status == SuggestionStatus.ADOPTED:
        rows = session.execute(
            select(AgreedItem.text, Unit.name, AgreedItem.status, AgreedItem.completed_on)
            .outerjoin(Unit, Unit.id == AgreedItem.lead_unit_id)
            .where(AgreedItem.topic_id == s.topic_id, AgreedItem.deleted_at.is_(None))
            .where(AgreedItem.status != ItemStatus.CANCELLED)
            .order_by(AgreedItem.meeting_id, AgreedItem.sequence, AgreedItem.id)
        )
        items = tuple(
            ReplyItem(
                text,
                lead or "",
                ITEM_WORDS[ItemStatus(status)],
                on if status in CLOSED else None,
            )
            for text, lead, status, on in rows
        )
    receiving = session.get(Unit, s.receiving_unit_id) if s.receiving_unit_id else None
    office = receiving.name if receiving is not None else local_office(session).name
    return ReplyLetterDoc(
        office=office,
        worker="" if s.anonymous else s.submitter_name,
        received_on=s.received_on,
        channel=CHANNEL_WORDS[Channel(s.channel)],
        content=s.content,
        outcome=_outcome(s, session),
        reply_text=s.reply_text,
        items=items,
        final=bool(items) and all(i.closed_on is not None for i in items),
        dated=s.replied_on or today,
    )
