"""Applying one package's records: checked whole first, then written in bulk per kind.

Every record is checked against the schema, and every reference resolved, before anything is
written: a package with one malformed record or one dangling reference is refused as a whole
(PackageRejected) and changes nothing. Ownership and authority are decided per record: a record the sender does
not own, or one that touches what the sender has no authority over (authority.py), is refused;
a change to a record another office owns goes to the conflict queue.
New and changed rows are written in bulk through desktop/db/bulk.py, one statement with many
parameter sets per table, holding the values the checks already converted (see records.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select
from sqlalchemy.orm import Session

from desktop.core.attachments import keep_contents
from desktop.core.items import absorb_feedback, absorb_steps
from desktop.core.office import local_office
from desktop.core.unit_merge import apply_merge, canonical_units
from desktop.db import bulk
from desktop.models import (
    AgreedItem,
    CalendarDay,
    ExchangeConflict,
    ItemEvent,
    ReceivedBase,
    Unit,
)
from desktop.sync.authority import Authority
from desktop.sync.domain_rules import DomainRules, check_change
from desktop.sync.errors import PackageRejected
from desktop.sync.jsonl import dumps_canonical
from desktop.sync.manifest import attachment_member
from desktop.sync.records import (
    MAX_YEAR,
    MIN_YEAR,
    RELAYED_KINDS,
    SPECS,
    KindSpec,
    Parsed,
    RecordChecker,
    RecordInvalid,
    Shape,
    Uuids,
    checker,
    load_records,
    parse_value,
    plain_columns,
    record_hash,
    record_label,
    ref_key,
)

OUTCOMES = ("new", "updated", "unchanged", "conflicts", "rejected")
_CHUNK = 500


@dataclass(frozen=True)
class Problem:
    """A record that was not applied: its kind, uuid and a code with fields for the message."""

    kind: str
    uuid: str
    code: str
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Tally:
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add(self, kind: str, outcome: str, n: int = 1) -> None:
        if n:
            self.counts.setdefault(kind, Counter())[outcome] += n

    def refuse(self, kind: str, uuid: str, code: str, **fields: Any) -> None:
        self.add(kind, "rejected")
        self.problems.append(Problem(kind, uuid, code, fields))


@dataclass
class _Plan:
    """What to do with one kind's records, decided before anything is written."""

    new: list[Parsed] = field(default_factory=list)
    updated: list[tuple[int, Parsed]] = field(default_factory=list)  # (row id, record)
    conflicts: list[tuple[dict[str, Any], Parsed]] = field(default_factory=list)  # (local, ...)
    checked: list[Parsed] = field(default_factory=list)  # every record the sender may send
    taken: list[Parsed] = field(default_factory=list)  # unchanged: already as the owner has it
    returned: int = 0  # of `new`, our own records carried back (counted when taken back)


def apply_records(
    session: Session,
    records: Mapping[str, Sequence[Any]],
    *,
    sender: str,
    package_id: str,
    from_parent: bool,
    attachments: Mapping[str, bytes],
    returning: bool = False,
    restarting: bool = False,
) -> Tally:
    """Apply every record the sender may write; refuse or queue the rest. Never commits.

    PackageRejected (bad_record, duplicate_record, missing_reference) is raised before any
    write; the caller wraps the call in a savepoint so a database constraint failing half-way
    leaves nothing behind either.
    """
    tally = Tally()
    records = _canonical_units(session, records, sender, from_parent, tally)
    parsed = {spec.kind: _check_kind(spec.kind, records.get(spec.kind, ())) for spec in SPECS}
    holidays = _check_holidays(records.get("holiday", ()))
    uuids = Uuids(session)
    me = local_office(session).uuid
    authority = Authority(session, sender=sender, me=me, from_parent=from_parent)
    rules = DomainRules(session, authority)
    plans = {
        spec.kind: _plan(
            session, spec, parsed[spec.kind], authority, rules, uuids, tally, returning, restarting
        )
        for spec in SPECS
    }
    _check_references(plans, uuids)
    for spec in SPECS:
        _write(session, spec, plans[spec.kind], uuids, sender, package_id)
    # Units the sender merged are merged here too, once both are in place.
    merges = plans["unit_merge"]
    for record in merges.new + [record for _, record in merges.updated]:
        into = uuids.id(Unit, str(record.record["into_unit_uuid"]))
        if into is not None:
            apply_merge(session, str(record.record["merged_unit_uuid"]), into)
    # Feedback on our items from the units doing them moves the items along here too.
    fed = plans["feedback"].new + [record for _, record in plans["feedback"].updated]
    item_ids = (uuids.id(AgreedItem, str(r.record.get("item_uuid"))) for r in fed)
    absorb_feedback(session, [item_id for item_id in item_ids if item_id is not None])
    # So do the steps the lead unit's office took on them (办结, 申请延期).
    steps = plans["item_event"].new
    absorb_steps(session, [i for r in steps if (i := uuids.id(ItemEvent, r.uuid)) is not None])
    for day, is_workday, name in holidays:
        _apply_holiday(session, day, is_workday, name, from_parent, package_id, tally)
    # Only attachments an accepted record describes are kept: nothing unsigned by a record.
    # They go into the database with the records, so a package refused later leaves none.
    described = {r.record.get("sha256") for r in plans["attachment"].checked}
    for sha256, blob in attachments.items():
        if sha256 in described and not keep_contents(session, sha256, blob):
            raise PackageRejected("member_hash_mismatch", name=attachment_member(sha256))
    return tally


