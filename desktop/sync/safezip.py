"""A ZIP reader that trusts nothing in the file, and the matching deterministic writer."""

from __future__ import annotations

import dataclasses
import io
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterable

from desktop.sync.errors import PackageRejected
from desktop.sync.limits import Limits

LOCAL_SIG = b"PK\x03\x04"
CENTRAL_SIG = b"PK\x01\x02"
END_SIG = b"PK\x05\x06"
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")
STORED, DEFLATED = 0, 8
_FLAG_ENCRYPTED, _FLAG_DESCRIPTOR, _FLAG_STRONG, _FLAG_UTF8 = 0x1, 0x8, 0x40, 0x800
_ZIP64_COUNT, _ZIP64_SIZE = 0xFFFF, 0xFFFFFFFF  # "look in the ZIP64 record" markers
_UNIX = 3
_DOS_DIRECTORY = 0x10
_FILE_TYPES = {stat.S_IFDIR: "directory", stat.S_IFLNK: "symlink"}
# The writer's fixed timestamp and mode make equal content give equal bytes on every platform.
_EPOCH = (1980, 1, 1, 0, 0, 0)
_REGULAR_FILE = (stat.S_IFREG | 0o644) << 16


@dataclasses.dataclass(frozen=True)
class ZipMember:
    """One entry, cross-checked between its central and local headers."""

    name: str
    method: int
    crc: int
    compressed_size: int
    size: int  # as declared; read_member holds the data to it
    header_offset: int
    # What the local header must repeat: version needed, flags, method, time, date, CRC, sizes.
    header: tuple[int, ...]
    data_offset: int = 0


def _decode_name(raw: bytes, flags: int) -> str:
    # Without the UTF-8 flag the name is in a DOS code page; our writer only emits ASCII then.
    try:
        return raw.decode("utf-8" if flags & _FLAG_UTF8 else "ascii")
    except UnicodeDecodeError:
        raise PackageRejected("unsafe_member_name", name=raw.decode("latin-1")) from None


def _check_name(name: str, external_attr: int) -> None:
    parts = name.split("/")
    if name.endswith("/") or external_attr & _DOS_DIRECTORY:
        raise PackageRejected("not_regular_file", name=name, type="directory")
    unsafe = (
        len(name) > 255
        or name.startswith("/")
        or "\\" in name
        or ":" in name  # drive letters (C:) and NTFS alternate streams
        or any(ord(c) < 32 or ord(c) == 127 for c in name)
        or any(part in ("", ".", "..") for part in parts)
    )
    if unsafe:
        raise PackageRejected("unsafe_member_name", name=name)
    # Unix mode bits sit in the high half whatever system the header claims made the entry.
    file_type = stat.S_IFMT(external_attr >> 16)
    if file_type not in (0, stat.S_IFREG):
        raise PackageRejected(
            "not_regular_file", name=name, type=_FILE_TYPES.get(file_type, "special")
        )


def _find_end(data: bytes) -> tuple[int, int, int]:
    """(entry count, central directory offset, its size) from an end record at the very end."""
    if not data.startswith(LOCAL_SIG) and not data.startswith(END_SIG):
        raise PackageRejected("truncated" if LOCAL_SIG.startswith(data) else "not_zip")
    end = len(data) - _END.size
    if end < 0 or data[end : end + 4] != END_SIG:
        # An end record earlier in the file means bytes were appended (a comment, or junk);
        # none at all means the copy stopped short.
        appended = data.rfind(END_SIG, max(0, end - 0xFFFF)) >= 0
        raise PackageRejected("malformed_zip" if appended else "truncated", reason="end record")
    _, disk, cd_disk, on_disk, total, cd_size, cd_offset, comment_len = _END.unpack_from(data, end)
    if comment_len:
        raise PackageRejected("malformed_zip", reason="end record")
    if disk or cd_disk or on_disk != total:
        raise PackageRejected("unsupported_zip", reason="split archive")
    if total == _ZIP64_COUNT or _ZIP64_SIZE in (cd_size, cd_offset):
        raise PackageRejected("unsupported_zip", reason="ZIP64")
    if cd_offset + cd_size != end:
        raise PackageRejected("malformed_zip", reason="central directory position")
    return total, cd_offset, cd_size


def _central_entries(data: bytes, limits: Limits) -> tuple[list[ZipMember], int]:
    total, cd_offset, cd_size = _find_end(data)
    if total > limits.max_members:
        raise PackageRejected("too_many_members", count=total, max=limits.max_members)
    entries: dict[str, ZipMember] = {}
    declared = 0
    pos, cd_end = cd_offset, cd_offset + cd_size
    for _ in range(total):
        if pos + _CENTRAL.size > cd_end or data[pos : pos + 4] != CENTRAL_SIG:
            raise PackageRejected("malformed_zip", reason="central directory entry")
        fields = _CENTRAL.unpack_from(data, pos)
        header = fields[2:10]
        _, flags, method, _, _, crc, csize, size = header
        name_len, extra_len, comment_len, disk, _, external_attr, offset = fields[10:]
        name_end = pos + _CENTRAL.size + name_len
        name = _decode_name(data[pos + _CENTRAL.size : name_end], flags)
        pos = name_end + extra_len + comment_len
        if pos > cd_end:
            raise PackageRejected("malformed_zip", reason="central directory entry")
        if extra_len or comment_len:  # bytes no manifest hash covers: packages carry none
            raise PackageRejected("unsigned_bytes", name=name)
        if flags & (_FLAG_ENCRYPTED | _FLAG_STRONG):
            raise PackageRejected("encrypted_member", name=name)
        if method not in (STORED, DEFLATED):
            raise PackageRejected("unsupported_compression", name=name, method=method)
        if flags & _FLAG_DESCRIPTOR or disk or _ZIP64_SIZE in (csize, size, offset):
            raise PackageRejected("unsupported_zip", reason=f"{name}: descriptor, split or ZIP64")
        _check_name(name, external_attr)
        if name in entries:
            raise PackageRejected("duplicate_member", name=name)
        declared += size
        if declared > limits.max_total_bytes:
            raise PackageRejected(
                "zip_bomb", name=name, reason="total size", max=limits.max_total_bytes
            )
        if size > limits.ratio_exempt_bytes and size > csize * limits.max_ratio:
            raise PackageRejected(
                "zip_bomb", name=name, reason="compression ratio", max=limits.max_ratio
            )
        entries[name] = ZipMember(name, method, crc, csize, size, offset, header)
    if pos != cd_end:
        raise PackageRejected("malformed_zip", reason="central directory size")
    return list(entries.values()), cd_offset


