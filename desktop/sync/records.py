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
from functools import partial
from itertools import chain
from operator import attrgetter, is_not, itemgetter
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
    UnitMerge,
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
    KindSpec("unit_merge", UnitMerge, {"into_unit_id": Unit}),
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
# A record is checked once and turned into the values its row holds, in the Python types the
# columns take (bool, date, aware datetime, an enum's value as text, dict for JSON): the writer
# binds them through SQLAlchemy (desktop/db/bulk.py) on SQLite and PostgreSQL alike.
#
# Each column has two plain functions. Its checker takes one value and returns it converted, or
# raises RecordInvalid; calling the checkers in key order reports the first bad field of a
# record. Its column test takes the column's values of many records at once and returns them
# converted, or None when any of them needs a closer look; it works with builtins over whole
# lists (type sets, min, max, map), so a large package costs a few passes per column instead of
# a call per value. When every column test passes, that is the result (a value passing its
# column test is one its checker returns unchanged or converted alike); when one does not, the
# records are checked one by one with the checkers, which find the first bad one.

# Dates outside these years are typing slips or attacks (the People's Republic to 2100).
MIN_YEAR, MAX_YEAR = 1949, 2100
# Text columns have no length in the schema; a line is at most 1 MiB anyway.
MAX_TEXT = 200_000
# Participants, agenda entries, figures, cooperating units… of one record.
MAX_LIST = 10_000
_INT64 = 2**63
_MAX_NUMBER = 1e15
_MAX_MOMENT_TEXT = 40
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


# A JSON value to the value a column holds; RecordInvalid if it cannot be.
Checker = Callable[[Any], Any]
# A column's JSON values in many records to the values it holds; None if any needs its checker.
ColumnTest = Callable[[Sequence[Any]], Sequence[Any] | None]


def _in_years(name: str, value: date) -> None:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise RecordInvalid(name, "absurd_date", value=value.isoformat())


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

        def moment(value: Any) -> datetime | None:
            if not isinstance(value, str) or len(value) > _MAX_MOMENT_TEXT:
                absent(value, "not_datetime")
                return None
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                raise RecordInvalid(name, "not_datetime") from None
            if parsed.tzinfo is None:
                raise RecordInvalid(name, "not_datetime")
            _in_years(name, parsed.date())  # the year as written, in the record's own offset
            return parsed

        return moment
    if isinstance(kind, Date):

        def day(value: Any) -> date | None:
            if not isinstance(value, str) or not _DATE.fullmatch(value):
                absent(value, "not_date")
                return None
            try:
                parsed = date.fromisoformat(value)
            except ValueError:
                raise RecordInvalid(name, "not_date") from None
            _in_years(name, parsed)
            return parsed

        return day
    if isinstance(kind, Enum) and kind.enum_class is not None:
        allowed = _enum_values(kind)

        def choice(value: Any) -> str | None:
            if not isinstance(value, str) or value not in allowed:
                absent(value, "bad_enum", value=str(value)[:40])
                return None
            return value

        return choice
    if isinstance(kind, Boolean):

        def flag(value: Any) -> bool | None:
            if value is True or value is False:
                return value
            absent(value, "not_boolean")
            return None

        return flag
    if isinstance(kind, Integer):
        minimum = _integer_minimum(name)

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
            if not math.isfinite(value) or abs(value) > _MAX_NUMBER:
                raise RecordInvalid(name, "out_of_range")
            return float(value)

        return number
    if isinstance(kind, JSON):

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

        return text
    raise TypeError(f"{column.table.name}.{name}: no package form for {kind!r}")


def _ref_checker(key: str, nullable: bool) -> Checker:
    """A reference travels as the UUID of the record referred to."""

    def ref(value: Any) -> str | None:
        if isinstance(value, str) and UUID.fullmatch(value):
            return value
        if value is None:
            if nullable:
                return None
            raise RecordInvalid(key, "required")
        raise RecordInvalid(key, "badly_formed")

    return ref


