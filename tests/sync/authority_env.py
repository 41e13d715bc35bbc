"""A township and its county that each hold records of the other's, to try authority on.

Both databases get, for every record kind, one record owned by the county (a copy of one of the
township's with its references moved to other county records): so a package from either side can
point a record at the other side's meeting, item, unit or scheme.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.core.records import stamp_new
from desktop.core.unit_merge import merge_units
from desktop.db import Database
from desktop.models import (
    AssessmentIndicator,
    AssessmentResult,
    AssessmentScheme,
    Attachment,
    Meeting,
    ReceivedPackage,
    Unit,
)
from desktop.sync import LocalOffice, write_package
from desktop.sync.apply import write_record
from desktop.sync.importer import ImportResult, import_package
from desktop.sync.records import BY_KIND, KINDS, SCHEMA_VERSION, SPECS, Uuids, ref_key
from tests.conftest import logical_dump
from tests.sync.exchange_env import (
    Env,
    Records,
    build_pair,
    copy_db,
    make_env,
    preview_import,
)

_NS = uuid.UUID("7a1b5c3e-0d2f-4e6a-9b8c-1d2e3f4a5b6c")


def fresh_uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NS, "/".join(parts)))


@dataclass
class World:
    """The pair, the township's own records (by kind) and the county's copies (by kind)."""

    env: Env
    township_records: Records
    county_records: dict[str, dict[str, Any]] = field(default_factory=dict)
    sequences: dict[str, int] = field(default_factory=dict)

    def township_record(self, kind: str) -> dict[str, Any]:
        return copy.deepcopy(self.township_records[kind][0])

    def county_record(self, kind: str) -> dict[str, Any]:
        return copy.deepcopy(self.county_records[kind])

    def package(self, sender: str, records: Mapping[str, list[dict[str, Any]]]) -> bytes:
        """The next package from `sender` ("township" or "county") to the other, signed."""
        origin, recipient, db = self.sides(sender)
        last, previous = _last_applied(db, origin.uuid)
        return write_package(
            origin=origin,
            recipient=recipient.public(),
            records=records,
            sequence=last + 1,
            previous_manifest_sha256=previous,
            schema_version=SCHEMA_VERSION,
            kinds=KINDS,
        ).data

    def send(self, sender: str, records: Mapping[str, list[dict[str, Any]]]) -> ImportResult:
        """Import the next package from `sender` to the other."""
        data = self.package(sender, records)
        with self.sides(sender)[2].unit_of_work() as s:
            return import_package(s, data, file_name="p.lxpkg")

    def preview(self, sender: str, records: Mapping[str, list[dict[str, Any]]]) -> ImportResult:
        """What `lianxi package import --dry-run` says of the next package from `sender`."""
        return preview_import(self.sides(sender)[2], self.package(sender, records))

    def sides(self, sender: str) -> tuple[LocalOffice, LocalOffice, Database]:
        if sender == "township":
            return self.env.t_keys, self.env.c_keys, self.env.county
        return self.env.c_keys, self.env.t_keys, self.env.township

    def recipient_dump(self, sender: str) -> dict[str, list[tuple[Any, ...]]]:
        """Every table of the recipient but the exchange bookkeeping (receipts, log, queue) and
        the audit trail of it: a refused record changes none of the others."""
        dump = logical_dump(self.sides(sender)[2])
        return {t: rows for t, rows in dump.items() if not t.startswith(("exchange_", "audit_"))}


def _last_applied(db: Database, sender: str) -> tuple[int, str | None]:
    with db.unit_of_work() as s:
        last = s.scalar(
            select(func.max(ReceivedPackage.sequence)).where(
                ReceivedPackage.peer_office_uuid == sender
            )
        )
        if not last:
            return 0, None
        row = s.get(ReceivedPackage, (sender, last))
        assert row is not None
        return last, row.manifest_sha256


def county_copy(
    kind: str, record: dict[str, Any], county: str, copies: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """A township record re-owned by the county, every reference moved to a county copy."""
    spec = BY_KIND[kind]
    out = copy.deepcopy(record)
    out["uuid"] = fresh_uuid("county", kind)
    out["origin_office"] = county
    out["version"] = 1
    out["deleted_at"] = None

    def moved(target: type[Any], value: str | None) -> str | None:
        if value is None:
            return None
        if target is spec.model:
            return None
        target_kind = next(s.kind for s in SPECS if s.model is target)
        return copies[target_kind]["uuid"]

    for column, target in spec.refs.items():
        out[ref_key(column)] = moved(target, out.get(ref_key(column)))
    for child in spec.children:
        out[child.key] = out[child.key][:1]  # one child: its moved references stay unique
        for item in out[child.key]:
            for column, target in child.refs.items():
                item[ref_key(column)] = moved(target, item.get(ref_key(column)))
    for key, (_, target) in spec.links.items():
        out[key] = [moved(target, out[key][0])] if out[key] else []
    if kind == "agreed_item":
        out["cooperating_unit_uuids"] = []
    if kind == "attachment":
        owner_kind = {"item": "agreed_item"}.get(out["owner_kind"], out["owner_kind"])
        out["owner_uuid"] = copies[owner_kind]["uuid"]
    return out


def install_county_copies(world: World) -> None:
    """Write the county's copies into both databases (the township as if they had arrived)."""
    county = world.env.c_keys.uuid
    for spec in SPECS:
        if spec.kind not in world.township_records:
            continue
        world.county_records[spec.kind] = county_copy(
            spec.kind, world.township_record(spec.kind), county, world.county_records
        )
    for db in (world.env.county, world.env.township):
        with db.unit_of_work() as s:
            for spec in SPECS:
                record = world.county_records.get(spec.kind)
                if record is None:
                    continue
                row = spec.model()
                with s.no_autoflush:
                    write_record(s, spec, row, record, Uuids(s))
                s.add(row)
                s.flush()


