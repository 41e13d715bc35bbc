"""Topic editor: the topic itself, its research visits and consultations, and its workflow."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QListWidget, QSpinBox, QWidget

from desktop.core import documents
from desktop.core import topics as core
from desktop.core.errors import InvalidInput
from desktop.core.office import local_office
from desktop.db import Database
from desktop.models.enums import TopicSource
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.choices import enum_combo, select
from desktop.views.editors.registry import editor_for
from desktop.views.form import chosen, chosen_unit, date_edit, text_box
from desktop.views.labels import cell_text, fill, status_text, with_note
from desktop.views.unit_picker import UnitPicker


@editor_for("topic")
class TopicEditor(RecordEditor):
    machine = "topic"
    actions = ("start_research", "vet", "mark_consulted", "defer", "reopen", "reject", "merge")

    def __init__(
        self, db: Database, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, record_id, parent)
        self.setWindowTitle(self.tr("议题"))
        f = self.form
        self.title_edit = f.add("title", self.tr("议题标题"), QLineEdit())
        self.source = f.add("source", self.tr("来源"), enum_combo(TopicSource))
        self.union = f.add("union_unit_id", self.tr("所属工会"), UnitPicker(self.db))
        self.proposer = f.add("proposing_unit_id", self.tr("提出单位"), UnitPicker(self.db))
        self.priority = f.add(
            "priority", self.tr("优先级（1 高 3 低）"), QSpinBox(minimum=1, maximum=3, value=2)
        )
        self.description = f.add("description", self.tr("说明"), text_box(90))
        self.status = f.add("status", self.tr("状态"), QLineEdit(readOnly=True))
        self.history = QListWidget()
        self.history.setObjectName("topic_history")
        self.body.addWidget(self.history)
        self.add_print_button(self.tr("打印议题审定表"), documents.vetting_doc)
        self.watch(
            self.title_edit, self.source, self.union, self.proposer, self.priority, self.description
        )
        if record_id is not None:
            self.set_dto(self.reload_dto())
        else:
            self.union.set_unit_id(self.read(local_office).unit_id)
            self.workflow.update_state(None)  # type: ignore[union-attr]

    def load(self, dto: core.TopicDTO) -> None:
        self.title_edit.setText(dto.title)
        select(self.source, dto.source)
        self.union.set_unit_id(dto.union_unit_id)
        self.proposer.set_unit_id(dto.proposing_unit_id)
        self.priority.setValue(dto.priority)
        self.description.setPlainText(dto.description)
        reasons = [r for r in (dto.rejection_reason, dto.deferral_reason) if r]
        separator = self.tr("；", "between sentences")
        self.status.setText(separator.join([status_text(dto.status), *reasons]))
        self.history.clear()
        for r in dto.research_visits:
            self.history.addItem(
                fill(self.tr("调研 %1　%2　%3"), r.visited_on, r.place, r.findings)
            )
        if dto.vetted_on is not None:
            self.history.addItem(
                fill(self.tr("审定 %1　%2"), dto.vetted_on, dto.vetting_conclusion)
            )
        for c in dto.consultations:
            opinion = self.tr("同意") if c.agrees else self.tr("不同意")
            self.history.addItem(
                fill(
                    self.tr("征求意见 %1　%2（%3）：%4"),
                    c.consulted_on,
                    c.department_name,
                    opinion,
                    c.opinion,
                )
            )
        self.dirty = False

    def _input(self) -> core.TopicInput:
        return core.TopicInput(
            title=self.title_edit.text(),
            source=self.source.currentData(),
            union_unit_id=self.union.unit_id() or 0,
            description=self.description.toPlainText(),
            proposing_unit_id=self.proposer.unit_id(),
            priority=self.priority.value(),
        )

    def store(self, session: Any) -> core.TopicDTO:
        if self.union.unit_id() is None:
            raise InvalidInput("unit_required", field="union_unit_id")
        if self.record_id is None:
            return core.create_topic(session, self._input())
        return core.update_topic(session, self.record_id, self._input())

    def reload_dto(self) -> core.TopicDTO:
        return self.read(core.get_topic, self.record_id)

    def perform(self, action: str) -> Any:
        tid = self.record_id
        assert tid is not None
        if action == "start_research":
            return self.ask(
                self.tr("记录调研"),
                [
                    ("visited_on", self.tr("调研日期"), date_edit()),
                    ("place", self.tr("地点"), QLineEdit()),
                    ("participants", self.tr("参加人员"), QLineEdit()),
                    ("findings", self.tr("调研结论"), text_box()),
                ],
                lambda v: lambda s: core.add_research_visit(s, tid, **v),
            )
        if action == "vet":
            return self.ask(
                self.tr("提交审定（办公室扩大会）"),
                [
                    ("vetted_on", self.tr("审定日期"), date_edit()),
                    ("vetting_conclusion", self.tr("审定意见"), text_box()),
                ],
                lambda v: (
                    lambda s: core.vet_topic(
                        s, tid, on=v["vetted_on"], conclusion=v["vetting_conclusion"]
                    )
                ),
            )
        if action == "mark_consulted":
            agrees = QCheckBox(self.tr("部门同意"))
            agrees.setChecked(True)
            return self.ask(
                self.tr("征求部门意见"),
                [
                    ("department_unit_id", self.tr("部门"), UnitPicker(self.db)),
                    ("consulted_on", self.tr("日期"), date_edit()),
                    ("opinion", self.tr("部门意见"), text_box()),
                ],
                lambda v: (
                    lambda s: core.add_consultation(
                        s,
                        tid,
                        department_unit_id=chosen_unit(v, "department_unit_id"),
                        on=v["consulted_on"],
                        opinion=v["opinion"],
                        agrees=agrees.isChecked(),
                    )
                ),
            )
        if action in ("defer", "reject"):
            fn = core.defer_topic if action == "defer" else core.reject_topic
            return self.ask(
                self.tr("原因"),
                [("reason", self.tr("原因"), text_box())],
                lambda v: lambda s: fn(s, tid, v["reason"]),
            )
        if action == "reopen":
            return self.attempt(core.reopen_topic, tid)
        if action == "merge":
            targets = QComboBox()
            for topic in self.read(core.merge_targets, tid):
                targets.addItem(with_note(topic.title, cell_text(topic.status)), topic.id)
            return self.ask(
                self.tr("合并到议题"),
                [("into_topic_id", self.tr("并入议题"), targets)],
                lambda v: lambda s: core.merge_topic(s, tid, chosen(v, "into_topic_id")),
            )
        raise KeyError(action)
