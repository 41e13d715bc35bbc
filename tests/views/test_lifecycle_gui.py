"""The whole cycle driven through the real editors, and the error paths a clerk can hit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core import items as items_core
from desktop.core import suggestions as suggestions_core
from desktop.core.listing import list_records, show_record
from desktop.core.meeting_dto import ParticipantInput
from desktop.models.enums import (
    AttendanceRole,
    Channel,
    ItemStatus,
    Level,
    MeetingStatus,
    SuggestionStatus,
    TopicStatus,
)
from desktop.views.editors.meeting_editor import MeetingEditor
from desktop.views.editors.suggestion_editor import SuggestionEditor
from desktop.views.editors.topic_editor import TopicEditor
from desktop.views.form import AskDialog
from desktop.views.main_window import MainWindow
from tests.conftest import County
from tests.core.helpers import held_meeting
from tests.views.dialogs import answering


def step(editor, action: str, values: dict | None = None, **kw) -> None:  # type: ignore[no-untyped-def]
    if values is not None:
        answering(values, **kw)
    button = editor.workflow.buttons[action]
    assert button.isEnabled(), (action, button.toolTip())
    button.click()


def test_whole_cycle_in_the_window(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(county.db, today=date(2026, 11, 21))
    qtbot.addWidget(window)
    page = window.show_page("职工建议")
    editor = page.open_editor(None)
    qtbot.addWidget(editor)
    editor.content.setPlainText("建议将劳动竞赛奖金列入政府年度奖励基金")
    editor.received_on.setDate(editor.received_on.date().fromString("2026-03-01", "yyyy-MM-dd"))
    assert not editor.workflow.buttons["adopt"].isEnabled()  # not saved yet
    assert editor.workflow.buttons["adopt"].toolTip() == "请先保存记录。"
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert editor.record_id is not None and not editor.dirty
    assert page.model.total == 1  # the list refreshed
    step(editor, "adopt", {"topic_title": "劳动竞赛奖金列入政府奖励基金"})
    assert editor.dto.status == SuggestionStatus.ADOPTED
    topic_id = editor.dto.topic_id

    topic = TopicEditor(county.db, topic_id)
    qtbot.addWidget(topic)
    step(
        topic,
        "start_research",
        {"visited_on": date(2026, 3, 5), "place": "县经济开发区", "findings": "企业普遍支持"},
    )
    step(topic, "vet", {"vetted_on": date(2026, 3, 10), "vetting_conclusion": "提交联席会议"})
    answering(
        {"consulted_on": date(2026, 3, 12), "opinion": "同意列入预算"},
        then=lambda d: d.form.fields["department_unit_id"].setText("县财政局"),
    )
    topic.workflow.buttons["mark_consulted"].click()
    assert topic.dto.status == TopicStatus.CONSULTED
    assert topic.history.count() == 3

    meeting = MeetingEditor(county.db)
    qtbot.addWidget(meeting)
    meeting.partner_unit.setText("滨海县人民政府")
    meeting.partner.setText("滨海县人民政府")
    meeting.planned_on.setDate(meeting.planned_on.date().fromString("2026-04-01", "yyyy-MM-dd"))
    assert meeting.save()
    assert meeting.available.count() == 1
    meeting.available.item(0).setSelected(True)
    meeting.schedule(int(meeting.available.item(0).data(Qt.ItemDataRole.UserRole)))
    assert meeting.agenda.count() == 1 and meeting.available.count() == 0
    meeting._add_person(
        ParticipantInput(
            "王县长", AttendanceRole.ATTENDED, unit_name="滨海县人民政府", title="县长"
        )
    )
    assert meeting.save()
    assert meeting.dto.participants[0].name == "王县长"
    step(meeting, "hold", {"held_on": date(2026, 4, 1)})
    assert meeting.dto.status == MeetingStatus.HELD

    item = meeting.open_item(None)
    qtbot.addWidget(item)
    item.text.setPlainText("将劳动竞赛奖金列入政府年度奖励基金")
    item.lead.setText("县财政局")
    item.coop_picker.setText("县人社局")
    item._add_coop()
    item.deadline.setDate(item.deadline.date().fromString("2026-06-30", "yyyy-MM-dd"))
    assert item.save()
    assert meeting.items.count() == 1  # the meeting editor heard about it
    step(item, "assign", {"on": date(2026, 4, 2)})
    step(
        item,
        "report_progress",
        {
            "on": date(2026, 5, 10),
            "text": "已列入预算草案",
            "percent_done": 60,
            "figures": "奖金=200000元",
        },
    )
    step(item, "complete", {"on": date(2026, 6, 20)})
    assert not item.workflow.buttons["complete"].isEnabled()
    assert "不能执行“办结”" in item.workflow.buttons["complete"].toolTip()
    step(item, "verify", {"on": date(2026, 6, 25), "note": "经核实已落实"})
    assert item.dto.status == ItemStatus.VERIFIED
    assert item.dto.cooperating_unit_names == ("县人社局",)
    assert item.dto.feedback[0].figures[0].number == 200000
    assert item.timeline.count() == 5  # four steps and one feedback
    for button in item.workflow.buttons.values():
        assert not button.isEnabled()


def test_invalid_field_shows_its_message_and_saves_nothing(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    editor = SuggestionEditor(county.db)
    qtbot.addWidget(editor)
    assert not editor.save()
    assert editor.form.errors["content"].text() == "「内容」不能为空。"
    assert editor.form.errors["content"].isVisible() or not editor.isVisible()
    with county.db.unit_of_work() as s:
        assert list_records(s, "suggestion").total == 0


def test_refused_step_keeps_dialog_open_and_cancel_changes_nothing(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    sid = county.run(
        suggestions_core.register_suggestion,
        suggestions_core.SuggestionInput(Channel.LETTER, date(2026, 3, 1), "建议", Level.COUNTY),
    ).id
    editor = SuggestionEditor(county.db, sid)
    qtbot.addWidget(editor)
    refusals: list[str] = []

    def cancel_after_refusal() -> None:
        # The empty reason was refused: the dialog is still open with the message beside the field.
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AskDialog)
        refusals.append(dialog.form.errors["reason"].text())
        dialog.reject()

    answering({"reason": ""})
    QTimer.singleShot(300, cancel_after_refusal)
    editor.workflow.buttons["reject"].click()
    assert refusals == ["「原因」不能为空。"]
    assert county.run(suggestions_core.get_suggestion, sid).status == SuggestionStatus.REGISTERED


def test_item_assignment_needs_a_lead_unit(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    meeting_id, _ = held_meeting(county)
    draft = county.run(items_core.create_item, items_core.ItemInput(meeting_id, "草拟事项"))
    meeting = MeetingEditor(county.db, meeting_id)
    qtbot.addWidget(meeting)
    editor = meeting.open_item(draft.id)
    qtbot.addWidget(editor)
    editor.lead.setText("不存在的单位")
    assert not editor.save()
    assert editor.form.errors["lead_unit_id"].text().startswith("请从列表中选择「牵头单位」")
    with county.db.unit_of_work() as s:
        assert show_record(s, "item", draft.id)["lead_unit_id"] is None


def test_undo_and_redo_an_edit_from_the_window(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(county.db, today=date(2026, 11, 21))
    qtbot.addWidget(window)
    page = window.show_page("单位名录")
    editor = page.open_editor(county.hrss)
    qtbot.addWidget(editor)
    editor.contact.setText("李科长")
    editor.phone.setText("0515-84100000")
    assert editor.save()
    with county.db.unit_of_work() as s:
        assert show_record(s, "unit", county.hrss)["contact_person"] == "李科长"
    editor.close()
    window.undo_stack.undo()
    with county.db.unit_of_work() as s:
        shown = show_record(s, "unit", county.hrss)
    assert (shown["contact_person"], shown["contact_phone"]) == ("", "")
    assert window.undo_stack.canRedo()
    window.undo_stack.redo()
    with county.db.unit_of_work() as s:
        assert show_record(s, "unit", county.hrss)["contact_person"] == "李科长"


def test_closing_with_unsaved_changes_and_discarding_keeps_the_data(
    qtbot, county: County, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    editor = TopicEditor(county.db, held_meeting(county)[1])
    qtbot.addWidget(editor)
    editor.title_edit.setText("改过的标题")
    editor.title_edit.textEdited.emit("改过的标题")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Discard,
    )
    editor.reject()
    assert asked == ["有未保存的修改。要保存吗？"]
    with county.db.unit_of_work() as s:
        assert (
            show_record(s, "topic", editor.record_id)["title"] == "劳动竞赛奖金列入政府年度奖励基金"
        )


def test_attachments_in_an_editor(qtbot, county: County, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _meeting, topic_id = held_meeting(county)
    editor = TopicEditor(county.db, topic_id)
    qtbot.addWidget(editor)
    source = tmp_path / "调研报告.txt"
    source.write_text("调研发现：企业普遍支持。", encoding="utf-8")
    assert editor.attachments.add_files([source]) == 1
    assert editor.attachments.list.count() == 1
    out = tmp_path / "out.txt"
    attachment_id = editor.attachments.list.item(0).data(Qt.ItemDataRole.UserRole)
    assert editor.attachments.save_to(attachment_id, out)
    assert out.read_text(encoding="utf-8") == "调研发现：企业普遍支持。"