def _enum_values(kind: Enum) -> frozenset[str]:
    """The values records carry for an enum column: its members' values (enum_column stores
    those, not the names)."""
    assert kind.enum_class is not None
    return frozenset(str(member.value) for member in kind.enum_class)


def _integer_minimum(name: str) -> int:
    return 1 if name == "version" else -_INT64


# Column tests. Each takes the values of one column (any record may hold a null there) and
# returns the converted list, or None.

_STR, _INT, _BOOL, _DICT = frozenset({str}), frozenset({int}), frozenset({bool}), frozenset({dict})
_NUMBER = frozenset({int, float})
_NULL = frozenset({type(None)})
_FIRST_DAY, _LAST_DAY = date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)
_year = attrgetter("year")
_tzinfo = attrgetter("tzinfo")
_given = partial(is_not, None)


def _typed(values: Sequence[Any], types: frozenset[type], nullable: bool) -> Sequence[Any] | None:
    """The values that are not null, if each is of one of `types`; None if any is of another
    type, or null where the column allows none."""
    found = set(map(type, values))
    if found <= types:
        return values
    if nullable and found - types == _NULL:
        return list(filter(_given, values))
    return None


def _with_nulls(values: Sequence[Any], given: Sequence[Any], converted: list[Any]) -> list[Any]:
    """`converted` (one per value in `given`) put back among the nulls of `values`."""
    if given is values:
        return converted
    it = iter(converted)
    return [None if value is None else next(it) for value in values]


def _column_test(column: Column[Any]) -> ColumnTest:
    name, kind = column.name, column.type
    nullable = bool(column.nullable)

    def typed(values: Sequence[Any], types: frozenset[type]) -> Sequence[Any] | None:
        return _typed(values, types, nullable)

    if isinstance(kind, UTCDateTime):

        def moments(values: Sequence[Any]) -> Sequence[Any] | None:
            given = typed(values, _STR)
            if not given:
                return None if given is None else values
            if max(map(len, given)) > _MAX_MOMENT_TEXT:
                return None
            try:
                parsed = list(map(datetime.fromisoformat, given))
            except ValueError:
                return None
            if None in map(_tzinfo, parsed):
                return None
            if min(map(_year, parsed)) < MIN_YEAR or max(map(_year, parsed)) > MAX_YEAR:
                return None
            return _with_nulls(values, given, parsed)

        return moments
    if isinstance(kind, Date):

        def days(values: Sequence[Any]) -> Sequence[Any] | None:
            given = typed(values, _STR)
            if not given:
                return None if given is None else values
            written = set(given)  # many records share a day: each one is read once
            if not all(map(_DATE.fullmatch, written)):
                return None
            try:
                parsed = dict(zip(written, map(date.fromisoformat, written), strict=True))
            except ValueError:
                return None
            if min(parsed.values()) < _FIRST_DAY or max(parsed.values()) > _LAST_DAY:
                return None
            return _with_nulls(values, given, list(map(parsed.__getitem__, given)))

        return days
    if isinstance(kind, Enum) and kind.enum_class is not None:
        allowed = _enum_values(kind)

        def choices(values: Sequence[Any]) -> Sequence[Any] | None:
            given = typed(values, _STR)
            return None if given is None or not allowed.issuperset(given) else values

        return choices
    if isinstance(kind, Boolean):
        return lambda values: None if typed(values, _BOOL) is None else values
    if isinstance(kind, Integer):
        minimum = _integer_minimum(name)

        def wholes(values: Sequence[Any]) -> Sequence[Any] | None:
            given = typed(values, _INT)
            if given and (min(given) < minimum or max(given) >= _INT64):
                return None
            return None if given is None else values

        return wholes
    if isinstance(kind, Float):

        def numbers(values: Sequence[Any]) -> Sequence[Any] | None:
            given = typed(values, _NUMBER)
            if not given:
                return None if given is None else values
            if not all(map(math.isfinite, given)) or max(map(abs, given)) > _MAX_NUMBER:
                return None
            return _with_nulls(values, given, list(map(float, given)))

        return numbers
    if isinstance(kind, JSON):
        return lambda values: None if typed(values, _DICT) is None else values
    if isinstance(kind, String):
        limit = kind.length or MAX_TEXT
        pattern = _PATTERNS.get(name)

        def texts(values: Sequence[Any]) -> Sequence[Any] | None:
            given = typed(values, _STR)
            if not given:
                return None if given is None else values
            if max(map(len, given)) > limit:
                return None
            if pattern is not None and not all(map(pattern.fullmatch, set(given))):
                return None
            return values

        return texts
    raise TypeError(f"{column.table.name}.{name}: no package form for {kind!r}")