def _canonical_units(
    session: Session,
    records: Mapping[str, Sequence[Any]],
    sender: str,
    from_parent: bool,
    tally: Tally,
) -> Mapping[str, Sequence[Any]]:
    """The package's records with every unit named by the uuid of the unit it was merged into.

    A unit merged here (or by a merge in this package the sender may make) is never written
    again: its own record is dropped, and records naming it name the unit it became.
    """
    aliases = canonical_units(session)
    for merge in records.get("unit_merge", ()):
        if not isinstance(merge, dict) or merge.get("origin_office") != sender:
            continue
        merged, into = merge.get("merged_unit_uuid"), merge.get("into_unit_uuid")
        if isinstance(merged, str) and isinstance(into, str) and merged != into:
            owner = session.scalar(select(Unit.origin_office).where(Unit.uuid == merged))
            if from_parent or owner in (None, sender):
                aliases.setdefault(merged, aliases.get(into, into))
    if not aliases:
        return records

    def canon(value: Any) -> Any:
        return aliases.get(value, value) if isinstance(value, str) else value

    def rewrite(data: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
        return {**data, **{k: canon(data[k]) for k in keys if k in data}}

    out: dict[str, Sequence[Any]] = dict(records)
    for spec in SPECS:
        unit_keys = [ref_key(c) for c, target in spec.refs.items() if target is Unit]
        children = [
            (child.key, [ref_key(c) for c, target in child.refs.items() if target is Unit])
            for child in spec.children
        ]
        links = [key for key, (_, target) in spec.links.items() if target is Unit]
        kept: list[Any] = []
        for record in records.get(spec.kind, ()):
            if not isinstance(record, dict):
                kept.append(record)  # refused as malformed by the checks that follow
                continue
            if spec.kind == "unit" and record.get("uuid") in aliases:
                tally.add("unit", "unchanged")
                continue
            record = rewrite(record, unit_keys)
            for key, keys in children:
                if keys and isinstance(record.get(key), list):
                    record[key] = [
                        rewrite(c, keys) if isinstance(c, dict) else c for c in record[key]
                    ]
            for key in links:
                if isinstance(record.get(key), list):
                    record[key] = [canon(u) for u in record[key]]
            kept.append(record)
        out[spec.kind] = tuple(kept)
    return out


def _bad(kind: str, label: str, invalid: RecordInvalid) -> PackageRejected:
    return PackageRejected(
        "bad_record",
        kind=kind,
        uuid=label,
        field=invalid.field,
        problem=invalid.problem,
        **invalid.detail,
    )


def _check_kind(kind: str, records: Sequence[dict[str, Any]]) -> list[Parsed]:
    """Every record checked, in order; the first bad or repeated one refuses the package."""
    parsed, invalid = checker(kind).check_many(records)
    _no_repeats(kind, parsed)  # a repeat before the bad record is the first problem
    if invalid is not None:
        index = len(parsed) + 1
        raise _bad(kind, record_label(records[index - 1], index), invalid)
    return parsed


def _no_repeats(kind: str, parsed: list[Parsed]) -> None:
    if len({one.uuid for one in parsed}) == len(parsed):
        return
    seen: set[str] = set()
    for one in parsed:
        if one.uuid in seen:
            raise PackageRejected("duplicate_record", kind=kind, uuid=one.uuid)
        seen.add(one.uuid)


def _check_holidays(records: Sequence[dict[str, Any]]) -> list[tuple[date, bool, str]]:
    holidays = []
    seen: set[date] = set()
    for index, record in enumerate(records, start=1):
        label = str(record.get("day"))[:10] if isinstance(record.get("day"), str) else ""
        try:
            day, is_workday, name = _holiday(record)
        except RecordInvalid as invalid:
            raise _bad("holiday", label or f"第{index}条", invalid) from None
        if day in seen:
            raise PackageRejected("duplicate_record", kind="holiday", uuid=label)
        seen.add(day)
        holidays.append((day, is_workday, name))
    return holidays


def _holiday(record: dict[str, Any]) -> tuple[date, bool, str]:
    keys = ("day", "is_workday", "name")
    missing = [k for k in keys if k not in record]
    if missing:
        raise RecordInvalid(missing[0], "missing")
    extra = sorted(set(record) - set(keys))
    if extra:
        raise RecordInvalid(extra[0], "unknown_field")
    text, is_workday, name = record["day"], record["is_workday"], record["name"]
    if not isinstance(text, str) or len(text) != 10:
        raise RecordInvalid("day", "not_date")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise RecordInvalid("day", "not_date") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise RecordInvalid("day", "absurd_date", value=text)
    if not isinstance(is_workday, bool):
        raise RecordInvalid("is_workday", "not_boolean")
    if not isinstance(name, str):
        raise RecordInvalid("name", "not_text")
    if len(name) > 60:
        raise RecordInvalid("name", "too_long", max=60)
    return day, is_workday, name


def _connection(session: Session) -> Connection:
    """The session's connection, with pending ORM changes flushed first: bulk statements go
    through it, beside the ORM."""
    session.flush()
    return session.connection()


def _plan(
    session: Session,
    spec: KindSpec,
    records: list[Parsed],
    authority: Authority,
    rules: DomainRules,
    uuids: Uuids,
    tally: Tally,
    returning: bool = False,
    restarting: bool = False,
) -> _Plan:
    plan = _Plan()
    if not records:
        return plan
    if returning:
        records = _take_back(session, spec, records, plan, tally, authority.me, uuids)
    sender = authority.sender
    # A parent relays directory entries of a third office that its own records refer to.
    relayable = authority.from_parent and spec.kind in RELAYED_KINDS
    owned = []
    for record in records:
        relayed = relayable and record.origin_office not in (sender, authority.me)
        if record.origin_office != sender and not relayed:
            tally.refuse(spec.kind, record.uuid, "not_owner", owner=record.origin_office)
            authority.refused.add(record.uuid)
        else:
            owned.append(record)
    owned, beyond = authority.screen(spec.kind, owned)
    owned, broken = rules.screen(spec.kind, owned)
    existing = bulk.existing_by_uuid(
        _connection(session), spec.model.__table__, [r.uuid for r in owned]
    )
    local = load_records(
        session, spec, uuids, ids=[existing[r.uuid][0] for r in owned if r.uuid in existing]
    )
    unchanged = 0
    bases = _bases(session, spec.kind, [r.uuid for r in owned if r.uuid in existing])
    for record in owned:
        row = existing.get(record.uuid)
        if row is None:
            plan.new.append(record)
            plan.checked.append(record)
            continue
        row_id, version, origin = row
        mine = local[row_id]
        if mine == record.record:
            unchanged += 1
            plan.taken.append(record)
        elif (
            origin != record.origin_office
            or _edited_here(spec.kind, mine, bases.get(record.uuid), version, record)
            # A sender that restored a backup: its copy no newer than ours may lack changes
            # it sent us before the restore.
            or (restarting and record.version <= version)
        ):
            plan.conflicts.append((mine, record))
        elif (refusal := check_change(spec.kind, mine, record.record)) is not None:
            broken.append((record, refusal))
            continue
        else:
            plan.updated.append((row_id, record))
        plan.checked.append(record)
    for record, refusal in beyond + broken:
        tally.refuse(spec.kind, record.uuid, refusal.code, **refusal.fields)
        authority.refused.add(record.uuid)
    tally.add(spec.kind, "new", len(plan.new) - plan.returned)
    tally.add(spec.kind, "updated", len(plan.updated))
    tally.add(spec.kind, "unchanged", unchanged)
    tally.add(spec.kind, "conflicts", len(plan.conflicts))
    return plan


# Kinds whose copy here changes only by what travels back to the owner anyway: a township's
# progress on a county item moves its copy of the item, and the feedback and timeline entries
# that did it go up to the county, whose next copy includes them. The owner's copy wins.
OWNER_WINS = frozenset({"agreed_item"})


def _edited_here(
    kind: str, mine: dict[str, Any], base: str | None, version: int, record: Parsed
) -> bool:
    """Whether our copy of another office's record was edited here since we last took the
    owner's copy: then the owner's change has not seen our edit, and a person decides."""
    if kind in OWNER_WINS:
        return False
    if base is not None:
        return record_hash(mine) != base
    # Taken before bases were kept: our version ahead of the owner's means edits made here.
    return record.version < version


def _bases(session: Session, kind: str, uuids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(uuids), _CHUNK):
        chunk = uuids[start : start + _CHUNK]
        found.update(
            session.execute(
                select(ReceivedBase.record_uuid, ReceivedBase.sha256).where(
                    ReceivedBase.kind == kind, ReceivedBase.record_uuid.in_(chunk)
                )
            ).all()
        )
    return found


def _keep_bases(session: Session, kind: str, records: Sequence[Parsed]) -> None:
    """Remember the owner's copy just taken (or found equal): the base of later local edits."""
    if not records:
        return
    uuids = [r.uuid for r in records]
    for start in range(0, len(uuids), _CHUNK):
        session.execute(
            delete(ReceivedBase).where(
                ReceivedBase.kind == kind,
                ReceivedBase.record_uuid.in_(uuids[start : start + _CHUNK]),
            )
        )
    session.execute(
        insert(ReceivedBase),
        [{"kind": kind, "record_uuid": r.uuid, "sha256": record_hash(r.record)} for r in records],
    )


def _take_back(
    session: Session,
    spec: KindSpec,
    records: list[Parsed],
    plan: _Plan,
    tally: Tally,
    me: str,
    uuids: Uuids,
) -> list[Parsed]:
    """Our own records a peer carries back after we restored a backup (the resync we asked
    for): those we lack are written again; one that differs from ours (an edit the restore
    took, or one made since) goes to the conflict queue for a person to decide."""
    ours = [r for r in records if r.origin_office == me]
    if not ours:
        return records
    table = spec.model.__table__
    here = bulk.existing_by_uuid(_connection(session), table, [r.uuid for r in ours])
    back = [r for r in ours if r.uuid not in here]
    plan.new += back
    plan.checked += back
    plan.returned = len(back)
    kept = [r for r in ours if r.uuid in here]
    local = load_records(session, spec, uuids, ids=[here[r.uuid][0] for r in kept])
    differing = [(local[here[r.uuid][0]], r) for r in kept if local[here[r.uuid][0]] != r.record]
    plan.conflicts += differing
    tally.add(spec.kind, "new", len(back))
    tally.add(spec.kind, "unchanged", len(kept) - len(differing))
    return [r for r in records if r.origin_office != me]


def _check_references(plans: Mapping[str, _Plan], uuids: Uuids) -> None:
    """Every reference names a record that is here or arrives in this package."""
    arriving: dict[type[Any], set[str]] = {}
    for spec in SPECS:
        arriving.setdefault(spec.model, set()).update(r.uuid for r in plans[spec.kind].new)
    for spec in SPECS:
        records = plans[spec.kind].checked
        check = checker(spec.kind)
        if records and not _all_resolve(check, records, uuids, arriving):
            for record in records:  # the first dangling reference, in record order
                for key, target, uuid in check.references(record):
                    if uuid not in uuids.known(target) and uuid not in arriving[target]:
                        raise PackageRejected(
                            "missing_reference",
                            kind=spec.kind,
                            uuid=record.uuid,
                            field=key,
                            target=uuid,
                        )


def _all_resolve(
    check: RecordChecker,
    records: list[Parsed],
    uuids: Uuids,
    arriving: Mapping[type[Any], set[str]],
) -> bool:
    """Whether every reference of these records resolves, one column at a time (the quick way
    for the common case; children and links are left to the record-by-record walk)."""
    if check.children or check.spec.links:
        return False
    for position, _, target in check.shape.refs:
        wanted = {record.row[position] for record in records}
        wanted.discard(None)
        if wanted - uuids.known(target).keys() - arriving[target]:
            return False
    return True


def _resolved(
    shape: Shape, rows: Iterable[list[Any]], uuids: Uuids, model: type[Any]
) -> list[Sequence[Any]]:
    """Checked rows column by column (as bulk statements take them), with every reference's
    UUID replaced by its row id. References to `model` itself are left null;
    `_write_self_refs` sets them once all its rows are in place."""
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True))
    for position, _, target in shape.refs if columns else ():
        if target is model:
            columns[position] = (None,) * len(columns[position])
        else:
            columns[position] = list(map(uuids.known(target).get, columns[position]))
    return columns


