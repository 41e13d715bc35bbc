"""Exporting: what a peer has not acknowledged yet, up to the parent or down to a subordinate."""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from desktop.core.attachments import intact_contents
from desktop.models import (
    AgreedItem,
    AssessmentResult,
    Attachment,
    CalendarDay,
    ExchangeLog,
    ExchangePeer,
    ItemEvent,
    Office,
    ReceivedPackage,
    SentRecord,
    SupervisionNotice,
    Unit,
)
from desktop.models.enums import BulletinStatus
from desktop.sync.archive import BuiltPackage, write_package
from desktop.sync.keys import announce_keys
from desktop.sync.manifest import Acknowledgement
from desktop.sync.records import (
    BY_KIND,
    KIND_OF_MODEL,
    KINDS,
    RELAYED_KINDS,
    SCHEMA_VERSION,
    SPECS,
    KindSpec,
    Uuids,
    load_records,
    no_cyclic_gc,
    record_hash,
    ref_key,
)
from desktop.sync.trust import local_keys, previous_keys, public_of

# Kinds a county sends down whole (directory, bulletins, schemes); others are filtered below.
DOWN_WHOLE = ("unit", "unit_merge", "bulletin", "assessment_scheme")


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
    # The peer's units: its own, our entry for it (its identity here) and what we filed below it.
    identity = select(Office.unit_id).where(Office.uuid == peer, Office.unit_id.is_not(None))
    theirs = select(Unit.id).where(
        or_(
            Unit.origin_office == peer,
            Unit.id.in_(identity),
            Unit.parent_id.in_(identity),
        )
    )
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
    # Their timelines as we keep them (交办, 催办, 延期批复…), so the township sees the history.
    events = select(ItemEvent).where(
        ItemEvent.origin_office == me,
        ItemEvent.item_id.in_(items.with_only_columns(AgreedItem.id)),
    )
    seeds += [("item_event", r) for r in session.scalars(events)]
    return seeds


def build_export(session: Session, peer_uuid: str) -> Export | None:
    """The next package to `peer_uuid`, or None when it has nothing to receive. Never commits.

    Attachments carry their contents from the database, read one at a time into the package;
    one whose contents are missing or damaged here travels without them."""
    with no_cyclic_gc():
        return _build_export(session, peer_uuid)


