"""The trust list over Office rows, and this office as the container layer wants it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes, note_changes
from desktop.core.errors import NoLocalOffice
from desktop.core.kinds import EXCHANGE
from desktop.db.scrub import erasing_freed_space
from desktop.models import Office
from desktop.models.enums import Level
from desktop.models.sealed_key import SealedKeyUnavailable, is_sealed, seal, unseal
from desktop.sync.errors import KeyLocked
from desktop.sync.keys import LocalOffice, OfficeKeys, PublicOffice, fingerprint


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


def trust_office(session: Session, public: PublicOffice) -> Office:
    """Trust a peer's keys from a checked setup file; it becomes our parent if its name says so."""
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
    note_changes(session, Changes.of(EXCHANGE))  # whom we exchange with changed
    return office


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
