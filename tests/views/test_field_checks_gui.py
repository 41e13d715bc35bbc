"""Input checked at the field, in clear Chinese: phones, impossible dates, blank dates, completer."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from desktop.core.meetings import get_meeting
from desktop.views.editors.meeting_editor import MeetingEditor
from desktop.views.editors.notice_editor import NoticeEditor
from desktop.views.editors.suggestion_editor import SuggestionEditor
from desktop.views.form import date_edit
from tests.conftest import County
from tests.core.helpers import assigned_item


def test_a_mistyped_phone_is_refused_beside_the_field(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    editor = SuggestionEditor(county.db)
    qtbot.addWidget(editor)
    editor.content.setPlainText("建议增设职工书屋")
    editor.form.fields["submitter_phone"].setText("1381234567x")
    assert not editor.save()
    error = editor.form.errors["submitter_phone"]
    assert not error.isHidden() and "不是有效的电话号码" in error.text()
    editor.form.fields["submitter_phone"].setText("13812345678")
    assert editor.save()


# The refusal pops up as a tooltip, which the offscreen plugin cannot raise.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_month_13_is_refused_with_a_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = date_edit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.setCurrentSection(edit.Section.MonthSection)
    QTest.keyClicks(edit, "13")
    assert edit.date().month() != 13
    assert "月份为 1–12" in edit.refusal


def test_a_meeting_date_can_be_left_blank(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    editor = MeetingEditor(county.db)
    qtbot.addWidget(editor)
    editor.partner_unit.setText("滨海县人民政府")
    editor.planned_on.blank.setChecked(True)
    assert editor.save()
    assert county.run(get_meeting, editor.record_id).planned_on is None
    assert editor.planned_on.value() is None


def test_arrowing_through_the_partner_completer_does_not_keep_the_union(
    qtbot, county: County
) -> None:  # type: ignore[no-untyped-def]
    editor = MeetingEditor(county.db)
    qtbot.addWidget(editor)
    editor.partner_unit.setText("滨海县总工会")  # highlighted on the way down the list
    editor.partner_unit.setText("滨海县人民政府")  # the one chosen
    assert editor.partner.text() == "滨海县人民政府"
    editor.partner.setText("滨海县人民政府办公室")  # typed by the clerk: kept
    editor.partner_unit.setText("县财政局")
    assert editor.partner.text() == "滨海县人民政府办公室"
    editor.dirty = False


def test_an_issued_notice_without_a_feedback_deadline_shows_none(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    item_id = assigned_item(county)
    editor = NoticeEditor(county.db, target_unit_id=county.hrss, item_ids=(item_id,))
    qtbot.addWidget(editor)
    editor.feedback_deadline.blank.setChecked(True)  # 暂不填写
    assert editor.save()
    again = NoticeEditor(county.db, editor.record_id)
    qtbot.addWidget(again)
    assert again.feedback_deadline.value() is None and again.feedback_deadline.blank.isChecked()
