"""The main window: navigation with live counts on the left, pages on the right, a status bar."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.catalog import ListQuery
from desktop.core.changes import EVERYTHING, Changes
from desktop.core.dashboard import DashboardCounts, open_conflict_count
from desktop.core.kinds import EXCHANGE, PAGED, shown_kinds
from desktop.core.listing import count_records
from desktop.core.office import local_office
from desktop.db import Database
from desktop.views import ui_state
from desktop.views.dashboard_page import DashboardPage
from desktop.views.fit import fit_to_screen, scrolling
from desktop.views.labels import QT_TRANSLATE_NOOP, with_note
from desktop.views.operations import operations
from desktop.views.page import Page
from desktop.views.table_export import install_table_exports
from desktop.views.window_menus import WindowMenus

if TYPE_CHECKING:
    from desktop.views.assessment_page import AssessmentPage
    from desktop.views.document_preview import DocumentPreview
    from desktop.views.editors.base import RecordEditor
    from desktop.views.exchange import ExchangePage
    from desktop.views.settings_page import SettingsPage

# The title of each record kind's list page, a Chinese source text translated when the window is
# built; the pages and their order are the registry's (desktop.core.kinds.PAGED).
PAGE_TITLES: dict[str, str] = {
    "unit": QT_TRANSLATE_NOOP("MainWindow", "单位名录"),
    "establishment": QT_TRANSLATE_NOOP("MainWindow", "建制情况"),
    "suggestion": QT_TRANSLATE_NOOP("MainWindow", "职工建议"),
    "topic": QT_TRANSLATE_NOOP("MainWindow", "议题"),
    "meeting": QT_TRANSLATE_NOOP("MainWindow", "会议"),
    "item": QT_TRANSLATE_NOOP("MainWindow", "议定事项"),
    "notice": QT_TRANSLATE_NOOP("MainWindow", "督办"),
    "bulletin": QT_TRANSLATE_NOOP("MainWindow", "通报"),
}
LIST_PAGES: tuple[tuple[str, str], ...] = tuple((kind, PAGE_TITLES[kind]) for kind in PAGED)


def unbuilt_counts(
    session: Session, kinds: tuple[str, ...], exchange: bool
) -> dict[str, int | None]:
    """What the navigation shows beside pages not built yet: every record of each list kind
    (as its list counts them unfiltered) and, for 数据交换, the open conflicts."""
    counts: dict[str, int | None] = {k: count_records(session, k, ListQuery()) for k in kinds}
    if exchange:
        counts["exchange"] = open_conflict_count(session) or None  # no note without any
    return counts


class MainWindow(QMainWindow):
    """Pages are built when first shown: the window paints with the dashboard alone, and a list
    page reads its records only when the clerk opens it (or something asks for it)."""

    def __init__(self, db: Database, today: date | None = None) -> None:
        super().__init__()
        self.db = db
        self.today = today or date.today()
        self.ops = operations(db)
        self.office = self.ops.read(local_office)
        self.setWindowTitle(self.tr("联席 — %1").replace("%1", self.office.name))
        self.tasks = self.ops.tasks
        self.undo_stack = self.ops.undo_stack
        # Every action anywhere (an editor, an import, an undo) refreshes what it touched.
        self.ops.did_execute.connect(self.on_changes)
        self.ops.notice.connect(self.show_notice)
        self.ops.watch_other_programs()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.dashboard = DashboardPage(db, self.today)
        self.dashboard.open_record.connect(self.open_record)
        # Stable names of the pages, whatever the interface language (screenshots, tests).
        self.page_keys: list[str] = [
            "dashboard",
            *PAGE_TITLES,
            "assessment",
            "exchange",
            "settings",
        ]
        self.titles: list[str] = [
            self.tr("工作台"),
            *(QCoreApplication.translate("MainWindow", source) for _kind, source in LIST_PAGES),
            self.tr("考核"),
            self.tr("数据交换"),
            self.tr("设置"),
        ]
        self._built: list[Page | None] = [None] * len(self.page_keys)
        self._built[0] = self.dashboard
        self._counted: dict[str, int | None] = {}
        self._count_unbuilt(EVERYTHING)
        for page, title in zip(self._built, self.titles, strict=True):
            # A page taller or wider than a small screen scrolls; the window never grows.
            self.stack.addWidget(scrolling(page) if isinstance(page, QWidget) else QWidget())
            QListWidgetItem(title, self.nav)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.nav.width(), 10_000])  # the pages take all the room left
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(self._go_to)
        self.nav.setCurrentRow(0)

        self.status_office = QLabel(self.office.name)
        self.status_db = QLabel(self.tr("数据库：%1").replace("%1", db.display_name()))
        self.status_exchange = QLabel()
        for widget in (self.status_office, self.status_db, self.status_exchange):
            self.statusBar().addPermanentWidget(widget)
        self.update_counts()
        self._build_menu()
        # Every table, tree and list of the pages exports itself as shown (right-click).
        install_table_exports(self.stack)
        self._restore_state()

    def _build(self, key: str) -> Page:
        """The page named `key`; its module is imported only now (charts, printing, packages)."""
        page: Page
        if key == "notice":
            from desktop.views.supervision_page import SupervisionPage

            page = SupervisionPage(self.db, self.today, self.undo_stack, self.tasks)
        elif key in PAGE_TITLES:
            from desktop.views.record_page import RecordPage

            title = self.titles[self.page_keys.index(key)]
            page = RecordPage(self.db, key, title, self.undo_stack)
        elif key == "assessment":
            from desktop.views.assessment_page import AssessmentPage

            page = AssessmentPage(self.db, self.today, self.tasks)
            page.open_record.connect(self.open_record)
        elif key == "exchange":
            from desktop.views.exchange import ExchangePage

            page = ExchangePage(self.db, self.tasks)
        else:
            from desktop.views.settings_page import SettingsPage

            page = SettingsPage(self.db)
        if key in PAGE_TITLES:
            page.changed.connect(self.update_counts)  # type: ignore[attr-defined]
        return page

    def page_at(self, row: int) -> Page:
        """The page in navigation row `row`, built the first time it is asked for."""
        page = self._built[row]
        if page is None:
            page = self._build(self.page_keys[row])
            assert isinstance(page, QWidget)
            self._built[row] = page
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, scrolling(page))
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return page

    def page(self, key: str) -> Page:
        """The page named `key` (see page_keys), built the first time it is asked for."""
        return self.page_at(self.page_keys.index(key))

    @property
    def pages(self) -> list[Page]:
        """Every page, in navigation order; builds those not built yet."""
        return [self.page_at(row) for row in range(len(self.page_keys))]

    def built_pages(self) -> list[Page]:
        """The pages built so far: the others have nothing to refresh, save or keep."""
        return [page for page in self._built if page is not None]

    @property
    def assessment(self) -> AssessmentPage:
        return self.page("assessment")  # type: ignore[return-value]

    @property
    def exchange(self) -> ExchangePage:
        return self.page("exchange")  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page("settings")  # type: ignore[return-value]

    def _go_to(self, row: int) -> None:
        """Show page `row`, unless the page in view has unsaved work its user keeps."""
        current = self.page_at(self.stack.currentIndex())
        if row == self.stack.currentIndex() or row < 0:
            return
        if not current.can_leave():
            blocker = QSignalBlocker(self.nav)
            self.nav.setCurrentRow(self.stack.currentIndex())
            del blocker
            return
        self.page_at(row)
        self.stack.setCurrentIndex(row)
        install_table_exports(self.stack.currentWidget())  # tables a page built since

    def current_page(self) -> Page:
        return self.page_at(self.stack.currentIndex())

    def page_titles(self) -> list[str]:
        return list(self.titles)

    def show_page(self, title: str) -> QWidget:
        row = self.titles.index(title)
        self.nav.setCurrentRow(row)
        page = self.page_at(row)
        assert isinstance(page, QWidget)
        return page

    def _build_menu(self) -> None:
        self.menus = WindowMenus(self)

    def ask_statistics(self) -> None:
        year, ok = QInputDialog.getInt(
            self, self.tr("年度统计表"), self.tr("年度："), date.today().year, 1990, 2100
        )
        if ok:
            self.print_statistics(year)

    def print_statistics(self, year: int) -> DocumentPreview | None:
        from desktop.core.documents import statistics_doc
        from desktop.views.document_preview import preview

        return preview(
            self.db, lambda session: statistics_doc(session, year), self.tr("年度统计表"), self
        )

    def open_record(self, kind: str, record_id: int | None) -> RecordEditor:
        """Open a record's editor (a new record's when None) from anywhere: menus, dashboard."""
        from desktop.views.record_page import RecordPage
        from desktop.views.supervision_page import SupervisionPage

        if kind not in PAGE_TITLES:
            raise KeyError(kind)
        page = self.page(kind)
        if isinstance(page, SupervisionPage):
            page = page.documents
        assert isinstance(page, RecordPage) and page.kind == kind
        return page.open_editor(record_id)

    def on_changes(self, changes: Changes) -> None:
        """Refresh the pages that show what changed, and the navigation counts."""
        for page in self.built_pages():
            if changes.touches(page.shows):
                page.reload()
        self._count_unbuilt(changes)
        self.update_counts()

    def _count_unbuilt(self, changes: Changes) -> None:
        """Recount what the pages not built yet would show beside their titles, where touched."""
        unbuilt = {
            key for key, page in zip(self.page_keys, self._built, strict=True) if page is None
        }
        kinds = tuple(k for k in PAGED if k in unbuilt and changes.touches(shown_kinds(k)))
        # Conflicts arrive with packages and are decided on the exchange page itself.
        exchange = "exchange" in unbuilt and changes.touches({EXCHANGE})
        if kinds or exchange:
            self._counted.update(self.ops.read(unbuilt_counts, kinds, exchange))

    def reload(self) -> None:
        """Everything again (F5): for changes made outside this window."""
        self.on_changes(EVERYTHING)

    def show_notice(self, text: str) -> None:
        """A refusal that has no form to stand beside (an undo refused, say)."""
        self.statusBar().showMessage(text, 15_000)

    def update_counts(self) -> None:
        """Navigation entries carry the number of records behind them."""
        counts: DashboardCounts | None = self.dashboard.counts
        for row, page in enumerate(self._built):
            item = self.nav.item(row)
            if item is None:
                continue
            title = self.titles[row]
            count = page.nav_count() if page is not None else self._counted.get(self.page_keys[row])
            item.setText(with_note(title, count) if count is not None else title)
        if counts is not None:
            last = counts.last_exchange_at
            self.status_exchange.setText(
                self.tr("最近交换：%1").replace(
                    "%1", last.astimezone().strftime("%Y-%m-%d") if last else self.tr("尚未交换")
                )
            )

    def _restore_state(self) -> None:
        """The size and place of last time; the first time, the whole screen."""
        if ui_state.restore_geometry("main_window/geometry", self):
            ui_state.restore_window_state("main_window/state", self)
        else:
            fit_to_screen(self, 1280, 800)
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def close_editors(self) -> bool:
        """Close every open editor; one with typed work asks first. False if one stays open."""
        from desktop.views.editors.base import RecordEditor

        editors = [e for e in self.findChildren(RecordEditor) if e.isVisible()]
        return all(editor.close() for editor in editors)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_editors() or not all(page.can_leave() for page in self.built_pages()):
            event.ignore()
            return
        ui_state.save_geometry("main_window/geometry", self)
        ui_state.save_window_state("main_window/state", self)
        self.ops.stop_watching()
        super().closeEvent(event)
