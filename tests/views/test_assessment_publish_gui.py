"""The 考核 page publishes results, guards unsaved scheme edits, and keeps years' totals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QMessageBox, QPushButton

from desktop.core.assessment import get_scheme, overview, scoring, stored_states
from desktop.core.errors import DomainError
from desktop.core.office import create_local_office
from desktop.db import open_database
from desktop.db.migrate import upgrade
from desktop.models.enums import Level
from desktop.views.assessment_page import AssessmentPage
from desktop.views.assessment_scheme import WEIGHT
from tests.conftest import County
from tests.core.assessment_records import TODAY, build

STATE = 5  # the ranking's 状态 column


def _page(qtbot, db) -> AssessmentPage:  # type: ignore[no-untyped-def]
    page = AssessmentPage(db, TODAY)
    qtbot.addWidget(page)
    page.year.setValue(2025)
    page.compute()
    page.wait()
    return page


def _answer(button: str, seen: list[str]) -> None:
    """Click `button` on the message box about to open (the real one, offscreen)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        found = [b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == button]
        assert found, [b.text() for b in box.findChildren(QPushButton)]
        found[0].click()

    QTimer.singleShot(0, click)


def _states(page: AssessmentPage) -> list[str]:
    return [page.ranking.item(r, STATE).text() for r in range(page.ranking.rowCount())]


def test_publish_asks_then_publishes_the_ranking_in_one_go(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    r = build(county)
    page = _page(qtbot, county.db)
    assert page.publish_button.isEnabled() and not page.publish_button.isHidden()
    assert _states(page) == ["暂定", "暂定"]
    assert "（暂定）" in page.status.text()
    seen: list[str] = []
    _answer("No", seen)
    assert not page.publish()
    assert "正式考核结果" in seen[0] and "数据交换包" in seen[0] and "替换" in seen[0]
    assert county.run(stored_states, 2025) == {}
    _answer("Yes", seen)
    assert page.publish()
    assert "已发布 2 个单位的 2025 年度考核结果" in page.status.text()
    assert _states(page) == ["已发布", "已发布"]
    states = county.run(stored_states, 2025)
    assert {uid: s.provisional for uid, s in states.items()} == {r.t1: False, r.t2: False}
    # Scoring the year again shows them published too, not 暂定.
    page.compute()
    page.wait()
    assert _states(page) == ["已发布", "已发布"]
    assert "（已发布）" in page.status.text() and "暂定" not in page.status.text()


def test_publish_words_a_refusal_in_chinese(qtbot, county: County, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    build(county)
    page = _page(qtbot, county.db)
    page.confirm_publish = lambda _text: True

    def refuse(_session: object, card: object) -> None:
        raise DomainError("nothing_to_publish", year=2025)

    monkeypatch.setattr(overview, "publish_scorecard", refuse)  # the page publishes through it
    assert not page.publish()
    assert page.status.text() == "2025 年度没有待发布的考核结果，请先计算并保存。"
    assert _states(page) == ["暂定", "暂定"]


def test_a_township_has_no_publish_button(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "township.db")
    upgrade(db)
    with db.unit_of_work() as s:
        create_local_office(s, name="八滩镇工会", level=Level.TOWNSHIP, parent_name="滨海县总工会")
    page = _page(qtbot, db)
    assert page.own_mode and page.publish_button.isHidden()
    assert not page.publish()
    db.dispose()


def _edit_scheme(page: AssessmentPage) -> None:
    page.tabs.setCurrentWidget(page.scheme_editor)
    editor = page.scheme_editor
    assert editor.year == 2025 and not editor.dirty
    first = editor.table.cellWidget(0, WEIGHT)
    second = editor.table.cellWidget(1, WEIGHT)
    assert isinstance(first, QDoubleSpinBox) and isinstance(second, QDoubleSpinBox)
    first.setValue(5)
    second.setValue(30)
    assert editor.dirty


def _watch_computing(page: AssessmentPage) -> list[int]:
    calls: list[int] = []
    original: Callable[[], None] = page.compute

    def compute() -> None:
        calls.append(page.year.value())
        original()

    page.compute = compute  # type: ignore[method-assign]
    return calls


def test_changing_the_year_with_unsaved_scheme_edits_asks(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    build(county)
    page = _page(qtbot, county.db)
    _edit_scheme(page)
    editor = page.scheme_editor
    computing = _watch_computing(page)
    status = page.status.text()
    # 取消: back to 2025, the edits kept, nothing recomputed.
    seen: list[str] = []
    _answer("取消", seen)
    page.year.setValue(2024)
    assert "2025 年度的考核方案有未保存的修改" in seen[0]
    assert page.year.value() == 2025 and editor.year == 2025 and editor.dirty
    assert computing == [] and page.status.text() == status and page.card.year == 2025  # type: ignore[union-attr]
    # 保存: stored, then on to 2024 (whose default scheme the tab now shows).
    _answer("保存", seen)
    page.year.setValue(2024)
    assert page.year.value() == 2024 and editor.year == 2024 and not editor.dirty
    weights = {i.code: i.weight for i in county.run(get_scheme, 2025).indicators}
    assert (weights["establishment"], weights["meeting_frequency"]) == (5.0, 30.0)
    assert county.run(get_scheme, 2024).id is None
    assert computing == [] and "2025 年度考核方案已保存" in page.status.text()
    # 放弃: the edits go, the year changes.
    first = editor.table.cellWidget(0, WEIGHT)
    assert isinstance(first, QDoubleSpinBox)
    first.setValue(1)
    _answer("放弃", seen)
    page.year.setValue(2025)
    assert page.year.value() == 2025 and editor.year == 2025 and not editor.dirty
    assert county.run(get_scheme, 2024).id is None
    assert computing == []


def test_a_refused_save_keeps_the_year_and_shows_why(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    build(county)
    page = _page(qtbot, county.db)
    _edit_scheme(page)
    editor = page.scheme_editor
    second = editor.table.cellWidget(1, WEIGHT)
    assert isinstance(second, QDoubleSpinBox)
    second.setValue(40)  # the scored weights no longer add up to 100
    page.tabs.setCurrentIndex(0)
    seen: list[str] = []
    _answer("保存", seen)
    page.year.setValue(2026)
    assert page.year.value() == 2025 and editor.dirty
    assert page.tabs.currentWidget() is editor and "总分 100" in editor.error.text()
    # Leaving the page asks the same way.
    _answer("取消", seen)
    assert not page.can_leave()
    _answer("放弃", seen)
    assert page.can_leave() and not editor.dirty


def test_years_already_scored_are_not_scored_again(qtbot, county: County, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    build(county)
    page = _page(qtbot, county.db)
    assert page.memo is not None and 2024 in page.memo[1]
    scored: list[int] = []
    original = scoring.previous_totals

    def counting(session, year, units, today):  # type: ignore[no-untyped-def]
        scored.append(year)
        return original(session, year, units, today)

    monkeypatch.setattr(scoring, "previous_totals", counting)
    page.compute()
    page.wait()
    assert scored == []  # 2024: from the memo, for the change and the trend alike
    trend = page.charts.trend  # type: ignore[union-attr]
    assert [t.year for t in trend] == [2024, 2025]
    # Published results are a change of the records: the memo starts again.
    page.confirm_publish = lambda _text: True
    assert page.publish()
    page.compute()
    page.wait()
    assert scored == [2024]
