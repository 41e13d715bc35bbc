"""Which bundled libraries need a glibc newer than the oldest target's (Kylin V10, UOS 20: 2.28).

Reads the GNU version requirements (.gnu.version_r) of every ELF file in a folder directly, so
it needs no binutils. A frozen build runs only where glibc is at least the highest version any
of its files asks for: build on the oldest target (see docs/installing.md).

    python installer/check_glibc.py dist/lianxi [--target 2.28] [--strict] [--list]
"""

from __future__ import annotations

import argparse
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NEEDED = 1
GLIBC_LIBRARIES = ("libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so", "ld-linux")


def parse_version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _sections(data: bytes) -> tuple[str, bool, list[tuple[int, ...]]]:
    """The byte order, whether 64-bit, and the section headers of an ELF file."""
    is64 = data[4] == 2
    order = "<" if data[5] == 1 else ">"
    if is64:
        shoff = struct.unpack_from(order + "Q", data, 0x28)[0]
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
        layout = order + "IIQQQQIIQQ"
    else:
        shoff = struct.unpack_from(order + "I", data, 0x20)[0]
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x2E)
        layout = order + "IIIIIIIIII"
    headers = [struct.unpack_from(layout, data, shoff + i * shentsize) for i in range(shnum)]
    return order, is64, headers


def _string(data: bytes, table: int, position: int) -> str:
    end = data.index(b"\0", table + position)
    return data[table + position : end].decode("ascii", "replace")


def needed_libraries(path: Path) -> list[str]:
    """The DT_NEEDED sonames of an ELF file (what the dynamic loader loads with it)."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF":
        return []
    order, is64, headers = _sections(data)
    entry = order + ("qQ" if is64 else "iI")
    size = struct.calcsize(entry)
    names = []
    for _, sh_type, _, _, offset, length, link, _, _, _ in headers:
        if sh_type == SHT_DYNAMIC:
            strings = headers[link][4]
            for position in range(offset, offset + length, size):
                tag, value = struct.unpack_from(entry, data, position)
                if tag == DT_NEEDED:
                    names.append(_string(data, strings, value))
    return names


def needed_versions(path: Path) -> Iterator[tuple[str, str]]:
    """(library, version name) pairs an ELF file requires, e.g. ('libc.so.6', 'GLIBC_2.34')."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF":
        return
    order, _, headers = _sections(data)
    for _, sh_type, _, _, offset, _, link, info, _, _ in headers:
        if sh_type != SHT_GNU_VERNEED:
            continue
        strings = headers[link][4]
        entry = offset
        for _ in range(info):  # sh_info: the number of Verneed entries
            _, count, file_name, aux, following = struct.unpack_from(order + "HHIII", data, entry)
            library = _string(data, strings, file_name)
            aux_entry = entry + aux
            for _ in range(count):
                _, _, _, version_name, aux_next = struct.unpack_from(
                    order + "IHHII", data, aux_entry
                )
                yield library, _string(data, strings, version_name)
                aux_entry += aux_next
            if not following:
                break
            entry += following


def glibc_needed(path: Path) -> tuple[int, ...] | None:
    """The highest GLIBC_x.y version the file asks of glibc itself, or None."""
    versions = [
        parse_version(name.removeprefix("GLIBC_"))
        for library, name in needed_versions(path)
        if name.startswith("GLIBC_") and library.startswith(GLIBC_LIBRARIES) and name[6:7].isdigit()
    ]
    return max(versions, default=None)


def elf_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as stream:
                if stream.read(4) == b"\x7fELF":
                    yield path


def scan(folder: Path) -> dict[Path, tuple[int, ...] | None]:
    return {path: glibc_needed(path) for path in elf_files(folder)}


def dotted(version: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in version)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--target", default="2.28", help="the oldest glibc to run on")
    parser.add_argument("--strict", action="store_true", help="fail when any file needs more")
    parser.add_argument("--list", action="store_true", help="name every file that needs more")
    args = parser.parse_args(argv)
    target = parse_version(args.target)
    found = scan(args.folder)
    newer = {path: v for path, v in found.items() if v is not None and v > target}
    highest = max((v for v in found.values() if v is not None), default=None)
    print(
        f"glibc: {len(found)} ELF files; highest glibc needed "
        f"{dotted(highest) if highest else 'none'}; "
        f"{len(newer)} need newer than {args.target}"
    )
    worst = sorted(newer.items(), key=lambda item: item[1], reverse=True)
    for path, version in worst if args.list else worst[:5]:
        print(f"  {dotted(version):>6}  {path.relative_to(args.folder)}")
    if newer and not args.list and len(newer) > 5:
        print(f"  … and {len(newer) - 5} more (--list names them all)")
    if newer:
        print(
            f"  This build will not start on glibc {args.target} (Kylin V10, UOS 20): "
            "build there instead (docs/installing.md)."
        )
    return 1 if newer and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