def _write(
    session: Session, spec: KindSpec, plan: _Plan, uuids: Uuids, sender: str, package_id: str
) -> None:
    table: Table = spec.model.__table__
    shape = checker(spec.kind).shape
    written: list[tuple[int, Parsed]] = []
    if plan.new:
        connection = _connection(session)
        before = bulk.largest_id(connection, table)
        columns = _resolved(shape, (r.row for r in plan.new), uuids, spec.model)
        bulk.insert_columns(connection, table, shape.columns, columns)
        if spec.children or spec.links or spec.self_refs or uuids.loaded(spec.model):
            written = _new_ids(connection, table, before, plan.new)
            for row_id, record in written:
                uuids.add(spec.model, row_id, record.uuid)
    if plan.updated:
        _update(session, spec, plan.updated, uuids)
        written += plan.updated
    if written:
        _write_children(session, spec, written, uuids)
        _write_self_refs(session, spec, written, uuids)
    if spec.kind not in OWNER_WINS:
        _keep_bases(session, spec.kind, plan.new + [r for _, r in plan.updated] + plan.taken)
    # A package re-sent before our receipt arrives carries the same change again: one entry
    # (and a change already decided is not asked about again).
    pending = {
        (c.record_uuid, dumps_canonical(c.incoming_value))
        for c in session.scalars(
            select(ExchangeConflict).where(
                ExchangeConflict.kind == spec.kind,
                ExchangeConflict.record_uuid.in_([r.uuid for _, r in plan.conflicts]),
            )
        )
    }
    session.add_all(
        ExchangeConflict(
            package_id=package_id,
            peer_office_uuid=sender,
            kind=spec.kind,
            record_uuid=record.uuid,
            local_value=local,
            incoming_value=record.record,
        )
        for local, record in plan.conflicts
        if (record.uuid, dumps_canonical(record.record)) not in pending
    )


