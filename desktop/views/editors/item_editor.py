"""Agreed item editor: text, lead and cooperating units, deadline, target; feedback and timeline."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop.core import items as core
from desktop.core.errors import InvalidInput
from desktop.core.meetings import get_meeting
from desktop.core.traffic import ItemFacts, light_of
from desktop.db import Database
from desktop.messages import message
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.registry import editor_for
from desktop.views.form import date_edit, from_qdate, percent_box, text_box, to_qdate
from desktop.views.itemmodels.record_table_model import LIGHT_LOOK
from desktop.views.labels import action_text, estimated_mark, fill, status_text
from desktop.views.unit_picker import UnitPicker

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole


@editor_for("item")
class ItemEditor(RecordEditor):
    machine = "item"
    actions = (
        "assign",
        "report_progress",
        "request_extension",
        "approve_extension",
        "refuse_extension",
        "complete",
        "send_back",
        "verify",
        "cancel",
    )

    def __init__(
        self,
        db: Database,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        meeting_id: int | None = None,
        topic_id: int | None = None,
    ) -> None:
        super().__init__(db, record_id, parent)
        self.setWindowTitle(self.tr("议定事项"))
        self.meeting_id = meeting_id
        self.topic_id = topic_id
        f = self.form
        self.meeting = f.add("meeting_id", self.tr("所属会议"), QLabel())
        self.text = f.add("text", self.tr("事项内容"), text_box(70))
        self.lead = f.add("lead_unit_id", self.tr("牵头单位"), UnitPicker(self.db))
        coop_box = QWidget()
        row = QHBoxLayout(coop_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.coop_picker = UnitPicker(self.db)
        add = QPushButton(self.tr("添加"))
        remove = QPushButton(self.tr("移除"))
        row.addWidget(self.coop_picker, 1)
        row.addWidget(add)
        row.addWidget(remove)
        self.coop_list = QListWidget()
        self.coop_list.setMaximumHeight(70)
        f.add("cooperating_unit_ids", self.tr("配合单位"), coop_box)
        f.layout_.addRow("", self.coop_list)
        add.clicked.connect(self._add_coop)
        remove.clicked.connect(self._remove_coop)
        self.has_deadline = QCheckBox(self.tr("有完成时限"))
        self.has_deadline.setChecked(True)
        self.deadline = f.add(
            "deadline", self.tr("完成时限"), date_edit(date.today() + timedelta(days=90))
        )
        f.layout_.addRow("", self.has_deadline)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.target_text = f.add("target_text", self.tr("目标"), QLineEdit())
        self.target_number = f.add(
            "target_number",
            self.tr("目标数值"),
            QDoubleSpinBox(maximum=1e11, decimals=2, specialValueText=self.tr("无")),
        )
        self.target_unit = f.add("target_unit", self.tr("计量单位"), QLineEdit())
        self.status = f.add("status", self.tr("状态"), QLineEdit(readOnly=True))
        self.timeline = QListWidget()
        self.timeline.setObjectName("item_timeline")
        self.body.addWidget(QLabel(self.tr("办理过程：")))
        self.body.addWidget(self.timeline)
        self.watch(
            self.text,
            self.lead,
            self.deadline,
            self.has_deadline,
            self.target_text,
            self.target_unit,
        )
        self.target_number.valueChanged.connect(self._mark_dirty)
        if record_id is not None:
            self.set_dto(self.reload_dto())
        else:
            self.meeting.setText(self.meeting_caption(meeting_id))
            self.workflow.update_state(None)  # type: ignore[union-attr]

    def meeting_caption(self, meeting_id: int | None) -> str:
        """The meeting as the clerk knows it: 第24次联席会议（滨海县人民政府，2026-04-01）."""
        if meeting_id is None:
            return ""
        m = self.read(get_meeting, meeting_id)
        day = m.held_on or m.planned_on
        return fill(
            self.tr("第%1次联席会议（%2，%3）"),
            m.series_number,
            m.partner_name,
            day.isoformat() if day else self.tr("日期未定"),
        )

    def _add_coop(self) -> None:
        unit_id = self.coop_picker.unit_id()
        existing = {
            self.coop_list.item(i).data(UNIT_ID_ROLE) for i in range(self.coop_list.count())
        }
        if unit_id is not None and unit_id not in existing:
            item = QListWidgetItem(self.coop_picker.text())
            item.setData(UNIT_ID_ROLE, unit_id)
            self.coop_list.addItem(item)
            self.coop_picker.clear()
            self.dirty = True

    def _remove_coop(self) -> None:
        for item in self.coop_list.selectedItems():
            self.coop_list.takeItem(self.coop_list.row(item))
            self.dirty = True

    def coop_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.coop_list.item(i).data(UNIT_ID_ROLE)) for i in range(self.coop_list.count())
        )

    def load(self, dto: core.ItemDTO) -> None:
        self.meeting_id = dto.meeting_id
        self.topic_id = dto.topic_id
        self.meeting.setText(self.meeting_caption(dto.meeting_id))
        self.text.setPlainText(dto.text)
        self.lead.set_unit_id(dto.lead_unit_id)
        self.coop_list.clear()
        for unit_id, name in zip(dto.cooperating_unit_ids, dto.cooperating_unit_names, strict=True):
            item = QListWidgetItem(name)
            item.setData(UNIT_ID_ROLE, unit_id)
            self.coop_list.addItem(item)
        self.has_deadline.setChecked(dto.deadline is not None)
        if dto.deadline is not None:
            self.deadline.setDate(to_qdate(dto.deadline))
        self.target_text.setText(dto.target_text)
        self.target_number.setValue(dto.target_number or 0)
        self.target_unit.setText(dto.target_unit)
        extra = [f"{dto.percent_done}%"]
        if dto.deadline:
            extra.append(self.tr("时限 %1").replace("%1", dto.deadline.isoformat()))
        if dto.extension_deadline:
            extra.append(self.tr("申请延期至 %1").replace("%1", dto.extension_deadline.isoformat()))
        verdict = self.read(
            light_of,
            ItemFacts(
                dto.status, dto.deadline, dto.assigned_on, dto.last_feedback_on, dto.percent_done
            ),
            date.today(),
        )
        light = message(verdict.reason, verdict.fields) + (
            estimated_mark() if verdict.estimated else ""
        )
        self.status.setText(
            status_text(dto.status)
            + "　"
            + self.tr("，", "between items of a list").join(extra)
            + "　"
            + light
        )
        self.status.setStyleSheet(f"color: {LIGHT_LOOK[verdict.light][1]};")
        self.timeline.clear()
        for e in dto.timeline:
            what = (
                action_text(e.action) if not e.action.startswith("notice_") else e.document_number
            )
            line = f"{e.on_date}　{what}"
            if e.note:
                line = fill(self.tr("%1：%2"), line, e.note)
            self.timeline.addItem(line)
        for fb in dto.feedback:
            figures = self.tr("；", "between items of a list").join(
                f"{g.name} {g.number:g}{g.unit}" for g in fb.figures
            )
            self.timeline.addItem(
                fill(
                    self.tr("%1　反馈（%2%）：%3 %4"),
                    fb.reported_on,
                    fb.percent_done,
                    fb.text,
                    figures,
                ).rstrip()
            )
        self.dirty = False

    def _input(self) -> core.ItemInput:
        if self.lead.has_unknown_text():
            raise InvalidInput("unit_required", field="lead_unit_id")
        number = self.target_number.value()
        return core.ItemInput(
            meeting_id=self.meeting_id or 0,
            text=self.text.toPlainText(),
            topic_id=self.topic_id,
            lead_unit_id=self.lead.unit_id(),
            cooperating_unit_ids=self.coop_ids(),
            deadline=from_qdate(self.deadline.date()) if self.has_deadline.isChecked() else None,
            target_text=self.target_text.text(),
            target_number=number if number else None,
            target_unit=self.target_unit.text(),
        )

    def store(self, session: Any) -> core.ItemDTO:
        if self.record_id is None:
            return core.create_item(session, self._input())
        return core.update_item(session, self.record_id, self._input())

    def reload_dto(self) -> core.ItemDTO:
        return self.read(core.get_item, self.record_id)

    def perform(self, action: str) -> Any:
        iid = self.record_id
        assert iid is not None
        on = ("on", self.tr("日期"), date_edit())
        reason = ("reason", self.tr("原因"), text_box())
        if action == "assign":
            return self.ask(
                self.tr("交办"), [on], lambda v: lambda s: core.assign_item(s, iid, v["on"])
            )
        if action == "report_progress":
            return self.ask(
                self.tr("反馈进展"),
                [
                    on,
                    ("text", self.tr("进展情况"), text_box()),
                    ("percent_done", self.tr("完成进度"), percent_box(self.dto.percent_done)),
                    ("figures", self.tr("成效数据（每行 名称=数值单位）"), text_box(60)),
                ],
                lambda v: (
                    lambda s: core.report_progress(
                        s,
                        iid,
                        core.FeedbackInput(
                            reported_on=v["on"],
                            text=v["text"],
                            percent_done=v["percent_done"],
                            figures=core.parse_figures(v["figures"]),
                        ),
                    )
                ),
            )
        if action == "request_extension":
            return self.ask(
                self.tr("申请延期"),
                [
                    on,
                    ("extension_deadline", self.tr("延期至"), date_edit(self.dto.deadline)),
                    reason,
                ],
                lambda v: (
                    lambda s: core.request_extension(
                        s, iid, new_deadline=v["extension_deadline"], reason=v["reason"], on=v["on"]
                    )
                ),
            )
        if action == "approve_extension":
            return self.ask(
                self.tr("同意延期"),
                [
                    on,
                    (
                        "extension_deadline",
                        self.tr("延期至"),
                        date_edit(self.dto.extension_deadline),
                    ),
                ],
                lambda v: (
                    lambda s: core.approve_extension(
                        s, iid, on=v["on"], new_deadline=v["extension_deadline"]
                    )
                ),
            )
        calls = {
            "refuse_extension": (
                self.tr("不同意延期"),
                [on, reason],
                lambda v: lambda s: core.refuse_extension(s, iid, on=v["on"], reason=v["reason"]),
            ),
            "complete": (
                self.tr("办结"),
                [on],
                lambda v: lambda s: core.complete_item(s, iid, on=v["on"]),
            ),
            "send_back": (
                self.tr("退回"),
                [on, reason],
                lambda v: lambda s: core.send_back_item(s, iid, on=v["on"], reason=v["reason"]),
            ),
            "verify": (
                self.tr("验收"),
                [on, ("note", self.tr("验收意见"), text_box())],
                lambda v: lambda s: core.verify_item(s, iid, on=v["on"], note=v["note"]),
            ),
            "cancel": (
                self.tr("撤销事项"),
                [on, reason],
                lambda v: lambda s: core.cancel_item(s, iid, on=v["on"], reason=v["reason"]),
            ),
        }
        title, fields, call = calls[action]
        return self.ask(title, fields, call)
