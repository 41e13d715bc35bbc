"""A package cut short or with a flipped bit is refused cleanly, never half-read or crashed on."""

from __future__ import annotations

import pytest

from desktop.messages import message
from desktop.sync import BuiltPackage, Limits, OpenedPackage, PackageRejected
from desktop.sync.safezip import DEFLATED, list_members
from tests.sync.conftest import Peers


@pytest.fixture(scope="module", params=[False, True], ids=["plain", "encrypted"])
def small(request: pytest.FixtureRequest, peers: Peers) -> BuiltPackage:
    return peers.build(encrypt=request.param)


def outcome(peers: Peers, data: bytes) -> OpenedPackage | str:
    try:
        return peers.read(data)
    except PackageRejected as rejected:
        return rejected.code


def test_truncated_at_every_byte(peers: Peers, small: BuiltPackage) -> None:
    codes = {outcome(peers, small.data[:cut]) for cut in range(len(small.data))}
    # "malformed_zip" when the cut leaves an end-record signature inside stored data.
    assert codes <= {"empty", "truncated", "malformed_zip"}
    assert "truncated" in codes


def content_offsets(data: bytes) -> tuple[set[int], set[int]]:
    """Byte positions of member contents, and the last byte of each deflate stream among them."""
    members = list_members(data, Limits()).values()
    content = {
        position
        for member in members
        for position in range(member.data_offset, member.data_offset + member.compressed_size)
    }
    last = {m.data_offset + m.compressed_size - 1 for m in members if m.method == DEFLATED}
    return content, last


def test_flipped_bit_at_every_byte(peers: Peers, small: BuiltPackage) -> None:
    original = peers.read(small.data)
    content, stream_ends = content_offsets(small.data)
    accepted = set()
    for position in range(len(small.data)):
        damaged = bytearray(small.data)
        damaged[position] ^= 1 << (position % 8)
        result = outcome(peers, bytes(damaged))
        if isinstance(result, OpenedPackage):
            # Only bits no reader uses may flip unnoticed, so what is read must not change.
            assert result == original
            accepted.add(position)
    # In content, only the padding after a deflate stream's final code is unused.
    assert content & accepted <= stream_ends
    # Elsewhere: a few header fields, e.g. "version made by" and DOS attribute bits.
    assert len(accepted) < len(small.data) // 20


INTERNALS = ("Error", "decompress", "end record", "symlink", "same as origin", "ZIP64", "stream")


def test_a_flipped_bit_is_called_damage_in_plain_chinese(peers: Peers, small: BuiltPackage) -> None:
    sentences = {}
    for position in range(0, len(small.data), 3):
        damaged = bytearray(small.data)
        damaged[position] ^= 1 << (position % 8)
        try:
            peers.read(bytes(damaged))
        except PackageRejected as rejected:
            sentences[rejected.code] = message(rejected.code, rejected.fields, "zh", exchange=True)
    assert sentences
    for code, said in sentences.items():
        assert "恶意" not in said and "攻击" not in said, (code, said)
        assert not any(word in said for word in INTERNALS), (code, said)
        assert any("\u4e00" <= c <= "\u9fff" for c in said), (code, said)
