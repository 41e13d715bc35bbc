"""One way for every user action, seen from the window: pages follow every change without F5,
and undo never reverses a later workflow step."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.core import items
from desktop.core.changes import Changes
from desktop.db import open_database
from desktop.models.enums import ItemStatus
from desktop.sync.exchange import export_packages
from desktop.views.main_window import MainWindow
from desktop.views.operations import operations
from tests.conftest import County, county_in
from tests.core.helpers import assigned_item
from tests.sync.test_db_exchange import Pair, pair  # noqa: F401  (the fixture)
from tests.views.dialogs import answering

TODAY = date(2026, 11, 16)


def nav_text(window: MainWindow, key: str) -> str:
    return window.nav.item(window.page_keys.index(key)).text()


def test_edit_then_complete_then_undo_is_refused(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    item = assigned_item(county)
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    editor = window.open_record("item", item)
    qtbot.addWidget(editor)
    editor.text.setPlainText("将劳动竞赛奖金全额列入政府年度奖励基金")
    assert editor.save()
    answering({"on": date(2026, 6, 1)})
    editor.workflow.buttons["complete"].click()
    assert editor.dto.status == ItemStatus.COMPLETED

    assert window.undo_stack.canUndo()
    window.undo_stack.undo()

    shown = county.run(items.get_item, item)
    assert shown.status == ItemStatus.COMPLETED  # the step stands
    assert shown.text == "将劳动竞赛奖金全额列入政府年度奖励基金"  # and so does the edit
    assert window.statusBar().currentMessage().startswith("无法撤销：这条议定事项")
    assert not window.undo_stack.canUndo()  # the refused entry is gone, nothing to redo
    assert not window.undo_stack.canRedo()


def test_an_edit_in_an_editor_refreshes_list_count_and_dashboard(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    item = assigned_item(county, deadline=date(2026, 12, 31))
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    assert window.dashboard.cards["overdue_items"].value.text() == "0"
    assert nav_text(window, "dashboard") == "工作台"
    suggestions = window.show_page("职工建议")
    assert nav_text(window, "suggestion") == "职工建议（0）"

    new = suggestions.open_editor(None)
    qtbot.addWidget(new)
    new.content.setPlainText("建议增设职工书屋")
    assert new.save()
    assert suggestions.model.total == 1
    assert nav_text(window, "suggestion") == "职工建议（1）"

    # The item's deadline moves into the past from its editor: the dashboard turns red at once.
    editor = window.open_record("item", item)
    qtbot.addWidget(editor)
    editor.deadline.setDate(editor.deadline.date().fromString("2026-10-30", "yyyy-MM-dd"))
    editor.dirty = True
    assert editor.save()
    assert window.dashboard.cards["overdue_items"].value.text() == "1"
    assert nav_text(window, "dashboard") == "工作台（1）"


def test_changes_from_elsewhere_refresh_only_what_they_touch(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    reloads: list[str] = []
    for key, page in zip(window.page_keys, window.pages, strict=True):
        original = page.reload
        page.reload = lambda k=key, o=original: (reloads.append(k), o())[1]  # type: ignore[method-assign]
    operations(county.db).announce(Changes.of("bulletin", 1))
    assert "bulletin" in reloads and "dashboard" in reloads
    assert not {"unit", "meeting", "item", "settings"} & set(reloads)


def test_an_import_refreshes_lists_and_counts(qtbot, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    (up,) = export_packages(pair.township, tmp_path, [pair.county_uuid])
    assert up.path is not None
    window = MainWindow(pair.county)
    qtbot.addWidget(window)
    meetings_page = window.show_page("会议")
    before = meetings_page.model.total
    assert nav_text(window, "meeting") == f"会议（{before}）"

    tab = window.exchange.import_tab
    tab.preview([up.path])
    window.exchange.wait()
    tab.confirm()
    window.exchange.wait()
    qtbot.waitUntil(lambda: meetings_page.model.total > before)
    after = meetings_page.model.total
    assert nav_text(window, "meeting") == f"会议（{after}）"


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_county(request: pytest.FixtureRequest, county: County) -> Iterator[County]:
    """The county on a SQLite file, or on a PostgreSQL database other clerks share."""
    if request.param == "sqlite":
        yield county
        return
    database = open_database(request.getfixturevalue("postgres_url"))
    yield county_in(database)
    database.dispose()


def test_a_change_by_another_program_refreshes_the_window(qtbot, shared_county: County) -> None:  # type: ignore[no-untyped-def]
    """Another program on the same file, or another clerk's PC on the same server database."""
    from desktop.core import suggestions
    from desktop.models.enums import Channel, Level

    county = shared_county
    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    ops = operations(county.db)
    page = window.show_page("职工建议")
    qtbot.waitUntil(lambda: not ops.tasks.busy())  # the supervision page's first check
    assert not ops.check_other_programs()  # the first look only notes where the data stands
    assert page.model.total == 0

    # Our own save is ours: no second refresh for it.
    own = page.open_editor(None)
    qtbot.addWidget(own)
    own.content.setPlainText("建议增设职工书屋")
    assert own.save()
    assert not ops.check_other_programs()

    # The CLI, say, in another process: another connection to the same file.
    other = open_database(county.db.engine.url)
    try:
        with other.unit_of_work() as s:
            suggestions.register_suggestion(
                s,
                suggestions.SuggestionInput(
                    Channel.LETTER, date(2026, 3, 1), "建议延长午休", Level.COUNTY
                ),
            )
    finally:
        other.dispose()
    assert ops.check_other_programs()
    assert page.model.total == 2
    assert nav_text(window, "suggestion") == "职工建议（2）"
    assert not ops.check_other_programs()


def test_a_failed_look_is_skipped_and_closing_the_window_stops_looking(
    qtbot, county: County, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The server out of reach a moment: the 2-second look is skipped, not an error box every
    two seconds; a closed window looks no more."""
    from sqlalchemy.exc import OperationalError

    window = MainWindow(county.db, today=TODAY)
    qtbot.addWidget(window)
    ops = operations(county.db)
    qtbot.waitUntil(lambda: not ops.tasks.busy())

    def unreachable() -> int:
        raise OperationalError("SELECT max(id) FROM audit_entry", {}, OSError("connection refused"))

    monkeypatch.setattr(county.db, "data_version", unreachable)
    assert not ops.check_other_programs()
    assert ops._watch_timer is not None and ops._watch_timer.isActive()
    window.close()
    assert not ops._watch_timer.isActive()
