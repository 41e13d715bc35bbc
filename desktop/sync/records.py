"""ORM rows ⇄ package records per kind: foreign keys travel as UUIDs, child rows embedded."""

from __future__ import annotations

import enum
import gc
import hashlib
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Enum,
    Float,
    Integer,
    String,
    Table,
    select,
)
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
from desktop.sync.fields import SHA256, UUID
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


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Bulk work allocates hundreds of thousands of acyclic dicts; the cycle collector would
    rescan them over and over (about a sixth of a 100k-record import) and find nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


# ---------------------------------------------------------------------------------------------
# Checking incoming records: every field, before anything is written.

# Dates outside these years are typing slips or attacks (the People's Republic to 2100).
MIN_YEAR, MAX_YEAR = 1949, 2100
# Text columns have no length in the schema; a line is at most 1 MiB anyway.
MAX_TEXT = 200_000
# Participants, agenda entries, figures, cooperating units… of one record.
MAX_LIST = 10_000
_INT64 = 2**63
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_PATTERNS = {"uuid": UUID, "origin_office": UUID, "owner_uuid": UUID, "sha256": SHA256}


class RecordInvalid(ValueError):
    """One field of an incoming record breaks the schema; `problem` keys messages.FIELD_PROBLEMS."""

    def __init__(self, field: str, problem: str, **detail: Any) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
        self.detail = detail

    def under(self, prefix: str) -> RecordInvalid:
        return RecordInvalid(f"{prefix}.{self.field}", self.problem, **self.detail)


Checker = Callable[[Any], Any]


def _in_years(name: str, value: date) -> None:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise RecordInvalid(name, "absurd_date", value=value.isoformat())


def _column_checker(column: Column[Any]) -> Checker:
    """A function from a JSON value to what the column holds; RecordInvalid if it cannot be."""
    name, kind = column.name, column.type
    nullable = bool(column.nullable)

    def typed(check: Checker) -> Checker:
        def run(value: Any) -> Any:
            if value is None:
                if nullable:
                    return None
                raise RecordInvalid(name, "required")
            return check(value)

        return run

    if isinstance(kind, UTCDateTime):

        def moment(value: Any) -> datetime:
            if not isinstance(value, str) or len(value) > 40:
                raise RecordInvalid(name, "not_datetime")
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                raise RecordInvalid(name, "not_datetime") from None
            if parsed.tzinfo is None:
                raise RecordInvalid(name, "not_datetime")
            _in_years(name, parsed.date())
            return parsed

        return typed(moment)
    if isinstance(kind, Date):

        def day(value: Any) -> date:
            if not isinstance(value, str) or not _DATE.fullmatch(value):
                raise RecordInvalid(name, "not_date")
            try:
                parsed = date.fromisoformat(value)
            except ValueError:
                raise RecordInvalid(name, "not_date") from None
            _in_years(name, parsed)
            return parsed

        return typed(day)
    if isinstance(kind, Enum) and kind.enum_class is not None:
        enum_class = kind.enum_class
        allowed = {str(member.value): member for member in enum_class}

        def choice(value: Any) -> Any:
            member = allowed.get(value) if isinstance(value, str) else None
            if member is None:
                raise RecordInvalid(name, "bad_enum", value=str(value)[:40])
            return member

        return typed(choice)
    if isinstance(kind, Boolean):

        def flag(value: Any) -> bool:
            if not isinstance(value, bool):
                raise RecordInvalid(name, "not_boolean")
            return value

        return typed(flag)
    if isinstance(kind, Integer):
        minimum = 1 if name == "version" else -_INT64

        def whole(value: Any) -> int:
            if not isinstance(value, int) or isinstance(value, bool):
                raise RecordInvalid(name, "not_integer")
            if not minimum <= value < _INT64:
                raise RecordInvalid(name, "out_of_range")
            return value

        return typed(whole)
    if isinstance(kind, Float):

        def number(value: Any) -> float:
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise RecordInvalid(name, "not_number")
            if not math.isfinite(value) or abs(value) > 1e15:
                raise RecordInvalid(name, "out_of_range")
            return float(value)

        return typed(number)
    if isinstance(kind, JSON):

        def mapping(value: Any) -> dict[str, Any]:
            if not isinstance(value, dict):
                raise RecordInvalid(name, "not_object")
            return value

        return typed(mapping)
    if isinstance(kind, String):
        limit = kind.length or MAX_TEXT
        pattern = _PATTERNS.get(name)

        def text(value: Any) -> str:
            if not isinstance(value, str):
                raise RecordInvalid(name, "not_text")
            if len(value) > limit:
                raise RecordInvalid(name, "too_long", max=limit)
            if pattern is not None and not pattern.fullmatch(value):
                raise RecordInvalid(name, "badly_formed")
            return value

        return typed(text)
    raise TypeError(f"{column.table.name}.{name}: no package form for {kind!r}")