def _with_local_header(data: bytes, entry: ZipMember) -> ZipMember:
    pos = entry.header_offset
    if pos + _LOCAL.size > len(data) or data[pos : pos + 4] != LOCAL_SIG:
        raise PackageRejected("malformed_zip", reason=f"local header of {entry.name}")
    fields = _LOCAL.unpack_from(data, pos)
    name_len, extra_len = fields[9:]
    name_start = pos + _LOCAL.size
    raw_name = data[name_start : name_start + name_len]
    # Comparing every repeated field turns most flipped bits in headers into a rejection.
    if fields[1:9] != entry.header or _decode_name(raw_name, entry.header[1]) != entry.name:
        raise PackageRejected("malformed_zip", reason=f"local header of {entry.name} disagrees")
    if extra_len:
        raise PackageRejected("unsigned_bytes", name=entry.name)
    return dataclasses.replace(entry, data_offset=name_start + name_len + extra_len)


def list_members(data: bytes, limits: Limits) -> dict[str, ZipMember]:
    """Every member of a ZIP held in memory, or PackageRejected before anything is inflated.

    Entries must tile the file from offset 0 to the central directory with no gap and no
    overlap: overlap is how small files expand to gigabytes, gaps hide data.
    """
    entries, cd_offset = _central_entries(data, limits)
    members: dict[str, ZipMember] = {}
    expected = 0
    for entry in sorted(entries, key=lambda e: e.header_offset):
        if entry.header_offset < expected:
            raise PackageRejected("overlapping_members", name=entry.name)
        if entry.header_offset > expected:
            raise PackageRejected("malformed_zip", reason=f"unaccounted bytes before {entry.name}")
        member = _with_local_header(data, entry)
        expected = member.data_offset + member.compressed_size
        if expected > cd_offset:
            raise PackageRejected("malformed_zip", reason=f"{entry.name} runs into the directory")
        members[member.name] = member
    if expected != cd_offset:
        raise PackageRejected("malformed_zip", reason="unaccounted bytes before the directory")
    return {e.name: members[e.name] for e in entries}


def read_member(data: bytes, member: ZipMember, max_size: int) -> bytes:
    """The member's content, inflating at most max_size + 1 bytes whatever the headers claim."""
    name = member.name
    if member.size > max_size:
        raise PackageRejected("zip_bomb", name=name, reason="member size", max=max_size)
    view = memoryview(data)[member.data_offset : member.data_offset + member.compressed_size]
    if member.method == STORED:
        content = bytes(view)
    else:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            content = inflater.decompress(view, member.size + 1)
        except zlib.error as exc:
            raise PackageRejected("corrupt_member", name=name, reason=str(exc)) from None
        if len(content) > member.size:
            raise PackageRejected(
                "zip_bomb", name=name, reason="larger than declared", max=member.size
            )
        if not inflater.eof or inflater.unused_data:
            raise PackageRejected(
                "corrupt_member", name=name, reason="stream does not end where declared"
            )
    if len(content) != member.size:
        raise PackageRejected("corrupt_member", name=name, reason="size differs from declared")
    if zlib.crc32(content) != member.crc:
        raise PackageRejected("member_crc_mismatch", name=name)
    return content


class ZipBuilder:
    """The writer, one member at a time: a member's content can be let go once it is added, so
    a package of many large attachments holds one of them besides the archive itself."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._archive = zipfile.ZipFile(self._buffer, "w")

    def __enter__(self) -> ZipBuilder:
        return self

    def __exit__(self, *_exc: object) -> None:
        # Closed here, not by the garbage collector: an export refused half-way would otherwise
        # leave the ZipFile to be finalised after its buffer.
        self._archive.close()

    def add(self, name: str, content: bytes, compress: bool) -> None:
        info = zipfile.ZipInfo(name, date_time=_EPOCH)
        info.create_system = _UNIX
        info.external_attr = _REGULAR_FILE
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        self._archive.writestr(info, content)

    def finish(self) -> bytes:
        """The whole ZIP; nothing may be added after."""
        self._archive.close()
        return self._buffer.getvalue()


def build_zip(members: Iterable[tuple[str, bytes, bool]]) -> bytes:
    """A ZIP of (name, content, compress) in the given order, the layout list_members expects."""
    with ZipBuilder() as builder:
        for name, content, compress in members:
            builder.add(name, content, compress)
        return builder.finish()
