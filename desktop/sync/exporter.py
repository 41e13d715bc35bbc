"""Exporting: what a peer has not acknowledged yet, up to the parent or down to a subordinate."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.core.attachments import blob_path
from desktop.models import (
    AgreedItem,
    AssessmentResult,
    Attachment,
    CalendarDay,
    ExchangeLog,
    ExchangePeer,
    Office,
    ReceivedPackage,
    SentRecord,
    SupervisionNotice,
    Unit,
)
from desktop.sync.archive import BuiltPackage, write_package
from desktop.sync.manifest import Acknowledgement
from desktop.sync.records import (
    BY_KIND,
    KIND_OF_MODEL,
    KINDS,
    SCHEMA_VERSION,
    SPECS,
    Uuids,
    record_hash,
    ref_key,
    to_record,
)
from desktop.sync.trust import local_keys, public_of

# Kinds a county sends down whole (directory, bulletins, schemes); others are filtered below.
DOWN_WHOLE = ("unit", "bulletin", "assessment_scheme")


@dataclass(frozen=True)
class Export:
    package: BuiltPackage
    counts: dict[str, int]


def subordinates(session: Session) -> list[Office]:
    local = session.scalars(select(Office).where(Office.is_local.is_(True))).one()
    return list(
        session.scalars(
            select(Office).where(
                Office.parent_uuid == local.uuid,
                Office.trusted_at.is_not(None),
                Office.revoked_at.is_(None),
            )
        )
    )


def _down_seeds(session: Session, me: str, peer: str) -> list[tuple[str, Any]]:
    """Directory, bulletins, schemes; and the notices, results and items concerning the peer."""
    theirs = select(Unit.id).where(Unit.origin_office == peer)
    seeds: list[tuple[str, Any]] = []
    for kind in DOWN_WHOLE:
        model = BY_KIND[kind].model
        seeds += [
            (kind, r) for r in session.scalars(select(model).where(model.origin_office == me))
        ]
    notices = select(SupervisionNotice).where(
        SupervisionNotice.origin_office == me, SupervisionNotice.target_unit_id.in_(theirs)
    )
    seeds += [("supervision_notice", r) for r in session.scalars(notices)]
    results = select(AssessmentResult).where(
        AssessmentResult.origin_office == me, AssessmentResult.unit_id.in_(theirs)
    )
    seeds += [("assessment_result", r) for r in session.scalars(results)]
    items = select(AgreedItem).where(
        AgreedItem.origin_office == me,
        or_(
            AgreedItem.lead_unit_id.in_(theirs),
            AgreedItem.cooperating_units.any(Unit.origin_office == peer),
        ),
    )
    seeds += [("agreed_item", r) for r in session.scalars(items)]
    return seeds


def build_export(session: Session, peer_uuid: str, *, store: Path | None) -> Export | None:
    """The next package to `peer_uuid`, or None when it has nothing to receive. Never commits."""
    me = local_keys(session)
    local = session.scalars(select(Office).where(Office.is_local.is_(True))).one()
    peer = session.scalars(select(Office).where(Office.uuid == peer_uuid)).one()
    recipient = public_of(peer)
    assert recipient is not None
    uuids = Uuids(session)
    rows: list[tuple[str, Any]]
    if peer_uuid == local.parent_uuid:
        rows = []
        for spec in SPECS:
            rows += [
                (spec.kind, r)
                for r in session.scalars(
                    select(spec.model).where(spec.model.origin_office == me.uuid)
                )
            ]
    else:
        rows = _down_seeds(session, me.uuid, peer_uuid)
    chosen: dict[tuple[str, str], dict[str, Any]] = {
        (k, r.uuid): to_record(r, BY_KIND[k], uuids) for k, r in rows
    }
    if peer_uuid != local.parent_uuid:
        _add_referenced(session, me.uuid, chosen, uuids)
        holidays = session.scalars(select(CalendarDay).order_by(CalendarDay.day))
        for day in holidays:
            chosen[("holiday", day.day.isoformat())] = {
                "day": day.day.isoformat(),
                "is_workday": day.is_workday,
                "name": day.name,
            }
    owner_uuids = {key for kind, key in chosen if kind != "holiday"}
    for attachment in session.scalars(
        select(Attachment).where(
            Attachment.origin_office == me.uuid, Attachment.owner_uuid.in_(owner_uuids)
        )
    ):
        chosen[("attachment", attachment.uuid)] = to_record(
            attachment, BY_KIND["attachment"], uuids
        )
    sent = {
        (s.kind, s.record_key): s
        for s in session.scalars(select(SentRecord).where(SentRecord.peer_office_uuid == peer_uuid))
    }
    changed = {}
    for key, record in chosen.items():
        digest = record_hash(record)
        known = sent.get(key)
        if known is None or known.acked_sha256 != digest:
            changed[key] = (record, digest)
    owed = list(
        session.scalars(
            select(ReceivedPackage).where(
                ReceivedPackage.peer_office_uuid == peer_uuid,
                ReceivedPackage.acknowledged_in.is_(None),
            )
        )
    )
    if not changed and not owed:
        return None
    state = session.get(ExchangePeer, peer_uuid) or ExchangePeer(
        peer_office_uuid=peer_uuid, last_sent_sequence=0
    )
    session.add(state)
    sequence = state.last_sent_sequence + 1
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for (kind, _key), (record, _digest) in changed.items():
        by_kind.setdefault(kind, []).append(record)
    blobs = []
    if store is not None:
        for record in by_kind.get("attachment", []):
            path = blob_path(store, record["sha256"])
            if path.exists():
                blobs.append(path.read_bytes())
    package = write_package(
        origin=me,
        recipient=recipient,
        records=by_kind,
        attachments=blobs,
        sequence=sequence,
        previous_manifest_sha256=state.last_sent_manifest_sha256,
        schema_version=SCHEMA_VERSION,
        acknowledgements=[
            Acknowledgement(me_ack.peer_office_uuid, me_ack.sequence, me_ack.package_id)
            for me_ack in owed
        ],
        kinds=KINDS,
    )
    state.last_sent_sequence, state.last_sent_manifest_sha256 = sequence, package.manifest_sha256
    for received in owed:
        received.acknowledged_in = sequence
    for (kind, record_key), (_, digest) in changed.items():
        known = sent.get((kind, record_key))
        if known is None:
            session.add(
                SentRecord(
                    peer_office_uuid=peer_uuid,
                    kind=kind,
                    record_key=record_key,
                    sent_sha256=digest,
                    sent_sequence=sequence,
                )
            )
        else:
            known.sent_sha256, known.sent_sequence = digest, sequence
    counts = {kind: len(records) for kind, records in by_kind.items()}
    session.add(
        ExchangeLog(
            direction="export",
            package_id=package.manifest.package_id,
            peer_office_uuid=peer_uuid,
            peer_office_name=peer.name,
            sequence=sequence,
            file_name=package.file_name()[:255],
            username=getpass.getuser()[:60],
            result="written",
            detail={"counts": counts, "acknowledgements": len(owed)},
        )
    )
    session.flush()
    return Export(package, counts)


def _add_referenced(
    session: Session, me: str, chosen: dict[tuple[str, str], dict[str, Any]], uuids: Uuids
) -> None:
    """Our records the chosen ones refer to (an item's meeting, a notice's units), transitively."""
    pending = list(chosen.items())
    while pending:
        (kind, _), record = pending.pop()
        spec = BY_KIND[kind]
        refs = [(target, record.get(ref_key(column))) for column, target in spec.refs.items()]
        for child in spec.children:
            for data in record[child.key]:
                refs += [
                    (target, data.get(ref_key(column))) for column, target in child.refs.items()
                ]
        for key, (_, target) in spec.links.items():
            refs += [(target, u) for u in record[key]]
        for target, uuid in refs:
            target_kind = KIND_OF_MODEL[target]
            if uuid is None or (target_kind, uuid) in chosen:
                continue
            row = session.scalars(select(target).where(target.uuid == uuid)).first()
            if row is not None and row.origin_office == me:
                added = to_record(row, BY_KIND[target_kind], uuids)
                chosen[(target_kind, uuid)] = added
                pending.append(((target_kind, uuid), added))
