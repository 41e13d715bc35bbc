"""The main window's menus, toolbar and standard shortcuts (文件, 编辑, 视图, 帮助)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QToolBar, QWidget

from desktop import __version__
from desktop.core.kinds import PAGED
from desktop.paths import data_dir, resource_path
from desktop.views.backup_actions import backup_now, choose_and_restore
from desktop.views.table_export import export_dialog, focused_view, shown_views

if TYPE_CHECKING:
    from desktop.views.main_window import MainWindow
    from desktop.views.record_page import RecordPage


def user_guide_path() -> str:
    """The user guide shipped with the program (docs/user-guide.md, bundled as a resource)."""
    bundled = resource_path("docs", "user-guide.md")
    if bundled.exists():
        return str(bundled)
    return str(resource_path().parent / "docs" / "user-guide.md")


def listed_page(window: MainWindow) -> RecordPage | None:
    """The record list in view (the 督办 page's is its documents list), if any."""
    # Imported when asked, not with the menus: the window paints before any list is built.
    from desktop.views.record_page import RecordPage
    from desktop.views.supervision_page import SupervisionPage

    page = window.current_page()
    if isinstance(page, SupervisionPage):
        return page.documents
    return page if isinstance(page, RecordPage) else None


def _action(
    menu: QMenu, text: str, slot: object, shortcut: QKeySequence | str | None = None
) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(slot)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    return action


class WindowMenus(QObject):
    """Builds the menu bar and toolbar of `window`, and does what their entries ask."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        file = bar.addMenu(self.tr("文件(&F)"))
        self.new = _action(file, self.tr("新建(&N)"), self.new_record, QKeySequence.StandardKey.New)
        file.addSeparator()
        _action(file, self.tr("备份数据库(&B)…"), lambda: backup_now(window))
        _action(file, self.tr("从备份恢复(&R)…"), lambda: choose_and_restore(window))
        file.addSeparator()
        _action(file, self.tr("导出数据交换包(&E)…"), lambda: self.go_to("exchange"))
        _action(file, self.tr("导出当前列表为 Excel…"), self.export_list)
        _action(
            file,
            self.tr("打印年度统计表(&P)…"),
            window.ask_statistics,
            QKeySequence.StandardKey.Print,
        )
        file.addSeparator()
        _action(file, self.tr("退出(&X)"), window.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu(self.tr("编辑(&E)"))
        self.undo = window.undo_stack.createUndoAction(window, self.tr("撤销"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = window.undo_stack.createRedoAction(window, self.tr("重做"))
        self.redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo)
        edit.addAction(self.redo)
        edit.addSeparator()
        self.delete = _action(
            edit, self.tr("删除(&D)"), self.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.find = _action(
            edit, self.tr("查找(&F)"), self.find_in_page, QKeySequence.StandardKey.Find
        )

        view = bar.addMenu(self.tr("视图(&V)"))
        _action(view, self.tr("刷新(&R)"), window.reload, QKeySequence.StandardKey.Refresh)
        view.addSeparator()
        for row, title in enumerate(window.page_titles()):
            shortcut = f"Ctrl+{row + 1}" if row < 9 else None
            _action(view, title, lambda _c=False, r=row: window.nav.setCurrentRow(r), shortcut)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        _action(
            help_menu,
            self.tr("用户手册(&U)"),
            self.open_user_guide,
            QKeySequence.StandardKey.HelpContents,
        )
        _action(help_menu, self.tr("关于联席(&A)"), self.about)

        self.toolbar = QToolBar(self.tr("工具栏"), window)
        self.toolbar.setObjectName("main_toolbar")  # saveState needs a name
        for action in (self.new, self.undo, self.redo, self.delete, self.find):
            self.toolbar.addAction(action)
        window.addToolBar(self.toolbar)
        view.addSeparator()
        view.addAction(self.toolbar.toggleViewAction())

    # file
    def new_record(self) -> None:
        """A new record of the list in view (agreed items are made from their meeting)."""
        from desktop.views.editors.registry import CREATABLE

        page = listed_page(self.window)
        if page is None or page.kind not in CREATABLE:
            self.window.show_notice(self.tr("请先打开要新建记录的页面（议定事项在会议中新增）。"))
            return
        page.open_editor(None)

    def go_to(self, key: str) -> QWidget:
        row = self.window.page_keys.index(key)
        self.window.nav.setCurrentRow(row)
        return self.window.page_at(row)  # type: ignore[return-value]

    def export_list(self) -> None:
        """The table with the focus, else the record list in view, else the first table shown
        on the page; a record list exports every record of its search from the database."""
        view = focused_view(self.window)
        page = listed_page(self.window)
        if view is None and (page is None or not page.table.isVisibleTo(self.window)):
            shown = shown_views(self.window.stack.currentWidget())
            view = shown[0] if shown else None
        if view is not None:
            export_dialog(view)
        elif page is not None:
            page.export_dialog()
        else:
            self.window.show_notice(self.tr("请先打开一个记录列表。"))

    # edit
    def delete_selected(self) -> bool:
        """Delete the selected record, after asking, or void (作废) it when it is an issued
        document; core refuses what may not be deleted."""
        page = listed_page(self.window)
        rows = page.table.selectionModel().selectedRows() if page is not None else []
        if page is None or not rows:
            self.window.show_notice(self.tr("请先在列表中选中要删除的记录。"))
            return False
        voiding = page.removal(rows[0].row()) == "void"
        deleted = page.delete_row(rows[0].row())
        if deleted:
            self.window.show_notice(
                self.tr("已作废所选文书。") if voiding else self.tr("已删除所选记录。")
            )
        return deleted

    def find_in_page(self) -> None:
        page = listed_page(self.window)
        if page is None:
            page = self.go_to(PAGED[0])  # type: ignore[assignment]
        assert page is not None
        page.search.setFocus()
        page.search.selectAll()

    # help
    def open_user_guide(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(user_guide_path()))

    def about(self) -> None:
        QMessageBox.about(self.window, self.tr("关于联席"), self.about_text())

    def about_text(self) -> str:
        return (
            self.tr("联席 LianXi %1\n政府与工会联席会议工作系统\n\n数据文件夹：%2\n数据库：%3")
            .replace("%1", __version__)
            .replace("%2", str(data_dir()))
            .replace("%3", self.window.db.display_name())
        )
