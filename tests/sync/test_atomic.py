"""Saving to a stick leaves either the complete, verified file or nothing at all."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop.sync import WriteFailed, write_file_atomic
from desktop.sync import atomic as atomic_module

DATA = b"PK\x03\x04" + os.urandom(3 * 1024 * 1024)  # larger than one write chunk


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_writes_and_verifies(stick: Path) -> None:
    path = write_file_atomic(stick, "八滩镇工会至滨海县总工会_第00001号.lxpkg", DATA)
    assert path == stick / "八滩镇工会至滨海县总工会_第00001号.lxpkg"
    assert path.read_bytes() == DATA
    assert os.listdir(stick) == [path.name]


def test_replaces_an_older_file_of_the_same_name(stick: Path) -> None:
    (stick / "p.lxpkg").write_bytes(b"old")
    write_file_atomic(stick, "p.lxpkg", DATA)
    assert (stick / "p.lxpkg").read_bytes() == DATA


def failing(error: BaseException) -> object:
    def fail(*args: object) -> None:
        raise error

    return fail


@pytest.mark.parametrize(
    ("function", "error", "code"),
    [
        ("fsync", OSError(errno.ENOSPC, "No space left on device"), "disk_full"),
        ("write", OSError(errno.EIO, "Input/output error"), "write_failed"),
        ("replace", PermissionError(errno.EACCES, "Permission denied"), "write_failed"),
    ],
)
def test_failure_leaves_nothing_behind(
    stick: Path, monkeypatch: pytest.MonkeyPatch, function: str, error: OSError, code: str
) -> None:
    monkeypatch.setattr(atomic_module.os, function, failing(error))
    with pytest.raises(WriteFailed) as caught:
        write_file_atomic(stick, "p.lxpkg", DATA)
    assert caught.value.code == code
    assert caught.value.fields["path"] == str(stick / "p.lxpkg")
    assert os.listdir(stick) == []


def test_interrupted_write_leaves_nothing_behind(
    stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic_module.os, "fsync", failing(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        write_file_atomic(stick, "p.lxpkg", DATA)
    assert os.listdir(stick) == []


def test_stick_that_returns_other_bytes(stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rename = os.replace

    def rename_onto_a_faulty_stick(source: str, target: str) -> None:
        rename(source, target)
        with open(target, "r+b") as stream:
            stream.seek(1000)
            stream.write(b"\0")

    monkeypatch.setattr(atomic_module.os, "replace", rename_onto_a_faulty_stick)
    with pytest.raises(WriteFailed) as caught:
        write_file_atomic(stick, "p.lxpkg", DATA)
    assert caught.value.code == "verify_failed"
    assert os.listdir(stick) == []


@pytest.mark.parametrize("name", ["", ".", "..", "../p.lxpkg", "sub/p.lxpkg"])
def test_name_must_be_a_plain_file_name(stick: Path, name: str) -> None:
    with pytest.raises(ValueError):
        write_file_atomic(stick, name, DATA)


def test_missing_folder(stick: Path) -> None:
    with pytest.raises(WriteFailed) as caught:
        write_file_atomic(stick / "unplugged", "p.lxpkg", DATA)
    assert caught.value.code == "write_failed"
