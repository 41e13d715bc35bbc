"""Manifests: canonical bytes, and strict validation that names the offending field."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from desktop.sync.errors import PackageRejected
from desktop.sync.jsonl import dumps_canonical
from desktop.sync.manifest import Manifest
from tests.sync.conftest import COUNTY_UUID, TOWNSHIP_UUID, sample_manifest


def test_round_trip_is_exact() -> None:
    original = sample_manifest()
    raw = original.to_json()
    assert Manifest.from_json(raw) == original
    assert raw == dumps_canonical(json.loads(raw))  # sorted keys, no spaces
    assert json.loads(raw)["created_at"] == "2027-03-18T08:00:00Z"
    assert "八滩镇工会".encode() in raw  # UTF-8 as is, not \\u escapes


def rejected(change: Callable[[dict[str, Any]], object]) -> PackageRejected:
    document = json.loads(sample_manifest().to_json())
    change(document)
    with pytest.raises(PackageRejected) as caught:
        Manifest.from_json(dumps_canonical(document))
    return caught.value


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.pop("sequence"), "sequence"),
        (lambda d: d.update(surplus=1), "surplus"),
        (lambda d: d.update(sequence=True), "sequence"),
        (lambda d: d.update(sequence=0), "sequence"),
        (lambda d: d.update(sequence="2"), "sequence"),
        (lambda d: d.update(format_version=0), "format_version"),
        (lambda d: d.update(schema_version=-1), "schema_version"),
        (lambda d: d.update(package_id=d["package_id"].upper()), "package_id"),
        (lambda d: d.update(created_at="2027-03-18T16:00:00+08:00"), "created_at"),
        (lambda d: d.update(created_at="2027-02-30T08:00:00Z"), "created_at"),
        (lambda d: d.update(previous_manifest_sha256=None), "previous_manifest_sha256"),
        (
            lambda d: d["origin_office"].update(key_fingerprint="d5d8"),
            "origin_office.key_fingerprint",
        ),
        (lambda d: d["origin_office"].update(name=" "), "origin_office.name"),
        (lambda d: d["recipient_office"].update(uuid=TOWNSHIP_UUID), "recipient_office"),
        (lambda d: d["recipient_office"].pop("name"), "recipient_office.name"),
        (lambda d: d["members"][0].update(name="attachments/" + "d" * 64), "members[0].name"),
        (lambda d: d["members"][1].update(name="data/../meeting.jsonl"), "members[1].name"),
        (lambda d: d["members"][1].update(size=-1), "members[1].size"),
        (lambda d: d["members"].append(d["members"][0]), "members"),
        (lambda d: d.update(record_counts={"meeting": 1, "topic": 0}), "record_counts"),
        (lambda d: d.update(record_counts={"meeting": 1.0}), "record_counts.meeting"),
        (lambda d: d.update(encrypted=True), "encrypted"),
        (
            lambda d: d.update(acknowledgements=[{"origin_uuid": COUNTY_UUID}]),
            "acknowledgements[0].package_id",
        ),
        (lambda d: d.update(members={}), "members"),
    ],
)
def test_bad_manifest_names_the_field(
    change: Callable[[dict[str, Any]], object], field: str
) -> None:
    problem = rejected(change)
    assert problem.code == "bad_manifest"
    assert problem.fields["field"] == field


def test_newer_format_is_refused_before_anything_else() -> None:
    problem = rejected(lambda d: d.update(format_version=2, surprise="new field"))
    assert (problem.code, problem.fields) == ("too_new_format", {"version": 2, "supported": 1})


def test_manifest_that_is_not_an_object() -> None:
    with pytest.raises(PackageRejected) as caught:
        Manifest.from_json(b"[]")
    assert caught.value.code == "bad_manifest"


def test_constructor_refuses_what_from_json_would() -> None:
    with pytest.raises(ValueError):
        Manifest(**{**sample_manifest().__dict__, "previous_manifest_sha256": None})
    with pytest.raises(ValueError):
        Manifest(**{**sample_manifest().__dict__, "created_at": datetime(2027, 3, 18, 8, 0)})
