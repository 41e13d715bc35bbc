"""Topics (议题): collection, research, vetting, consultation, and their end states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError, InvalidInput
from desktop.core.records import (
    limited_text,
    load,
    required_date,
    required_reason,
    required_text,
    stamp_new,
    touch,
)
from desktop.core.states import TOPIC
from desktop.models import Suggestion, Topic, TopicConsultation, TopicResearch, Unit
from desktop.models.enums import TopicSource, TopicStatus


@dataclass(frozen=True)
class TopicInput:
    title: str
    source: TopicSource
    union_unit_id: int
    description: str = ""
    proposing_unit_id: int | None = None
    priority: int = 2


@dataclass(frozen=True)
class ResearchDTO:
    id: int
    visited_on: date
    place: str
    participants: str
    findings: str


@dataclass(frozen=True)
class ConsultationDTO:
    id: int
    department_unit_id: int
    department_name: str
    consulted_on: date
    opinion: str
    agrees: bool


@dataclass(frozen=True)
class TopicDTO:
    id: int
    uuid: str
    title: str
    description: str
    source: TopicSource
    union_unit_id: int
    proposing_unit_id: int | None
    priority: int
    status: TopicStatus
    vetted_on: date | None
    vetting_conclusion: str
    rejection_reason: str
    deferral_reason: str
    merged_into_id: int | None
    research_visits: tuple[ResearchDTO, ...]
    consultations: tuple[ConsultationDTO, ...]
    suggestion_ids: tuple[int, ...]
    allowed_actions: tuple[str, ...]


def topic_dto(session: Session, t: Topic) -> TopicDTO:
    dept_names = dict(
        session.execute(
            select(Unit.id, Unit.name).where(
                Unit.id.in_([c.department_unit_id for c in t.consultations])
            )
        ).all()
    )
    suggestion_ids = tuple(
        session.scalars(select(Suggestion.id).where(Suggestion.topic_id == t.id)).all()
    )
    return TopicDTO(
        id=t.id,
        uuid=t.uuid,
        title=t.title,
        description=t.description,
        source=t.source,
        union_unit_id=t.union_unit_id,
        proposing_unit_id=t.proposing_unit_id,
        priority=t.priority,
        status=t.status,
        vetted_on=t.vetted_on,
        vetting_conclusion=t.vetting_conclusion,
        rejection_reason=t.rejection_reason,
        deferral_reason=t.deferral_reason,
        merged_into_id=t.merged_into_id,
        research_visits=tuple(
            ResearchDTO(r.id, r.visited_on, r.place, r.participants, r.findings)
            for r in t.research_visits
        ),
        consultations=tuple(
            ConsultationDTO(
                c.id,
                c.department_unit_id,
                dept_names.get(c.department_unit_id, ""),
                c.consulted_on,
                c.opinion,
                c.agrees,
            )
            for c in t.consultations
        ),
        suggestion_ids=suggestion_ids,
        allowed_actions=TOPIC.allowed(t.status),
    )


def _apply(session: Session, t: Topic, data: TopicInput) -> None:
    load(session, Unit, data.union_unit_id, "unit")
    if data.proposing_unit_id is not None:
        load(session, Unit, data.proposing_unit_id, "unit")
    if data.priority not in (1, 2, 3):
        raise InvalidInput("out_of_range", field="priority", min=1, max=3)
    t.title = required_text(data.title, "title", 200)
    t.description = limited_text(data.description, "description", 10000)
    t.source = data.source
    t.union_unit_id = data.union_unit_id
    t.proposing_unit_id = data.proposing_unit_id
    t.priority = data.priority


def create_topic(session: Session, data: TopicInput) -> TopicDTO:
    t = Topic(status=TopicStatus.CANDIDATE)
    _apply(session, t, data)
    stamp_new(session, t)
    session.add(t)
    session.flush()
    return topic_dto(session, t)


_CLOSED = {TopicStatus.DECIDED, TopicStatus.REJECTED, TopicStatus.MERGED}


def update_topic(session: Session, topic_id: int, data: TopicInput) -> TopicDTO:
    t = load(session, Topic, topic_id, "topic")
    if t.status in _CLOSED:
        raise DomainError("topic_closed", id=topic_id, status=str(t.status))
    _apply(session, t, data)
    touch(t)
    session.flush()
    return topic_dto(session, t)


def transition_topic(t: Topic, action: str) -> None:
    t.status = TopicStatus(TOPIC.target(action, t.status))
    touch(t)


def add_research_visit(
    session: Session,
    topic_id: int,
    *,
    visited_on: date,
    place: str,
    participants: str = "",
    findings: str = "",
) -> TopicDTO:
    """Record a research visit or forum; a candidate topic moves to 'researching'."""
    t = load(session, Topic, topic_id, "topic")
    if t.status == TopicStatus.CANDIDATE:
        transition_topic(t, "start_research")
    elif t.status != TopicStatus.RESEARCHING:
        TOPIC.target("start_research", t.status)
    t.research_visits.append(
        TopicResearch(
            visited_on=required_date(visited_on, "visited_on"),
            place=required_text(place, "place", 200),
            participants=limited_text(participants, "participants", 2000),
            findings=limited_text(findings, "findings", 10000),
        )
    )
    touch(t)
    session.flush()
    return topic_dto(session, t)


def vet_topic(session: Session, topic_id: int, *, on: date, conclusion: str) -> TopicDTO:
    """The extended office meeting (办公室扩大会) decides to take the topic forward."""
    t = load(session, Topic, topic_id, "topic")
    conclusion = required_text(conclusion, "vetting_conclusion", 5000)
    on = required_date(on, "vetted_on")
    transition_topic(t, "vet")
    t.vetted_on = on
    t.vetting_conclusion = conclusion
    session.flush()
    return topic_dto(session, t)


def add_consultation(
    session: Session,
    topic_id: int,
    *,
    department_unit_id: int,
    on: date,
    opinion: str,
    agrees: bool,
) -> TopicDTO:
    """Record a department's opinion; the first one marks the topic 'consulted'."""
    t = load(session, Topic, topic_id, "topic")
    load(session, Unit, department_unit_id, "unit")
    opinion = required_text(opinion, "opinion", 5000)
    on = required_date(on, "consulted_on")
    if t.status == TopicStatus.VETTED:
        transition_topic(t, "mark_consulted")
    elif t.status != TopicStatus.CONSULTED:
        TOPIC.target("mark_consulted", t.status)
    if t.vetted_on is not None and on < t.vetted_on:
        raise InvalidInput("before_vetting", field="consulted_on")
    t.consultations.append(
        TopicConsultation(
            department_unit_id=department_unit_id, consulted_on=on, opinion=opinion, agrees=agrees
        )
    )
    touch(t)
    session.flush()
    return topic_dto(session, t)