def _ref_test(nullable: bool) -> ColumnTest:
    def refs(values: Sequence[Any]) -> Sequence[Any] | None:
        given = _typed(values, _STR, nullable)
        if given is None:
            return None
        return values if all(map(UUID.fullmatch, set(given))) else None

    return refs


@dataclass(frozen=True)
class Shape:
    """One table's rows in a package: which keys a record has, and how each becomes a value of
    its row. A row lists `columns` in order: the plain columns in table order, then the
    reference columns (`refs`), which hold the referenced record's UUID until the writer puts
    its row id there."""

    table: Table
    keys: frozenset[str]
    ordered: tuple[str, ...]  # every key, in the order a missing one is reported
    columns: tuple[str, ...]
    refs: tuple[tuple[int, str, type[Any]], ...]  # (position in the row, column, target model)
    checks: tuple[tuple[str, Checker], ...]  # (key, checker) per row value, in key order
    tests: tuple[tuple[str, ColumnTest], ...]  # (key, column test) per row value
    values: Callable[[dict[str, Any]], tuple[Any, ...]]  # a record's values of `ordered`

    def check(self, data: Any, where: str) -> list[Any]:
        """The row of one record (or child item), or RecordInvalid naming its first bad field."""
        if not isinstance(data, dict):
            raise RecordInvalid(where or "(record)", "not_object")
        if data.keys() != self.keys:
            missing = [k for k in self.ordered if k not in data]
            if missing:
                raise RecordInvalid(missing[0], "missing")
            extra = sorted(k for k in data if k not in self.keys)
            raise RecordInvalid(extra[0], "unknown_field")
        return [check(data[key]) for key, check in self.checks]

    def rows(self, records: Sequence[Any]) -> list[list[Any]] | None:
        """The rows of many records at once, column by column; None when any record needs the
        one-by-one check (which then says what is wrong, or converts what the tests leave)."""
        if not records:
            return []
        if not set(map(type, records)) <= _DICT or set(map(len, records)) != {len(self.keys)}:
            return None
        try:  # as many keys as the shape has, every one of them present: those keys exactly
            columns: list[Sequence[Any]] = list(zip(*map(self.values, records), strict=True))
        except KeyError:
            return None
        for position, (_, test) in enumerate(self.tests):
            values = test(columns[position])
            if values is None:
                return None
            columns[position] = values
        del columns[len(self.tests) :]  # the keys of children and links
        return list(map(list, zip(*columns, strict=True)))

    def position(self, column: str) -> int:
        return self.columns.index(column)


def _shape(
    model: type[Any], skip: set[str], refs: Mapping[str, type[Any]], extra: Iterable[str] = ()
) -> Shape:
    table: Table = model.__table__
    plain = [c for c in table.columns if c.name not in skip | set(refs)]
    columns = (*(c.name for c in plain), *refs)
    keys = (*(c.name for c in plain), *(ref_key(column) for column in refs))
    nullable = [bool(table.columns[c].nullable) for c in refs]
    checks = (
        *(_column_checker(c) for c in plain),
        *(_ref_checker(ref_key(c), n) for c, n in zip(refs, nullable, strict=True)),
    )
    tests = (*(_column_test(c) for c in plain), *(_ref_test(n) for n in nullable))
    positions = tuple(
        (len(plain) + i, column, target) for i, (column, target) in enumerate(refs.items())
    )
    ordered = (*keys, *extra)
    return Shape(
        table,
        frozenset(ordered),
        ordered,
        columns,
        positions,
        tuple(zip(keys, checks, strict=True)),
        tuple(zip(keys, tests, strict=True)),
        itemgetter(*ordered) if len(ordered) > 1 else lambda data: (data[ordered[0]],),
    )


