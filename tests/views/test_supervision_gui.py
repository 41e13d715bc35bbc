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
    assert page.escalations.item(0, 3).text() == "10"  # working days late
    assert page.escalations.item(0, 4).text() == "发催办单"
    editor = page.take_step(0)
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.notice_kind.currentData() == NoticeKind.REMINDER
    assert editor.checked_items() == (item_id,)
    editor.requirements.setPlainText("请于五个工作日内反馈进展。")
    assert editor.save()
    assert editor.number.text().startswith("滨工联催〔")
    page.wait_for_checks()
    assert page.escalations.item(0, 4).text() == "发督办通知书"
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
    assert editor.number.text().endswith("（第1期）")
    actions = [e.action for e in county.run(items.get_item, late).timeline]
    assert actions[-1] == "criticism"
