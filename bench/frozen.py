"""Prints the release budgets of issue 18: the size of the frozen folder `dist/lianxi` against
200 MB, and the time from process start to a painted main window on the county demo (budget
1.0 s for the frozen program) beside a bare PySide6 window started in the same run, with the
start from the source tree for comparison.

    python bench/frozen.py            # measures dist/lianxi if `make dist` built one
    python bench/frozen.py --build    # runs `make dist` first

Each start is a fresh process on the offscreen platform, the three kinds alternating so they see
the same machine load; the first round is a discarded warm-up (the disk cache, the day's
backup a first start writes, and the source tree's compiled bytecode, kept for the run in a
folder of its own even where PYTHONDONTWRITEBYTECODE is set, as an installed program has it). A start ends when Qt's paint
log (QT_LOGGING_RULES) says it draws the main window: the frozen program cannot be instrumented
from inside, so all three are timed that way. One more start from source, under
`python -X importtime`, names the modules imported before that first paint that only later
work needs. Prints figures and the load average; exits 0 whatever happens, so `make bench` never
fails on it.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))

from bundle_report import BUDGET_MB, MB, files_of  # noqa: E402

RUNS = 5
SCALE = "county"
BUDGET_START_S = 1.0
DIST = ROOT / "dist" / "lianxi"
FROZEN = DIST / ("lianxi.exe" if sys.platform == "win32" else "lianxi")
PAINT_LOG = {"QT_LOGGING_RULES": "qt.widgets.painting=true"}
MAIN_WINDOW_DRAWN = re.compile(rb"Drawing QRegion\(.*\) of Q?MainWindow\(")
# Modules only later work needs (names in pinyin, Excel, migrations, printing, charts, Word,
# packages): the importtime start reports which were imported before the first paint.
LATER = (
    "pypinyin",
    "openpyxl",
    "alembic",
    "reportlab",
    "jieba",
    "docx",
    "PySide6.QtCharts",
    "PySide6.QtPdf",
    "desktop.core.exports",
    "desktop.core.documents",
    "desktop.core.assessment",
    "desktop.sync.exchange",
)
IMPORTED = re.compile(rb"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)")

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("联席"))
window.show()
app.exec()
"""


def load() -> str:
    if not hasattr(os, "getloadavg"):
        return "n/a"
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def folder_size(folder: Path) -> str:
    files = files_of(folder)
    total = sum(p.stat().st_size for p in files)
    verdict = "within" if total <= BUDGET_MB * MB else "OVER"
    return (
        f"{total / MB:.1f} MB ({total / 1e6:.1f} million bytes) in {len(files)} files: "
        f"{verdict} the {BUDGET_MB} MB budget"
    )


def time_to_paint(command: list[str], env: dict[str, str]) -> tuple[float | None, list[bytes]]:
    """Seconds from spawning `command` to Qt's log line saying it draws the main window, and
    the lines of stderr before it (the importtime report, when asked for)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env={**env, **PAINT_LOG}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    watchdog = threading.Timer(180, process.kill)
    watchdog.start()
    before: list[bytes] = []
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if MAIN_WINDOW_DRAWN.search(line):
                return time.perf_counter() - started, before
            before.append(line)
        tail = b"".join(before)[-600:]
        print(f"  {Path(command[0]).name}: no paint (exit {process.wait()}): {tail!r}")
        return None, before
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()


def median(times: list[float | None]) -> float | None:
    good = [t for t in times if t is not None]
    return statistics.median(good) if good else None


def figure(times: list[float | None], bare: float | None) -> str:
    middle = median(times)
    if middle is None:
        return "n/a"
    runs = ", ".join(f"{t:.2f}" for t in times if t is not None)
    ratio = f", {middle / bare:.1f}× the bare window" if bare else ""
    return f"{middle:.2f} s (runs {runs}{ratio})"


def build() -> bool:
    print("make dist …")
    done = subprocess.run(["make", "dist"], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(
            f"make dist failed (exit {done.returncode}): {done.stdout[-800:]}{done.stderr[-800:]}"
        )
    return done.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="run `make dist` first")
    args = parser.parse_args(argv)
    if args.build and not build():
        return 0
    print(f"machine: {os.cpu_count()} cores, load average {load()} (1, 5, 15 min)")
    frozen = FROZEN.exists()
    if frozen:
        print(f"frozen folder {DIST.relative_to(ROOT)}: {folder_size(DIST)}")
    else:
        print(
            f"frozen build: none at {DIST.relative_to(ROOT)}; `make dist` builds one "
            "(or run this with --build). Measuring the source tree only."
        )
    with tempfile.TemporaryDirectory(prefix="lianxi-frozen-bench-") as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "LIANXI_DATA_DIR": str(folder),
            "LIANXI_KEY_DIR": str(folder / "keys"),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_CACHE_HOME": str(folder / "cache"),
            "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = folder / "demo.db"
        started = time.perf_counter()
        demo = [sys.executable, "-m", "desktop", "--db", str(db), "demo", "--scale", SCALE]
        built = subprocess.run(demo, env=env, capture_output=True, check=False)
        if built.returncode != 0:
            print(f"the {SCALE} demo could not be built: {built.stderr[-800:]!r}")
            return 0
        print(f"{SCALE} demo built in {time.perf_counter() - started:.1f} s")
        kinds = {
            "bare": [sys.executable, "-c", BARE],
            "source": [sys.executable, "-m", "desktop", "--db", str(db)],
        }
        if frozen:
            kinds["frozen"] = [str(FROZEN), "--db", str(db)]
        times: dict[str, list[float | None]] = {kind: [] for kind in kinds}
        for run in range(RUNS + 1):
            for kind, command in kinds.items():
                elapsed, _ = time_to_paint(command, env)
                if run:  # run 0 is the warm-up
                    times[kind].append(elapsed)
        bare = median(times["bare"])
        print(f"starts to the painted main window, median of {RUNS} (load now {load()}):")
        print(f"  bare PySide6 window   {figure(times['bare'], None)}")
        if frozen:
            print(f"  frozen dist/lianxi    {figure(times['frozen'], bare)}")
            middle = median(times["frozen"])
            if middle is not None:
                verdict = "within" if middle <= BUDGET_START_S else "OVER"
                print(f"    {verdict} the {BUDGET_START_S:.1f} s budget")
        print(f"  from source           {figure(times['source'], bare)}")
        _, lines = time_to_paint([sys.executable, "-X", "importtime", *kinds["source"][1:]], env)
        imported = {m.group(1).decode() for line in lines if (m := IMPORTED.match(line))}
        early = [name for name in LATER if name in imported]
        print(f"  imported before the first paint though later work needs them: {early or 'none'}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as exc:  # a benchmark reports, it never fails the build
        print(f"frozen bench: not measured ({type(exc).__name__}: {exc})")
        sys.exit(0)
