"""The family names inside a TrueType file or collection, read from its `name` table.

Fonts in a folder chosen in the settings are found by what they call themselves (仿宋_GB2312,
方正小标宋_GBK, KaiTi …), whatever their file is called.
"""

from __future__ import annotations

import mmap
import struct
from pathlib import Path

Buffer = bytes | mmap.mmap

_FAMILY_IDS = (1, 4, 16)  # family, full name, typographic family
_WINDOWS = 3


def _table_offset(stream: Buffer, font_offset: int, tag: bytes) -> int | None:
    (count,) = struct.unpack_from(">H", stream, font_offset + 4)
    for n in range(count):
        entry = font_offset + 12 + 16 * n
        if stream[entry : entry + 4] == tag:
            return int(struct.unpack_from(">I", stream, entry + 8)[0])
    return None


def _face_offsets(head: Buffer) -> list[int]:
    if head[:4] != b"ttcf":
        return [0]
    (count,) = struct.unpack_from(">I", head, 8)
    return list(struct.unpack_from(f">{count}I", head, 12))


def family_names(path: Path, face: int = 0) -> tuple[str, ...]:
    """Family and full names of one face (Windows records, any language); () if unreadable."""
    try:
        with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _names(data, face)
    except (OSError, ValueError, struct.error):
        return ()


def _names(data: Buffer, face: int) -> tuple[str, ...]:
    offsets = _face_offsets(data)
    if face >= len(offsets):
        return ()
    table = _table_offset(data, offsets[face], b"name")
    if table is None:
        return ()
    _format, count, strings = struct.unpack_from(">HHH", data, table)
    names = []
    for n in range(count):
        platform, _enc, _lang, name_id, length, offset = struct.unpack_from(
            ">6H", data, table + 6 + 12 * n
        )
        if platform == _WINDOWS and name_id in _FAMILY_IDS:
            start = table + strings + offset
            names.append(bytes(data[start : start + length]).decode("utf-16-be", "replace"))
    return tuple(dict.fromkeys(names))
