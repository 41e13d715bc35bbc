"""The main window on a hand-made county: navigation counts, dashboard, lists, search, models."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop.core import items
from desktop.core.units import UnitInput, create_unit
from desktop.models import ExchangeConflict
from desktop.models.enums import Level, UnitKind
from desktop.views.dashboard_page import DashboardPage
from desktop.views.itemmodels.record_table_model import PAGE, RecordTableModel
from desktop.views.main_window import MainWindow
from desktop.views.office_dialog import OfficeDialog
from desktop.views.record_page import RecordPage
from tests.conftest import County
from tests.core.helpers import assigned_item

TODAY = date(2026, 11, 16)


def test_navigation_shows_every_page_with_live_counts(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    assigned_item(county, deadline=date(2026, 5, 1))
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    assert window.page_titles() == [
        "工作台",
        "单位名录",
        "建制情况",
        "职工建议",
        "议题",
        "会议",
        "议定事项",
        "督办",
        "通报",
        "考核",
        "数据交换",
        "设置",
    ]
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts[0] == "工作台（1）"  # one overdue item
    assert texts[1] == "单位名录（6）" and texts[6] == "议定事项（1）"
    page = window.show_page("议定事项")
    assert window.current_page() is page


def test_navigation_notes_the_open_conflicts(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    with county.db.unit_of_work() as s:
        for resolution in (None, None, "mine"):
            s.add(
                ExchangeConflict(
                    package_id="p",
                    peer_office_uuid="peer",
                    kind="unit",
                    record_uuid="r",
                    local_value={},
                    incoming_value={},
                    resolution=resolution,
                )
            )
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    assert window.nav.item(window.page_keys.index("exchange")).text() == "数据交换（2）"


def test_dashboard_counts_match_core(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    assigned_item(county, deadline=date(2026, 11, 18))
    page = DashboardPage(county.db, TODAY)
    qtbot.addWidget(page)
    assert page.cards["due_soon_items"].value.text() == "1"
    assert page.cards["overdue_items"].value.text() == "0"
    item_id = county.run(items.get_item, 1).id
    county.run(items.complete_item, item_id, on=TODAY)
    page.reload()
    assert page.cards["due_soon_items"].value.text() == "0"


def test_search_box_finds_by_pinyin_initials(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    page = RecordPage(county.db, "unit", "单位名录", QUndoStack())
    qtbot.addWidget(page)
    qtbot.keyClicks(page.search, "bhx")
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=3000)
    names = {page.model.index(r, 1).data() for r in range(page.model.rowCount())}
    assert names == {"滨海县总工会", "滨海县人民政府"}
    assert page.count.text() == "共 2 条"


def test_list_model_is_lazy_and_sorts_in_the_database(qtbot, qtmodeltester, county: County) -> None:  # type: ignore[no-untyped-def]
    with county.db.unit_of_work() as s:
        for i in range(PAGE + 50):
            create_unit(
                s, UnitInput(f"企业工会{i:04d}", UnitKind.ENTERPRISE_UNION, Level.ENTERPRISE)
            )
    model = RecordTableModel(county.db, "unit")
    assert model.rowCount() == PAGE and model.total == PAGE + 56
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE + 56 and not model.canFetchMore()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    # After a sort only the first page is loaded again; names sort in pinyin order.
    assert model.rowCount() == PAGE
    assert model.index(0, 1).data() == "县人社局"
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 1).data() == "滨海县总工会"
    qtmodeltester.check(model)


def test_office_dialog_validates_and_creates(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = OfficeDialog(db)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error.text() == "「名称」不能为空。"
    assert dialog.result() == 0
    dialog.name.setText("八滩镇工会")  # QTest types ASCII only; Chinese arrives by input method
    dialog.level.setCurrentIndex(3)
    dialog.accept()
    assert dialog.result() == 1
    from desktop.core.office import local_office

    with db.unit_of_work() as s:
        assert local_office(s).name == "八滩镇工会"


def test_dashboard_entries_open_their_records(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    item_id = assigned_item(county, deadline=date(2026, 5, 1))
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    overdue = window.dashboard.lists["overdue_items"]
    assert overdue.count() == 1 and "县人社局" in overdue.item(0).text()
    opened: list[int] = []
    window.dashboard.open_record.connect(lambda kind, rid: opened.append(rid))
    overdue.itemDoubleClicked.emit(overdue.item(0))
    assert opened == [item_id]
    editor = window.open_record("item", item_id)
    qtbot.addWidget(editor)
    assert editor.dto.id == item_id and editor.isVisible()


def test_list_filters_by_unit_and_offers_allowed_actions(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    assigned_item(county)
    page = RecordPage(county.db, "item", "议定事项", QUndoStack())
    qtbot.addWidget(page)
    assert page.context_actions(0) == ["report_progress", "request_extension", "complete", "cancel"]
    page.unit_filter.setText("县财政局")  # a cooperating unit
    assert page.model.total == 1
    page.unit_filter.setText("八滩镇工会")
    assert page.model.total == 0 and page.count.text() == "共 0 条"


def test_export_of_the_current_view(qtbot, county: County, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    page = RecordPage(county.db, "unit", "单位名录", QUndoStack())
    qtbot.addWidget(page)
    page.search.setText("局")
    page.apply_filters()
    assert page.export_rows(tmp_path / "units.xlsx") == page.model.total == 2
    sheet = load_workbook(tmp_path / "units.xlsx").active
    rows = list(sheet.values)
    assert rows[0][:3] == ("编号", "名称", "类别")
    assert {r[1] for r in rows[1:]} == {"县人社局", "县财政局"}
    assert rows[1][2] == "政府部门"


def test_settings_save_thresholds_and_import_holidays(qtbot, county: County, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.settings import supervision_settings
    from desktop.views.settings_page import SettingsPage

    page = SettingsPage(county.db)
    qtbot.addWidget(page)
    page.thresholds["yellow_within_workdays"].setValue(3)
    assert page.save_thresholds()
    with county.db.unit_of_work() as s:
        assert supervision_settings(s).yellow_within_workdays == 3
    bad = tmp_path / "bad.csv"
    bad.write_text("2031-01-01,x\n", encoding="utf-8")
    assert page.import_holiday_file(bad) is None
    assert page.status.text().startswith("节假日表第 1 行格式应为")
    good = tmp_path / "2031.csv"
    good.write_text("2031-01-01,休,元旦\n", encoding="utf-8")
    assert page.import_holiday_file(good) == 1


def test_welcome_builds_a_demo_county_in_the_background(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.office import find_local_office
    from desktop.db import open_database

    dialog = OfficeDialog(db, demo_path=tmp_path / "demo.db")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=120_000):
        dialog.demo_button.click()
        assert not dialog.demo_button.isEnabled()  # the window did not wait for the build
    assert dialog.result() == 1 and dialog.demo_path == tmp_path / "demo.db"
    demo = open_database(dialog.demo_path)
    with demo.unit_of_work() as s:
        assert find_local_office(s).name == "滨海县总工会"  # type: ignore[union-attr]
    demo.dispose()
    with db.unit_of_work() as s:
        assert find_local_office(s) is None  # the office's own database is untouched


def test_unit_completion_model_passes_the_model_tester(qtmodeltester, county: County) -> None:  # type: ignore[no-untyped-def]
    from desktop.views.unit_picker import completion_model

    model = completion_model(county.db)
    qtmodeltester.check(model)
    assert model.rowCount() == 6
    assert completion_model(county.db) is model  # shared until the directory changes
    with county.db.unit_of_work() as s:
        create_unit(s, UnitInput("八滩镇某公司工会", UnitKind.ENTERPRISE_UNION, Level.ENTERPRISE))
    fresh = completion_model(county.db)
    assert fresh is not model and fresh.rowCount() == 7


def test_a_page_with_unsaved_work_can_keep_the_user(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    page = window.show_page("考核")
    answers = [False]
    page.can_leave = lambda: answers[-1]  # type: ignore[method-assign]
    window.nav.setCurrentRow(0)
    assert window.current_page() is page
    assert window.nav.currentRow() == window.page_titles().index("考核")
    assert not window.close()
    answers.append(True)
    window.nav.setCurrentRow(0)
    assert window.current_page() is window.dashboard
