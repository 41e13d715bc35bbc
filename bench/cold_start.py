"""Prints the time from process start to a painted window: a bare PySide6 window against
`lianxi` on a demo database, in the same run (offscreen platform, median of a few starts), and
the frozen build's (dist/lianxi, when `make dist` has made one) against the bare window again.

Each start is a fresh process; the first of each kind is a discarded warm-up (compiled
bytecode, disk cache). The source-tree starts end at the first paint event of the main window
(an event filter); the frozen program cannot take one, so those starts end when Qt's paint log
(QT_LOGGING_RULES) says it draws the main window, and the bare window is timed that way too.
Prints figures only and exits 0 whatever happens, so `make bench` never fails on it.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RUNS = 5
SCALE = "county"
FROZEN = Path(__file__).resolve().parent.parent / "dist" / "lianxi" / "lianxi"
PAINT_LOG = {"QT_LOGGING_RULES": "qt.widgets.painting=true"}
MAIN_WINDOW_DRAWN = re.compile(rb"Drawing QRegion\(.*\) of Q?MainWindow\(")
# Modules only later work needs (names, Excel, migrations, printing, charts): the lianxi child
# reports which of them were already imported when the window first painted.
LATER = ("pypinyin", "openpyxl", "alembic", "reportlab", "jieba", "docx", "PySide6.QtCharts")

# Both children install the same filter: the first paint of any widget in a main window ends
# the process, so the figure is "spawned to something on screen".
FIRST_PAINT = f"""
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QWidget

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            if isinstance(watched.window(), QMainWindow):
                loaded = [name for name in {LATER!r} if name in sys.modules]
                sys.stdout.write("painted " + " ".join(loaded) + "\\n")
                sys.stdout.flush()
                os._exit(0)
        return False
"""

BARE = (
    FIRST_PAINT
    + """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
app.installEventFilter(first := FirstPaint())
window = QMainWindow()
window.setCentralWidget(QLabel("联席"))
window.show()
app.exec()
"""
)

LIANXI = (
    FIRST_PAINT
    + """
import desktop.app
from desktop.__main__ import main

make_application = desktop.app.make_application

def instrumented(*args, **kwargs):
    app = make_application(*args, **kwargs)
    app.installEventFilter(first := FirstPaint())
    app._first_paint = first
    return app

desktop.app.make_application = instrumented
sys.exit(main(["--db", sys.argv[1]]))
"""
)


def time_to_paint(code: str, args: list[str], env: dict[str, str]) -> tuple[float | None, str]:
    """Seconds from spawning to the first paint, and the LATER modules loaded by then."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, timeout=180, check=False
    )
    elapsed = time.perf_counter() - started
    if not result.stdout.startswith(b"painted"):
        print(f"  a start did not paint (exit {result.returncode}): {result.stderr[-800:]!r}")
        return None, ""
    return elapsed, result.stdout.decode().removeprefix("painted").strip()


def time_to_logged_paint(command: list[str], env: dict[str, str]) -> float | None:
    """Seconds from spawning to Qt's log line saying it draws the main window."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env={**env, **PAINT_LOG}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    watchdog = threading.Timer(180, process.kill)
    watchdog.start()
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if MAIN_WINDOW_DRAWN.search(line):
                return time.perf_counter() - started
        print(f"  a start did not paint (exit {process.wait()})")
        return None
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()


def median_ms(times: list[float | None]) -> str:
    good = [t for t in times if t is not None]
    if not good:
        return "n/a"
    return f"{statistics.median(good) * 1000:.0f} ms (runs: {', '.join(f'{t * 1000:.0f}' for t in good)})"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="lianxi-cold-start-") as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "LIANXI_DATA_DIR": str(folder),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_CACHE_HOME": str(folder / "cache"),
        }
        db = folder / "demo.db"
        started = time.perf_counter()
        built = subprocess.run(
            [sys.executable, "-m", "desktop", "--db", str(db), "demo", "--scale", SCALE],
            env=env,
            capture_output=True,
            check=False,
        )
        if built.returncode != 0:
            print(f"cold start: the {SCALE} demo could not be built: {built.stderr[-800:]!r}")
            return 0
        print(f"{SCALE} demo built in {time.perf_counter() - started:.1f} s")
        bare: list[float | None] = []
        lianxi: list[float | None] = []
        loaded = ""
        for run in range(RUNS + 1):
            # Alternate, so both kinds see the same machine load; run 0 is the warm-up.
            b, _ = time_to_paint(BARE, [], env)
            x, loaded = time_to_paint(LIANXI, [str(db)], env)
            if run:
                bare.append(b)
                lianxi.append(x)
        print(f"bare PySide6 window to first paint: {median_ms(bare)}")
        print(f"lianxi ({SCALE} demo) to first paint: {median_ms(lianxi)}")
        print(f"  imported before the first paint though later work needs them: {loaded or 'none'}")
        if FROZEN.exists():
            logged_bare: list[float | None] = []
            frozen: list[float | None] = []
            for run in range(RUNS + 1):
                b = time_to_logged_paint([sys.executable, "-c", BARE], env)
                x = time_to_logged_paint([str(FROZEN), "--db", str(db)], env)
                if run:
                    logged_bare.append(b)
                    frozen.append(x)
            print(f"bare PySide6 window to first draw (paint log): {median_ms(logged_bare)}")
            print(f"frozen {FROZEN.parent} ({SCALE} demo) to first draw: {median_ms(frozen)}")
        else:
            print(f"frozen build: none at {FROZEN} (make dist builds one)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as exc:  # a benchmark reports, it never fails the build
        print(f"cold start: not measured ({type(exc).__name__}: {exc})")
        sys.exit(0)
