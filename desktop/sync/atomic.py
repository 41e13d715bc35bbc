"""Writing a package to a folder (a USB stick) so it is either complete and verified or absent."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import sys
from pathlib import Path

from desktop.sync.errors import WriteFailed

_CHUNK = 1024 * 1024
_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}  # no EDQUOT on Windows


def _fsync_directory(folder: Path) -> None:
    # The rename is only durable once the directory entry is; Windows has no directory handle
    # to flush (MoveFileEx is durable enough there), and some filesystems refuse the call.
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _read_back_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        if hasattr(os, "posix_fadvise"):
            # Drop the cached pages so the check reads what the stick holds, not what the
            # kernel remembers writing.
            os.posix_fadvise(stream.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def remove_stale_temporaries(folder: Path, suffix: str) -> int:
    """Remove the hidden temporary files (`.<name><suffix>.<8 hex>.tmp`) that a write killed
    before its rename left in `folder`; returns how many. Nothing else is touched."""
    pattern = re.compile(r"\..+" + re.escape(suffix) + r"\.[0-9a-f]{8}\.tmp")
    removed = 0
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if pattern.fullmatch(path.name) and path.is_file():
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
    return removed


def write_file_atomic(folder: Path, name: str, data: bytes) -> Path:
    """Write `data` to folder/name via a temporary file, fsync, rename, and read it back.

    Returns the final path. Raises WriteFailed (write_failed, disk_full or verify_failed); then
    neither the temporary file nor a damaged final file is left in the folder.
    """
    if not name or Path(name).name != name or name in (".", ".."):
        raise ValueError(f"not a plain file name: {name!r}")
    final = folder / name
    # A dot name in the same folder: the rename stays on one filesystem, so it is atomic.
    temp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(temp, flags, 0o666)  # an ordinary document file, not an executable
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view[:_CHUNK]) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, final)
        _fsync_directory(folder)
    except BaseException as exc:
        # After a successful rename the temporary name is gone and unlink fails harmlessly.
        with contextlib.suppress(OSError):
            temp.unlink()
        if not isinstance(exc, OSError):
            raise
        raise WriteFailed(
            "disk_full" if exc.errno in _NO_SPACE else "write_failed",
            path=str(final),
            reason=exc.strerror or str(exc),
        ) from exc
    try:
        intact = _read_back_sha256(final) == hashlib.sha256(data).hexdigest()
    except OSError:
        intact = False
    if not intact:
        with contextlib.suppress(OSError):
            final.unlink()
        raise WriteFailed("verify_failed", path=str(final))
    return final