def township_extras(db: Any) -> None:
    """What the demo township lacks: an assessment scheme, a result and an attachment."""
    with db.unit_of_work() as s:
        union = s.scalars(select(Unit).where(Unit.name == "八滩镇工会")).one()
        scheme = AssessmentScheme(year=2027, name="八滩镇企业联席会议考核办法", total_points=100.0)
        scheme.indicators = [
            AssessmentIndicator(
                position=1, code="held", name="按时召开", rule="convening", weight=100.0
            )
        ]
        stamp_new(s, scheme)
        s.add(scheme)
        s.flush()
        result = AssessmentResult(
            scheme_id=scheme.id,
            unit_id=union.id,
            total=88.5,
            rank=1,
            provisional=True,
            computed_at=datetime(2027, 3, 18, tzinfo=UTC),
            details={},
        )
        stamp_new(s, result)
        meeting = s.scalars(select(Meeting).order_by(Meeting.id)).first()
        assert meeting is not None
        attachment = Attachment(
            sha256="ab" * 32,
            filename="会议纪要.pdf",
            media_type="application/pdf",
            size=1024,
            owner_kind="meeting",
            owner_uuid=meeting.uuid,
        )
        stamp_new(s, attachment)
        s.add_all([result, attachment])
        # A unit entered twice and merged: the package carries the merge (unit_merge).
        twin = Unit(
            name="八滩镇工会（重复录入）",
            kind=union.kind,
            level=union.level,
            parent_id=union.parent_id,
        )
        stamp_new(s, twin)
        s.add(twin)
        s.flush()
        merge_units(s, twin.id, union.id)


def build_world(folder: Path) -> tuple[Path, Path, dict[str, Any]]:
    """The township's package no. 1 (with the extras) applied at the county, then the county's
    copies written into both; returns both files and the records of each side."""
    paths = build_pair(folder)
    env = make_env(paths, folder)
    township_extras(env.township)
    first = env.export_up()
    assert first is not None
    records = env.records_of(first.data)
    with env.county.unit_of_work() as s:
        assert import_package(s, first.data, file_name="p.lxpkg").result == "applied"
    world = World(env, records)
    install_county_copies(world)
    env.dispose()
    return paths[0], paths[1], {"township": records, "county": world.county_records}


def open_world(base: tuple[Path, Path, dict[str, Any]], folder: Path) -> World:
    """A copy of the base world of one test."""
    township, county, records = base
    env = make_env(
        (copy_db(township, folder / "base-t.db"), copy_db(county, folder / "base-c.db")), folder
    )
    return World(env, records["township"], copy.deepcopy(records["county"]))
