"""Finding USB sticks: lsblk's removable mounts and the usual automount folders, on Linux."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from desktop.sync import list_removable_drives
from desktop.sync.drives import linux_drives, removable_mounts


def lsblk(*devices: dict[str, object]) -> str:
    return json.dumps({"blockdevices": list(devices)})


def test_removable_mounts_old_and_new_lsblk() -> None:
    output = lsblk(
        {"rm": False, "hotplug": False, "label": None, "mountpoint": None,
         "children": [{"rm": False, "hotplug": False, "label": "root", "mountpoint": "/"}]},
        {"rm": "1", "hotplug": "1", "label": None, "mountpoint": None,
         "children": [{"rm": "1", "hotplug": "1", "label": "KINGSTON", "mountpoint": "/media/k"}]},
        {"rm": False, "hotplug": True, "label": "工会U盘", "mountpoint": "/run/media/u/工会U盘"},
        {"rm": "1", "hotplug": "1", "label": "EMPTY", "mountpoint": None},
    )  # fmt: skip
    assert removable_mounts(output) == {"/media/k": "KINGSTON", "/run/media/u/工会U盘": "工会U盘"}


@pytest.mark.parametrize("output", ["", "not json", "[]", '{"blockdevices": 3}'])
def test_unreadable_lsblk_output_means_no_drives(output: str) -> None:
    assert removable_mounts(output) == {}


def test_linux_drives_from_lsblk_and_mount_folders(tmp_path: Path) -> None:
    media = tmp_path / "media" / "clerk"
    stick, folder = media / "KINGSTON", media / "not-mounted"
    reported = tmp_path / "mnt-usb"
    for path in (stick, folder, reported):
        path.mkdir(parents=True)
    drives = linux_drives(
        lsblk({"rm": True, "label": "工会U盘", "mountpoint": str(reported)}),
        "clerk",
        is_mount=lambda path: path != str(folder),
        roots=(str(tmp_path / "media" / "{user}"), str(tmp_path / "absent")),
    )
    assert [(d.path, d.label) for d in drives] == [(stick, "KINGSTON"), (reported, "工会U盘")]
    assert all(d.free_bytes > 0 for d in drives)


def test_mount_that_disappeared_is_skipped(tmp_path: Path) -> None:
    gone = lsblk({"rm": True, "label": "X", "mountpoint": str(tmp_path / "gone")})
    assert linux_drives(gone, "clerk", roots=()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux path")
def test_lists_whatever_this_machine_has() -> None:
    for drive in list_removable_drives():
        assert drive.path.is_absolute() and drive.free_bytes >= 0
