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
from datetime import UTC, date, datetime
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
from sqlalchemy.dialects import sqlite
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
# A parent relays directory entries of a third office that its own records refer to (another
# township's enterprise named in a bulletin sent to every township); nothing else is relayed.
RELAYED_KINDS = frozenset({"unit"})


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

    def known(self, model: type[Any]) -> Mapping[str, int]:
        """uuid -> id of every row of the model (as loaded, plus what was added since)."""
        self._load(model)
        return self._by_uuid[model]

    def loaded(self, model: type[Any]) -> bool:
        return model in self._by_id

    def add(self, model: type[Any], row_id: int, uuid: str) -> None:
        """A row just written. A table not loaded yet needs nothing: loading reads it anew."""
        if model in self._by_id:
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
#
# A record is checked once and turned straight into the row SQLite stores: text and integers
# as they are, booleans as 1 and 0, dates as ISO text, timestamps as naive UTC text in the form
# SQLAlchemy's SQLite dialect writes (`2027-03-18 08:00:00.000000`), enums as the strings the
# Enum column stores (JSON is left to the column's own processor when written). The writer
# inserts these rows through the driver without another conversion pass;
# tests/sync/test_storage_form.py holds each conversion to what SQLAlchemy itself binds.

# Dates outside these years are typing slips or attacks (the People's Republic to 2100).
MIN_YEAR, MAX_YEAR = 1949, 2100
# Text columns have no length in the schema; a line is at most 1 MiB anyway.
MAX_TEXT = 200_000
# Participants, agenda entries, figures, cooperating units… of one record.
MAX_LIST = 10_000
_INT64 = 2**63
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# An aware UTC timestamp as datetime.isoformat() writes it (no other ISO 8601 form).
_UTC_TEXT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?\+00:00", re.ASCII)
_PATTERNS = {"uuid": UUID, "origin_office": UUID, "owner_uuid": UUID, "sha256": SHA256}
# The dialect whose storage form checked records take (the application's database is SQLite).
_SQLITE = sqlite.dialect()


class RecordInvalid(ValueError):
    """One field of an incoming record breaks the schema; `problem` keys messages.FIELD_PROBLEMS."""

    def __init__(self, field: str, problem: str, **detail: Any) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
        self.detail = detail

    def under(self, prefix: str) -> RecordInvalid:
        return RecordInvalid(f"{prefix}.{self.field}", self.problem, **self.detail)


# A JSON value to the value stored in one column; RecordInvalid if it cannot be.
Checker = Callable[[Any], Any]


def _in_years(name: str, value: date) -> None:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise RecordInvalid(name, "absurd_date", value=value.isoformat())


def stored_moment(moment: datetime) -> str:
    """An aware timestamp as a UTCDateTime column stores it on SQLite: naive UTC, microseconds."""
    if moment.utcoffset():
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")


def _column_checker(column: Column[Any]) -> Checker:
    """The column's checker. Each one takes the common case (the right type, not null) first
    and leaves null and wrong types to `absent`, which finds the message."""
    name, kind = column.name, column.type
    nullable = bool(column.nullable)

    def absent(given: Any, problem: str, /, **detail: Any) -> None:
        """Return if `given` is a null the column allows; else raise `required` or `problem`."""
        if given is None:
            if nullable:
                return
            raise RecordInvalid(name, "required")
        raise RecordInvalid(name, problem, **detail)

    if isinstance(kind, UTCDateTime):

        def moment(value: Any) -> str | None:
            if not isinstance(value, str) or len(value) > 40:
                absent(value, "not_datetime")
                return None
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                raise RecordInvalid(name, "not_datetime") from None
            if parsed.tzinfo is None:
                raise RecordInvalid(name, "not_datetime")
            if not MIN_YEAR <= parsed.year <= MAX_YEAR:
                _in_years(name, parsed.date())
            if _UTC_TEXT.fullmatch(value):  # what to_record writes: the stored form, re-cut
                fraction = value[19:26] if len(value) == 32 else ".000000"
                return f"{value[:10]} {value[11:19]}{fraction}"
            return stored_moment(parsed)

        return moment
    if isinstance(kind, Date):

        def day(value: Any) -> str | None:
            if not isinstance(value, str) or not _DATE.fullmatch(value):
                absent(value, "not_date")
                return None
            try:
                parsed = date.fromisoformat(value)
            except ValueError:
                raise RecordInvalid(name, "not_date") from None
            if not MIN_YEAR <= parsed.year <= MAX_YEAR:
                _in_years(name, parsed)
            return value  # four-digit year, two-digit month and day: the stored form already

        return day
    if isinstance(kind, Enum) and kind.enum_class is not None:
        # Keyed by the member's value as records carry it: what the column binds for it (the
        # value too, with enum_column's values_callable), asked of SQLAlchemy itself.
        bind = kind.dialect_impl(_SQLITE).bind_processor(_SQLITE)
        allowed: dict[str, str] = {
            str(member.value): str(bind(member) if bind is not None else member.value)
            for member in kind.enum_class
        }

        def choice(value: Any) -> str | None:
            member = allowed.get(value) if isinstance(value, str) else None
            if member is None:
                absent(value, "bad_enum", value=str(value)[:40])
                return None
            return member

        return choice
    if isinstance(kind, Boolean):

        def flag(value: Any) -> int | None:
            if value is True or value is False:
                return int(value)  # SQLite has no booleans: 1 and 0, as SQLAlchemy binds them
            absent(value, "not_boolean")
            return None

        return flag
    if isinstance(kind, Integer):
        minimum = 1 if name == "version" else -_INT64

        def whole(value: Any) -> int | None:
            if not isinstance(value, int) or isinstance(value, bool):
                absent(value, "not_integer")
                return None
            if not minimum <= value < _INT64:
                raise RecordInvalid(name, "out_of_range")
            return value

        return whole
    if isinstance(kind, Float):

        def number(value: Any) -> float | None:
            if not isinstance(value, int | float) or isinstance(value, bool):
                absent(value, "not_number")
                return None
            if not math.isfinite(value) or abs(value) > 1e15:
                raise RecordInvalid(name, "out_of_range")
            return float(value)

        return number
    if isinstance(kind, JSON):
        # Left as a dict: the writer binds it through the column's own JSON processor.

        def mapping(value: Any) -> dict[str, Any] | None:
            if not isinstance(value, dict):
                absent(value, "not_object")
                return None
            return value

        return mapping
    if isinstance(kind, String):
        limit = kind.length or MAX_TEXT
        pattern = _PATTERNS.get(name)

        def text(value: Any) -> str | None:
            if not isinstance(value, str):
                absent(value, "not_text")
                return None
            if len(value) > limit:
                raise RecordInvalid(name, "too_long", max=limit)
            if pattern is not None and not pattern.fullmatch(value):
                raise RecordInvalid(name, "badly_formed")
            return value

        def free_text(value: Any) -> str | None:
            if type(value) is str and len(value) <= limit:
                return value
            return text(value)

        return text if pattern is not None else free_text
    raise TypeError(f"{column.table.name}.{name}: no package form for {kind!r}")


