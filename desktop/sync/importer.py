"""Importing packages: verify, place in sequence, preview (dry run) or apply, log, take receipts."""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.audit import record_event
from desktop.core.permissions import Actor, acting_as
from desktop.models import (
    ExchangeLog,
    ExchangePeer,
    HeldPackage,
    Office,
    PendingExport,
    ReceivedPackage,
    SentRecord,
)
from desktop.sync.apply import OUTCOMES, Problem, apply_records
from desktop.sync.archive import OpenedPackage, read_package
from desktop.sync.errors import PackageRejected
from desktop.sync.limits import DEFAULT_LIMITS, Limits
from desktop.sync.messages import rejection_message
from desktop.sync.records import KINDS, SCHEMA_VERSION, no_cyclic_gc
from desktop.sync.sequence import AppliedPackage, SequenceVerdict, classify_sequence
from desktop.sync.trust import (
    OfficeTrust,
    announced_everywhere,
    check_superseded,
    local_keys,
    previous_keys,
    take_new_keys,
)


def problem_message(problem: Problem, lang: str = "zh") -> str:
    """One sentence for a record that was not applied, from the message catalogue."""
    fields = {**problem.fields, "kind": problem.kind, "uuid": problem.uuid}
    return rejection_message(problem.code, fields, lang)


@dataclass(frozen=True)
class ImportResult:
    """What happened (or, in a dry run, would happen) to one package."""

    file_name: str
    result: str  # applied, already_applied, held, rejected
    package_id: str = ""
    sender: str = ""
    sequence: int = 0
    message: str = ""
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    code: str = ""  # the message's code and fields, to word it in another language
    fields: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.result != "rejected"

    def message_in(self, lang: str) -> str:
        return rejection_message(self.code, self.fields, lang) if self.code else self.message

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "result": self.result,
            "package_id": self.package_id,
            "sender": self.sender,
            "sequence": self.sequence,
            "message": self.message,
            "counts": {k: dict(v) for k, v in self.counts.items()},
            "problems": list(self.problems),
        }


# The reader's bounds; tests lower them to show each refusal without building huge files.
LIMITS: Limits = DEFAULT_LIMITS


def open_package(session: Session, data: bytes) -> OpenedPackage:
    """Check everything about a package addressed to us; PackageRejected otherwise."""
    opened = read_package(
        data,
        me=local_keys(session),
        trust=OfficeTrust(session),
        schema_version=SCHEMA_VERSION,
        kinds=KINDS,
        limits=LIMITS,
        previous=previous_keys(session),
    )
    check_superseded(session, opened.manifest)
    return opened


def _rejected(file_name: str, code: str, fields: Mapping[str, Any], **more: Any) -> ImportResult:
    message = rejection_message(code, fields)
    return ImportResult(file_name, "rejected", message=message, code=code, fields=fields, **more)


def import_package(
    session: Session,
    data: bytes,
    *,
    file_name: str = "",
    accept_restart: bool = False,
) -> ImportResult:
    """Verify and apply one package in the caller's transaction; never commits.

    A rejected package writes nothing. A preview (exchange.preview_files) calls this inside a
    savepoint it rolls back, so its counts are exactly what applying would do. A sender that
    starts its numbering again (a restored backup, then a resync) is applied when we asked for
    that resync ourselves, or when the clerk accepts it (`accept_restart`).
    """
    with no_cyclic_gc():
        return _import_package(session, data, file_name=file_name, accept_restart=accept_restart)