def _ref_checker(key: str, nullable: bool) -> Checker:
    def ref(value: Any) -> str | None:
        if value is None:
            if nullable:
                return None
            raise RecordInvalid(key, "required")
        if not isinstance(value, str) or not UUID.fullmatch(value):
            raise RecordInvalid(key, "badly_formed")
        return value

    return ref


@dataclass(frozen=True)
class _Shape:
    """What one table's rows look like in a package, with a checker per key."""

    keys: frozenset[str]
    ordered: tuple[str, ...]
    columns: tuple[tuple[str, Checker], ...]
    refs: tuple[tuple[str, str, Checker], ...]  # (column, key, checker)

    def check(self, data: Any, where: str) -> tuple[dict[str, Any], dict[str, str | None]]:
        if not isinstance(data, dict):
            raise RecordInvalid(where or "(record)", "not_object")
        if data.keys() != self.keys:
            missing = [k for k in self.ordered if k not in data]
            if missing:
                raise RecordInvalid(missing[0], "missing")
            extra = sorted(k for k in data if k not in self.keys)
            raise RecordInvalid(extra[0], "unknown_field")
        values = {name: check(data[name]) for name, check in self.columns}
        refs = {column: check(data[key]) for column, key, check in self.refs}
        return values, refs


def _shape(
    model: type[Any], skip: set[str], refs: Mapping[str, type[Any]], extra: Iterable[str] = ()
) -> _Shape:
    table: Table = model.__table__
    columns = tuple(
        (c.name, _column_checker(c)) for c in table.columns if c.name not in skip | set(refs)
    )
    ref_checks = tuple(
        (
            column,
            ref_key(column),
            _ref_checker(ref_key(column), bool(table.columns[column].nullable)),
        )
        for column in refs
    )
    ordered = (*(n for n, _ in columns), *(k for _, k, _ in ref_checks), *extra)
    return _Shape(frozenset(ordered), ordered, columns, ref_checks)


@dataclass(frozen=True)
class Parsed:
    """An incoming record that passed every check: column values ready to write, refs as UUIDs."""

    uuid: str
    version: int
    origin_office: str
    values: dict[str, Any]
    refs: dict[str, str | None]
    children: dict[str, list[tuple[dict[str, Any], dict[str, str | None]]]]
    links: dict[str, list[str]]
    record: dict[str, Any]

    def references(self, spec: KindSpec) -> Iterable[tuple[str, type[Any], str]]:
        """(field, target model, uuid) of every reference the record makes."""
        for column, target in spec.refs.items():
            uuid = self.refs[column]
            if uuid is not None:
                yield ref_key(column), target, uuid
        for child in spec.children:
            for index, (_, refs) in enumerate(self.children[child.key]):
                for column, target in child.refs.items():
                    uuid = refs[column]
                    if uuid is not None:
                        yield f"{child.key}[{index}].{ref_key(column)}", target, uuid
        for key, (_, target) in spec.links.items():
            for uuid in self.links[key]:
                yield key, target, uuid


