"""Whether an authentic package comes next from its sender, again, too early, or out of line."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from desktop.sync.manifest import Manifest

Action = Literal["apply", "skip", "hold", "reject", "restart"]
# Sequences are a USB stick's worth apart; a jump of hundreds means the peers lost each other
# (a reinstall, a restored backup) and a person should look before anything is held.
DEFAULT_MAX_AHEAD = 50


@dataclass(frozen=True)
class AppliedPackage:
    """What the database remembers of a package it applied from this sender."""

    package_id: str
    manifest_sha256: str | None = None  # None where the log predates chaining


@dataclass(frozen=True)
class SequenceVerdict:
    """`action` tells the database layer what to do; `code` and `fields` tell the clerk why.

    apply: the next package, apply it. skip: already applied, a success with nothing to do.
    hold: keep the file until `missing` have been applied, then classify it again.
    reject: never apply it; the code says which rule it broke.
    restart: a new first package where another was applied: the sender started its numbering
    again (a restored backup, then a resync); applied only once the recipient accepts that.
    """

    action: Action
    code: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    missing: tuple[int, ...] = ()


def classify_sequence(
    last_applied: int,
    applied: Mapping[int, AppliedPackage] | Callable[[int], AppliedPackage | None],
    incoming: Manifest,
    *,
    incoming_sha256: str,
    max_ahead: int = DEFAULT_MAX_AHEAD,
) -> SequenceVerdict:
    """Place a verified package in its sender's sequence.

    `last_applied` is the highest sequence applied from `incoming.origin` (0 if none), and
    `applied` looks up what was applied at a given sequence: a mapping, or a function so the
    database can query lazily. `incoming_sha256` is OpenedPackage.manifest_sha256.
    """
    lookup = applied.get if isinstance(applied, Mapping) else applied
    seq = incoming.sequence
    fields: dict[str, Any] = {"sequence": seq, "last_applied": last_applied}
    if seq <= last_applied:
        before = lookup(seq)
        if before is None:
            return SequenceVerdict("reject", "stale", fields)
        if before.package_id != incoming.package_id:
            if seq == 1:
                return SequenceVerdict("restart", "restart_unconfirmed", fields)
            return SequenceVerdict("reject", "sequence_reused", fields)
        if before.manifest_sha256 not in (None, incoming_sha256):
            # Same id, different manifest: only the sender's key could have made it, so it
            # re-signed an old package with other content.
            return SequenceVerdict("reject", "sequence_reused", fields)
        return SequenceVerdict("skip", "already_applied", fields)
    if seq == last_applied + 1:
        previous = lookup(last_applied) if last_applied else None
        expected = None if previous is None else previous.manifest_sha256
        if expected is not None and incoming.previous_manifest_sha256 != expected:
            return SequenceVerdict("reject", "chain_broken", fields)
        return SequenceVerdict("apply", "next", fields)
    if seq - last_applied > max_ahead:
        return SequenceVerdict("reject", "too_far_ahead", fields | {"max": max_ahead})
    missing = tuple(range(last_applied + 1, seq))
    return SequenceVerdict("hold", "held", fields | {"missing_first": missing[0]}, missing)