def _import_package(
    session: Session,
    data: bytes,
    *,
    file_name: str = "",
    accept_restart: bool = False,
) -> ImportResult:
    try:
        opened = open_package(session, data)
    except PackageRejected as rejected:
        return _rejected(file_name, rejected.code, rejected.fields)
    m = opened.manifest
    sender = m.origin.uuid
    info: dict[str, Any] = {
        "package_id": m.package_id,
        "sender": m.origin.name,
        "sequence": m.sequence,
    }
    verdict = _place(session, opened)
    returning = restarting = False
    if m.sequence == 1 and verdict.action in ("restart", "apply"):
        asked = _expecting_restart(session, sender)
        if verdict.action == "restart" or asked:
            if _seen_before(session, m.package_id):
                verdict = SequenceVerdict("reject", "stale", verdict.fields)
            elif asked or accept_restart:
                _restart_from(session, sender, asked=asked)
                returning, restarting = asked, not asked
                verdict = SequenceVerdict("apply", "next", verdict.fields)
            else:
                verdict = SequenceVerdict("reject", verdict.code, verdict.fields)
    if verdict.action == "reject":
        return _rejected(file_name, verdict.code, verdict.fields, **info)
    message = rejection_message(verdict.code, verdict.fields)
    said: dict[str, Any] = {"message": message, "code": verdict.code, "fields": verdict.fields}
    if verdict.action == "skip":
        return ImportResult(file_name, "already_applied", **said, **info)
    if verdict.action == "hold":
        if session.get(HeldPackage, m.package_id) is None:
            session.add(
                HeldPackage(
                    package_id=m.package_id,
                    peer_office_uuid=sender,
                    sequence=m.sequence,
                    file_name=file_name,
                    data=data,
                )
            )
            _log(session, opened, file_name, "held", {})
        return ImportResult(file_name, "held", **said, **info)
    # Everything below happens in a savepoint: a record refused by the checks, or a database
    # constraint failing half-way through the writes, leaves nothing of the package behind.
    savepoint = session.begin_nested()
    try:
        counts, problems = _apply(session, opened, file_name, returning, restarting)
    except PackageRejected as rejected:
        savepoint.rollback()
        return _rejected(file_name, rejected.code, rejected.fields, **info)
    except IntegrityError as exc:
        savepoint.rollback()
        clash = PackageRejected("constraint", reason=str(exc.orig)[:200])
        return _rejected(file_name, clash.code, clash.fields, **info)
    savepoint.commit()
    return ImportResult(file_name, "applied", counts=counts, problems=problems, **info)


def _apply(
    session: Session,
    opened: OpenedPackage,
    file_name: str,
    returning: bool = False,
    restarting: bool = False,
) -> tuple[dict[str, dict[str, int]], tuple[str, ...]]:
    """Written as the sending office, not the clerk who imports; audited as one summary."""
    with acting_as(session, Actor(opened.manifest.origin.name[:60])):
        return _apply_as_sender(session, opened, file_name, returning, restarting)


def _apply_as_sender(
    session: Session,
    opened: OpenedPackage,
    file_name: str,
    returning: bool,
    restarting: bool,
) -> tuple[dict[str, dict[str, int]], tuple[str, ...]]:
    m = opened.manifest
    sender = m.origin.uuid
    take_new_keys(session, m)
    # open_package found our keys; here only who we and our parent are matters.
    local = session.execute(
        select(Office.uuid, Office.parent_uuid).where(Office.is_local.is_(True))
    ).first()
    assert local is not None
    me, parent = local
    tally = apply_records(
        session,
        opened.records,
        sender=sender,
        package_id=m.package_id,
        from_parent=parent == sender,
        attachments=opened.attachments,
        returning=returning,
        restarting=restarting,
    )
    _take_receipt(session, opened, me)
    session.add(
        ReceivedPackage(
            peer_office_uuid=sender,
            sequence=m.sequence,
            package_id=m.package_id,
            manifest_sha256=opened.manifest_sha256,
            # A package of receipts alone needs no receipt back (0: none owed), or two offices
            # would send each other receipt-only packages for ever.
            acknowledged_in=None if any(m.record_counts.values()) else 0,
        )
    )
    counts = {kind: {o: c[o] for o in OUTCOMES} for kind, c in tally.counts.items()}
    problems = tuple(problem_message(p) for p in tally.problems)
    _log(session, opened, file_name, "applied", {"counts": counts, "problems": list(problems)})
    summary = {
        "office_uuid": sender,
        "sequence": m.sequence,
        "manifest_sha256": opened.manifest_sha256,
        "counts": counts,
    }
    record_event(session, "import", "package", m.package_id, summary)
    held = session.get(HeldPackage, m.package_id)
    if held is not None:
        session.delete(held)
    session.flush()
    return counts, problems


def _expecting_restart(session: Session, sender: str) -> bool:
    state = session.get(ExchangePeer, sender)
    return state is not None and state.expect_restart


def _seen_before(session: Session, package_id: str) -> bool:
    """A package applied here once, in an earlier numbering: never a new start."""
    return (
        session.scalar(
            select(ExchangeLog.id)
            .where(ExchangeLog.package_id == package_id, ExchangeLog.direction == "import")
            .where(ExchangeLog.result == "applied")
            .limit(1)
        )
        is not None
    )


def _restart_from(session: Session, sender: str, *, asked: bool) -> None:
    """The sender numbers its packages from 1 again: forget its old numbering. Unless we asked
    for this resync ourselves, start ours to it again too, re-sending every record it should
    have and carrying back its own records, which its restored database may lack."""
    for model in (ReceivedPackage, HeldPackage):
        session.execute(delete(model).where(model.peer_office_uuid == sender))
    state = session.get(ExchangePeer, sender) or ExchangePeer(
        peer_office_uuid=sender, last_sent_sequence=0
    )
    session.add(state)
    if not asked:
        restart_numbering(session, state)
        state.return_records = True
    state.expect_restart = False
    session.flush()


