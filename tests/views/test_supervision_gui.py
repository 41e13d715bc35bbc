"""The supervision page: escalation suggestions issue the right document, formalism flags show."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoStack

from desktop.models.enums import NoticeKind
from desktop.views.supervision_page import SupervisionPage
from tests.conftest import County
from tests.core.helpers import assigned_item

TODAY = date(2026, 11, 20)


def test_escalation_step_issues_a_numbered_notice(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    item_id = assigned_item(county, deadline=date(2026, 11, 6))
    page = SupervisionPage(county.db, TODAY, QUndoStack())
    qtbot.addWidget(page)
    page.wait_for_checks()
    assert page.escalations.rowCount() == 1
    assert page.escalations.text(0, 3) == "10"  # working days late
    assert page.escalations.text(0, 4) == "发催办单"
    # The list says what it covers: the county's own and its townships' meetings.
    assert page.escalations.scope.text().startswith("督办范围：县级、乡镇、街道、产业联席会议")
    editor = page.take_step(0)
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.notice_kind.currentData() == NoticeKind.REMINDER
    assert editor.checked_items() == (item_id,)
    editor.requirements.setPlainText("请于五个工作日内反馈进展。")
    assert editor.save()
    assert editor.number.text().startswith("滨工联催〔")
    page.wait_for_checks()
    assert page.escalations.rowCount() == 0  # the reminder now waits its reply period
    assert page.documents.model.total == 1


def test_formalism_flags_are_listed(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    from tests.core.helpers import held_meeting

    held_meeting(county)  # held 2026-04-01 with no agreed item
    page = SupervisionPage(county.db, TODAY, QUndoStack())
    qtbot.addWidget(page)
    page.wait_for_checks()
    texts = [page.flags.item(r, 2).text() for r in range(page.flags.rowCount())]
    assert "2026-04-01 召开的第1次会议没有形成任何议定事项" in texts


def test_bulletin_proposes_lists_from_statistics_and_issues(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    from desktop.core import items
    from desktop.views.editors.bulletin_editor import BulletinEditor
    from desktop.views.form import to_qdate

    late = assigned_item(county, deadline=date(2026, 6, 1))
    editor = BulletinEditor(county.db)
    qtbot.addWidget(editor)
    editor.period_start.setDate(to_qdate(date(2026, 4, 1)))
    editor.period_end.setDate(to_qdate(date(2026, 9, 30)))
    editor.issued_on.setDate(to_qdate(date(2026, 10, 8)))
    editor.fill_from_statistics()
    assert "县人社局：到期 1 项，办结 0 项" in editor.content.toPlainText()
    assert editor.mentions.count() == 1
    assert editor.mentions.item(0).text().startswith("通报批评：县人社局")
    assert editor.save()
    assert editor.number.text() == ""  # a draft: no number taken, no criticism logged yet
    assert "criticism" not in [e.action for e in county.run(items.get_item, late).timeline]
    editor.workflow.buttons["issue"].click()
    assert editor.number.text().endswith("（第1期）")
    actions = [e.action for e in county.run(items.get_item, late).timeline]
    assert actions[-1] == "criticism"


def test_criticism_opens_a_bulletin_with_the_unit_proposed(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    from desktop.core import supervision
    from desktop.views.editors.bulletin_editor import BulletinEditor

    item_id = assigned_item(county, deadline=date(2026, 9, 1))
    county.run(
        supervision.issue_notice,
        supervision.NoticeInput(
            NoticeKind.RECTIFICATION,
            county.hrss,
            (item_id,),
            date(2026, 10, 8),
            problem="进展缓慢",
            rectify_deadline=date(2026, 10, 30),
        ),
        today=date(2026, 10, 8),
    )
    page = SupervisionPage(county.db, TODAY, QUndoStack())
    qtbot.addWidget(page)
    page.wait_for_checks()
    assert page.escalations.text(0, 4) == "列入通报批评"
    assert page.escalations.text(0, 5).startswith("整改通知后等待期满（2026-10-30）")
    bulletin = page.take_step(0)
    qtbot.addWidget(bulletin)
    assert isinstance(bulletin, BulletinEditor)
    assert bulletin.mentions.count() == 1
    assert bulletin.mentions.item(0).text().startswith("通报批评：县人社局")
    bulletin.dirty = False  # closing at the end of the test is not the clerk's decision


def test_extension_requests_are_decided_in_place(qtbot, county: County, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from desktop.core import items

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))

    first = assigned_item(county, deadline=date(2026, 12, 31))
    second = assigned_item(county, deadline=date(2026, 12, 31))
    for item_id, on in ((second, date(2026, 10, 9)), (first, date(2026, 11, 2))):
        county.run(
            items.request_extension,
            item_id,
            new_deadline=date(2027, 3, 31),
            reason="资金未到位",
            on=on,
        )
    page = SupervisionPage(county.db, TODAY, QUndoStack())
    qtbot.addWidget(page)
    queue = page.extensions
    assert queue.table.rowCount() == 2
    assert queue.table.item(0, 4).text() == "2026-10-09"  # the longest waiting first
    assert queue.approve(0)
    assert county.run(items.get_item, second).deadline == date(2027, 3, 31)
    assert queue.table.rowCount() == 1
    assert not queue.refuse(0, "")  # a refusal needs its reason
    assert told == ["「原因」不能为空。"]
    assert queue.refuse(0, "时限不宜再延")
    assert queue.table.rowCount() == 0
    assert queue.summary.text() == "没有待批的延期申请。"


def test_every_late_item_is_listed_searched_filtered_and_reminded_in_one_batch(  # type: ignore[no-untyped-def]
    qtbot, county: County, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.core import supervision
    from desktop.core.escalation import Step

    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    late = [assigned_item(county, deadline=date(2026, 11, 6)) for _ in range(3)]
    county.run(
        supervision.issue_notice,
        supervision.NoticeInput(NoticeKind.REMINDER, county.hrss, (late[2],), date(2026, 11, 9)),
        today=date(2026, 11, 9),
    )
    page = SupervisionPage(county.db, TODAY, QUndoStack())
    qtbot.addWidget(page)
    page.wait_for_checks()
    rows = page.escalations
    assert rows.rowCount() == 3
    assert "共 3 项" in rows.count.text()
    rows.step.setCurrentIndex(rows.step.findData(Step.SUPERVISION))
    assert rows.rowCount() == 1 and rows.suggestion(0).item_id == late[2]
    assert "筛选后 1 项" in rows.count.text()
    rows.step.setCurrentIndex(rows.step.findData(Step.REMINDER))
    rows.search.setText("不存在的事项")
    assert rows.rowCount() == 0
    rows.search.setText("县人社")
    assert rows.rowCount() == 2
    rows.select_rows([0, 1])
    assert rows.batch.isEnabled() and "批量催办" in rows.batch.text()
    rows.batch.click()
    page.wait_for_checks()
    assert "已按牵头单位印发 1 份催办单，涉及事项 2 项" in page.checking.text()
    assert "估算" not in page.checking.text()  # 2026's holidays are known: the date is exact
    rows.search.setText("")
    rows.step.setCurrentIndex(0)
    assert {rows.suggestion(r).item_id for r in range(rows.rowCount())} == {late[2]}


def test_a_batch_says_when_its_reply_deadline_is_only_estimated(  # type: ignore[no-untyped-def]
    qtbot, county: County, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    for _ in range(2):
        assigned_item(county, deadline=date(2026, 11, 6))
    # Issued on 28 December 2026, the five working days run into 2027, a year the holiday
    # calendar does not hold.
    page = SupervisionPage(county.db, date(2026, 12, 28), QUndoStack())
    qtbot.addWidget(page)
    page.wait_for_checks()
    rows = page.escalations
    rows.select_rows([0, 1])
    rows.batch.click()
    page.wait_for_checks()
    said = page.checking.text()
    assert "反馈时限 2027-01-04" in said
    assert "反馈时限为估算：节假日安排未覆盖2027年" in said
