"""Attachments are stored once by hash, refuse bad names and oversize files, detect damage."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import attachments
from desktop.core.errors import InvalidInput
from tests.conftest import County


def test_store_once_read_back_and_detect_damage(county: County, tmp_path: Path) -> None:
    store = tmp_path / "att"
    data = "会议签到表".encode() * 100
    first = county.run(
        attachments.add_attachment,
        store=store,
        owner_kind="meeting",
        owner_uuid="m-1",
        filename="签到表.pdf",
        data=data,
    )
    second = county.run(
        attachments.add_attachment,
        store=store,
        owner_kind="item",
        owner_uuid="i-1",
        filename="副本.pdf",
        data=data,
    )
    assert first.sha256 == second.sha256 and first.media_type == "application/pdf"
    assert len(list(store.rglob("*"))) == 2  # one folder, one file
    dto, back = county.run(attachments.read_attachment, store, first.id)
    assert back == data and dto.filename == "签到表.pdf"
    attachments.blob_path(store, first.sha256).write_bytes(b"tampered")
    with pytest.raises(InvalidInput) as err:
        county.run(attachments.read_attachment, store, first.id)
    assert err.value.code == "attachment_damaged"
    county.run(attachments.remove_attachment, second.id)
    assert county.run(attachments.list_attachments, "i-1") == ()


def test_refusals(county: County, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InvalidInput) as err:
        county.run(
            attachments.add_attachment,
            store=tmp_path,
            owner_kind="item",
            owner_uuid="x",
            filename="a:b.txt",
            data=b"x",
        )
    assert err.value.code == "bad_filename"
    monkeypatch.setattr(attachments, "MAX_BYTES", 10)
    with pytest.raises(InvalidInput) as err2:
        county.run(
            attachments.add_attachment,
            store=tmp_path,
            owner_kind="item",
            owner_uuid="x",
            filename="big.bin",
            data=b"x" * 11,
        )
    assert err2.value.code == "file_too_large"
    assert county.run(attachments.list_attachments, "x") == ()
