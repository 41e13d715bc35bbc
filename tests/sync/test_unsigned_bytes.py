"""Nothing the signature does not cover is accepted: ZIP extra fields, entry comments, and
attachments no record describes."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from desktop.db.blobs import has_blob
from desktop.sync.importer import import_package
from tests.sync.conftest import ExchangeBase, members_of
from tests.sync.exchange_env import Env
from tests.sync.zipcraft import Entry, craft_zip, stored

HIDDEN = b"\xca\xfe" + (4096).to_bytes(2, "little") + b"x" * 4096  # 4 KB in one extra block


def _recrafted(data: bytes, **on_manifest: bytes) -> bytes:
    """The same members, re-zipped by hand; `on_manifest` adds bytes to manifest.json's headers."""
    entries: list[Entry] = []
    for name, content in members_of(data).items():
        entry = stored(name, content)
        entries.append(replace(entry, **on_manifest) if name == "manifest.json" else entry)
    return craft_zip(entries)


def test_a_re_zipped_package_without_extras_is_accepted(
    env: Env, exchange_base: ExchangeBase
) -> None:
    result = env.import_to_county(_recrafted(exchange_base.first))
    assert result.result == "applied", result.message


@pytest.mark.parametrize(
    "extra",
    [{"local_extra": HIDDEN}, {"central_extra": HIDDEN}, {"comment": b"x" * 100}],
    ids=["local-extra-field", "central-extra-field", "entry-comment"],
)
def test_bytes_outside_the_signature_refuse_the_package(
    env: Env, exchange_base: ExchangeBase, extra: dict[str, bytes]
) -> None:
    before = env.county_dump()
    result = env.import_to_county(_recrafted(exchange_base.first, **extra))
    assert result.result == "rejected" and result.code == "unsigned_bytes", result.message
    assert "签名没有覆盖" in result.message and "manifest.json" in result.message
    assert env.county_dump() == before


def test_an_attachment_no_record_describes_is_not_stored(
    env: Env, exchange_base: ExchangeBase
) -> None:
    orphan = "无人引用的附件".encode() * 100
    package = env.sign(env.records_of(exchange_base.first), attachments=[orphan])
    with env.county.unit_of_work() as s:
        result = import_package(s, package.data, file_name="p.lxpkg")
        assert result.result == "applied", result.message
        assert not has_blob(s, hashlib.sha256(orphan).hexdigest())
