"""Whatever records and attachments go into a package come out exactly, sealed or not."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.sync import RECORD_KINDS, Acknowledgement
from tests.sync.conftest import Peers

# Everything the strict reader accepts: no lone surrogates, no C0 controls but tab and newlines.
TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"],
    ),
    max_size=20,
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT
    | st.sampled_from(["八滩镇工会", "😀", "\u2028", "\x7f\x85", "", " "])
)


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3)
)
RECORD = st.dictionaries(TEXT, VALUES, max_size=5).filter(lambda r: depth(r) <= 16)
RECORDS = st.dictionaries(st.sampled_from(RECORD_KINDS), st.lists(RECORD, max_size=4), max_size=4)
ATTACHMENTS = st.lists(st.binary(max_size=300), max_size=3)
ROUND_TRIP = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def round_trip(
    peers: Peers, records: dict[str, list[dict[str, Any]]], blobs: list[bytes], encrypt: bool
) -> None:
    built = peers.build(records=records, attachments=blobs, encrypt=encrypt)
    opened = peers.read(built.data)
    assert opened.records == {kind: tuple(rows) for kind, rows in records.items() if rows}
    assert opened.attachments == {hashlib.sha256(b).hexdigest(): b for b in blobs}
    assert opened.manifest == built.manifest
    assert opened.manifest.encrypted is encrypt


@ROUND_TRIP
@given(records=RECORDS, blobs=ATTACHMENTS)
def test_round_trip(
    peers: Peers, records: dict[str, list[dict[str, Any]]], blobs: list[bytes]
) -> None:
    round_trip(peers, records, blobs, encrypt=False)


@ROUND_TRIP
@given(records=RECORDS, blobs=ATTACHMENTS)
def test_round_trip_encrypted(
    peers: Peers, records: dict[str, list[dict[str, Any]]], blobs: list[bytes]
) -> None:
    round_trip(peers, records, blobs, encrypt=True)


def test_manifest_fields_survive(peers: Peers) -> None:
    ack = Acknowledgement(peers.county.uuid, 41, "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d")
    built = peers.build(
        sequence=42,
        previous_manifest_sha256="ab" * 32,
        acknowledgements=[ack],
        created_at=datetime(2027, 3, 18, 8, 0, 0, 123456, tzinfo=UTC),
    )
    manifest = peers.read(built.data).manifest
    assert (manifest.sequence, manifest.previous_manifest_sha256) == (42, "ab" * 32)
    assert manifest.acknowledgements == (ack,)
    assert manifest.created_at == datetime(2027, 3, 18, 8, 0, tzinfo=UTC)
    assert manifest.origin.key_fingerprint == peers.township.keys.fingerprint


def test_same_content_gives_same_bytes(peers: Peers) -> None:
    # Deterministic output lets the database compare a re-export with what was sent.
    fixed: dict[str, Any] = {
        "created_at": datetime(2027, 3, 18, tzinfo=UTC),
        "package_id": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
    }
    assert peers.build(**fixed).data == peers.build(**fixed).data


def test_file_name_is_readable_and_safe(peers: Peers) -> None:
    built = peers.build(created_at=datetime(2027, 3, 18, tzinfo=UTC), sequence=3,
                        previous_manifest_sha256="ab" * 32)  # fmt: skip
    tag = peers.county.uuid[:4]
    assert built.file_name() == f"八滩镇工会至滨海县总工会-{tag}_第00003号_20270318.lxpkg"


def test_two_recipients_of_one_name_get_two_file_names(peers: Peers) -> None:
    other = replace(peers.county, uuid="0000" + peers.county.uuid[4:])
    first = peers.build().file_name()
    second = peers.build(recipient=other.public()).file_name()
    assert first != second


def test_file_name_stays_short_with_long_office_names(peers: Peers) -> None:
    township = replace(
        peers.township, name="八滩镇/人民政府与八滩镇总工会联合办公室暨江苏省盐城市滨海县分部"
    )
    name = peers.build(origin=township).file_name()
    assert len(name.encode()) < 255 and "/" not in name
