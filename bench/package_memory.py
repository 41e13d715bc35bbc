"""Peak memory of `package verify` and `package import` on a 3 GiB file of zeros (a video picked
by mistake), beside the program's idle peak (`lianxi --version`), all measured in this run.

The file is sparse (truncated, not written), so it takes no disk. Each command runs in its own
process and its peak RSS is that process's own (os.wait4 on POSIX, psutil polling elsewhere).
Prints figures only; never fails the build.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GIB = 1024**3
PROGRAM = [sys.executable, "-m", "desktop"]


def peak_rss(argv: list[str]) -> tuple[int, int]:
    """(exit code, peak resident set in bytes) of one command run to its end."""
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        scale = 1 if sys.platform == "darwin" else 1024  # Linux reports KiB
        return process.returncode, usage.ru_maxrss * scale
    import psutil

    watched, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        try:
            peak = max(peak, watched.memory_info().rss)
        except psutil.Error:
            break
        time.sleep(0.005)
    return process.wait(), peak


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "c.db")
        video = Path(folder) / "会议录像.lxpkg"
        with video.open("wb") as stream:
            stream.truncate(3 * GIB)
        subprocess.run(
            [*PROGRAM, "--db", db, "init", "--name", "滨海县总工会", "--level", "county"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        runs = [
            ("idle (lianxi --version)", [*PROGRAM, "--version"]),
            (
                "package verify, 3 GiB of zeros",
                [*PROGRAM, "--db", db, "package", "verify", str(video)],
            ),
            (
                "package import, 3 GiB of zeros",
                [*PROGRAM, "--db", db, "package", "import", str(video)],
            ),
        ]
        print(f"  {'what':40s} {'exit':>4s} {'peak RSS':>10s}")
        idle = 0
        for what, argv in runs:
            code, peak = peak_rss(argv)
            idle = idle or peak
            print(f"  {what:40s} {code:4d} {peak / 2**20:7.0f} MB  ({peak / idle:.2f}× idle)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as exc:  # a bench reports, it never fails the build
        print(f"package_memory: could not measure ({exc})")
        sys.exit(0)