def _new_ids(
    connection: Connection, table: Table, before: int, new: list[Parsed]
) -> list[tuple[int, Parsed]]:
    """(row id, record) of rows just inserted into a table whose largest id was `before`.

    SQLite gives a new row the largest id plus one, a PostgreSQL sequence an id larger than any
    it gave before, so one range query finds them all; should the database ever have picked
    another id (SQLite, once the largest possible is taken), they are looked up by uuid.
    """
    ids = bulk.ids_after(connection, table, before)
    missing = [r.uuid for r in new if r.uuid not in ids]
    if missing:
        found = bulk.existing_by_uuid(connection, table, missing)
        ids.update((uuid, row[0]) for uuid, row in found.items())
    return [(ids[record.uuid], record) for record in new]


def _update(
    session: Session, spec: KindSpec, updated: list[tuple[int, Parsed]], uuids: Uuids
) -> None:
    """Rows this package changes, set to its values; their children and links are replaced."""
    connection = _connection(session)
    table: Table = spec.model.__table__
    shape = checker(spec.kind).shape
    columns = _resolved(shape, (r.row for _, r in updated), uuids, spec.model)
    updated_ids = [row_id for row_id, _ in updated]
    bulk.update_columns(connection, table, shape.columns, columns, updated_ids)
    for child in spec.children:
        child_table: Table = child.model.__table__
        for start in range(0, len(updated_ids), _CHUNK):
            chunk = updated_ids[start : start + _CHUNK]
            session.execute(
                delete(child_table).where(child_table.c[child.parent_column].in_(chunk))
            )
    for relationship_name, _target in spec.links.values():
        own, _ = _link_columns(spec, relationship_name)
        for start in range(0, len(updated_ids), _CHUNK):
            chunk = updated_ids[start : start + _CHUNK]
            session.execute(delete(own.table).where(own.in_(chunk)))


