"""Resource limits for reading packages, so a hostile file cannot exhaust memory or time."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Every bound the reader enforces; tests pass small ones, the application the defaults."""

    # The whole file is held in memory; an attachment may be 200 MB (core.attachments.MAX_BYTES).
    max_package_bytes: int = 512 * MIB
    max_member_bytes: int = 200 * MIB
    max_total_bytes: int = 1024 * MIB
    max_members: int = 20_000
    # Text compresses about 10x; 200x only happens for padding or a bomb. Small members are
    # exempt because a tiny file of repeated characters legitimately reaches high ratios.
    max_ratio: int = 200
    ratio_exempt_bytes: int = 1 * MIB
    max_manifest_bytes: int = 8 * MIB
    max_line_bytes: int = 1 * MIB
    max_records: int = 500_000
    max_depth: int = 16


DEFAULT_LIMITS = Limits()
