"""更换密钥: a new key pair announced in packages the old key signs, the old key revoked after.

The township changes its keys (a backup leaked, a clerk left). Its next packages to the county
are still signed with the key the county trusts and carry the new keys with a proof made by
the new key; the county takes them. Once the county's receipt is back, the township signs with
the new key only and forgets the old one; the county then refuses the old key.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.errors import DomainError
from desktop.models import Office, ReceivedPackage
from desktop.sync import write_package
from desktop.sync.exporter import build_export
from desktop.sync.importer import ImportResult, import_package
from desktop.sync.records import KINDS, SCHEMA_VERSION
from desktop.sync.trust import local_keys, office_fingerprint, previous_keys, rotate_keys
from tests.conftest import make_county
from tests.sync.test_two_offices import (
    Offices,
    _new_township,
    _swap_setup_files,
    _township_meeting,
)


def _up(offices: Offices) -> tuple[bytes, ImportResult]:
    with offices.township.unit_of_work() as s:
        built = build_export(s, offices.c_uuid)
    assert built is not None
    with offices.county.db.unit_of_work() as s:
        return built.package.data, import_package(s, built.package.data, file_name="p.lxpkg")


def _county_trusts(offices: Offices) -> str:
    with offices.county.db.unit_of_work() as s:
        office = s.scalars(select(Office).where(Office.uuid == offices.t_uuid)).one()
        return office_fingerprint(office)


def _pair(tmp_path: Path) -> Offices:
    county = make_county(tmp_path / "c")
    offices = _swap_setup_files(county, _new_township(tmp_path), pick=county.township_union)
    _township_meeting(offices.township)
    offices.up()
    offices.down()
    return offices


def test_a_key_change_travels_and_the_old_key_is_revoked_after(tmp_path: Path) -> None:
    offices = _pair(tmp_path)
    with offices.township.unit_of_work() as s:
        old = local_keys(s).keys.fingerprint
        new = rotate_keys(s)
    assert new != old and _county_trusts(offices) == old

    first, result = _up(offices)  # nothing else changed: the announcement alone travels
    assert result.result == "applied", result.message
    assert _county_trusts(offices) == new
    # Before the county's receipt the township still signs with the old key: accepted, since
    # the package announces the key the county now trusts.
    _, again = _up(offices)
    assert again.result == "applied", again.message
    offices.down()  # the receipt
    with offices.township.unit_of_work() as s:
        assert previous_keys(s) is None  # the old private key is gone
    _township_meeting(offices.township)
    _, result = _up(offices)
    assert result.result == "applied", result.message
    # The county has seen the new key sign: a package under the old key is refused now.
    with offices.county.db.unit_of_work() as s:
        office = s.scalars(select(Office).where(Office.uuid == offices.t_uuid)).one()
        assert office.previous_signing_public_key is None
        refused = import_package(s, first, file_name="old.lxpkg")
    assert refused.result == "rejected" and refused.code in ("unknown_key", "stale")


def test_the_old_key_alone_is_refused_once_the_new_one_is_known(tmp_path: Path) -> None:
    """A thief with the old key cannot go on signing without announcing the real new key."""
    offices = _pair(tmp_path)
    with offices.township.unit_of_work() as s:
        stolen = local_keys(s)
        rotate_keys(s)
    _up(offices)  # the county learns the new key
    with offices.county.db.unit_of_work() as s:
        county = local_keys(s)
        last = s.scalar(
            select(ReceivedPackage.sequence)
            .where(ReceivedPackage.peer_office_uuid == offices.t_uuid)
            .order_by(ReceivedPackage.sequence.desc())
        )
        previous = s.get(ReceivedPackage, (offices.t_uuid, last))
        assert previous is not None
        forged = write_package(
            origin=stolen,
            recipient=county.public(),
            records={},
            sequence=last + 1,
            previous_manifest_sha256=previous.manifest_sha256,
            schema_version=SCHEMA_VERSION,
            kinds=KINDS,
        )
        result = import_package(s, forged.data, file_name="forged.lxpkg")
    assert result.result == "rejected" and result.code == "superseded_key"
    assert "已更换密钥" in result.message


def test_a_second_change_waits_for_the_first_to_arrive(tmp_path: Path) -> None:
    offices = _pair(tmp_path)
    with offices.township.unit_of_work() as s:
        rotate_keys(s)
    with offices.township.unit_of_work() as s, pytest.raises(DomainError) as refused:
        rotate_keys(s)
    assert refused.value.code == "key_change_pending"


def test_a_package_sealed_to_the_old_key_opens_while_the_change_is_announced(
    tmp_path: Path,
) -> None:
    """The county seals a package to the township's keys as it knows them; the township has
    changed its keys meanwhile. Until the change is announced everywhere the township keeps its
    previous key, and the package opens with it (it was refused: decryption_failed)."""
    from desktop.sync.archive import read_package
    from desktop.sync.errors import PackageRejected
    from desktop.sync.importer import open_package
    from desktop.sync.trust import OfficeTrust, public_of

    offices = _pair(tmp_path)
    with offices.county.db.unit_of_work() as s:
        county = local_keys(s)
        known = public_of(s.scalars(select(Office).where(Office.uuid == offices.t_uuid)).one())
    assert known is not None
    with offices.township.unit_of_work() as s:
        rotate_keys(s)
    sealed = write_package(
        origin=county,
        recipient=known,
        records={},
        sequence=1,
        previous_manifest_sha256=None,
        schema_version=SCHEMA_VERSION,
        kinds=KINDS,
        encrypt=True,
    ).data
    with offices.township.unit_of_work() as s:
        assert open_package(s, sealed).manifest.origin.uuid == offices.c_uuid
        with pytest.raises(PackageRejected) as refused:  # the new key alone cannot open it
            read_package(
                sealed,
                me=local_keys(s),
                trust=OfficeTrust(s),
                schema_version=SCHEMA_VERSION,
                kinds=KINDS,
            )
    assert refused.value.code == "decryption_failed"
