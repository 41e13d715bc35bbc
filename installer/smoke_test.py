"""Smoke test of a frozen build: the window's self-test offscreen (and on X11 under Xvfb where
xvfb-run exists), then the command line.

    python installer/smoke_test.py dist/lianxi

Runs in a temporary data folder, so it never touches the builder's own LianXi data. Fails (exit
status 1) when the frozen program does, which fails `make dist`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(step: str, command: list[str], env: dict[str, str]) -> None:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        print(f"smoke: {step} FAILED (exit {result.returncode}) after {elapsed:.1f} s")
        print(result.stdout[-2000:], result.stderr[-4000:], sep="\n")
        raise SystemExit(1)
    print(f"smoke: {step} ok ({elapsed:.1f} s)")


def main(argv: list[str] | None = None) -> int:
    bundle = Path((argv or sys.argv[1:] or ["dist/lianxi"])[0]).resolve()
    suffix = ".exe" if sys.platform == "win32" else ""
    window = bundle / f"lianxi{suffix}"
    # Windows builds carry a console twin for the command line; elsewhere lianxi is both.
    console = bundle / f"lianxi-cli{suffix}"
    if not console.exists():
        console = window
    with tempfile.TemporaryDirectory(prefix="lianxi-smoke-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIANXI_DATA_DIR": str(folder)}
        report = folder / "self-test.json"
        run("self-test", [str(window), "--self-test", "--json-out", str(report)], env)
        if not json.loads(report.read_text(encoding="utf-8")).get("ok"):
            print(f"smoke: the self-test report says it failed: {report.read_text()[:2000]}")
            return 1
        if sys.platform.startswith("linux") and shutil.which("xvfb-run"):
            # The X11 platform plugin too, with the libraries the trimmed bundle kept.
            x11 = {**env, "QT_QPA_PLATFORM": "xcb"}
            xcb_report = folder / "self-test-xcb.json"
            command = [str(window), "--self-test", "--json-out", str(xcb_report)]
            run("self-test on X11 (Xvfb)", ["xvfb-run", "-a", *command], x11)
        db = str(folder / "demo.db")
        run("CLI demo", [str(console), "--db", db, "demo", "--scale", "township"], env)
        minutes = folder / "minutes.pdf"
        run(
            "CLI report minutes",
            [str(console), "--db", db, "report", "minutes", "latest", "--out", str(minutes)],
            env,
        )
        if not minutes.read_bytes().startswith(b"%PDF"):
            print("smoke: the minutes are not a PDF")
            return 1
        # The PostgreSQL driver is bundled: a server that is not there is refused in words,
        # not with a missing module.
        nowhere = "postgresql+psycopg://lianxi@/lianxi?host=" + str(folder / "no-server")
        result = subprocess.run(
            [str(console), "--db-url", nowhere, "db", "check"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if "No module named" in result.stderr:
            print(f"smoke: PostgreSQL driver missing: {result.stderr[-1000:]}")
            return 1
        print("smoke: PostgreSQL driver bundled ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
