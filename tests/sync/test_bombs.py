"""Decompression bombs are refused from their headers or within a bounded read, never inflated."""

from __future__ import annotations

import tracemalloc
import zlib
from collections.abc import Iterator

import pytest

from desktop.sync import Limits, PackageRejected
from desktop.sync.limits import MIB
from tests.sync.conftest import Peers
from tests.sync.zipcraft import Entry, craft_zip, stored, zero_bomb_stream

LIMITS = Limits(max_total_bytes=20 * MIB, max_member_bytes=20 * MIB, max_manifest_bytes=MIB)
SIGNATURE = stored("manifest.sig", b"s" * 64)


@pytest.fixture(scope="module")
def gigabyte_of_zeros() -> bytes:
    """A real deflate stream of 1 GiB of zeros, about 1 MB long."""
    return zero_bomb_stream(1024)


def bomb(stream: bytes, declared: int, name: str = "manifest.json") -> bytes:
    # The CRC is never reached: every bomb must be refused before the content is complete.
    entry = Entry(name.encode(), stream, declared, 0, method=8)
    return craft_zip([entry, SIGNATURE])


def rejection(peers: Peers, data: bytes, limits: Limits = LIMITS) -> PackageRejected:
    with pytest.raises(PackageRejected) as caught:
        peers.read(data, limits=limits)
    return caught.value


@pytest.fixture
def peak_memory() -> Iterator[list[int]]:
    """The peak of Python allocations during the test, to show nothing was inflated."""
    peak: list[int] = []
    tracemalloc.start()
    yield peak
    peak.append(tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    assert peak[0] < 8 * MIB


def test_the_bomb_is_real(gigabyte_of_zeros: bytes) -> None:
    inflater = zlib.decompressobj(-15)
    assert inflater.decompress(gigabyte_of_zeros[: 64 * 1024], 10 * MIB) == bytes(10 * MIB)
    assert len(gigabyte_of_zeros) < 2 * MIB


def test_declared_gigabyte_over_the_total(
    peers: Peers, gigabyte_of_zeros: bytes, peak_memory: list[int]
) -> None:
    problem = rejection(peers, bomb(gigabyte_of_zeros, 1024 * MIB))
    assert (problem.code, problem.fields["reason"]) == ("zip_bomb", "total size")


def test_declared_gigabyte_over_the_ratio(
    peers: Peers, gigabyte_of_zeros: bytes, peak_memory: list[int]
) -> None:
    generous = Limits(max_total_bytes=2048 * MIB)
    problem = rejection(peers, bomb(gigabyte_of_zeros, 1024 * MIB), generous)
    assert (problem.code, problem.fields["reason"]) == ("zip_bomb", "compression ratio")


def test_header_lying_small(peers: Peers, gigabyte_of_zeros: bytes, peak_memory: list[int]) -> None:
    # Declares 1000 bytes, inflates to a gigabyte: the read stops at 1001 bytes.
    problem = rejection(peers, bomb(gigabyte_of_zeros, 1000))
    assert (problem.code, problem.fields["reason"]) == ("zip_bomb", "larger than declared")


def test_member_over_its_own_limit(peers: Peers, peak_memory: list[int]) -> None:
    stream = zero_bomb_stream(2)
    no_ratio = Limits(max_ratio=10**9, max_manifest_bytes=MIB)
    problem = rejection(peers, bomb(stream, 2 * MIB), no_ratio)
    assert (problem.code, problem.fields) == (
        "zip_bomb",
        {"name": "manifest.json", "reason": "member size", "max": MIB},
    )


def test_many_small_members_over_the_total(peers: Peers) -> None:
    stream = zero_bomb_stream(1)
    entries = [Entry(f"attachments/{i}".encode(), stream, MIB, 0, method=8) for i in range(21)]
    problem = rejection(
        peers, craft_zip(entries), Limits(max_total_bytes=20 * MIB, max_ratio=10**9)
    )
    assert (problem.code, problem.fields["reason"]) == ("zip_bomb", "total size")


def test_members_up_to_the_exemption_may_compress_well(peers: Peers) -> None:
    # A megabyte of one repeated byte has a huge ratio but is harmless; it must get past the
    # bomb checks (and fail later, on the missing signature member).
    entry = Entry(b"manifest.json", zero_bomb_stream(1), MIB, 0, method=8)
    assert rejection(peers, craft_zip([entry]), Limits()).code == "missing_member"
