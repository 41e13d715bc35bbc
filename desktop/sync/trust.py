"""The trust list over Office rows, and this office as the container layer wants it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes, note_changes
from desktop.core.errors import InvalidInput, NoLocalOffice
from desktop.core.kinds import EXCHANGE
from desktop.core.records import load, stamp_new
from desktop.core.unit_merge import merge_units
from desktop.db.scrub import erasing_freed_space
from desktop.models import Office, Unit, UnitMerge
from desktop.models.enums import Level
from desktop.models.sealed_key import SealedKeyUnavailable, is_sealed, seal, unseal
from desktop.sync.errors import KeyLocked
from desktop.sync.keys import (
    LocalOffice,
    OfficeKeys,
    PublicOffice,
    export_setup_file,
    fingerprint,
)


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
        for office in self._peers():
            public = public_of(office)
            if (
                public is not None
                and office.uuid == office_uuid
                and office.trusted_at is not None
                and office.revoked_at is None
                and public.fingerprint == fp
            ):
                return public
        return None


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