def _build_export(session: Session, peer_uuid: str) -> Export | None:
    me = local_keys(session)
    local = session.scalars(select(Office).where(Office.is_local.is_(True))).one()
    peer = session.scalars(select(Office).where(Office.uuid == peer_uuid)).one()
    recipient = public_of(peer)
    assert recipient is not None
    uuids = Uuids(session)
    chosen: dict[tuple[str, str], dict[str, Any]] = {}
    if peer_uuid == local.parent_uuid:
        for spec in SPECS:
            where = spec.model.origin_office == me.uuid
            for record in load_records(session, spec, uuids, where=where).values():
                chosen[(spec.kind, record["uuid"])] = record
    else:
        seeds: dict[str, list[int]] = {}
        for kind, row in _down_seeds(session, me.uuid, peer_uuid):
            seeds.setdefault(kind, []).append(row.id)
        for kind, ids in seeds.items():
            for record in load_records(session, BY_KIND[kind], uuids, ids=ids).values():
                chosen[(kind, record["uuid"])] = record
        _add_referenced(session, me.uuid, peer_uuid, chosen, uuids)
    state = session.get(ExchangePeer, peer_uuid)
    if state is not None and state.return_records:
        # The peer restored a backup and started again: carry back its own records we hold.
        for spec in SPECS:
            where = spec.model.origin_office == peer_uuid
            for record in load_records(session, spec, uuids, where=where).values():
                chosen[(spec.kind, record["uuid"])] = record
    sent = {
        (kind, key): (sent_sha256, acked)
        for kind, key, sent_sha256, acked in session.execute(
            select(
                SentRecord.kind,
                SentRecord.record_key,
                SentRecord.sent_sha256,
                SentRecord.acked_sha256,
            ).where(SentRecord.peer_office_uuid == peer_uuid)
        )
    }
    if peer_uuid != local.parent_uuid:
        _drop_unresolvable(session, me.uuid, peer_uuid, chosen, sent)
        holidays = session.scalars(select(CalendarDay).order_by(CalendarDay.day))
        for day in holidays:
            chosen[("holiday", day.day.isoformat())] = {
                "day": day.day.isoformat(),
                "is_workday": day.is_workday,
                "name": day.name,
            }
    for key, record in list(chosen.items()):  # a bulletin travels once it is issued
        if key[0] == "bulletin" and record.get("status") != BulletinStatus.ISSUED:
            del chosen[key]
    owner_uuids = {key for kind, key in chosen if kind != "holiday"}
    attachment_spec = BY_KIND["attachment"]
    attachments = load_records(
        session, attachment_spec, uuids, where=Attachment.origin_office == me.uuid
    )
    for record in attachments.values():
        if record["owner_uuid"] in owner_uuids:
            chosen[("attachment", record["uuid"])] = record
    changed = {}
    for key, record in chosen.items():
        digest = record_hash(record)
        known = sent.get(key)
        if known is None or known[1] != digest:
            changed[key] = (record, digest)
    owed = list(
        session.scalars(
            select(ReceivedPackage).where(
                ReceivedPackage.peer_office_uuid == peer_uuid,
                ReceivedPackage.acknowledged_in.is_(None),
            )
        )
    )
    # Our keys changed: sign with the previous key, announcing the new one, until a receipt.
    signer, new_keys = me, None
    if state is not None and state.announce_keys:
        previous = previous_keys(session)
        if previous is not None:
            signer, new_keys = previous, announce_keys(me.uuid, me.keys)
    if not changed and not owed and new_keys is None:
        return None
    state = state or ExchangePeer(peer_office_uuid=peer_uuid, last_sent_sequence=0)
    session.add(state)
    state.return_records = False
    sequence = state.last_sent_sequence + 1
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for (kind, _key), (record, _digest) in changed.items():
        by_kind.setdefault(kind, []).append(record)
    hashes = sorted({record["sha256"] for record in by_kind.get("attachment", [])})
    package = write_package(
        origin=signer,
        new_keys=new_keys,
        recipient=recipient,
        records=by_kind,
        attachments=intact_contents(session, hashes),
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
    if new_keys is not None and state.announce_keys_in is None:
        state.announce_keys_in = sequence
    for received in owed:
        received.acknowledged_in = sequence
    fresh = [
        {
            "peer_office_uuid": peer_uuid,
            "kind": kind,
            "record_key": record_key,
            "sent_sha256": digest,
            "sent_sequence": sequence,
            "acked_sha256": None,
        }
        for (kind, record_key), (_, digest) in changed.items()
        if (kind, record_key) not in sent
    ]
    if fresh:
        session.execute(insert(SentRecord), fresh)
    again = [
        {"_kind": kind, "_key": record_key, "_sha": digest, "_seq": sequence}
        for (kind, record_key), (_, digest) in changed.items()
        if (kind, record_key) in sent
    ]
    if again:
        table: Table = SentRecord.__table__  # type: ignore[assignment]
        session.execute(
            update(table)
            .where(
                table.c.peer_office_uuid == peer_uuid,
                table.c.kind == bindparam("_kind"),
                table.c.record_key == bindparam("_key"),
            )
            .values(sent_sha256=bindparam("_sha"), sent_sequence=bindparam("_seq")),
            again,
        )
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
    session: Session,
    me: str,
    peer: str,
    chosen: dict[tuple[str, str], dict[str, Any]],
    uuids: Uuids,
) -> None:
    """The records the chosen ones refer to (an item's meeting, a notice's units), transitively:
    ours, and directory entries of a third office, which we relay (another township's
    enterprise named in a bulletin sent to every township)."""
    pending = list(chosen.items())
    while pending:
        (kind, _), record = pending.pop()
        for target, uuid in _references(BY_KIND[kind], record):
            target_kind = KIND_OF_MODEL[target]
            if uuid is None or (target_kind, uuid) in chosen:
                continue
            found = session.execute(
                select(target.id, target.origin_office).where(target.uuid == uuid)
            ).first()
            relayed = target_kind in RELAYED_KINDS and found is not None and found[1] != peer
            if found is not None and (found[1] == me or relayed):
                spec = BY_KIND[target_kind]
                added = load_records(session, spec, uuids, ids=[found[0]])[found[0]]
                chosen[(target_kind, uuid)] = added
                pending.append(((target_kind, uuid), added))


def _references(spec: KindSpec, record: dict[str, Any]) -> list[tuple[type[Any], str | None]]:
    """(target model, uuid) of every reference a package record makes."""
    refs = [(target, record.get(ref_key(column))) for column, target in spec.refs.items()]
    for child in spec.children:
        for data in record[child.key]:
            refs += [(target, data.get(ref_key(column))) for column, target in child.refs.items()]
    for key, (_, target) in spec.links.items():
        refs += [(target, u) for u in record[key]]
    return refs


def _drop_unresolvable(
    session: Session,
    me: str,
    peer: str,
    chosen: dict[tuple[str, str], dict[str, Any]],
    sent: Mapping[tuple[str, str], tuple[str, str | None]],
) -> None:
    """Leave out records the peer could not resolve, so the package is never refused for them.

    The peer has its own records and ours; a record of a third office (another township's unit
    in a bulletin sent to every township) never reaches it, because only a record's owner may
    send it. A record referring to one stays here until that changes; so do, transitively,
    records referring to a left-out record the peer has never been sent.
    """
    owners: dict[tuple[type[Any], str], str | None] = {}

    def owner(target: type[Any], uuid: str) -> str | None:
        if (target, uuid) not in owners:
            owners[(target, uuid)] = session.scalar(
                select(target.origin_office).where(target.uuid == uuid)
            )
        return owners[(target, uuid)]

    dropped: set[tuple[str, str]] = set()
    changed = True
    while changed:
        changed = False
        for key, record in list(chosen.items()):
            for target, uuid in _references(BY_KIND[key[0]], record):
                if uuid is None:
                    continue
                target_key = (KIND_OF_MODEL[target], uuid)
                lost = (owner(target, uuid) not in (me, peer) and target_key not in chosen) or (
                    target_key in dropped and target_key not in sent
                )
                if lost:
                    del chosen[key]
                    dropped.add(key)
                    changed = True
                    break