def restart_numbering(session: Session, state: ExchangePeer) -> None:
    """Our packages to this peer start again at no. 1, carrying every record it should have."""
    peer = state.peer_office_uuid
    state.last_sent_sequence, state.last_sent_manifest_sha256 = 0, None
    for model in (SentRecord, PendingExport):
        session.execute(delete(model).where(model.peer_office_uuid == peer))


def would_change(session: Session, data: bytes) -> bool:
    """Whether importing `data` would write anything: False for a package already applied or
    one that would be refused, so the import need not back the database up first."""
    try:
        opened = open_package(session, data)
    except PackageRejected:
        return False
    return _place(session, opened).action in ("apply", "hold", "restart")


def _place(session: Session, opened: OpenedPackage) -> SequenceVerdict:
    """Where a verified package falls in its sender's sequence of packages applied here."""
    sender = opened.manifest.origin.uuid
    last = session.scalar(
        select(func.max(ReceivedPackage.sequence)).where(ReceivedPackage.peer_office_uuid == sender)
    )
    return classify_sequence(
        last or 0,
        lambda seq: _applied(session, sender, seq),
        opened.manifest,
        incoming_sha256=opened.manifest_sha256,
    )


def _applied(session: Session, sender: str, sequence: int) -> AppliedPackage | None:
    row = session.get(ReceivedPackage, (sender, sequence))
    return None if row is None else AppliedPackage(row.package_id, row.manifest_sha256)


def _take_receipt(session: Session, opened: OpenedPackage, me: str) -> None:
    """The sender got our packages up to this sequence: stop re-sending what they carried."""
    sequences = [a.sequence for a in opened.manifest.acknowledgements if a.origin_uuid == me]
    if not sequences:
        return
    state = session.get(ExchangePeer, opened.manifest.origin.uuid)
    if (
        state is not None
        and state.announce_keys
        and state.announce_keys_in is not None
        and max(sequences) >= state.announce_keys_in
    ):  # the peer has our new keys
        state.announce_keys, state.announce_keys_in = False, None
        announced_everywhere(session)
    session.execute(
        update(SentRecord)
        .where(SentRecord.peer_office_uuid == opened.manifest.origin.uuid)
        .where(SentRecord.sent_sequence <= max(sequences))
        .values(acked_sha256=SentRecord.sent_sha256)
    )


def _log(
    session: Session, opened: OpenedPackage, file_name: str, result: str, detail: dict[str, Any]
) -> None:
    m = opened.manifest
    session.add(
        ExchangeLog(
            direction="import",
            package_id=m.package_id,
            peer_office_uuid=m.origin.uuid,
            peer_office_name=m.origin.name,
            sequence=m.sequence,
            file_name=file_name[:255],
            username=getpass.getuser()[:60],
            result=result,
            detail=detail,
        )
    )


def held_next(session: Session) -> list[HeldPackage]:
    """Held packages whose turn has come (their sender's previous package is applied)."""
    ready = []
    for held in session.scalars(select(HeldPackage).order_by(HeldPackage.sequence)):
        last = session.scalar(
            select(func.max(ReceivedPackage.sequence)).where(
                ReceivedPackage.peer_office_uuid == held.peer_office_uuid
            )
        )
        if (last or 0) + 1 == held.sequence:
            ready.append(held)
    return ready


def apply_held(session: Session) -> list[ImportResult]:
    """Apply held packages whose turn has come, until none is ready; in the caller's transaction.

    A held package refused when its turn comes (its chain or its records are wrong) leaves the
    queue, with its refusal in the import log, so the next one can never wait on it forever.
    """
    results: list[ImportResult] = []
    while ready := held_next(session):
        for held in ready:
            result = import_package(session, held.data, file_name=held.file_name)
            results.append(result)
            if result.result != "applied":
                _drop_held(session, held, result)
    return results


def _drop_held(session: Session, held: HeldPackage, result: ImportResult) -> None:
    session.add(
        ExchangeLog(
            direction="import",
            package_id=held.package_id,
            peer_office_uuid=held.peer_office_uuid,
            peer_office_name=result.sender[:120],
            sequence=held.sequence,
            file_name=held.file_name,
            username=getpass.getuser()[:60],
            result="rejected",
            detail={"message": result.message},
        )
    )
    session.delete(held)
    session.flush()