@dataclass(slots=True)
class Parsed:
    """An incoming record that passed every check: its row (references as UUIDs), its child
    rows likewise, its links as UUIDs, and the record itself."""

    uuid: str
    version: int
    origin_office: str
    row: list[Any]
    children: dict[str, list[list[Any]]]
    links: dict[str, list[str]]
    record: dict[str, Any]


# Fields added to a kind since its records were first written, with what a record without
# them means (what the migration that added the column gave the rows already there): a package
# from an earlier version of the program still imports.
ADDED_FIELDS: dict[str, dict[str, Any]] = {
    "bulletin": {"status": "issued", "void_reason": ""},
    "supervision_notice": {"void_reason": ""},
    "item_event": {"requested_deadline": None},
}


def _with_added(kind: str, record: Any) -> Any:
    added = ADDED_FIELDS.get(kind)
    if not added or not isinstance(record, dict) or added.keys() <= record.keys():
        return record
    return {**added, **record}


class RecordChecker:
    """Checks records of one kind against the schema; built once per kind."""

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

    def check(self, record: Any) -> Parsed:
        """The parsed record, or RecordInvalid naming the first bad field."""
        record = _with_added(self.spec.kind, record)
        row = self.shape.check(record, "")
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
        return self._parsed(record, row, children)

    def check_many(self, records: Sequence[Any]) -> tuple[list[Parsed], RecordInvalid | None]:
        """The records parsed in order up to the first bad one, and what is wrong with that
        one (None when all are good): the same as `check` on each in turn."""
        if self.spec.kind in ADDED_FIELDS:
            records = [_with_added(self.spec.kind, record) for record in records]
        rows = self.shape.rows(records)
        if rows is not None and not self.children and not self.spec.links:
            u, v, o = self._uuid, self._version, self._origin
            return [
                Parsed(row[u], row[v], row[o], row, {}, {}, record)
                for record, row in zip(records, rows, strict=True)
            ], None
        children = None if rows is None else self._children_of(records)
        if rows is None or children is None:
            return self._one_by_one(records)
        parsed = []
        for record, row, items in zip(records, rows, children, strict=True):
            try:
                parsed.append(self._parsed(record, row, items))
            except RecordInvalid as invalid:  # a bad link
                return parsed, invalid
        return parsed, None

    def _one_by_one(self, records: Sequence[Any]) -> tuple[list[Parsed], RecordInvalid | None]:
        parsed = []
        for record in records:
            try:
                parsed.append(self.check(record))
            except RecordInvalid as invalid:
                return parsed, invalid
        return parsed, None

    def _children_of(self, records: Sequence[Any]) -> list[dict[str, list[list[Any]]]] | None:
        """Every record's child rows, each kind of child checked for all records at once; None
        when any record needs the one-by-one check."""
        children: list[dict[str, list[list[Any]]]] = [{} for _ in records]
        for child, shape in self.children:
            lists = list(map(itemgetter(child.key), records))
            if not set(map(type, lists)) <= _LIST or max(map(len, lists), default=0) > MAX_LIST:
                return None
            rows = shape.rows(list(chain.from_iterable(lists)))
            if rows is None:
                return None
            start = 0
            for out, items in zip(children, lists, strict=True):
                out[child.key] = rows[start : start + len(items)]
                start += len(items)
        return children

    def _parsed(
        self, record: dict[str, Any], row: list[Any], children: dict[str, list[list[Any]]]
    ) -> Parsed:
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


_LIST = frozenset({list})


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
