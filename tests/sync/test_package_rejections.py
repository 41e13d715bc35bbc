"""Well-formed ZIPs that still must not be applied: wrong signer, wrong recipient, wrong content."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from desktop.sync import (
    BuiltPackage,
    LocalOffice,
    OfficeKeys,
    PackageRejected,
    TrustList,
)
from tests.sync.conftest import SCHEMA, Peers, members_of, rezip

MEETINGS = "data/meeting.jsonl"


def rejection(peers: Peers, data: bytes, **read_args: Any) -> PackageRejected:
    with pytest.raises(PackageRejected) as caught:
        peers.read(data, **read_args)
    return caught.value


def with_members(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The same ZIP with members replaced, added or (None) removed; the manifest untouched."""
    contents = members_of(data)
    for name, content in changes.items():
        if content is None:
            del contents[name]
        else:
            contents[name] = content
    return rezip(contents)


def test_the_untouched_package_opens(peers: Peers, package: BuiltPackage) -> None:
    opened = peers.read(package.data)
    assert opened.signer == peers.township.public()
    assert opened.manifest_sha256 == package.manifest_sha256


def test_manifest_edited_after_signing(peers: Peers, package: BuiltPackage) -> None:
    edited = peers.tamper(
        package.data, manifest=lambda d: d["recipient_office"].update(name="别的县"), resign=False
    )
    assert rejection(peers, edited).code == "bad_signature"


def test_signature_replaced(peers: Peers, package: BuiltPackage) -> None:
    forged = peers.county.keys.signing.sign(members_of(package.data)["manifest.json"])
    assert (
        rejection(peers, with_members(package.data, {"manifest.sig": forged})).code
        == "bad_signature"
    )
    truncated = with_members(package.data, {"manifest.sig": forged[:32]})
    assert rejection(peers, truncated).code == "bad_signature"


def test_unknown_signer(peers: Peers, package: BuiltPackage) -> None:
    problem = rejection(peers, package.data, trust=TrustList())
    assert problem.code == "unknown_key"
    assert problem.fields == {
        "office": "八滩镇工会",
        "fingerprint": peers.township.keys.fingerprint,
    }


def test_known_office_with_another_key(peers: Peers, package: BuiltPackage) -> None:
    impostor = LocalOffice(peers.township.uuid, peers.township.name, OfficeKeys.generate())
    forged = peers.build(origin=impostor)
    assert rejection(peers, forged.data).code == "unknown_key"


def test_revoked_key(peers: Peers, package: BuiltPackage) -> None:
    trust = TrustList.of([peers.township.public()], revoked=[peers.township.keys.fingerprint])
    assert rejection(peers, package.data, trust=trust).code == "revoked_key"


def test_addressed_to_another_office(peers: Peers, package: BuiltPackage) -> None:
    other = LocalOffice("7d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a", "响水县总工会", peers.county.keys)
    problem = rejection(peers, package.data, me=other)
    assert (problem.code, problem.fields) == (
        "wrong_recipient",
        {"recipient": "滨海县总工会", "me": "响水县总工会"},
    )


def test_newer_schema(peers: Peers, package: BuiltPackage) -> None:
    problem = rejection(peers, package.data, schema_version=SCHEMA - 1)
    assert (problem.code, problem.fields) == (
        "too_new_schema",
        {"version": SCHEMA, "supported": SCHEMA - 1},
    )


def test_newer_format(peers: Peers, package: BuiltPackage) -> None:
    newer = peers.tamper(package.data, manifest=lambda d: d.update(format_version=2))
    assert rejection(peers, newer).code == "too_new_format"


def test_unknown_record_kind(peers: Peers, package: BuiltPackage) -> None:
    problem = rejection(peers, package.data, kinds=("meeting",))
    assert (problem.code, problem.fields) == ("unknown_kind", {"kind": "agreed_item"})


def test_member_not_in_manifest(peers: Peers, package: BuiltPackage) -> None:
    extra = b"not announced"
    name = "attachments/" + hashlib.sha256(extra).hexdigest()
    problem = rejection(peers, with_members(package.data, {name: extra}))
    assert (problem.code, problem.fields) == ("unexpected_member", {"name": name})
    assert rejection(peers, with_members(package.data, {"notes.txt": b"x"})).code == (
        "unexpected_member"
    )


def test_member_missing(peers: Peers, package: BuiltPackage) -> None:
    problem = rejection(peers, with_members(package.data, {MEETINGS: None}))
    assert (problem.code, problem.fields) == ("missing_member", {"name": MEETINGS})


def test_member_changed_same_size(peers: Peers, package: BuiltPackage) -> None:
    original = members_of(package.data)[MEETINGS]
    changed = original.replace("三".encode(), "四".encode())
    assert len(changed) == len(original) and changed != original
    problem = rejection(peers, with_members(package.data, {MEETINGS: changed}))
    assert (problem.code, problem.fields) == ("member_hash_mismatch", {"name": MEETINGS})


def test_member_changed_size(peers: Peers, package: BuiltPackage) -> None:
    longer = members_of(package.data)[MEETINGS] + b'{"uuid": "x"}\n'
    problem = rejection(peers, with_members(package.data, {MEETINGS: longer}))
    assert problem.code == "member_size_mismatch"


def test_record_count_disagrees(peers: Peers, package: BuiltPackage) -> None:
    wrong = peers.tamper(package.data, manifest=lambda d: d["record_counts"].update(meeting=2))
    problem = rejection(peers, wrong)
    assert (problem.code, problem.fields) == (
        "record_count_mismatch",
        {"kind": "meeting", "expected": 2, "actual": 1},
    )


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b'{"uuid": "a", "uuid": "b"}\n', "duplicate_key"),
        (b'{"percent": NaN}\n', "non_finite_number"),
        (b'{"id": 123456789012345678}\n', "integer_out_of_range"),
        (b'{"title": "\\u0000"}\n', "control_character"),
        (b"not json\n", "bad_json"),
    ],
)
def test_signed_but_bad_json(
    peers: Peers, package: BuiltPackage, content: bytes, code: str
) -> None:
    # Even a trusted sender's records go through the strict parser.
    bad = peers.tamper(package.data, members={MEETINGS: content})
    problem = rejection(peers, bad)
    assert (problem.code, problem.fields["member"], problem.fields["line"]) == (code, MEETINGS, 1)


def test_encrypted_for_another_key(peers: Peers) -> None:
    sealed = peers.build(encrypt=True)
    rekeyed = LocalOffice(peers.county.uuid, peers.county.name, OfficeKeys.generate())
    assert rejection(peers, sealed.data, me=rekeyed).code == "decryption_failed"


def test_encrypted_payload_moved_into_another_manifest(peers: Peers) -> None:
    first, second = peers.build(encrypt=True), peers.build(encrypt=True)
    payload = members_of(second.data)["payload.bin"]
    moved = members_of(first.data) | {"payload.bin": payload}
    resigned = peers.tamper(
        rezip(moved),
        manifest=lambda d: d.update(payload=json.loads(second.manifest.to_json())["payload"]),
    )
    assert rejection(peers, resigned).code == "decryption_failed"


def test_encrypted_package_with_plaintext_beside_it(peers: Peers) -> None:
    sealed = peers.build(encrypt=True)
    leak = with_members(sealed.data, {MEETINGS: b"{}\n"})
    assert rejection(peers, leak).code == "unexpected_member"
