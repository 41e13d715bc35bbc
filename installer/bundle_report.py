"""Size and file count of a frozen build, what the spec trimmed from it, and its largest parts.

    python installer/bundle_report.py dist/lianxi [--trimmed build/pyinstaller/lianxi/trimmed.json]

Prints figures; never fails a build over them (the 200 MB budget is reported, not enforced).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

BUDGET_MB = 200
MB = 1024 * 1024


def files_of(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def group(relative: Path) -> str:
    """The part of the bundle a file belongs to, for the breakdown."""
    parts = relative.parts
    if parts[0] == "_internal":
        parts = parts[1:]
    if parts[:2] == ("PySide6", "Qt") and len(parts) > 3:
        return "/".join(parts[:4]) if parts[2] == "plugins" else "/".join(parts[:3])
    return parts[0] if len(parts) > 1 else "(top-level libraries)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--trimmed", type=Path, help="trimmed.json written by lianxi.spec")
    parser.add_argument("--top", type=int, default=8, help="how many parts to list")
    args = parser.parse_args(argv)
    files = files_of(args.folder)
    total = sum(p.stat().st_size for p in files)
    verdict = "within" if total <= BUDGET_MB * MB else "OVER"
    print(
        f"bundle {args.folder}: {total / MB:.1f} MB in {len(files)} files "
        f"({verdict} the {BUDGET_MB} MB budget)"
    )
    if args.trimmed and args.trimmed.exists():
        trimmed = json.loads(args.trimmed.read_text(encoding="utf-8"))
        size = sum(trimmed.values())
        print(
            f"  trimmed by the spec: {size / MB:.1f} MB in {len(trimmed)} files "
            f"(without it: {(total + size) / MB:.1f} MB in {len(files) + len(trimmed)} files)"
        )
    sizes: Counter[str] = Counter()
    for path in files:
        sizes[group(path.relative_to(args.folder))] += path.stat().st_size
    for name, size in sizes.most_common(args.top):
        print(f"  {size / MB:7.1f} MB  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
