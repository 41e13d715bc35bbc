"""The writer refuses to build a package the reader would refuse, and says which record."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.messages import describe
from desktop.sync import ExportRefused, Limits
from tests.sync.conftest import Peers


def test_unknown_kind_is_a_programming_error(peers: Peers) -> None:
    with pytest.raises(ValueError):
        peers.build(records={"minutes_draft": [{}]})
    with pytest.raises(ValueError):
        peers.build(records={"meeting": [{}]}, kinds=("topic",))


def test_record_the_reader_would_refuse(peers: Peers) -> None:
    records = {"topic": [{"title": "职工食堂"}, {"title": "工资\x00集体协商"}]}
    with pytest.raises(ExportRefused) as caught:
        peers.build(records=records)
    assert caught.value.fields == {"kind": "topic", "index": 2, "problem": "control_character"}
    assert describe(caught.value, "zh").startswith("第 2 条议题记录")


@pytest.mark.parametrize(
    "limits",
    [
        Limits(max_member_bytes=100),  # the attachment alone
        Limits(max_total_bytes=500),  # records and attachment together
        Limits(max_package_bytes=1000),  # the finished file
    ],
)
def test_export_over_the_limits(peers: Peers, limits: Limits) -> None:
    with pytest.raises(ExportRefused) as caught:
        peers.build(limits=limits)
    assert caught.value.code == "export_too_large"


def test_attachments_are_taken_one_at_a_time(peers: Peers) -> None:
    """Each attachment is written before the next is read (a package of many large files never
    holds them all): a refusal stops the reading at the attachment refused."""
    asked = []

    def contents() -> Iterator[bytes]:
        for size in (50, 200, 50):
            asked.append(size)
            yield bytes([len(asked)]) * size

    with pytest.raises(ExportRefused):
        peers.build(records={}, attachments=contents(), limits=Limits(max_member_bytes=100))
    assert asked == [50, 200]


def test_empty_kinds_are_left_out(peers: Peers) -> None:
    built = peers.build(records={"meeting": [], "topic": [{"title": "职工书屋"}]}, attachments=[])
    assert dict(built.manifest.record_counts) == {"topic": 1}
    assert [m.name for m in built.manifest.members] == ["data/topic.jsonl"]
