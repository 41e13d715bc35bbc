"""Typed work is never lost: one Save keeps every tab of an editor; closing with changes asks."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktop.core.meeting_dto import ParticipantInput
from desktop.core.meetings import get_meeting
from desktop.models.enums import AttendanceRole, MentionKind, WorkingGroupKind
from desktop.views.editors.bulletin_editor import BulletinEditor
from desktop.views.editors.item_editor import ItemEditor
from desktop.views.editors.meeting_editor import MeetingEditor
from desktop.views.editors.notice_editor import NoticeEditor
from desktop.views.main_window import MainWindow
from tests.conftest import County
from tests.core.helpers import assigned_item, held_meeting, planned_meeting, vetted_topic
from tests.views.dialogs import answer_questions

PEOPLE = (
    ParticipantInput("王县长", AttendanceRole.ATTENDED, unit_name="滨海县人民政府", title="县长"),
    ParticipantInput("李主席", AttendanceRole.ATTENDED, unit_name="滨海县总工会", title="主席"),
    ParticipantInput(
        "张局长", AttendanceRole.ABSENT, unit_name="县财政局", title="局长", absence_reason="出差"
    ),
)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every unsaved-changes question, answered Cancel."""
    return answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)


def add_people(editor: MeetingEditor) -> None:
    """As a clerk does it: 添加, then type the cells."""
    for person in PEOPLE:
        editor.add_participant()
        row = editor.people.rowCount() - 1
        editor.people.item(row, 0).setText(person.name)
        role = editor.people.cellWidget(row, 1)
        role.setCurrentIndex(role.findData(person.role))
        editor.people.item(row, 2).setText(person.unit_name)
        editor.people.item(row, 3).setText(person.title)
        editor.people.item(row, 4).setText(person.absence_reason)


def type_every_tab(editor: MeetingEditor) -> None:
    editor.place.setText("县政府第二会议室")
    editor.place.textEdited.emit("县政府第二会议室")
    add_people(editor)
    editor.groups[WorkingGroupKind.MATERIALS].setText("王明、李华")
    editor.groups[WorkingGroupKind.MATERIALS].textEdited.emit("王明、李华")
    editor.minutes.setPlainText("会议研究了劳动竞赛奖金问题。")