def defer_topic(session: Session, topic_id: int, reason: str) -> TopicDTO:
    t = load(session, Topic, topic_id, "topic")
    reason = required_reason(reason)
    if t.status == TopicStatus.SCHEDULED:
        raise DomainError("topic_on_agenda", id=topic_id)
    transition_topic(t, "defer")
    t.deferral_reason = reason
    session.flush()
    return topic_dto(session, t)


def reopen_topic(session: Session, topic_id: int) -> TopicDTO:
    t = load(session, Topic, topic_id, "topic")
    transition_topic(t, "reopen")
    session.flush()
    return topic_dto(session, t)


def reject_topic(session: Session, topic_id: int, reason: str) -> TopicDTO:
    t = load(session, Topic, topic_id, "topic")
    reason = required_reason(reason)
    transition_topic(t, "reject")
    t.rejection_reason = reason
    session.flush()
    return topic_dto(session, t)


def merge_topic(session: Session, topic_id: int, into_topic_id: int) -> TopicDTO:
    """Merge a topic into another open one; its suggestions follow it."""
    if topic_id == into_topic_id:
        raise InvalidInput("merge_into_itself", field="into_topic_id")
    t = load(session, Topic, topic_id, "topic")
    target = load(session, Topic, into_topic_id, "topic")
    if target.status in _CLOSED | {TopicStatus.DEFERRED}:
        raise InvalidInput("merge_target_closed", field="into_topic_id")
    transition_topic(t, "merge")
    t.merged_into_id = into_topic_id
    for s in session.scalars(select(Suggestion).where(Suggestion.topic_id == topic_id)):
        s.topic_id = into_topic_id
        touch(s)
    session.flush()
    return topic_dto(session, t)


def get_topic(session: Session, topic_id: int) -> TopicDTO:
    return topic_dto(session, load(session, Topic, topic_id, "topic"))


@dataclass(frozen=True)
class SchedulableTopic:
    id: int
    title: str
    status: str


def schedulable_topics(session: Session) -> list[SchedulableTopic]:
    """Topics vetted (or also consulted) and not yet on a meeting's agenda: what may be added."""
    rows = session.execute(
        select(Topic.id, Topic.title, Topic.status)
        .where(
            Topic.status.in_((TopicStatus.VETTED, TopicStatus.CONSULTED)),
            Topic.deleted_at.is_(None),
        )
        .order_by(Topic.status, Topic.id.desc())
    ).all()
    return [SchedulableTopic(r.id, r.title, str(r.status)) for r in rows]


def merge_targets(session: Session, topic_id: int) -> list[SchedulableTopic]:
    """The open topics another one may be merged into (never itself), newest first."""
    rows = session.execute(
        select(Topic.id, Topic.title, Topic.status)
        .where(
            Topic.id != topic_id,
            Topic.status.not_in(_CLOSED | {TopicStatus.DEFERRED}),
            Topic.deleted_at.is_(None),
        )
        .order_by(Topic.id.desc())
    ).all()
    return [SchedulableTopic(r.id, r.title, str(r.status)) for r in rows]