def _ref_checker(key: str, nullable: bool) -> Checker:
    def ref(value: Any) -> str | None:
        if isinstance(value, str) and UUID.fullmatch(value):
            return value
        if value is None:
            if nullable:
                return None
            raise RecordInvalid(key, "required")
        raise RecordInvalid(key, "badly_formed")

    return ref


def _quick_test(column: Column[Any], n: int, reference: bool) -> tuple[str, dict[str, Any]]:
    """An inline test that holds only for a value the column's checker stores unchanged, as
    Python source over `v{n}`, and the names it uses; "" when there is none. A reference
    column's value is the UUID of the record referred to."""
    v = f"v{n}"
    if reference:
        return f"type({v}) is str and uuid_pattern.fullmatch({v}) is not None", {
            "uuid_pattern": UUID
        }
    kind = column.type
    test, names = "", dict[str, Any]()
    if isinstance(kind, Enum) and kind.enum_class is not None:
        stored = _column_checker(column)
        same = frozenset(str(m.value) for m in kind.enum_class if stored(str(m.value)) == m.value)
        test, names = f"type({v}) is str and {v} in same_{n}", {f"same_{n}": same}
    elif isinstance(kind, UTCDateTime | Date | Boolean | Float | JSON):
        pass  # converted or range-checked: always the checker
    elif isinstance(kind, Integer):
        minimum = 1 if column.name == "version" else -_INT64
        test = f"type({v}) is int and {minimum} <= {v} < {_INT64}"
    elif isinstance(kind, String):
        test = f"type({v}) is str and len({v}) <= {kind.length or MAX_TEXT}"
        if column.name in _PATTERNS:
            test += f" and pattern_{n}.fullmatch({v}) is not None"
            names = {f"pattern_{n}": _PATTERNS[column.name]}
    return test, names


def _compile_row_check(
    keys: Sequence[str], columns: Sequence[Column[Any]], checks: Sequence[Checker], refs: int
) -> Callable[[dict[str, Any]], list[Any]]:
    """One function from a record (keys known present) to its stored row, written out and
    compiled once per table: each value meets its column's quick test inline, and only what
    fails it (a null, a wrong type, a date to convert, a bad value) goes to the column's
    checker, which converts it or raises RecordInvalid. Values are taken in key order, so the
    first bad one is the one reported. Same result as calling every checker, at a fraction of
    the cost: a call per value was a fifth of a large import. The last `refs` columns are
    references."""
    namespace: dict[str, Any] = {}
    body = []
    for n, (key, column, check) in enumerate(zip(keys, columns, checks, strict=True)):
        namespace[f"check_{n}"] = check
        test, names = _quick_test(column, n, reference=n >= len(keys) - refs)
        namespace.update(names)
        if column.nullable:
            test = f"v{n} is None or ({test})" if test else f"v{n} is None"
        if test:
            body.append(f"    v{n} = data[{key!r}]")
            body.append(f"    if not ({test}):")
            body.append(f"        v{n} = check_{n}(v{n})")
        else:
            body.append(f"    v{n} = check_{n}(data[{key!r}])")
    values = ", ".join(f"v{n}" for n in range(len(keys)))
    source = "\n".join(["def check_row(data):", *body, f"    return [{values}]"])
    exec(compile(source, f"<row check: {', '.join(keys)}>", "exec"), namespace)
    function: Callable[[dict[str, Any]], list[Any]] = namespace["check_row"]
    return function


