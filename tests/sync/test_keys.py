"""Office keys: PEM round trips, stable fingerprints, signatures, setup files, the trust list."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.core.office import generate_keys
from desktop.sync import (
    LocalOffice,
    OfficeKeys,
    PackageRejected,
    TrustList,
    export_setup_file,
    import_setup_file,
)
from desktop.sync.jsonl import dumps_canonical

FIXED = OfficeKeys(
    Ed25519PrivateKey.from_private_bytes(bytes(range(32))),
    X25519PrivateKey.from_private_bytes(bytes(range(32, 64))),
)


def test_fingerprint_is_stable_and_readable_aloud() -> None:
    # Printed on setup sheets and read over the phone: it must never change for the same keys.
    assert FIXED.fingerprint == "D5D8 D97A CF54 8B35 D827 497B 1AD1 7C2C"
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", OfficeKeys.generate().fingerprint)


def test_pem_round_trip_keeps_the_keys() -> None:
    again = OfficeKeys.from_pem(*FIXED.to_pem())
    assert again.fingerprint == FIXED.fingerprint
    assert again.signing_public == FIXED.signing_public


def test_reads_the_keys_core_office_stores() -> None:
    stored = generate_keys()
    keys = OfficeKeys.from_pem(stored.signing_private_pem, stored.encryption_private_pem)
    assert keys.signing_public == stored.signing_public_raw
    assert keys.encryption_public == stored.encryption_public_raw


def test_from_pem_refuses_swapped_keys() -> None:
    signing_pem, encryption_pem = FIXED.to_pem()
    with pytest.raises(ValueError):
        OfficeKeys.from_pem(encryption_pem, signing_pem)


def test_signature_verifies_only_the_signed_bytes() -> None:
    office = LocalOffice(str(uuid.uuid4()), "八滩镇工会", FIXED)
    signature = FIXED.signing.sign(b"manifest")
    assert office.public().verifies(signature, b"manifest")
    assert not office.public().verifies(signature, b"manifesT")
    assert not office.public().verifies(signature[:-1] + b"\0", b"manifest")
    assert not office.public().verifies(b"short", b"manifest")


@pytest.fixture
def office() -> LocalOffice:
    return LocalOffice(str(uuid.uuid4()), "八滩镇工会", OfficeKeys.generate())


def test_setup_file_round_trip(office: LocalOffice) -> None:
    raw = export_setup_file(office, issued_at=datetime(2027, 1, 5, 9, 30, tzinfo=UTC))
    typed = office.keys.fingerprint.lower().replace(" ", "")  # as a clerk might type it
    public = import_setup_file(raw, expected_fingerprint=typed)
    assert public == office.public()
    assert json.loads(raw)["issued_at"] == "2027-01-05T09:30:00Z"


def _edited(raw: bytes, **changes: object) -> bytes:
    return dumps_canonical(json.loads(raw) | changes)


def test_setup_file_with_another_name_fails_its_signature(office: LocalOffice) -> None:
    raw = export_setup_file(office)
    renamed = _edited(raw, office={"uuid": office.uuid, "name": "滨海县总工会"})
    with pytest.raises(PackageRejected) as caught:
        import_setup_file(renamed)
    assert (caught.value.code, caught.value.fields) == (
        "bad_setup_file",
        {"reason": "signature does not verify"},
    )


@pytest.mark.parametrize(
    "change",
    [
        {"fingerprint": "0000 0000 0000 0000 0000 0000 0000 0000"},
        {"format": "something-else"},
        {"format_version": 2},
        {"signing_key": "not base64!"},
        {"encryption_key": "AAAA"},
        {"issued_at": "yesterday"},
        {"extra": 1},
    ],
)
def test_malformed_setup_file(office: LocalOffice, change: dict[str, object]) -> None:
    with pytest.raises(PackageRejected) as caught:
        import_setup_file(_edited(export_setup_file(office), **change))
    assert caught.value.code == "bad_setup_file"


def test_setup_file_against_a_misread_fingerprint(office: LocalOffice) -> None:
    with pytest.raises(PackageRejected) as caught:
        import_setup_file(export_setup_file(office), expected_fingerprint=FIXED.fingerprint)
    assert caught.value.code == "fingerprint_mismatch"


def test_setup_file_that_is_not_json() -> None:
    with pytest.raises(PackageRejected) as caught:
        import_setup_file(b"PK\x03\x04\xff not a setup file")
    assert (caught.value.code, caught.value.fields) == (
        "bad_setup_file",
        {"reason": "invalid_utf8"},
    )
    with pytest.raises(PackageRejected) as caught:
        import_setup_file(b" " * 70_000)
    assert caught.value.code == "bad_setup_file"


def test_trust_list_matches_office_and_key(office: LocalOffice) -> None:
    trust = TrustList.of([office.public()], revoked=[FIXED.fingerprint])
    assert trust.find(office.uuid, office.keys.fingerprint) == office.public()
    assert trust.find(office.uuid, FIXED.fingerprint) is None
    assert trust.find(str(uuid.uuid4()), office.keys.fingerprint) is None
    assert trust.is_revoked(FIXED.fingerprint)
