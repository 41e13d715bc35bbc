"""Screenshots of every page and editor on a database, for the documentation (run under Xvfb).

python -m desktop.views.screenshots DB OUTDIR [YYYY-MM-DD] [--lang zh|en]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize

from desktop.app import apply_font, make_application
from desktop.db import open_database
from desktop.views.assessment_page import AssessmentPage
from desktop.views.main_window import MainWindow
from desktop.views.record_page import RecordPage
from desktop.views.supervision_page import SupervisionPage

# File names by the window's page keys, the same in every interface language.
SLUGS = {
    "assessment": "assessment",
    "dashboard": "dashboard",
    "unit": "units",
    "establishment": "establishment",
    "suggestion": "suggestions",
    "topic": "topics",
    "meeting": "meetings",
    "item": "items",
    "notice": "supervision",
    "bulletin": "bulletins",
    "exchange": "exchange",
    "settings": "settings",
}


# The 考核 page's tabs, in order; a township's own card is shot under its own names.
ASSESSMENT_TABS = ("", "-charts", "-rates", "-scheme")


# The screen the program is made for: every shot is of a window that fits it.
SCREEN = QSize(1366, 768)


def assessment_tabs(window: MainWindow, page: AssessmentPage, out: Path) -> None:
    """Every tab of the 考核 page, at the window's size (the charts scroll)."""
    suffix = "-township" if page.own_mode else ""
    for index, tab in enumerate(ASSESSMENT_TABS):
        page.tabs.setCurrentIndex(index)
        QCoreApplication.processEvents()
        window.grab().save(str(out / f"page-assessment{suffix}{tab}.png"))
    page.tabs.setCurrentIndex(0)


def main(argv: list[str]) -> int:
    language = None
    if "--lang" in argv:
        at = argv.index("--lang")
        language = argv[at + 1]
        argv = argv[:at] + argv[at + 2 :]
    db_path, out = Path(argv[0]), Path(argv[1])
    today = date.fromisoformat(argv[2]) if len(argv) > 2 else date.today()
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1], language)
    apply_font(app)
    db = open_database(db_path)
    window = MainWindow(db, today=today)
    window.show()
    window.resize(SCREEN)  # a 1366×768 screen (without a window manager to maximize it)
    for title, key in zip(window.page_titles(), window.page_keys, strict=True):
        page = window.show_page(title)
        if isinstance(page, SupervisionPage):
            page.wait_for_checks()
        if isinstance(page, AssessmentPage):
            page.compute()
            page.wait()
            assessment_tabs(window, page, out)
            continue
        for _ in range(20):  # the page settles as a clerk sees it (its columns fitted)
            app.processEvents()
        window.grab().save(str(out / f"page-{SLUGS[key]}.png"))
        listed = page.documents if isinstance(page, SupervisionPage) else page
        if isinstance(listed, RecordPage) and listed.model.rowCount():
            row = min(3, listed.model.rowCount() - 1)
            editor = listed.open_editor(listed.model.record_id(row))
            editor.resize(editor.size().boundedTo(SCREEN))
            app.processEvents()
            editor.grab().save(str(out / f"editor-{SLUGS[key]}.png"))
            editor.dirty = False
            editor.close()
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
