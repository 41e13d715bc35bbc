"""The trust list over Office rows, and this office as the container layer wants it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes, note_changes
from desktop.core.errors import DomainError, InvalidInput, NoLocalOffice
from desktop.core.kinds import EXCHANGE
from desktop.core.office import generate_keys
from desktop.core.records import load, stamp_new
from desktop.core.unit_merge import merge_units
from desktop.db.scrub import erasing_freed_space
from desktop.models import ExchangePeer, Office, Unit, UnitMerge
from desktop.models.enums import Level
from desktop.models.sealed_key import SealedKeyUnavailable, is_sealed, seal, unseal
from desktop.sync.errors import KeyLocked, PackageRejected
from desktop.sync.keys import (
    LocalOffice,
    OfficeKeys,
    PublicOffice,
    announced_keys,
    export_setup_file,
    fingerprint,
)
from desktop.sync.manifest import Manifest


def local_keys(session: Session) -> LocalOffice:
    office = session.scalars(select(Office).where(Office.is_local.is_(True))).first()
    if (
        office is None
        or office.signing_private_key is None
        or office.encryption_private_key is None
    ):
        raise NoLocalOffice()
    try:
        signing, encryption = (
            unseal(office.signing_private_key),
            unseal(office.encryption_private_key),
        )
    except SealedKeyUnavailable as missing:
        raise KeyLocked("signing_key_unavailable", where=missing.where) from None
    if not is_sealed(office.signing_private_key) or not is_sealed(office.encryption_private_key):
        with erasing_freed_space(session):  # keys from before sealing: sealed on first use
            office.signing_private_key, office.encryption_private_key = (
                seal(signing),
                seal(encryption),
            )
    return LocalOffice(office.uuid, office.name, OfficeKeys.from_pem(signing, encryption))


def public_of(office: Office) -> PublicOffice | None:
    if office.signing_public_key is None or office.encryption_public_key is None:
        return None
    return PublicOffice(
        office.uuid, office.name, office.signing_public_key, office.encryption_public_key
    )


class OfficeTrust:
    """TrustStore over the peer Office rows: trusted and not revoked."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _peers(self) -> list[Office]:
        return list(self._session.scalars(select(Office).where(Office.is_local.is_(False))))

    def is_revoked(self, fp: str) -> bool:
        return any(
            o.revoked_at is not None and (p := public_of(o)) is not None and p.fingerprint == fp
            for o in self._peers()
        )

    def find(self, office_uuid: str, fp: str) -> PublicOffice | None:
        """The peer's trusted keys, or its previous keys while it announces new ones (the
        importer then requires the announcement: `check_superseded`)."""
        for office in self._peers():
            if (
                office.uuid != office_uuid
                or office.trusted_at is None
                or office.revoked_at is not None
            ):
                continue
            for public in (public_of(office), previous_of(office)):
                if public is not None and public.fingerprint == fp:
                    return public
        return None


def previous_of(office: Office) -> PublicOffice | None:
    """A peer's previous keys, still accepted on packages announcing its new ones."""
    if office.previous_signing_public_key is None or office.previous_encryption_public_key is None:
        return None
    return PublicOffice(
        office.uuid,
        office.name,
        office.previous_signing_public_key,
        office.previous_encryption_public_key,
    )


def check_superseded(session: Session, manifest: Manifest) -> None:
    """A package signed with a peer's previous key must announce the key we now trust."""
    origin = manifest.origin
    office = session.scalars(select(Office).where(Office.uuid == origin.uuid)).first()
    previous = None if office is None else previous_of(office)
    if office is None or previous is None or previous.fingerprint != origin.key_fingerprint:
        return
    current = public_of(office)
    announced = manifest.new_keys
    if announced is not None and current is not None:
        signing, encryption = announced_keys(origin.uuid, announced)
        if fingerprint(signing, encryption) == current.fingerprint:
            return
    raise PackageRejected("superseded_key", office=origin.name, fingerprint=origin.key_fingerprint)