def _link_columns(spec: KindSpec, relationship_name: str) -> tuple[Any, Any]:
    relationship = spec.model.__mapper__.relationships[relationship_name]
    return relationship.synchronize_pairs[0][1], relationship.secondary_synchronize_pairs[0][1]


def _write_children(
    session: Session, spec: KindSpec, written: list[tuple[int, Parsed]], uuids: Uuids
) -> None:
    connection = _connection(session)
    for child, shape in checker(spec.kind).children:
        parents = []
        items = []
        for row_id, record in written:
            for item in record.children[child.key]:
                parents.append(row_id)
                items.append(item)
        if items:
            columns = [*_resolved(shape, items, uuids, spec.model), parents]
            names = (*shape.columns, child.parent_column)
            bulk.insert_columns(connection, child.model.__table__, names, columns)
    for key, (relationship_name, target) in spec.links.items():
        own, other = _link_columns(spec, relationship_name)
        pairs = [
            [row_id, uuids.id(target, uuid)]
            for row_id, record in written
            for uuid in record.links[key]
        ]
        if pairs:
            bulk.insert_rows(connection, own.table, (own.name, other.name), pairs)


def _write_self_refs(
    session: Session, spec: KindSpec, written: list[tuple[int, Parsed]], uuids: Uuids
) -> None:
    connection = _connection(session)
    table: Table = spec.model.__table__
    shape = checker(spec.kind).shape
    for position, column, target in shape.refs:
        if target is not spec.model:
            continue
        params = [
            (uuids.id(spec.model, uuid), row_id)
            for row_id, record in written
            if (uuid := record.row[position]) is not None
        ]
        if params:
            bulk.update_rows(connection, table, (column,), params)


