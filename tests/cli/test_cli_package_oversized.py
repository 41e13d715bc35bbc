"""`package verify` and `package import` refuse an oversized file by its size, unread."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from desktop import cli
from desktop.sync.errors import PackageRejected
from desktop.sync.exchange import read_package_file

GIB = 1024**3


@pytest.fixture
def video(tmp_path: Path) -> Path:
    """A 3 GiB file of zeros that takes no disk (sparse), as a video picked by mistake."""
    path = tmp_path / "会议录像.lxpkg"
    with path.open("wb") as stream:
        stream.truncate(3 * GIB)
    return path


@pytest.fixture
def county(tmp_path: Path) -> str:
    db = str(tmp_path / "c.db")
    assert cli.main(["--db", db, "init", "--name", "滨海县总工会", "--level", "county"]) == 0
    return db


def test_the_size_is_checked_before_reading(video: Path) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(PackageRejected) as refused:
            read_package_file(video)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.code == "package_too_large"
    assert refused.value.fields["size"] == 3 * GIB
    assert peak < 1024 * 1024  # nothing of the file was read


@pytest.mark.parametrize("command", [["verify"], ["import"], ["import", "--dry-run"]])
def test_verify_and_import_give_the_real_size_in_chinese(
    video: Path, county: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert cli.main(["--db", county, "package", *command, str(video)]) == 1
    said = capsys.readouterr().out
    assert "3.0 GB" in said and "512.0 MB" in said and "没有读取" in said, said
    assert "Error" not in said and "bytes" not in said
