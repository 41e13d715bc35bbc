"""Applying one package's records: ownership, new/updated/unchanged, conflicts and rejections."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.attachments import blob_path
from desktop.models import CalendarDay, ExchangeConflict
from desktop.sync.records import (
    SPECS,
    KindSpec,
    Uuids,
    parse_value,
    plain_columns,
    ref_key,
    to_record,
)

OUTCOMES = ("new", "updated", "unchanged", "conflicts", "rejected")


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

    def add(self, kind: str, outcome: str) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += 1

    def refuse(self, kind: str, uuid: str, code: str, **fields: Any) -> None:
        self.add(kind, "rejected")
        self.problems.append(Problem(kind, uuid, code, fields))


class _Refused(Exception):
    def __init__(self, code: str, **fields: Any) -> None:
        super().__init__(code)
        self.code, self.fields = code, fields


def apply_records(
    session: Session,
    records: Mapping[str, tuple[dict[str, Any], ...]],
    *,
    sender: str,
    package_id: str,
    from_parent: bool,
    attachments: Mapping[str, bytes],
    store: Path | None,
) -> Tally:
    """Apply every record the sender may write; refuse or queue the rest. Never commits."""
    tally = Tally()
    uuids = Uuids(session)
    for spec in SPECS:
        applied: list[tuple[Any, dict[str, Any]]] = []
        for record in records.get(spec.kind, ()):
            row = _apply_one(session, spec, record, sender, package_id, uuids, tally)
            if row is not None:
                applied.append((row, record))
        for row, record in applied:
            for column in spec.self_refs:
                target = record.get(ref_key(column))
                setattr(row, column, uuids.id(spec.model, target) if target else None)
        session.flush()
    for record in records.get("holiday", ()):
        _apply_holiday(session, record, from_parent, package_id, tally)
    if store is not None:
        for sha256, blob in attachments.items():
            target = blob_path(store, sha256)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(blob)
    return tally


def _apply_one(
    session: Session,
    spec: KindSpec,
    record: dict[str, Any],
    sender: str,
    package_id: str,
    uuids: Uuids,
    tally: Tally,
) -> Any:
    uuid = str(record.get("uuid", ""))
    if record.get("origin_office") != sender:
        tally.refuse(spec.kind, uuid, "not_owner", owner=str(record.get("origin_office")))
        return None
    row = session.scalars(select(spec.model).where(spec.model.uuid == uuid)).first()
    if row is not None:
        local = to_record(row, spec, uuids)
        if local == record or record.get("version", 0) < row.version:
            tally.add(spec.kind, "unchanged")
            return None
        if row.origin_office != sender:
            session.add(
                ExchangeConflict(
                    package_id=package_id,
                    peer_office_uuid=sender,
                    kind=spec.kind,
                    record_uuid=uuid,
                    local_value=local,
                    incoming_value=record,
                )
            )
            tally.add(spec.kind, "conflicts")
            return None
    try:
        with session.begin_nested():
            target = row if row is not None else spec.model()
            write_record(session, spec, target, record, uuids)
            if row is None:
                session.add(target)
            session.flush()
    except _Refused as refused:
        tally.refuse(spec.kind, uuid, refused.code, **refused.fields)
        return None
    except (ValueError, TypeError, KeyError) as exc:
        tally.refuse(spec.kind, uuid, "bad_record", reason=str(exc))
        return None
    except IntegrityError as exc:
        tally.refuse(spec.kind, uuid, "constraint", reason=str(exc.orig))
        return None
    if row is None:
        uuids.add(spec.model, target.id, uuid)
    tally.add(spec.kind, "new" if row is None else "updated")
    return target


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


def _apply_holiday(
    session: Session, record: dict[str, Any], from_parent: bool, package_id: str, tally: Tally
) -> None:
    day_text = str(record.get("day", ""))
    if not from_parent:
        tally.refuse("holiday", day_text, "not_owner", owner="")
        return
    try:
        day = date.fromisoformat(day_text)
        is_workday, name = bool(record["is_workday"]), str(record.get("name", ""))
    except (ValueError, KeyError) as exc:
        tally.refuse("holiday", day_text, "bad_record", reason=str(exc))
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
