"""`lianxi --self-test`: open the real window offscreen, visit every page and editor, report it."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.app import FONT_HELP, apply_font, database_for, make_application, translated
from desktop.db import Database, open_database
from desktop.db.backup import backup_database
from desktop.db.migrate import upgrade


def _demo_copy(args: argparse.Namespace, folder: Path) -> Database:
    """A temporary copy of the given database file (a server database itself), or a fresh demo
    township when none is given."""
    target = folder / "self-test.db"
    if args.db or args.db_url:
        source = database_for(args)
        upgrade(source)
        if source.path is None:
            # A server database (PostgreSQL) is visited as it is: the self-test only reads,
            # opens editors and closes them unsaved.
            return source
        backup_database(source, target)
        source.dispose()
        db = open_database(target)
        upgrade(db)
        return db
    from desktop.demo.database import demo_database

    demo_database(target, scale="township", seed=7, years=2, today=date.today())
    return open_database(target)


def _visit_editor(app: QApplication, page: Any, row: int | None) -> dict[str, Any]:
    """Open one editor (an existing record's, or a new one's) and close it again."""
    t0 = time.perf_counter()
    record_id = page.model.record_id(row) if row is not None else None
    editor = page.open_editor(record_id)
    app.processEvents()
    title = editor.windowTitle()
    editor.dirty = False
    editor.close()
    app.processEvents()
    return {"editor": title, "record": record_id, "ms": round((time.perf_counter() - t0) * 1000, 1)}


def self_test(args: argparse.Namespace) -> int:
    """Open the real window offscreen, visit every page, and report what was visited."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report: dict[str, Any] = {"version": __version__, "pages": [], "ok": False}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lianxi-self-test-") as tmp:
        try:
            os.environ.setdefault("LIANXI_DATA_DIR", tmp)
            app = make_application(sys.argv[:1])
            report["font"] = apply_font(app)
            db = _demo_copy(args, Path(tmp))
            from desktop.views.assessment_page import AssessmentPage
            from desktop.views.main_window import MainWindow
            from desktop.views.record_page import RecordPage
            from desktop.views.supervision_page import SupervisionPage

            window = MainWindow(db)
            window.show()
            app.processEvents()
            for title in window.page_titles():
                t0 = time.perf_counter()
                page = window.show_page(title)
                app.processEvents()
                entry: dict[str, Any] = {"title": title}
                lists = [page] if isinstance(page, RecordPage) else []
                if isinstance(page, AssessmentPage):
                    page.compute()
                    page.wait()
                    entry["assessed_units"] = page.ranking.rowCount()
                if isinstance(page, SupervisionPage):
                    lists = [page.documents]
                    page.wait_for_checks()
                    entry["checks"] = page.checking.text()
                    if page.escalations.rowCount() == 0 and page.flags.rowCount() == 0:
                        entry["checks_empty"] = True
                for listed in lists:
                    listed.table.scrollToBottom()
                    app.processEvents()
                    entry["rows_total"] = listed.model.total
                    entry["rows_loaded"] = listed.model.rowCount()
                entry["ms"] = round((time.perf_counter() - t0) * 1000, 1)
                entry["editors"] = [
                    _visit_editor(app, listed, row)
                    for listed in lists
                    for row in ((0, None) if listed.model.rowCount() else (None,))
                ]
                report["pages"].append(entry)
            window.close()
            db.dispose()
            report["ok"] = report["font"] is not None
            if report["font"] is None:
                report["error"] = translated(FONT_HELP)
        except Exception as exc:  # the report must say what failed, whatever it was
            report["error"] = f"{type(exc).__name__}: {exc}"
            report["traceback"] = traceback.format_exc()
    report["seconds"] = round(time.perf_counter() - started, 2)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.json_out:
        Path(args.json_out).write_text(text, encoding="utf-8")
    print(text)
    return 0 if report["ok"] else 1