def _apply_holiday(
    session: Session,
    day: date,
    is_workday: bool,
    name: str,
    from_parent: bool,
    package_id: str,
    tally: Tally,
) -> None:
    if not from_parent:
        tally.refuse("holiday", day.isoformat(), "not_owner", owner="")
        return
    row = session.get(CalendarDay, day)
    if row is not None and (row.is_workday, row.name) == (is_workday, name):
        tally.add("holiday", "unchanged")
        return
    if row is None:
        session.add(CalendarDay(day=day, is_workday=is_workday, name=name, source=package_id))
        tally.add("holiday", "new")
    else:
        row.is_workday, row.name, row.source = is_workday, name, package_id
        tally.add("holiday", "updated")


# ---------------------------------------------------------------------------------------------
# One record onto one ORM row: deciding a conflict in favour of the incoming value.


class _Refused(Exception):
    def __init__(self, code: str, **fields: Any) -> None:
        super().__init__(code)
        self.code, self.fields = code, fields


def write_record(
    session: Session, spec: KindSpec, row: Any, record: dict[str, Any], uuids: Uuids
) -> None:
    """Set a row (new or existing) to a record; self references are left to the caller."""
    table = spec.model.__table__
    for name in plain_columns(spec.model, {"id", *spec.refs}):
        setattr(row, name, parse_value(table, name, record[name]))
    for column, target in spec.refs.items():
        if column not in spec.self_refs:
            setattr(row, column, _resolve(uuids, target, record.get(ref_key(column)), column))
    for child in spec.children:
        if getattr(row, child.key):
            getattr(row, child.key).clear()
            session.flush()  # old children out before new ones meet their unique constraints
        rows = []
        for data in record[child.key]:
            item = child.model()
            child_table = child.model.__table__
            for name in plain_columns(child.model, {"id", child.parent_column, *child.refs}):
                setattr(item, name, parse_value(child_table, name, data[name]))
            for column, target in child.refs.items():
                setattr(item, column, _resolve(uuids, target, data.get(ref_key(column)), column))
            rows.append(item)
        setattr(row, child.key, rows)
    for key, (relationship, target) in spec.links.items():
        linked = [_resolve(uuids, target, u, key) for u in record[key]]
        setattr(row, relationship, [session.get(target, i) for i in linked])


def _resolve(uuids: Uuids, target: type[Any], uuid: str | None, column: str) -> int | None:
    if uuid is None:
        return None
    found = uuids.id(target, uuid)
    if found is None:
        raise _Refused("missing_reference", ref=column, target=uuid)
    return found