def take_new_keys(session: Session, manifest: Manifest) -> str | None:
    """Trust the keys a peer announces (its previous ones stay accepted on packages that
    announce them); a package signed with the new key ends the previous one. Returns the new
    fingerprint when the keys changed here."""
    origin = manifest.origin
    office = session.scalars(select(Office).where(Office.uuid == origin.uuid)).first()
    if office is None:
        return None
    current = public_of(office)
    if manifest.new_keys is None:
        if current is not None and current.fingerprint == origin.key_fingerprint:
            # Signed with the key we trust: any previous key is revoked now.
            office.previous_signing_public_key = office.previous_encryption_public_key = None
        return None
    signing, encryption = announced_keys(origin.uuid, manifest.new_keys)
    new = fingerprint(signing, encryption)
    if current is not None and current.fingerprint == new:
        return None  # announced before
    office.previous_signing_public_key = office.signing_public_key
    office.previous_encryption_public_key = office.encryption_public_key
    office.signing_public_key, office.encryption_public_key = signing, encryption
    note_changes(session, Changes.of(EXCHANGE))
    return new


def rotate_keys(session: Session) -> str:
    """更换本单位密钥: new key pairs; the previous ones sign the packages that announce the new
    ones to every trusted peer, until each peer's receipt shows it has them, and are then
    forgotten. Returns the new fingerprint, for the setup file and the phone."""
    local_keys(session)  # seals old keys first if need be; refuses when the keys are locked
    office = session.scalars(select(Office).where(Office.is_local.is_(True))).one()
    if office.previous_signing_private_key is not None:
        raise DomainError("key_change_pending")
    new = generate_keys()
    with erasing_freed_space(session):
        office.previous_signing_private_key = office.signing_private_key
        office.previous_encryption_private_key = office.encryption_private_key
        office.signing_private_key = seal(new.signing_private_pem)
        office.encryption_private_key = seal(new.encryption_private_pem)
    office.signing_public_key = new.signing_public_raw
    office.encryption_public_key = new.encryption_public_raw
    for peer in session.scalars(
        select(Office).where(
            Office.is_local.is_(False),
            Office.trusted_at.is_not(None),
            Office.revoked_at.is_(None),
        )
    ):
        state = session.get(ExchangePeer, peer.uuid) or ExchangePeer(
            peer_office_uuid=peer.uuid, last_sent_sequence=0
        )
        session.add(state)
        state.announce_keys, state.announce_keys_in = True, None
    session.flush()
    note_changes(session, Changes.of(EXCHANGE))
    return fingerprint(new.signing_public_raw, new.encryption_public_raw)


def previous_keys(session: Session) -> LocalOffice | None:
    """This office's previous keys while a key change is being announced, else None."""
    office = session.scalars(select(Office).where(Office.is_local.is_(True))).one()
    if (
        office.previous_signing_private_key is None
        or office.previous_encryption_private_key is None
    ):
        return None
    try:
        keys = OfficeKeys.from_pem(
            unseal(office.previous_signing_private_key),
            unseal(office.previous_encryption_private_key),
        )
    except SealedKeyUnavailable as missing:
        raise KeyLocked("signing_key_unavailable", where=missing.where) from None
    return LocalOffice(office.uuid, office.name, keys)


def announced_everywhere(session: Session) -> None:
    """Once no peer waits for our new keys, the previous private keys are forgotten."""
    waiting = session.scalar(
        select(ExchangePeer.peer_office_uuid).where(ExchangePeer.announce_keys)
    )
    if waiting is not None:
        return
    office = session.scalars(select(Office).where(Office.is_local.is_(True))).one()
    if office.previous_signing_private_key is not None:
        with erasing_freed_space(session):
            office.previous_signing_private_key = office.previous_encryption_private_key = None