@dataclass(frozen=True)
class Shape:
    """One table's rows in a package: which keys a record has, and how each becomes a value of
    the row SQLite stores. A row lists `columns` in order: the plain columns in table order,
    then the reference columns (`refs`), which hold the referenced record's UUID until the
    writer puts its row id there."""

    table: Table
    keys: frozenset[str]
    ordered: tuple[str, ...]  # every key, in the order a missing one is reported
    columns: tuple[str, ...]
    refs: tuple[tuple[int, str, type[Any]], ...]  # (position in the row, column, target model)
    row: Callable[[dict[str, Any]], list[Any]]  # the checked row of a record with the keys

    def check(self, data: Any, where: str) -> list[Any]:
        """The stored row for one record (or child item), or RecordInvalid."""
        if not isinstance(data, dict):
            raise RecordInvalid(where or "(record)", "not_object")
        if data.keys() != self.keys:
            missing = [k for k in self.ordered if k not in data]
            if missing:
                raise RecordInvalid(missing[0], "missing")
            extra = sorted(k for k in data if k not in self.keys)
            raise RecordInvalid(extra[0], "unknown_field")
        return self.row(data)

    def position(self, column: str) -> int:
        return self.columns.index(column)


def _shape(
    model: type[Any], skip: set[str], refs: Mapping[str, type[Any]], extra: Iterable[str] = ()
) -> Shape:
    table: Table = model.__table__
    plain = [c for c in table.columns if c.name not in skip | set(refs)]
    columns = (*(c.name for c in plain), *refs)
    keys = (*(c.name for c in plain), *(ref_key(column) for column in refs))
    checks = (
        *(_column_checker(c) for c in plain),
        *(_ref_checker(ref_key(c), bool(table.columns[c].nullable)) for c in refs),
    )
    positions = tuple(
        (len(plain) + i, column, target) for i, (column, target) in enumerate(refs.items())
    )
    ordered = (*keys, *extra)
    row = _compile_row_check(keys, [*plain, *(table.columns[c] for c in refs)], checks, len(refs))
    return Shape(table, frozenset(ordered), ordered, columns, positions, row)


@dataclass(slots=True)
class Parsed:
    """An incoming record that passed every check: its row as SQLite stores it (references as
    UUIDs), its child rows likewise, its links as UUIDs, and the record itself."""

    uuid: str
    version: int
    origin_office: str
    row: list[Any]
    children: dict[str, list[list[Any]]]
    links: dict[str, list[str]]
    record: dict[str, Any]


class RecordChecker:
    """Checks records of one kind against the schema; compiled once per kind."""

    def __init__(self, spec: KindSpec) -> None:
        self.spec = spec
        extra = [c.key for c in spec.children] + list(spec.links)
        self.shape = _shape(spec.model, {"id"}, spec.refs, extra)
        self.children = [
            (c, _shape(c.model, {"id", c.parent_column}, c.refs)) for c in spec.children
        ]
        self._uuid = self.shape.position("uuid")
        self._version = self.shape.position("version")
        self._origin = self.shape.position("origin_office")
        self._flat = not self.children and not spec.links

    def check(self, record: Any) -> Parsed:
        """The parsed record, or RecordInvalid naming the first bad field."""
        row = self.shape.check(record, "")
        if self._flat:
            return Parsed(
                row[self._uuid], row[self._version], row[self._origin], row, {}, {}, record
            )
        children = {}
        for child, shape in self.children:
            items = _list(record[child.key], child.key)
            parsed = []
            for index, item in enumerate(items):
                try:
                    parsed.append(shape.check(item, ""))
                except RecordInvalid as invalid:
                    raise invalid.under(f"{child.key}[{index}]") from None
            children[child.key] = parsed
        links = {}
        for key in self.spec.links:
            items = _list(record[key], key)
            for index, item in enumerate(items):
                _ref_checker(f"{key}[{index}]", False)(item)
            if len(set(items)) != len(items):
                raise RecordInvalid(key, "duplicate")
            links[key] = list(items)
        return Parsed(
            row[self._uuid], row[self._version], row[self._origin], row, children, links, record
        )

    def references(self, record: Parsed) -> Iterator[tuple[str, type[Any], str]]:
        """(field, target model, uuid) of every reference the record makes, in record order."""
        for position, column, target in self.shape.refs:
            uuid = record.row[position]
            if uuid is not None:
                yield ref_key(column), target, uuid
        for child, shape in self.children:
            for index, row in enumerate(record.children[child.key]):
                for position, column, target in shape.refs:
                    uuid = row[position]
                    if uuid is not None:
                        yield f"{child.key}[{index}].{ref_key(column)}", target, uuid
        for key, (_, target) in self.spec.links.items():
            for uuid in record.links[key]:
                yield key, target, uuid


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
