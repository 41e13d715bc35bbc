"""Sealing an old database's private keys at first use is the program's write, not the clerk's."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from desktop.core.office import generate_keys
from desktop.core.permissions import ACTOR, Actor, NotPermitted
from desktop.models import Office
from desktop.models.enums import Role
from desktop.models.sealed_key import is_sealed, seal, unseal
from desktop.sync.trust import local_keys
from tests.conftest import County


def _keys_from_before_sealing(c: County) -> bytes:
    """The local office's private keys stored as plain PEM, as databases before sealing hold
    them; returns the signing key's PEM."""
    keys = generate_keys()
    with c.db.unit_of_work() as s:
        s.execute(
            text(
                "UPDATE office SET signing_private_key = :signing,"
                " encryption_private_key = :encryption WHERE is_local = :local"
            ),
            {
                "signing": keys.signing_private_pem,
                "encryption": keys.encryption_private_pem,
                "local": True,
            },
        )
    return keys.signing_private_pem


def _stored_signing_key(c: County) -> bytes:
    with c.db.reading() as s:
        value = s.scalar(select(Office.signing_private_key).where(Office.is_local.is_(True)))
    assert value is not None
    return value


@pytest.mark.parametrize("role", [Role.CLERK, Role.REVIEWER, Role.LEADER])
def test_first_use_of_old_keys_seals_them_whoever_works(county: County, role: Role) -> None:
    pem = _keys_from_before_sealing(county)
    assert not is_sealed(_stored_signing_key(county))
    with county.db.unit_of_work() as s:
        s.info[ACTOR] = Actor("worker", role)
        local_keys(s)  # what the first package export does before it signs
    stored = _stored_signing_key(county)
    assert is_sealed(stored)
    assert unseal(stored) == pem


def test_a_clerk_still_cannot_replace_the_keys(county: County) -> None:
    pem = _keys_from_before_sealing(county)
    other = generate_keys().signing_private_pem
    with pytest.raises(NotPermitted), county.db.unit_of_work() as s:
        s.info[ACTOR] = Actor("worker", Role.CLERK)
        office = s.scalars(select(Office).where(Office.is_local.is_(True))).one()
        office.signing_private_key = seal(other)
    assert _stored_signing_key(county) == pem


def test_sealing_does_not_cover_other_changes_on_the_row(county: County) -> None:
    _keys_from_before_sealing(county)
    with pytest.raises(NotPermitted), county.db.unit_of_work() as s:
        s.info[ACTOR] = Actor("worker", Role.CLERK)
        local_keys(s)
        office = s.scalars(select(Office).where(Office.is_local.is_(True))).one()
        office.name = "别的工会"
