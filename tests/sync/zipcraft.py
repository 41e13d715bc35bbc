"""Hand-made ZIP files for tests: every header field under the test's control, nothing checked."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, replace

UNIX_MADE_BY = (3 << 8) | 20
REGULAR = 0o100644 << 16


@dataclass(frozen=True)
class Entry:
    name: bytes
    stored: bytes  # the bytes as they sit in the file (compressed if method is 8)
    size: int
    crc: int
    method: int = 0
    flags: int = 0
    made_by: int = UNIX_MADE_BY
    external_attr: int = REGULAR
    local_extra: bytes = b""
    central_extra: bytes = b""
    comment: bytes = b""


def stored(name: str | bytes, content: bytes, **overrides: int) -> Entry:
    raw_name = name.encode() if isinstance(name, str) else name
    return replace(Entry(raw_name, content, len(content), zlib.crc32(content)), **overrides)


def deflated(name: str, content: bytes, **overrides: int) -> Entry:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(content) + packer.flush()
    entry = Entry(name.encode(), packed, len(content), zlib.crc32(content), method=8)
    return replace(entry, **overrides)


def local_header(e: Entry) -> bytes:
    return struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, e.flags, e.method, 0, 0x21,
        e.crc, len(e.stored), e.size, len(e.name), len(e.local_extra),
    ) + e.name + e.local_extra  # fmt: skip


def central_header(e: Entry, offset: int) -> bytes:
    return struct.pack(
        "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", e.made_by, 20, e.flags, e.method, 0, 0x21,
        e.crc, len(e.stored), e.size, len(e.name), len(e.central_extra), len(e.comment), 0, 0,
        e.external_attr, offset,
    ) + e.name + e.central_extra + e.comment  # fmt: skip


def end_record(count: int, cd_size: int, cd_offset: int) -> bytes:
    return struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, cd_size, cd_offset, 0)


def assemble(body: bytes, directory: list[tuple[Entry, int]]) -> bytes:
    """`body` (the local entries) followed by a directory pointing at the given offsets."""
    central = b"".join(central_header(e, offset) for e, offset in directory)
    return body + central + end_record(len(directory), len(central), len(body))


def craft_zip(entries: list[Entry]) -> bytes:
    body = b""
    directory = []
    for e in entries:
        directory.append((e, len(body)))
        body += local_header(e) + e.stored
    return assemble(body, directory)


def zero_bomb_stream(megabytes: int) -> bytes:
    """Raw deflate of `megabytes` MiB of zeros, made in milliseconds.

    After a full flush the compressor starts afresh, so one flushed megabyte compresses to the
    same bytes every time: repeat them, then close the stream with an empty final block.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(1024 * 1024)) + packer.flush(zlib.Z_FULL_FLUSH)
    return block * megabytes + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
