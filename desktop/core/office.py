"""This installation's office: creating it once, reading it, and its signing keys."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

# Importing the audit trail registers its listeners (and the permission check) on every
# Session: every program that works on an office's records imports this module.
from desktop.core import audit as _audit  # noqa: F401
from desktop.core.errors import DomainError, InvalidInput, NoLocalOffice
from desktop.core.pinyin import pinyin_keys
from desktop.models import Office, Unit
from desktop.models.enums import Level, UnitKind

OFFICE_UNIT_KIND = {
    Level.PROVINCE: UnitKind.FEDERATION,
    Level.CITY: UnitKind.FEDERATION,
    Level.COUNTY: UnitKind.FEDERATION,
    Level.TOWNSHIP: UnitKind.TOWNSHIP_UNION,
    Level.STREET: UnitKind.STREET_UNION,
    Level.ENTERPRISE: UnitKind.ENTERPRISE_UNION,
    Level.INDUSTRY: UnitKind.INDUSTRY_UNION,
}


@dataclass(frozen=True)
class OfficeInfo:
    id: int
    uuid: str
    name: str
    level: Level
    parent_name: str | None
    parent_uuid: str | None
    doc_prefix: str
    unit_id: int | None


@dataclass(frozen=True)
class StoredKeys:
    """The office's keys as its row stores them: private keys in PEM, public keys raw.

    `desktop.sync.keys.OfficeKeys` is the same keys loaded, to sign and open packages.
    """

    signing_private_pem: bytes
    signing_public_raw: bytes
    encryption_private_pem: bytes
    encryption_public_raw: bytes


def generate_keys() -> StoredKeys:
    """An Ed25519 key to sign packages and an X25519 key others encrypt packages to."""
    signing = Ed25519PrivateKey.generate()
    encryption = X25519PrivateKey.generate()
    pem = serialization.PrivateFormat.PKCS8
    raw = serialization.Encoding.Raw
    return StoredKeys(
        signing_private_pem=signing.private_bytes(
            serialization.Encoding.PEM, pem, serialization.NoEncryption()
        ),
        signing_public_raw=signing.public_key().public_bytes(raw, serialization.PublicFormat.Raw),
        encryption_private_pem=encryption.private_bytes(
            serialization.Encoding.PEM, pem, serialization.NoEncryption()
        ),
        encryption_public_raw=encryption.public_key().public_bytes(
            raw, serialization.PublicFormat.Raw
        ),
    )


def _info(office: Office) -> OfficeInfo:
    return OfficeInfo(
        id=office.id,
        uuid=office.uuid,
        name=office.name,
        level=office.level,
        parent_name=office.parent_name,
        parent_uuid=office.parent_uuid,
        doc_prefix=office.doc_prefix,
        unit_id=office.unit_id,
    )


def find_local_office(session: Session) -> OfficeInfo | None:
    office = session.scalars(select(Office).where(Office.is_local.is_(True))).first()
    return _info(office) if office is not None else None


def local_office(session: Session) -> OfficeInfo:
    """The local office; NoLocalOffice when `init` has not been run."""
    info = find_local_office(session)
    if info is None:
        raise NoLocalOffice()
    return info


def create_local_office(
    session: Session,
    *,
    name: str,
    level: Level,
    parent_name: str | None = None,
    doc_prefix: str = "",
    keys: StoredKeys | None = None,
    parent_entry: bool = False,
) -> OfficeInfo:
    """Create this installation's office, its key pair and its own entry in the unit directory;
    with `parent_entry` (first start, `lianxi init`), the parent typed becomes an entry too."""
    name = name.strip()
    if not name:
        raise InvalidInput("required", field="name")
    if len(name) > 120:
        raise InvalidInput("too_long", field="name", max=120)
    if len(doc_prefix) > 20:
        raise InvalidInput("too_long", field="doc_prefix", max=20)
    if find_local_office(session) is not None:
        raise DomainError("office_exists")
    keys = keys or generate_keys()
    office = Office(
        name=name,
        level=level,
        parent_name=(parent_name or "").strip() or None,
        doc_prefix=doc_prefix.strip(),
        is_local=True,
        signing_private_key=keys.signing_private_pem,
        signing_public_key=keys.signing_public_raw,
        encryption_private_key=keys.encryption_private_pem,
        encryption_public_key=keys.encryption_public_raw,
    )
    session.add(office)
    session.flush()
    initials, full = pinyin_keys(name)
    unit = Unit(
        name=name,
        kind=OFFICE_UNIT_KIND[level],
        level=level,
        origin_office=office.uuid,
        pinyin_initials=initials,
        pinyin_full=full,
    )
    session.add(unit)
    session.flush()
    office.unit_id = unit.id
    if parent_entry and office.parent_name:
        unit.parent_id = _parent_entry(session, office).id
    return _info(office)


# The level of the federation above an office of each level, for its parent's directory entry.
LEVEL_ABOVE = {
    Level.CITY: Level.PROVINCE,
    Level.COUNTY: Level.CITY,
    Level.TOWNSHIP: Level.COUNTY,
    Level.STREET: Level.COUNTY,
    Level.ENTERPRISE: Level.COUNTY,
    Level.INDUSTRY: Level.COUNTY,
}


def _parent_entry(session: Session, office: Office) -> Unit:
    """The parent typed at first start, as a directory entry above the office's own: a new
    township's items and meetings have their county to name at once. Trusting the county's
    setup file later gives this entry the county's own identity (desktop.sync.trust), so the
    county's directory updates it instead of doubling it."""
    name = str(office.parent_name)
    initials, full = pinyin_keys(name)
    parent = Unit(
        name=name,
        kind=UnitKind.FEDERATION,
        level=LEVEL_ABOVE.get(office.level, Level.COUNTY),
        origin_office=office.uuid,
        pinyin_initials=initials,
        pinyin_full=full,
    )
    session.add(parent)
    session.flush()
    return parent
