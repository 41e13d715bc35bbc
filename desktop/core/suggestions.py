"""Worker suggestions (职工建议): register, adopt into a topic, forward, reply or decline."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput
from desktop.core.phones import phone_numbers, shown_phone
from desktop.core.records import (
    limited_text,
    load,
    required_date,
    required_reason,
    required_text,
    sane_date,
    stamp_new,
    touch,
)
from desktop.core.states import SUGGESTION
from desktop.core.topics import TopicInput, create_topic
from desktop.models import Suggestion, Topic, Unit
from desktop.models.enums import Channel, Level, SuggestionStatus, TopicSource


@dataclass(frozen=True)
class SuggestionInput:
    channel: Channel
    received_on: date
    content: str
    target_level: Level
    receiving_unit_id: int | None = None
    anonymous: bool = False
    submitter_name: str = ""
    submitter_phone: str = ""


@dataclass(frozen=True)
class SuggestionDTO:
    id: int
    uuid: str
    channel: Channel
    received_on: date
    receiving_unit_id: int | None
    anonymous: bool
    submitter_name: str
    submitter_phone: str
    content: str
    target_level: Level
    status: SuggestionStatus
    topic_id: int | None
    forwarded_to_unit_id: int | None
    not_adopted_reason: str
    reply_text: str
    replied_on: date | None
    allowed_actions: tuple[str, ...]


def suggestion_dto(s: Suggestion) -> SuggestionDTO:
    return SuggestionDTO(
        id=s.id,
        uuid=s.uuid,
        channel=s.channel,
        received_on=s.received_on,
        receiving_unit_id=s.receiving_unit_id,
        anonymous=s.anonymous,
        submitter_name=s.submitter_name,
        submitter_phone=s.submitter_phone,
        content=s.content,
        target_level=s.target_level,
        status=s.status,
        topic_id=s.topic_id,
        forwarded_to_unit_id=s.forwarded_to_unit_id,
        not_adopted_reason=s.not_adopted_reason,
        reply_text=s.reply_text,
        replied_on=s.replied_on,
        allowed_actions=SUGGESTION.allowed(s.status),
    )


def _apply(session: Session, s: Suggestion, data: SuggestionInput) -> None:
    if data.receiving_unit_id is not None:
        load(session, Unit, data.receiving_unit_id, "unit")
    s.channel = data.channel
    s.received_on = required_date(data.received_on, "received_on")
    s.content = required_text(data.content, "content", 5000)
    s.target_level = data.target_level
    s.receiving_unit_id = data.receiving_unit_id
    s.anonymous = data.anonymous
    # An anonymous worker leaves no name or phone behind.
    s.submitter_name = (
        "" if data.anonymous else limited_text(data.submitter_name, "submitter_name", 60)
    )
    s.submitter_phone = (
        "" if data.anonymous else phone_numbers(data.submitter_phone, "submitter_phone")
    )


def register_suggestion(session: Session, data: SuggestionInput) -> SuggestionDTO:
    s = Suggestion(status=SuggestionStatus.REGISTERED)
    _apply(session, s, data)
    stamp_new(session, s)
    session.add(s)
    session.flush()
    return suggestion_dto(s)


def update_suggestion(session: Session, suggestion_id: int, data: SuggestionInput) -> SuggestionDTO:
    s = load(session, Suggestion, suggestion_id, "suggestion")
    _apply(session, s, data)
    touch(s)
    session.flush()
    return suggestion_dto(s)


def _transition(s: Suggestion, action: str) -> None:
    s.status = SuggestionStatus(SUGGESTION.target(action, s.status))
    touch(s)


def adopt_suggestion(
    session: Session,
    suggestion_id: int,
    *,
    topic_id: int | None = None,
    new_topic_title: str | None = None,
    union_unit_id: int | None = None,
) -> SuggestionDTO:
    """Adopt into an existing topic, or into a new candidate topic made from the suggestion."""
    s = load(session, Suggestion, suggestion_id, "suggestion")
    SUGGESTION.target("adopt", s.status)
    if topic_id is not None:
        load(session, Topic, topic_id, "topic")
    else:
        title = required_text(new_topic_title, "topic_title", 200)
        union = union_unit_id or s.receiving_unit_id
        if union is None:
            raise InvalidInput("required", field="union_unit_id")
        topic_id = create_topic(
            session,
            TopicInput(
                title=title,
                description=s.content,
                source=TopicSource.SUGGESTION,
                union_unit_id=union,
            ),
        ).id
    s.topic_id = topic_id
    s.not_adopted_reason = ""
    _transition(s, "adopt")
    session.flush()
    return suggestion_dto(s)


def forward_suggestion(session: Session, suggestion_id: int, unit_id: int) -> SuggestionDTO:
    s = load(session, Suggestion, suggestion_id, "suggestion")
    load(session, Unit, unit_id, "unit")
    _transition(s, "forward")
    s.forwarded_to_unit_id = unit_id
    session.flush()
    return suggestion_dto(s)


def reject_suggestion(session: Session, suggestion_id: int, reason: str) -> SuggestionDTO:
    s = load(session, Suggestion, suggestion_id, "suggestion")
    reason = required_reason(reason)
    _transition(s, "reject")
    s.not_adopted_reason = reason
    session.flush()
    return suggestion_dto(s)


def reply_to_worker(session: Session, suggestion_id: int, text: str, on: date) -> SuggestionDTO:
    """Record the reply to the worker; a suggestion only registered so far becomes 'replied'."""
    s = load(session, Suggestion, suggestion_id, "suggestion")
    text = required_text(text, "reply_text", 5000)
    on = required_date(on, "replied_on")
    if on < s.received_on:
        raise InvalidInput("before_received", field="replied_on")
    if s.status == SuggestionStatus.REGISTERED:
        _transition(s, "reply")
    else:
        touch(s)
    s.reply_text = text
    s.replied_on = sane_date(on, "replied_on")
    session.flush()
    return suggestion_dto(s)


def reopen_suggestion(session: Session, suggestion_id: int) -> SuggestionDTO:
    s = load(session, Suggestion, suggestion_id, "suggestion")
    _transition(s, "reopen")
    s.forwarded_to_unit_id = None
    session.flush()
    return suggestion_dto(s)


def get_suggestion(session: Session, suggestion_id: int) -> SuggestionDTO:
    """A suggestion as the acting account sees it: a leader sees the worker's phone masked."""
    dto = suggestion_dto(load(session, Suggestion, suggestion_id, "suggestion"))
    return replace(dto, submitter_phone=shown_phone(session, dto.submitter_phone))
