"""The bulletin editor: 保存草稿 keeps a draft, 提交审核 hands it on, 印发 is a reviewer's."""

from __future__ import annotations

from datetime import date

from desktop.core import supervision
from desktop.core.permissions import Actor, act_as
from desktop.models.enums import MentionKind, Role
from desktop.views.editors.bulletin_editor import BulletinEditor
from desktop.views.form import to_qdate
from tests.conftest import County


def _drafted(qtbot, county: County) -> BulletinEditor:  # type: ignore[no-untyped-def]
    editor = BulletinEditor(county.db)
    qtbot.addWidget(editor)
    editor.title_edit.setText("关于议定事项落实情况的督查通报")
    editor.period_start.setDate(to_qdate(date(2026, 7, 1)))
    editor.period_end.setDate(to_qdate(date(2026, 9, 30)))
    editor.issued_on.setDate(to_qdate(date(2026, 10, 8)))
    editor.add_mention(county.hrss, "县人社局", MentionKind.COMMENDATION, "按时办结")
    return editor


def test_a_draft_is_submitted_then_issued_with_its_number(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    editor = _drafted(qtbot, county)
    save = editor.buttons.button(editor.buttons.StandardButton.Save)
    assert save.text() == "保存草稿"
    assert not editor.workflow.buttons["submit_for_review"].isEnabled()  # not saved yet
    assert editor.save()
    assert editor.state.text() == "草稿" and editor.number.text() == ""
    assert editor.workflow.buttons["submit_for_review"].isEnabled()
    editor.workflow.buttons["submit_for_review"].click()
    assert editor.state.text() == "待审核"
    assert not save.isEnabled() and not editor.title_edit.isEnabled()
    assert editor.workflow.buttons["return_to_draft"].isEnabled()
    editor.workflow.buttons["issue"].click()
    assert editor.state.text() == "已印发"
    assert editor.number.text() == "滨工联通〔2026〕1号（第1期）"
    assert not any(b.isEnabled() for b in editor.workflow.buttons.values())
    assert county.run(supervision.get_bulletin, editor.record_id).issued_on == date(2026, 10, 8)


def test_a_clerk_submits_but_may_not_issue(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    act_as(county.db.sessions, Actor("xiaowang", Role.CLERK))
    editor = _drafted(qtbot, county)
    assert editor.save()
    issue = editor.workflow.buttons["issue"]
    assert not issue.isEnabled() and "印发文书" in issue.toolTip()
    editor.workflow.buttons["submit_for_review"].click()
    assert editor.state.text() == "待审核"
    assert not editor.workflow.buttons["issue"].isEnabled()
    assert not editor.workflow.buttons["return_to_draft"].isEnabled()
    assert county.run(supervision.get_bulletin, editor.record_id).number == ""
