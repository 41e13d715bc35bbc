"""Worker suggestion editor: register and edit, then adopt, forward, reply or decline."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from desktop.core import suggestions as core
from desktop.core.office import local_office
from desktop.core.replies import ReplyLetterDoc, reply_letter
from desktop.db import Database
from desktop.models.enums import Channel, Level
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.choices import enum_combo, select
from desktop.views.editors.registry import editor_for
from desktop.views.form import chosen_unit, date_edit, from_qdate, text_box, to_qdate
from desktop.views.labels import status_text
from desktop.views.unit_picker import UnitPicker


def _reply_letter(session: Session, suggestion_id: int) -> ReplyLetterDoc:
    return reply_letter(session, suggestion_id, date.today())


@editor_for("suggestion")
class SuggestionEditor(RecordEditor):
    machine = "suggestion"
    actions = ("adopt", "forward", "reply", "reject", "reopen")

    def __init__(
        self, db: Database, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, record_id, parent)
        self.setWindowTitle(self.tr("职工建议"))
        f = self.form
        self.channel = f.add("channel", self.tr("渠道"), enum_combo(Channel))
        self.received_on = f.add("received_on", self.tr("收到日期"), date_edit())
        self.unit = f.add("receiving_unit_id", self.tr("受理工会"), UnitPicker(self.db))
        self.target_level = f.add(
            "target_level", self.tr("办理层级"), enum_combo(Level, Level.COUNTY)
        )
        self.anonymous = f.add("anonymous", self.tr("匿名"), QCheckBox(self.tr("建议人不愿留名")))
        self.submitter = f.add("submitter_name", self.tr("建议人"), QLineEdit())
        self.phone = f.add("submitter_phone", self.tr("联系电话"), QLineEdit())
        self.content = f.add("content", self.tr("建议内容"), text_box(120))
        self.status = f.add("status", self.tr("办理情况"), QLineEdit(readOnly=True))
        self.anonymous.toggled.connect(
            lambda on: (self.submitter.setDisabled(on), self.phone.setDisabled(on))
        )
        self.watch(
            self.channel,
            self.received_on,
            self.unit,
            self.target_level,
            self.anonymous,
            self.submitter,
            self.phone,
            self.content,
        )
        # The 答复函 to the worker, drafted from the records (dated its reply, or today).
        self.reply_letter_button = self.add_print_button(self.tr("答复函"), _reply_letter)
        if record_id is not None:
            self.set_dto(self.reload_dto())
        else:
            self.unit.set_unit_id(self.read(local_office).unit_id)
            self.workflow.update_state(None)  # type: ignore[union-attr]

    def load(self, dto: core.SuggestionDTO) -> None:
        select(self.channel, dto.channel)
        self.received_on.setDate(to_qdate(dto.received_on))
        self.unit.set_unit_id(dto.receiving_unit_id)
        select(self.target_level, dto.target_level)
        self.anonymous.setChecked(dto.anonymous)
        self.submitter.setText(dto.submitter_name)
        self.phone.setText(dto.submitter_phone)
        self.content.setPlainText(dto.content)
        status = status_text(dto.status)
        if dto.reply_text:
            status += self.tr("；答复内容：%1").replace("%1", dto.reply_text)
        if dto.not_adopted_reason:
            status += self.tr("；原因：%1").replace("%1", dto.not_adopted_reason)
        self.status.setText(status)
        self.dirty = False

    def _input(self) -> core.SuggestionInput:
        return core.SuggestionInput(
            channel=self.channel.currentData(),
            received_on=from_qdate(self.received_on.date()) or date.today(),
            content=self.content.toPlainText(),
            target_level=self.target_level.currentData(),
            receiving_unit_id=self.unit.unit_id(),
            anonymous=self.anonymous.isChecked(),
            submitter_name=self.submitter.text(),
            submitter_phone=self.phone.text(),
        )

    def store(self, session: Any) -> core.SuggestionDTO:
        if self.record_id is None:
            return core.register_suggestion(session, self._input())
        return core.update_suggestion(session, self.record_id, self._input())

    def reload_dto(self) -> core.SuggestionDTO:
        return self.read(core.get_suggestion, self.record_id)

    def perform(self, action: str) -> Any:
        sid = self.record_id
        if action == "adopt":
            title = QLineEdit(self.content.toPlainText().strip()[:40])
            return self.ask(
                self.tr("采纳为议题"),
                [("topic_title", self.tr("新议题标题"), title)],
                lambda v: (
                    lambda s: core.adopt_suggestion(
                        s,
                        sid,
                        new_topic_title=v["topic_title"],
                        union_unit_id=self.unit.unit_id() or local_office(s).unit_id,
                    )
                ),
            )
        if action == "forward":
            return self.ask(
                self.tr("转办"),
                [("unit_id", self.tr("转办单位"), UnitPicker(self.db))],
                lambda v: lambda s: core.forward_suggestion(s, sid, chosen_unit(v, "unit_id")),
            )
        if action == "reply":
            return self.ask(
                self.tr("答复职工"),
                [
                    ("reply_text", self.tr("答复内容"), text_box()),
                    ("replied_on", self.tr("答复日期"), date_edit()),
                ],
                lambda v: lambda s: core.reply_to_worker(s, sid, v["reply_text"], v["replied_on"]),
            )
        if action == "reject":
            return self.ask(
                self.tr("不予采纳"),
                [("reason", self.tr("原因"), text_box())],
                lambda v: lambda s: core.reject_suggestion(s, sid, v["reason"]),
            )
        if action == "reopen":
            return self.attempt(core.reopen_suggestion, sid)
        raise KeyError(action)
