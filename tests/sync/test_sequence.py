"""Sequence verdicts: apply the next, skip repeats, hold after a gap, refuse the out-of-line."""

from __future__ import annotations

from dataclasses import replace

from desktop.sync import AppliedPackage, Manifest, classify_sequence
from desktop.sync.messages import rejection_message
from desktop.sync.sequence import SequenceVerdict
from tests.sync.conftest import sample_manifest

ID = "0e1d2c3b-4a59-4687-9a6b-5c4d3e2f1a0b"  # the package id of sample_manifest()
OTHER_ID = "99999999-4a59-4687-9a6b-5c4d3e2f1a0b"


def incoming(sequence: int, previous: str | None = None, package_id: str = ID) -> Manifest:
    return replace(
        sample_manifest(),
        sequence=sequence,
        previous_manifest_sha256=previous if sequence > 1 else None,
        package_id=package_id,
    )


def history(last: int) -> dict[int, AppliedPackage]:
    """Packages 1..last applied, each chained to a made-up manifest hash."""
    return {
        n: AppliedPackage(f"{n:08d}-0000-4000-8000-000000000000", f"{n:064x}")
        for n in range(1, last + 1)
    }


def verdict(last: int, package: Manifest, sha: str = "f" * 64, **kw: int) -> SequenceVerdict:
    return classify_sequence(last, history(last), package, incoming_sha256=sha, **kw)


def test_first_package_is_applied() -> None:
    result = classify_sequence(0, {}, incoming(1), incoming_sha256="f" * 64)
    assert (result.action, result.code) == ("apply", "next")


def test_next_package_that_chains_is_applied() -> None:
    assert verdict(4, incoming(5, f"{4:064x}")).action == "apply"


def test_next_package_that_does_not_chain() -> None:
    # The sender restored an old backup and built no. 5 on top of a no. 4 we never saw.
    result = verdict(4, incoming(5, "e" * 64))
    assert (result.action, result.code) == ("reject", "chain_broken")


def test_chain_unknown_in_old_logs_is_not_held_against_the_sender() -> None:
    legacy = {4: AppliedPackage("00000004-0000-4000-8000-000000000000")}
    result = classify_sequence(4, legacy, incoming(5, "e" * 64), incoming_sha256="f" * 64)
    assert result.action == "apply"


def test_same_package_again_is_a_quiet_success() -> None:
    applied = history(6) | {3: AppliedPackage(ID, "a" * 64)}
    result = classify_sequence(6, applied, incoming(3, "e" * 64), incoming_sha256="a" * 64)
    assert (result.action, result.code) == ("skip", "already_applied")
    assert (
        rejection_message(result.code, result.fields)
        == "这个数据包（第 3 号）已经导入过，无需重复导入。"
    )


def test_reused_sequence_with_other_content() -> None:
    result = verdict(6, incoming(3, "e" * 64, package_id=OTHER_ID))
    assert (result.action, result.code) == ("reject", "sequence_reused")
    same_id_other_manifest = history(6) | {3: AppliedPackage(ID, "a" * 64)}
    result = classify_sequence(
        6, same_id_other_manifest, incoming(3, "e" * 64), incoming_sha256="b" * 64
    )
    assert result.code == "sequence_reused"


def test_older_package_nobody_remembers() -> None:
    result = classify_sequence(6, {}, incoming(3, "e" * 64), incoming_sha256="f" * 64)
    assert (result.action, result.code) == ("reject", "stale")


def test_gap_holds_the_package_naming_what_is_missing() -> None:
    result = verdict(4, incoming(7, "e" * 64))
    assert (result.action, result.code, result.missing) == ("hold", "held", (5, 6))
    assert "缺少第 5 号" in rejection_message(result.code, result.fields)


def test_far_ahead_is_refused() -> None:
    result = verdict(4, incoming(60, "e" * 64), max_ahead=50)
    assert (result.action, result.code) == ("reject", "too_far_ahead")
    assert verdict(4, incoming(54, "e" * 64), max_ahead=50).action == "hold"


def test_lookup_may_be_a_function() -> None:
    asked: list[int] = []

    def lookup(sequence: int) -> AppliedPackage | None:
        asked.append(sequence)
        return AppliedPackage(ID, "a" * 64) if sequence == 2 else None

    result = classify_sequence(9, lookup, incoming(2, "e" * 64), incoming_sha256="a" * 64)
    assert (result.code, asked) == ("already_applied", [2])


def test_a_new_first_package_is_a_restart_to_accept() -> None:
    """After a restore and a resync the sender numbers from 1 again: not applied silently, not
    refused for good either; the recipient accepts it (see tests/sync/test_resync.py)."""
    result = verdict(6, incoming(1, None, package_id=OTHER_ID))
    assert (result.action, result.code) == ("restart", "restart_unconfirmed")
    assert "重新同步" in rejection_message(result.code, result.fields)
