"""A list's columns fit the table on an office screen: every shown column visible without
scrolling sideways, the hidden ones one click away in the header's menu, the clerk's own
arrangement kept for the next start."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize

from desktop.core.items import ItemInput, create_item, get_item
from desktop.core.units import UnitInput, create_unit
from desktop.models.enums import Level, UnitKind
from desktop.views.main_window import MainWindow
from desktop.views.record_page import COMFORTABLE_WIDTH, RecordPage
from tests.conftest import County
from tests.core.helpers import assigned_item

TODAY = date(2026, 11, 21)


def _long_item(county: County) -> None:
    """An item as long as real ones get: a long text, led by an enterprise of a long name."""
    item = county.run(get_item, assigned_item(county))
    lead = county.run(
        create_unit,
        UnitInput(
            "江苏省盐城市滨海县经济开发区沿海工业园新材料科技股份有限公司",
            UnitKind.ENTERPRISE,
            Level.ENTERPRISE,
        ),
    ).id
    text = "推动开发区企业建立职工工资集体协商制度，年内覆盖率达到百分之九十以上，并落实高温津贴"
    county.run(create_item, ItemInput(item.meeting_id, text, lead_unit_id=lead))


def _items_page(qtbot, county: County) -> tuple[MainWindow, RecordPage]:  # type: ignore[no-untyped-def]
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    window.showNormal()  # opened maximized the first time; a 1366×768 screen less its taskbar
    window.resize(QSize(1366, 728))
    page = window.show_page("议定事项")
    assert isinstance(page, RecordPage)
    header = page.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= page.table.viewport().width())
    return window, page


def test_the_item_list_fits_the_screen_and_hidden_columns_come_back(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    _long_item(county)
    window, page = _items_page(qtbot, county)
    header = page.table.horizontalHeader()
    columns = page.model.columns
    shown = [c for i, c in enumerate(columns) if not header.isSectionHidden(i)]
    # What a clerk looks for stays, its text readable; the least needed (last) columns went.
    assert {"meeting", "text", "lead_unit", "deadline", "status"} <= set(shown)
    text = columns.index("text")
    readable = min(page.table.sizeHintForColumn(text), COMFORTABLE_WIDTH)
    assert header.sectionSize(text) >= readable - 1
    hidden = [c for c in columns if c not in shown]
    assert hidden and hidden == list(columns[len(columns) - len(hidden) :])

    # The header's menu lists every column, ticked when shown; ticking one shows it.
    menu = page.column_menu()
    actions = menu.actions()[: len(columns)]
    assert [a.isChecked() for a in actions] == [c in shown for c in columns]
    assert actions[columns.index("text")].text() == "内容"
    actions[columns.index(hidden[0])].setChecked(True)
    assert not header.isSectionHidden(columns.index(hidden[0]))

    # The clerk's arrangement comes back at the next start (the column shown again included).
    window.close()
    again = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(again)
    page2 = again.show_page("议定事项")
    assert isinstance(page2, RecordPage)
    header2 = page2.table.horizontalHeader()
    assert [header2.isSectionHidden(i) for i in range(len(columns))] == [
        c in hidden[1:] for c in columns
    ]


def test_refit_shows_every_column_then_fits_the_width_again(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    _long_item(county)
    _window, page = _items_page(qtbot, county)
    header = page.table.horizontalHeader()
    for i in range(4, header.count()):
        header.hideSection(i)
    page.refit_columns()
    assert header.length() <= page.table.viewport().width()
    assert header.count() - header.hiddenSectionCount() > 4
