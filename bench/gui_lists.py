"""How fast list pages paint and scroll on a big database, against the raw SQL of a first page.

Usage: python bench/gui_lists.py [DB]   (default: builds the province-scale demo in a temp folder)
Prints, per page: rows, first paint, the raw sqlite3 query of the same first page, and the
median and worst time of each lazy fetch while scrolling to the end.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.app import make_application
from desktop.db import open_database
from desktop.db.migrate import upgrade
from desktop.views.main_window import LIST_PAGES, MainWindow
from desktop.views.record_page import RecordPage
from desktop.views.supervision_page import SupervisionPage

TABLES = {
    "unit": "unit",
    "establishment": "establishment",
    "suggestion": "suggestion",
    "topic": "topic",
    "meeting": "meeting",
    "item": "agreed_item",
    "notice": "supervision_notice",
    "bulletin": "bulletin",
}
TODAY = date(2026, 11, 21)


def province(folder: Path) -> Path:
    from desktop.demo import build_demo

    path = folder / "province.db"
    db = open_database(path)
    upgrade(db)
    t0 = time.perf_counter()
    with db.unit_of_work() as session:
        build_demo(session, scale="province", seed=1, years=3, today=TODAY)
    print(f"province demo built in {time.perf_counter() - t0:.1f} s")
    db.dispose()
    return path


def raw_first_page(path: Path, table: str) -> float:
    conn = sqlite3.connect(path)
    t0 = time.perf_counter()
    conn.execute(f"SELECT * FROM {table} ORDER BY id DESC LIMIT 200").fetchall()
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(sys.argv[1]) if len(sys.argv) > 1 else province(Path(tmp))
        app = make_application(sys.argv[:1])
        db = open_database(path)
        t0 = time.perf_counter()
        window = MainWindow(db, today=TODAY)
        window.resize(1366, 800)
        window.show()
        app.processEvents()
        print(f"main window ready in {(time.perf_counter() - t0) * 1000:.0f} ms")
        t0 = time.perf_counter()
        supervision = next(p for p in window.pages if isinstance(p, SupervisionPage))
        supervision.wait_for_checks()
        print(f"supervision checks done in the background {time.perf_counter() - t0:.1f} s later")
        print(
            f"{'page':10} {'rows':>9} {'paint ms':>9} {'raw SQL ms':>11} {'fetch med':>10} "
            f"{'fetch max':>10} {'to end s':>9}"
        )
        for kind, title in LIST_PAGES:
            t0 = time.perf_counter()
            page = window.show_page(title)
            listed = page.documents if isinstance(page, SupervisionPage) else page
            assert isinstance(listed, RecordPage)
            listed.reload()
            listed.table.viewport().repaint()
            app.processEvents()
            paint = (time.perf_counter() - t0) * 1000
            fetches: list[float] = []
            t_end = time.perf_counter()
            while listed.model.canFetchMore():
                t1 = time.perf_counter()
                listed.model.fetchMore()
                listed.table.scrollToBottom()
                app.processEvents()
                fetches.append((time.perf_counter() - t1) * 1000)
            to_end = time.perf_counter() - t_end
            med = statistics.median(fetches) if fetches else 0.0
            worst = max(fetches, default=0.0)
            print(
                f"{title:10} {listed.model.total:>9} {paint:>9.0f} "
                f"{raw_first_page(path, TABLES[kind]):>11.1f} {med:>10.1f} {worst:>10.1f} "
                f"{to_end:>9.1f}"
            )
        window.close()
        db.dispose()


if __name__ == "__main__":
    main()
