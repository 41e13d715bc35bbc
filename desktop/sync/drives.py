"""Finding USB sticks to offer as export targets: mounted removable drives on Linux and Windows."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Where desktop environments (udisks), older automounters and clerks themselves mount sticks.
_MOUNT_ROOTS = ("/media/{user}", "/run/media/{user}", "/media", "/mnt")
_LSBLK = ["lsblk", "--json", "--output", "RM,HOTPLUG,LABEL,MOUNTPOINT"]


@dataclass(frozen=True)
class RemovableDrive:
    path: Path
    label: str
    free_bytes: int


def list_removable_drives() -> list[RemovableDrive]:
    """Mounted removable drives with their label and free space, by path; [] if none or unknown."""
    if sys.platform == "win32":
        return _windows_drives()
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    return linux_drives(_run_lsblk(), user)


def _run_lsblk() -> str | None:
    if shutil.which("lsblk") is None:
        return None
    try:
        done = subprocess.run(_LSBLK, capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _flag(value: Any) -> bool:
    # util-linux prints "1"/"0" before 2.33 and JSON booleans after.
    return value is True or value in ("1", 1)


def _devices(devices: list[Any]) -> Iterator[dict[str, Any]]:
    for device in devices:
        if isinstance(device, dict):
            yield device
            yield from _devices(device.get("children") or [])


def removable_mounts(lsblk_json: str) -> dict[str, str]:
    """Mount point -> label of every mounted removable or hot-plugged device lsblk reports."""
    try:
        tree = json.loads(lsblk_json)
    except ValueError:
        return {}
    found: dict[str, str] = {}
    devices = tree.get("blockdevices") if isinstance(tree, dict) else None
    for device in _devices(devices if isinstance(devices, list) else []):
        mount = device.get("mountpoint")
        removable = _flag(device.get("rm")) or _flag(device.get("hotplug"))
        if removable and isinstance(mount, str) and mount.startswith("/"):
            found[mount] = str(device.get("label") or "")
    return found


def linux_drives(
    lsblk_json: str | None,
    user: str,
    *,
    is_mount: Callable[[str], bool] = os.path.ismount,
    roots: tuple[str, ...] = _MOUNT_ROOTS,
) -> list[RemovableDrive]:
    """Drives lsblk calls removable, plus mount points under the usual automount folders."""
    labels = removable_mounts(lsblk_json) if lsblk_json else {}
    candidates = dict(labels)
    for pattern in roots:
        root = Path(pattern.format(user=user))
        with contextlib.suppress(OSError):
            for child in root.iterdir():
                if child.is_dir() and is_mount(str(child)):
                    candidates.setdefault(str(child), "")
    drives = []
    for mount, label in sorted(candidates.items()):
        try:
            free = shutil.disk_usage(mount).free
        except OSError:
            continue  # unmounted between listing and asking
        drives.append(RemovableDrive(Path(mount), label or Path(mount).name, free))
    return drives


def _windows_drives() -> list[RemovableDrive]:
    if sys.platform != "win32":
        return []
    import ctypes
    import string

    kernel32 = ctypes.windll.kernel32
    drive_removable, fail_critical_errors = 2, 0x0001
    # An empty card-reader slot would otherwise pop up "insert a disk" for every query.
    previous_mode = kernel32.SetErrorMode(fail_critical_errors)
    try:
        mask = kernel32.GetLogicalDrives()
        drives = []
        for index, letter in enumerate(string.ascii_uppercase):
            root = f"{letter}:\\"
            if not mask & (1 << index) or kernel32.GetDriveTypeW(root) != drive_removable:
                continue
            name = ctypes.create_unicode_buffer(261)
            ok = kernel32.GetVolumeInformationW(root, name, 261, None, None, None, None, 0)
            try:
                free = shutil.disk_usage(root).free
            except OSError:
                continue  # a slot without media
            drives.append(RemovableDrive(Path(root), name.value if ok else letter, free))
        return drives
    finally:
        kernel32.SetErrorMode(previous_mode)