class RecordChecker:
    """Checks records of one kind against the schema; compiled once per kind."""

    def __init__(self, spec: KindSpec) -> None:
        self.spec = spec
        extra = [c.key for c in spec.children] + list(spec.links)
        self.shape = _shape(spec.model, {"id"}, spec.refs, extra)
        self.children = [
            (c.key, _shape(c.model, {"id", c.parent_column}, c.refs)) for c in spec.children
        ]

    def check(self, record: Any) -> Parsed:
        """The parsed record, or RecordInvalid naming the first bad field."""
        values, refs = self.shape.check(record, "")
        children = {}
        for key, shape in self.children:
            items = _list(record[key], key)
            parsed = []
            for index, item in enumerate(items):
                try:
                    parsed.append(shape.check(item, ""))
                except RecordInvalid as invalid:
                    raise invalid.under(f"{key}[{index}]") from None
            children[key] = parsed
        links = {}
        for key in self.spec.links:
            items = _list(record[key], key)
            for index, item in enumerate(items):
                _ref_checker(f"{key}[{index}]", False)(item)
            if len(set(items)) != len(items):
                raise RecordInvalid(key, "duplicate")
            links[key] = list(items)
        return Parsed(
            values["uuid"],
            values["version"],
            values["origin_office"],
            values,
            refs,
            children,
            links,
            record,
        )


def _list(value: Any, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise RecordInvalid(key, "not_list")
    if len(value) > MAX_LIST:
        raise RecordInvalid(key, "too_many", max=MAX_LIST)
    return value


_CHECKERS: dict[str, RecordChecker] = {}


def checker(kind: str) -> RecordChecker:
    if kind not in _CHECKERS:
        _CHECKERS[kind] = RecordChecker(BY_KIND[kind])
    return _CHECKERS[kind]


def record_label(record: Any, index: int) -> str:
    """How a message names a record: its UUID, or its position when the UUID itself is bad."""
    uuid = record.get("uuid") if isinstance(record, dict) else None
    return uuid if isinstance(uuid, str) and UUID.fullmatch(uuid) else f"第{index}条"


# ---------------------------------------------------------------------------------------------
# Reading many rows as package records at once (export, and comparing on import).

_CHUNK = 500


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _order_columns(model: type[Any], key: str) -> list[Any]:
    relationship = model.__mapper__.relationships[key]
    order = list(relationship.order_by or [])
    return [*order, relationship.mapper.local_table.c.id]


def load_records(
    session: Session,
    spec: KindSpec,
    uuids: Uuids,
    *,
    ids: Sequence[int] | None = None,
    where: Any = None,
) -> dict[int, dict[str, Any]]:
    """Package records of the rows with these ids (or matching `where`), by row id.

    Equal to `to_record` of each row, in a handful of queries instead of several per row.
    """
    table: Table = spec.model.__table__
    names = plain_columns(spec.model, {"id", *spec.refs})
    refs = list(spec.refs.items())
    query = select(table).order_by(table.c.id)
    batches: Iterable[Any]
    if ids is not None:
        batches = (query.where(table.c.id.in_(chunk)) for chunk in _chunks(list(ids)))
    else:
        batches = [query if where is None else query.where(where)]
    records: dict[int, dict[str, Any]] = {}
    for statement in batches:
        for row in session.execute(statement).mappings():
            record = {name: _plain(row[name]) for name in names}
            for column, target in refs:
                record[ref_key(column)] = uuids.uuid(target, row[column])
            records[row["id"]] = record
    found = list(records)
    for child in spec.children:
        child_table: Table = child.model.__table__
        child_names = plain_columns(child.model, {"id", child.parent_column, *child.refs})
        parent = child_table.c[child.parent_column]
        for record in records.values():
            record[child.key] = []
        order = _order_columns(spec.model, child.key)
        for chunk in _chunks(found):
            rows = session.execute(select(child_table).where(parent.in_(chunk)).order_by(*order))
            for row in rows.mappings():
                item = {name: _plain(row[name]) for name in child_names}
                for column, target in child.refs.items():
                    item[ref_key(column)] = uuids.uuid(target, row[column])
                records[row[child.parent_column]][child.key].append(item)
    for key, (relationship_name, target) in spec.links.items():
        relationship = spec.model.__mapper__.relationships[relationship_name]
        own = relationship.synchronize_pairs[0][1]
        other = relationship.secondary_synchronize_pairs[0][1]
        linked: dict[int, list[str]] = {row_id: [] for row_id in found}
        for chunk in _chunks(found):
            for owner, target_id in session.execute(select(own, other).where(own.in_(chunk))).all():
                linked[owner].append(str(uuids.uuid(target, target_id)))
        for row_id, record in records.items():
            record[key] = sorted(linked[row_id])
    return records