def test_meeting_one_save_keeps_every_tab(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    topic = vetted_topic(county)
    editor = MeetingEditor(county.db, planned_meeting(county))
    qtbot.addWidget(editor)
    type_every_tab(editor)
    assert editor.dirty
    editor.schedule(topic)  # the agenda is stored at once: what was typed is saved first
    assert editor.agenda.count() == 1 and editor.people.rowCount() == 3
    editor.minutes.setPlainText("会议研究了劳动竞赛奖金问题，形成一致意见。")
    assert editor.dirty
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert not editor.dirty
    editor.close()

    again = MeetingEditor(county.db, editor.record_id)
    qtbot.addWidget(again)
    assert again.participants() == list(PEOPLE)
    assert again.place.text() == "县政府第二会议室"
    assert again.groups[WorkingGroupKind.MATERIALS].text() == "王明、李华"
    assert again.minutes.toPlainText() == "会议研究了劳动竞赛奖金问题，形成一致意见。"
    assert again.agenda.count() == 1
    assert not again.dirty


def test_new_meeting_keeps_what_was_typed_in_its_tabs(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    editor = MeetingEditor(county.db)
    qtbot.addWidget(editor)
    assert not editor.tabs.isTabEnabled(editor.agenda_tab)  # needs a stored meeting
    editor.partner_unit.setText("滨海县人民政府")
    editor.partner.setText("滨海县人民政府")
    type_every_tab(editor)
    assert editor.save()
    assert editor.tabs.isTabEnabled(editor.agenda_tab)
    again = MeetingEditor(county.db, editor.record_id)
    qtbot.addWidget(again)
    assert again.participants() == list(PEOPLE)
    assert again.minutes.toPlainText() == "会议研究了劳动竞赛奖金问题。"


@pytest.mark.parametrize("tab", ["participants", "groups", "minutes"])
def test_meeting_asks_before_closing_with_changes_in_any_tab(
    qtbot, county: County, asked, tab
) -> None:  # type: ignore[no-untyped-def]
    editor = MeetingEditor(county.db, planned_meeting(county))
    qtbot.addWidget(editor)
    editor.show()
    if tab == "participants":
        editor.add_participant()
        editor.people.item(0, 0).setText("王县长")
    elif tab == "groups":
        editor.groups[WorkingGroupKind.TOPICS].textEdited.emit("王明")
    else:
        editor.minutes.setPlainText("纪要正文")
    editor.buttons.button(editor.buttons.StandardButton.Close).click()
    assert asked == ["有未保存的修改。要保存吗？"]
    assert editor.isVisible()  # Cancel: the editor and its text stay
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert len(asked) == 2 and editor.isVisible()


def test_saving_an_item_from_the_meeting_keeps_typed_minutes(qtbot, county: County, asked) -> None:  # type: ignore[no-untyped-def]
    meeting = MeetingEditor(county.db, held_meeting(county)[0])
    qtbot.addWidget(meeting)
    meeting.minutes.setPlainText("尚未保存的纪要")
    item = meeting.open_item(None)
    qtbot.addWidget(item)
    item.text.setPlainText("将劳动竞赛奖金列入政府年度奖励基金")
    item.lead.setText("县财政局")
    assert item.save()
    assert meeting.items.count() == 1
    assert meeting.minutes.toPlainText() == "尚未保存的纪要" and meeting.dirty
    meeting.dirty = False


def test_item_cooperating_units_saved_with_the_item(qtbot, county: County, asked) -> None:  # type: ignore[no-untyped-def]
    item_id = assigned_item(county)
    editor = ItemEditor(county.db, item_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.coop_picker.setText("滨海县人民政府")
    editor._add_coop()
    editor.reject()
    assert asked == ["有未保存的修改。要保存吗？"] and editor.isVisible()
    assert editor.save()
    again = ItemEditor(county.db, item_id)
    qtbot.addWidget(again)
    assert set(again.dto.cooperating_unit_names) == {"县财政局", "滨海县人民政府"}


def test_bulletin_with_mentions_asks_before_closing(qtbot, county: County, asked) -> None:  # type: ignore[no-untyped-def]
    editor = BulletinEditor(county.db)
    qtbot.addWidget(editor)
    editor.show()
    editor.add_mention(county.hrss, "县人社局", MentionKind.COMMENDATION, "按时办结")
    editor.reject()
    assert asked == ["有未保存的修改。要保存吗？"] and editor.isVisible()


def test_closing_the_window_asks_for_an_open_editor(qtbot, county: County, asked) -> None:  # type: ignore[no-untyped-def]
    meeting_id = planned_meeting(county)
    window = MainWindow(county.db, today=date(2026, 11, 21))
    qtbot.addWidget(window)
    window.show()
    editor = window.open_record("meeting", meeting_id)
    editor.minutes.setPlainText("纪要正文")
    assert not window.close()
    assert asked == ["有未保存的修改。要保存吗？"]
    assert window.isVisible() and editor.isVisible()
    editor.dirty = False
    assert window.close()


def test_ticking_an_item_on_a_new_notice_counts_as_unsaved(qtbot, county: County, asked) -> None:  # type: ignore[no-untyped-def]
    item_id = assigned_item(county)
    editor = NoticeEditor(county.db, target_unit_id=county.hrss)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.dirty  # what the window proposes is not typing
    entry = editor.items.item(0)
    assert entry.data(Qt.ItemDataRole.UserRole) == item_id
    entry.setCheckState(Qt.CheckState.Checked)
    editor.reject()
    assert asked == ["有未保存的修改。要保存吗？"] and editor.isVisible()
    editor.dirty = False


def test_bulletin_mentions_are_issued_with_it(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    editor = BulletinEditor(county.db)
    qtbot.addWidget(editor)
    editor.title_edit.setText("关于议定事项落实情况的督查通报")
    editor.content.setPlainText("通报如下。")
    editor.add_mention(county.hrss, "县人社局", MentionKind.COMMENDATION, "按时办结")
    assert editor.save()  # 保存草稿: one action for the text and the list
    again = BulletinEditor(county.db, editor.record_id)
    qtbot.addWidget(again)
    assert again.mentions.count() == 1 and "县人社局" in again.mentions.item(0).text()


def test_undo_of_a_meeting_save_takes_back_every_tab(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    meeting_id = planned_meeting(county)
    editor = MeetingEditor(county.db, meeting_id)
    qtbot.addWidget(editor)
    type_every_tab(editor)
    assert editor.save()
    editor.undo_stack.undo()
    undone = county.run(get_meeting, meeting_id)
    assert undone.participants == () and undone.working_groups == ()
    assert undone.minutes_text == "" and undone.place == "县政府第一会议室"
    editor.undo_stack.redo()
    redone = county.run(get_meeting, meeting_id)
    assert [p.name for p in redone.participants] == [p.name for p in PEOPLE]
    assert dict(redone.working_groups)[WorkingGroupKind.MATERIALS] == "王明、李华"


def test_items_added_from_the_meeting_show_in_the_list_and_its_count(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    meeting_id, _topic = held_meeting(county)
    window = MainWindow(county.db, today=date(2026, 11, 21))
    qtbot.addWidget(window)
    items = window.pages[window.page_keys.index("item")]
    assert items.model.total == 0
    meeting = window.open_record("meeting", meeting_id)
    for text in ("将劳动竞赛奖金列入政府年度奖励基金", "市长担任劳动竞赛领导小组组长"):
        item = meeting.open_item(None)
        item.text.setPlainText(text)
        item.lead.setText("县财政局")
        assert item.save()
        item.close()
    assert items.model.total == 2  # no F5 needed
    assert window.nav.item(window.page_keys.index("item")).text() == "议定事项（2）"