def trust_office(session: Session, public: PublicOffice, *, unit_id: int | None = None) -> Office:
    """Trust a peer's keys from a checked setup file; it becomes our parent if its name says so.

    `unit_id` is the peer's entry in our directory (the county picks 八滩镇工会 for the
    township): the peer's own entry, as its setup file names it, becomes one with it, so the
    township's records count for the county's entry and the county's items for that entry
    reach the township. The merge travels to the peer, which then merges the same two units.
    """
    local = session.scalars(select(Office).where(Office.is_local.is_(True))).one()
    office = session.scalars(select(Office).where(Office.uuid == public.uuid)).first()
    is_parent = local.parent_uuid == public.uuid or local.parent_name == public.name
    if office is None:
        level = Level.COUNTY if is_parent else Level.TOWNSHIP
        office = Office(uuid=public.uuid, name=public.name, level=level)
        session.add(office)
    office.name = public.name
    office.signing_public_key = public.signing_key
    office.encryption_public_key = public.encryption_key
    office.trusted_at = datetime.now(UTC)
    office.revoked_at = None
    if is_parent:
        local.parent_uuid, local.parent_name = public.uuid, public.name
    else:
        office.parent_uuid, office.parent_name = local.uuid, local.name
    session.flush()
    _one_identity(session, local, office, public, unit_id)
    note_changes(session, Changes.of(EXCHANGE))  # whom we exchange with changed
    return office


def _one_identity(
    session: Session, local: Office, office: Office, public: PublicOffice, unit_id: int | None
) -> None:
    """Make the peer's own directory entry and ours for it one unit."""
    theirs = None
    if public.unit_uuid is not None:
        theirs = session.scalars(select(Unit).where(Unit.uuid == public.unit_uuid)).first()
    if unit_id is None:
        if theirs is not None and theirs.deleted_at is None:
            office.unit_id = theirs.id
        elif public.unit_uuid is not None and local.parent_uuid == public.uuid:
            _adopt_parent_entry(session, local, office, public.unit_uuid)
        return
    chosen = load(session, Unit, unit_id, "unit")
    if chosen.deleted_at is not None:
        raise InvalidInput("unit_retired", field="unit_id", name=chosen.name)
    if chosen.id == local.unit_id:
        raise InvalidInput("unit_is_this_office", field="unit_id", name=chosen.name)
    office.unit_id = chosen.id
    if public.unit_uuid is None or public.unit_uuid == chosen.uuid:
        return
    known = {m.merged_unit_uuid for m in session.scalars(select(UnitMerge))}
    if theirs is not None and theirs.deleted_at is None:
        merge_units(session, theirs.id, chosen.id)  # their entry arrived before: one now
    elif public.unit_uuid not in known:
        record = UnitMerge(
            merged_unit_uuid=public.unit_uuid, merged_name=public.name, into_unit_id=chosen.id
        )
        stamp_new(session, record)
        session.add(record)
    session.flush()


def _adopt_parent_entry(session: Session, local: Office, parent: Office, unit_uuid: str) -> None:
    """A new township trusting its county: the county's entry typed at first start takes the
    county's own uuid and owner, so the county's directory updates it instead of doubling it."""
    typed = session.scalars(
        select(Unit).where(
            Unit.name == parent.name,
            Unit.origin_office == local.uuid,
            Unit.deleted_at.is_(None),
        )
    ).first()
    if typed is None:
        return
    typed.uuid, typed.origin_office = unit_uuid, parent.uuid
    parent.unit_id = typed.id


def setup_file(session: Session) -> bytes:
    """This office's setup file, naming its own directory entry."""
    local = local_keys(session)
    office = session.scalars(select(Office).where(Office.is_local.is_(True))).one()
    unit_uuid = session.scalar(select(Unit.uuid).where(Unit.id == office.unit_id))
    return export_setup_file(local, unit_uuid=unit_uuid)


def revoke_office(session: Session, office_id: int) -> Office | None:
    office = session.get(Office, office_id)
    if office is None or office.is_local:
        return None
    office.revoked_at = datetime.now(UTC)
    note_changes(session, Changes.of(EXCHANGE))
    return office


def office_fingerprint(office: Office) -> str:
    if office.signing_public_key is None or office.encryption_public_key is None:
        return ""
    return fingerprint(office.signing_public_key, office.encryption_public_key)
