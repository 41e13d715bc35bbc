"""ORM rows ⇄ package records per kind: foreign keys travel as UUIDs, child rows embedded."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Enum, Table, select
from sqlalchemy.orm import Session

from desktop.models import (
    AgendaEntry,
    AgreedItem,
    AssessmentIndicator,
    AssessmentResult,
    AssessmentScheme,
    Attachment,
    Bulletin,
    BulletinMention,
    Establishment,
    FeedbackFigure,
    ItemEvent,
    Meeting,
    MeetingParticipant,
    ProgressFeedback,
    Suggestion,
    SupervisionNotice,
    Topic,
    TopicConsultation,
    TopicResearch,
    Unit,
    WorkingGroup,
)
from desktop.models.base import UTCDateTime
from desktop.sync.jsonl import dumps_canonical
from desktop.sync.manifest import RECORD_KINDS

# The record schema this code writes and reads (manifest.schema_version).
SCHEMA_VERSION = 1
# Item timelines travel with their items' owners; the container lets us add kinds.
KINDS: tuple[str, ...] = (*RECORD_KINDS, "item_event")


@dataclass(frozen=True)
class ChildSpec:
    """Rows that belong to a record and travel inside it, replaced as a whole on update."""

    key: str  # the list's name in the record and the relationship's name on the model
    model: type[Any]
    parent_column: str
    refs: Mapping[str, type[Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class KindSpec:
    kind: str
    model: type[Any]
    refs: Mapping[str, type[Any]] = field(default_factory=dict)  # id column -> travelling model
    children: tuple[ChildSpec, ...] = ()
    links: Mapping[str, tuple[str, type[Any]]] = field(default_factory=dict)  # key -> (rel, model)

    @property
    def self_refs(self) -> tuple[str, ...]:
        """References to the same kind, set after every record of the kind is in place."""
        return tuple(column for column, target in self.refs.items() if target is self.model)


# In apply order: a record's references come before it (self references get a second pass).
SPECS: tuple[KindSpec, ...] = (
    KindSpec("unit", Unit, {"parent_id": Unit}),
    KindSpec(
        "topic",
        Topic,
        {"union_unit_id": Unit, "proposing_unit_id": Unit, "merged_into_id": Topic},
        (
            ChildSpec("research_visits", TopicResearch, "topic_id"),
            ChildSpec("consultations", TopicConsultation, "topic_id", {"department_unit_id": Unit}),
        ),
    ),
    KindSpec(
        "suggestion",
        Suggestion,
        {"receiving_unit_id": Unit, "forwarded_to_unit_id": Unit, "topic_id": Topic},
    ),
    KindSpec("establishment", Establishment, {"union_unit_id": Unit, "partner_unit_id": Unit}),
    KindSpec(
        "meeting",
        Meeting,
        {"union_unit_id": Unit, "partner_unit_id": Unit, "reconvene_of_id": Meeting},
        (
            ChildSpec("participants", MeetingParticipant, "meeting_id", {"unit_id": Unit}),
            ChildSpec("working_groups", WorkingGroup, "meeting_id"),
            ChildSpec("agenda", AgendaEntry, "meeting_id", {"topic_id": Topic}),
        ),
    ),
    KindSpec(
        "agreed_item",
        AgreedItem,
        {"meeting_id": Meeting, "topic_id": Topic, "lead_unit_id": Unit},
        links={"cooperating_unit_uuids": ("cooperating_units", Unit)},
    ),
    KindSpec(
        "feedback",
        ProgressFeedback,
        {"item_id": AgreedItem, "reporting_unit_id": Unit},
        (ChildSpec("figures", FeedbackFigure, "feedback_id"),),
    ),
    KindSpec("item_event", ItemEvent, {"item_id": AgreedItem}),
    KindSpec(
        "supervision_notice",
        SupervisionNotice,
        {"target_unit_id": Unit},
        links={"item_uuids": ("items", AgreedItem)},
    ),
    KindSpec(
        "bulletin",
        Bulletin,
        {},
        (ChildSpec("mentions", BulletinMention, "bulletin_id", {"unit_id": Unit}),),
    ),
    KindSpec(
        "assessment_scheme",
        AssessmentScheme,
        {},
        (ChildSpec("indicators", AssessmentIndicator, "scheme_id"),),
    ),
    KindSpec(
        "assessment_result", AssessmentResult, {"scheme_id": AssessmentScheme, "unit_id": Unit}
    ),
    KindSpec("attachment", Attachment),
)
BY_KIND: dict[str, KindSpec] = {spec.kind: spec for spec in SPECS}
KIND_OF_MODEL: dict[type[Any], str] = {spec.model: spec.kind for spec in SPECS}


def ref_key(column: str) -> str:
    """`lead_unit_id` travels as `lead_unit_uuid`."""
    return column.removesuffix("_id") + "_uuid"


def record_hash(record: Mapping[str, Any]) -> str:
    return hashlib.sha256(dumps_canonical(record)).hexdigest()


class Uuids:
    """id ⇄ uuid of every travelling table, loaded once per table and kept current on insert."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._by_id: dict[type[Any], dict[int, str]] = {}
        self._by_uuid: dict[type[Any], dict[str, int]] = {}

    def _load(self, model: type[Any]) -> None:
        if model not in self._by_id:
            rows = self._session.execute(select(model.id, model.uuid)).all()
            self._by_id[model] = {row[0]: row[1] for row in rows}
            self._by_uuid[model] = {row[1]: row[0] for row in rows}

    def uuid(self, model: type[Any], row_id: int | None) -> str | None:
        if row_id is None:
            return None
        self._load(model)
        return self._by_id[model][row_id]

    def id(self, model: type[Any], uuid: str) -> int | None:
        self._load(model)
        return self._by_uuid[model].get(uuid)

    def add(self, model: type[Any], row_id: int, uuid: str) -> None:
        self._load(model)
        self._by_id[model][row_id] = uuid
        self._by_uuid[model][uuid] = row_id


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def parse_value(table: Table, name: str, value: Any) -> Any:
    """A JSON value back into what the column holds; ValueError if it cannot be."""
    if value is None:
        return None
    column_type = table.columns[name].type
    if isinstance(column_type, UTCDateTime):
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError(f"{name}: no time zone")
        return moment
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        return column_type.enum_class(value)
    return value


def plain_columns(model: type[Any], skip: set[str]) -> list[str]:
    return [c.name for c in model.__table__.columns if c.name not in skip]


def row_to_dict(
    row: Any, model: type[Any], refs: Mapping[str, type[Any]], uuids: Uuids, skip: set[str]
) -> dict[str, Any]:
    record = {name: _plain(getattr(row, name)) for name in plain_columns(model, skip | set(refs))}
    for column, target in refs.items():
        record[ref_key(column)] = uuids.uuid(target, getattr(row, column))
    return record


def to_record(row: Any, spec: KindSpec, uuids: Uuids) -> dict[str, Any]:
    """One travelling row as its package record."""
    record = row_to_dict(row, spec.model, spec.refs, uuids, {"id"})
    for child in spec.children:
        skip = {"id", child.parent_column}
        record[child.key] = [
            row_to_dict(c, child.model, child.refs, uuids, skip) for c in getattr(row, child.key)
        ]
    for key, (relationship, target) in spec.links.items():
        record[key] = sorted(
            str(uuids.uuid(target, linked.id)) for linked in getattr(row, relationship)
        )
    return record
