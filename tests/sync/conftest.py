"""Offices, keys and small packages shared by the exchange-package tests."""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.sync import (
    BuiltPackage,
    LocalOffice,
    OfficeKeys,
    OpenedPackage,
    TrustList,
    read_package,
    write_package,
)
from desktop.sync.jsonl import dumps_canonical
from desktop.sync.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Acknowledgement,
    Manifest,
    MemberEntry,
    OfficeRef,
    OriginOffice,
)
from desktop.sync.safezip import build_zip
from tests.sync.authority_env import World, build_world, open_world
from tests.sync.exchange_env import Env, build_pair, make_env

SCHEMA = 7

RECORDS: dict[str, list[dict[str, Any]]] = {
    "meeting": [
        {
            "uuid": "6f0c9a52-3a4e-4a57-9d0e-1f3a8b7e2c10",
            "title": "八滩镇政府与镇工会第三次联席会议",
            "held_on": "2027-03-18",
            "attended": ["镇长", "工会主席"],
        }
    ],
    "agreed_item": [
        {"uuid": "0b6f3c1e-8d2a-4f55-a1c9-7e4d2b9f6a31", "text": "安置职工 1126 人", "percent": 40}
    ],
}
ATTACHMENT = "会议纪要扫描件".encode() * 20


@dataclass(frozen=True)
class Peers:
    """A township sending to its county, and what the county trusts."""

    county: LocalOffice
    township: LocalOffice
    trust: TrustList

    def build(self, **overrides: Any) -> BuiltPackage:
        args: dict[str, Any] = {
            "origin": self.township,
            "recipient": self.county.public(),
            "records": RECORDS,
            "attachments": [ATTACHMENT],
            "sequence": 1,
            "previous_manifest_sha256": None,
            "schema_version": SCHEMA,
        }
        return write_package(**(args | overrides))

    def read(self, data: bytes, **overrides: Any) -> OpenedPackage:
        args: dict[str, Any] = {"me": self.county, "trust": self.trust, "schema_version": SCHEMA}
        return read_package(data, **(args | overrides))

    def tamper(
        self,
        data: bytes,
        *,
        manifest: Callable[[dict[str, Any]], None] | None = None,
        members: dict[str, bytes | None] | None = None,
        resign: bool = True,
    ) -> bytes:
        """Rebuild a package with changed members and manifest, re-signed by the township.

        Changed members get matching manifest entries, so only the intended check can fail.
        """
        contents = members_of(data)
        document = json.loads(contents[MANIFEST_NAME])
        for name, content in (members or {}).items():
            document["members"] = [m for m in document["members"] if m["name"] != name]
            if content is None:
                contents.pop(name, None)
                continue
            contents[name] = content
            entry = _entry(name, content)
            document["members"] = sorted([*document["members"], entry], key=lambda m: m["name"])
        if manifest is not None:
            manifest(document)
        contents[MANIFEST_NAME] = dumps_canonical(document)
        if resign:
            contents[SIGNATURE_NAME] = self.township.keys.signing.sign(contents[MANIFEST_NAME])
        return rezip(contents)


def _entry(name: str, content: bytes) -> dict[str, Any]:
    return {"name": name, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(contents: dict[str, bytes]) -> bytes:
    return build_zip((name, content, True) for name, content in contents.items())


TOWNSHIP_UUID = "3e6a3c0e-6b1a-4c55-9f7e-0d1c2b3a4f50"
COUNTY_UUID = "9b2f7d44-1c3e-4d8a-b5f6-7a8e9c0d1e2f"


def sample_manifest() -> Manifest:
    data = MemberEntry.of("data/meeting.jsonl", b"{}\n")
    attachment = MemberEntry("attachments/" + "c" * 64, 10, "c" * 64)
    return Manifest(
        schema_version=3,
        package_id="0e1d2c3b-4a59-4687-9a6b-5c4d3e2f1a0b",
        created_at=datetime(2027, 3, 18, 8, 0, tzinfo=UTC),
        origin=OriginOffice(TOWNSHIP_UUID, "八滩镇工会", "D5D8 D97A CF54 8B35 D827 497B 1AD1 7C2C"),
        recipient=OfficeRef(COUNTY_UUID, "滨海县总工会"),
        sequence=2,
        previous_manifest_sha256="e" * 64,
        members=(attachment, data),
        record_counts={"meeting": 1},
        acknowledgements=(Acknowledgement(COUNTY_UUID, 4, "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"),),
    )


@pytest.fixture(scope="session")
def peers() -> Peers:
    county = LocalOffice(str(uuid.uuid4()), "滨海县总工会", OfficeKeys.generate())
    township = LocalOffice(str(uuid.uuid4()), "八滩镇工会", OfficeKeys.generate())
    return Peers(county, township, TrustList.of([township.public()]))


@pytest.fixture(scope="session")
def package(peers: Peers) -> BuiltPackage:
    return peers.build()


@dataclass(frozen=True)
class ExchangeBase:
    """Database files of a township that has written package no. 1, and a county without it."""

    township: Path
    county: Path
    first: bytes


@pytest.fixture(scope="session")
def exchange_base(tmp_path_factory: pytest.TempPathFactory) -> ExchangeBase:
    folder = tmp_path_factory.mktemp("exchange-base")
    paths = build_pair(folder)
    env = make_env(paths, folder)  # the same files: the export is recorded in the base
    first = env.export_up()
    env.dispose()
    assert first is not None
    return ExchangeBase(paths[0], paths[1], first.data)


@pytest.fixture
def env(exchange_base: ExchangeBase, tmp_path: Path) -> Iterator[Env]:
    opened = make_env((exchange_base.township, exchange_base.county), tmp_path)
    yield opened
    opened.dispose()


@pytest.fixture(scope="session")
def authority_base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Any]]:
    return build_world(tmp_path_factory.mktemp("authority-base"))


@pytest.fixture
def world(authority_base: tuple[Path, Path, dict[str, Any]], tmp_path: Path) -> Iterator[World]:
    opened = open_world(authority_base, tmp_path)
    yield opened
    opened.env.dispose()
