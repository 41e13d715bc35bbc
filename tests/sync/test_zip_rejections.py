"""Hostile or damaged ZIP containers are refused before anything in them is trusted."""

from __future__ import annotations

import zlib
from dataclasses import replace

import pytest

from desktop.sync import BuiltPackage, Limits, PackageRejected
from tests.sync.conftest import Peers
from tests.sync.zipcraft import (
    assemble,
    craft_zip,
    deflated,
    end_record,
    local_header,
    stored,
)


def rejection(peers: Peers, data: bytes, limits: Limits | None = None) -> PackageRejected:
    with pytest.raises(PackageRejected) as caught:
        peers.read(data, **({"limits": limits} if limits else {}))
    return caught.value


def test_empty_file(peers: Peers) -> None:
    assert rejection(peers, b"").code == "empty"


@pytest.mark.parametrize("data", [b"hello", b"%PDF-1.7\n" + bytes(100), b"\x00" * 30])
def test_not_a_zip(peers: Peers, data: bytes) -> None:
    assert rejection(peers, data).code == "not_zip"


def test_oversized_file_is_refused_unread(peers: Peers, package: BuiltPackage) -> None:
    problem = rejection(peers, package.data, Limits(max_package_bytes=len(package.data) - 1))
    assert problem.code == "package_too_large"


def test_bytes_after_the_end_record(peers: Peers, package: BuiltPackage) -> None:
    assert rejection(peers, package.data + b"junk").code == "malformed_zip"


def test_a_zip_without_members(peers: Peers) -> None:
    problem = rejection(peers, end_record(0, 0, 0))
    assert (problem.code, problem.fields) == ("missing_member", {"name": "manifest.json"})


def test_missing_signature(peers: Peers) -> None:
    problem = rejection(peers, craft_zip([stored("manifest.json", b"{}")]))
    assert (problem.code, problem.fields) == ("missing_member", {"name": "manifest.sig"})


@pytest.mark.parametrize(
    "name",
    [
        "../manifest.json",
        "data/../../evil.jsonl",
        "/etc/passwd",
        "C:/Windows/evil.dll",
        "C:evil",
        "data\\meeting.jsonl",
        "data//meeting.jsonl",
        "./manifest.json",
        "data/..",
        "manifest.json\x00.txt",
        "",
        b"data/\xff.jsonl",  # not UTF-8 and not flagged as such
    ],
)
def test_unsafe_member_names(peers: Peers, name: str | bytes) -> None:
    data = craft_zip([stored(name, b"x")])
    assert rejection(peers, data).code == "unsafe_member_name"


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        (stored("data/", b""), "directory"),
        (stored("data", b"", external_attr=0o040755 << 16), "directory"),
        (stored("data", b"", made_by=20, external_attr=0x10), "directory"),  # DOS attribute
        (stored("manifest.json", b"/etc/passwd", external_attr=0o120777 << 16), "symlink"),
        (stored("manifest.json", b"", external_attr=0o010644 << 16), "special"),  # a FIFO
    ],
)
def test_members_that_are_not_regular_files(peers: Peers, entry: object, kind: str) -> None:
    problem = rejection(peers, craft_zip([entry]))  # type: ignore[list-item]
    assert (problem.code, problem.fields["type"]) == ("not_regular_file", kind)


def test_duplicate_names(peers: Peers) -> None:
    data = craft_zip([stored("manifest.json", b"{}"), stored("manifest.json", b"[]")])
    assert rejection(peers, data).code == "duplicate_member"


@pytest.mark.parametrize("method", [1, 12, 14, 99])  # shrink, bzip2, lzma, WinZip AES
def test_unsupported_compression(peers: Peers, method: int) -> None:
    data = craft_zip([stored("manifest.json", b"{}", method=method)])
    assert rejection(peers, data).code == "unsupported_compression"


@pytest.mark.parametrize("flag", [0x1, 0x41])
def test_password_protected_member(peers: Peers, flag: int) -> None:
    data = craft_zip([stored("manifest.json", b"{}", flags=flag)])
    assert rejection(peers, data).code == "encrypted_member"


@pytest.mark.parametrize(
    "entry",
    [
        stored("manifest.json", b"{}", flags=0x8),  # data descriptor
        stored("manifest.json", b"{}", size=0xFFFFFFFF),  # ZIP64 marker
    ],
)
def test_unsupported_zip_features(peers: Peers, entry: object) -> None:
    assert rejection(peers, craft_zip([entry])).code == "unsupported_zip"  # type: ignore[list-item]


def test_too_many_members(peers: Peers) -> None:
    data = craft_zip([stored(f"attachments/{i}", b"") for i in range(5)])
    assert rejection(peers, data, Limits(max_members=4)).code == "too_many_members"


def test_local_header_disagreeing_with_directory(peers: Peers) -> None:
    entry = stored("manifest.json", b"{}")
    body = local_header(replace(entry, crc=entry.crc ^ 1)) + entry.stored
    assert rejection(peers, assemble(body, [(entry, 0)])).code == "malformed_zip"


def test_hidden_bytes_between_members(peers: Peers) -> None:
    first, second = stored("manifest.json", b"{}"), stored("manifest.sig", b"s" * 64)
    head = local_header(first) + first.stored + b"hidden"
    body = head + local_header(second) + second.stored
    problem = rejection(peers, assemble(body, [(first, 0), (second, len(head))]))
    assert problem.code == "malformed_zip"


def test_overlapping_members(peers: Peers) -> None:
    # The classic overlap bomb: a second directory entry points inside the first member's data,
    # where a complete local header waits, so the same bytes would be inflated twice.
    inner = stored("manifest.sig", b"A" * 64)
    outer = stored("manifest.json", local_header(inner) + inner.stored)
    body = local_header(outer) + outer.stored
    data = assemble(body, [(outer, 0), (inner, len(local_header(outer)))])
    problem = rejection(peers, data)
    assert (problem.code, problem.fields) == ("overlapping_members", {"name": "manifest.sig"})


def test_two_directory_entries_for_one_member(peers: Peers) -> None:
    entry = stored("manifest.json", b"{}")
    twin = replace(entry, name=b"manifest.sig")
    data = assemble(local_header(entry) + entry.stored, [(entry, 0), (twin, 0)])
    assert rejection(peers, data).code == "overlapping_members"


def test_crc_mismatch(peers: Peers) -> None:
    entry = stored("manifest.json", b"{}", crc=zlib.crc32(b"[]"))
    data = craft_zip([entry, stored("manifest.sig", b"s" * 64)])
    assert rejection(peers, data).code == "member_crc_mismatch"


def test_damaged_deflate_stream(peers: Peers) -> None:
    good = deflated("manifest.json", b'{"a": 1}' * 50)
    broken = replace(good, stored=b"\xff" + good.stored[1:])
    data = craft_zip([broken, stored("manifest.sig", b"s" * 64)])
    assert rejection(peers, data).code == "corrupt_member"


def test_deflate_stream_shorter_than_declared(peers: Peers) -> None:
    entry = deflated("manifest.json", b"{}", size=3)
    data = craft_zip([entry, stored("manifest.sig", b"s" * 64)])
    assert rejection(peers, data).code == "corrupt_member"
