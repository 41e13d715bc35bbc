"""Supervision bulletin (督查通报): period, text, commendations and criticisms; saved as a draft,
submitted for review, and issued with a number by a reviewer."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop.core import documents
from desktop.core import supervision as core
from desktop.core.bulletin_stats import bulletin_statistics
from desktop.core.errors import InvalidInput
from desktop.core.permissions import NotPermitted
from desktop.db import Database
from desktop.messages import message
from desktop.models.enums import BulletinStatus, MentionKind, Role
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.registry import editor_for
from desktop.views.form import date_edit, from_qdate, text_box, to_qdate
from desktop.views.labels import QT_TRANSLATE_NOOP, fill, status_text
from desktop.views.login_dialog import current_actor
from desktop.views.unit_picker import UnitPicker
from desktop.views.voiding import update_void_button, void_button, void_shown, voided_number

MENTION_ROLE = Qt.ItemDataRole.UserRole
# Chinese source texts, translated when shown (context "BulletinEditor").
KIND_LABELS = {
    MentionKind.COMMENDATION: QT_TRANSLATE_NOOP("BulletinEditor", "通报表扬"),
    MentionKind.CRITICISM: QT_TRANSLATE_NOOP("BulletinEditor", "通报批评"),
}


def mention_kind_label(kind: MentionKind) -> str:
    return QCoreApplication.translate("BulletinEditor", KIND_LABELS[kind])


# What a reviewer (or the admin) does; a clerk drafts and submits.
REVIEWER_ACTIONS = ("return_to_draft", "issue")


@editor_for("bulletin")
class BulletinEditor(RecordEditor):
    machine = "bulletin"
    actions = ("submit_for_review", "return_to_draft", "issue")

    def __init__(
        self, db: Database, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, record_id, parent)
        self.setWindowTitle(self.tr("督查通报"))
        f = self.form
        today = date.today()
        self.number = f.add(
            "number",
            self.tr("文号"),
            QLineEdit(readOnly=True, placeholderText=self.tr("印发时自动编号")),
        )
        self.state = f.add("status", self.tr("状态"), QLabel(status_text(BulletinStatus.DRAFT)))
        self.title_edit = f.add("title", self.tr("标题"), QLineEdit())
        self.period_start = f.add(
            "period_start", self.tr("起始日期"), date_edit(date(today.year, 1, 1))
        )
        self.period_end = f.add("period_end", self.tr("截止日期"), date_edit(today))
        self.issued_on = f.add("issued_on", self.tr("印发日期"), date_edit(today))
        self.issued_on.dateChanged.connect(self._mark_dirty)
        self.content = f.add("content", self.tr("通报正文"), text_box(120))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.mention_kind = QComboBox()
        for kind in KIND_LABELS:
            self.mention_kind.addItem(mention_kind_label(kind), kind)
        self.mention_unit = UnitPicker(db)
        self.mention_reason = QLineEdit(placeholderText=self.tr("理由"))
        add = QPushButton(self.tr("添加"))
        for w in (self.mention_kind, self.mention_unit, self.mention_reason, add):
            line.addWidget(w)
        f.add("mentions", self.tr("表扬与批评"), row)
        self.mentions = QListWidget()
        self.propose = QPushButton(self.tr("按期间统计，生成正文和建议名单"))
        self.remove = QPushButton(self.tr("移除所选"))
        self.propose.clicked.connect(self.fill_from_statistics)
        self.remove.clicked.connect(
            lambda: [
                self.mentions.takeItem(self.mentions.row(i)) for i in self.mentions.selectedItems()
            ]
        )
        tools = QHBoxLayout()
        tools.addWidget(self.propose)
        tools.addWidget(self.remove)
        tools.addStretch(1)
        self.body.addLayout(tools)
        self.body.addWidget(self.mentions)
        add.clicked.connect(self._add_mention)
        self.add_print_button(self.tr("打印通报"), documents.bulletin_doc)
        self.void_button = void_button(db, issued=False, voided=False)
        self.void_button.clicked.connect(lambda: self.void())
        self.print_row.addWidget(self.void_button)
        self.watch(self.title_edit, self.content)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("保存草稿"))
        if record_id is not None:
            self.set_dto(self.reload_dto())
        else:
            self.workflow.update_state(None)  # type: ignore[union-attr]

    def fill_from_statistics(self) -> None:
        """Per-unit figures into the text; proposed commendations and criticisms into the list."""
        start = from_qdate(self.period_start.date()) or date.today()
        end = from_qdate(self.period_end.date()) or date.today()
        stats = self.read(bulletin_statistics, start, end)
        lines = [
            self.tr("%1至%2，各牵头单位议定事项办理情况如下：")
            .replace("%1", start.isoformat())
            .replace("%2", end.isoformat())
        ]
        for r in stats.units:
            lines.append(
                fill(
                    self.tr(
                        "%1：到期 %2 项，办结 %3 项，按时办结 %4 项，"
                        "超期未办结 %5 项，平均超期 %6 个工作日。"
                    ),
                    r.unit_name,
                    r.due,
                    r.done,
                    r.done_on_time,
                    r.overdue,
                    f"{r.average_workdays_late:g}",
                )
            )
        self.content.setPlainText("\n".join(lines))
        if not self.title_edit.text():
            self.title_edit.setText(self.tr("关于联席会议议定事项落实情况的督查通报"))
        self.mentions.clear()
        for kind, proposals in (
            (MentionKind.COMMENDATION, stats.commendations),
            (MentionKind.CRITICISM, stats.criticisms),
        ):
            for p in proposals:
                reason = message(p.reason, p.fields)
                item = QListWidgetItem(self.mention_text(kind, p.unit_name, reason))
                item.setData(MENTION_ROLE, (p.unit_id, kind, reason))
                self.mentions.addItem(item)
        self.dirty = True

    def _add_mention(self) -> None:
        unit_id = self.mention_unit.unit_id()
        if unit_id is None:
            self.form.show_error(InvalidInput("unit_required", field="mentions"))
            return
        self.add_mention(
            unit_id,
            self.mention_unit.text(),
            self.mention_kind.currentData(),
            self.mention_reason.text().strip(),
        )
        self.mention_unit.clear()
        self.mention_reason.clear()

    def add_mention(self, unit_id: int, unit_name: str, kind: MentionKind, reason: str) -> None:
        """Propose a unit for commendation or criticism in this bulletin."""
        item = QListWidgetItem(self.mention_text(kind, unit_name, reason))
        item.setData(MENTION_ROLE, (unit_id, kind, reason))
        self.mentions.addItem(item)
        self.dirty = True

    def mention_text(self, kind: MentionKind, unit_name: str, reason: str) -> str:
        return fill(self.tr("%1：%2　%3"), mention_kind_label(kind), unit_name, reason)

    def load(self, dto: core.BulletinDTO) -> None:
        self.state.setText(status_text(dto.status))
        if dto.number:
            number = fill(self.tr("%1（第%2期）"), dto.number, dto.issue_no)
            self.number.setText(voided_number(number, dto.voided))
        else:
            self.number.clear()
        self.title_edit.setText(dto.title)
        self.period_start.setDate(to_qdate(dto.period_start))
        self.period_end.setDate(to_qdate(dto.period_end))
        self.issued_on.setDate(to_qdate(dto.issued_on))
        self.content.setPlainText(dto.content)
        self.mentions.clear()
        for m in dto.mentions:
            item = QListWidgetItem(self.mention_text(m.kind, m.unit_name, m.reason))
            item.setData(MENTION_ROLE, (m.unit_id, m.kind, m.reason))
            self.mentions.addItem(item)
        # Only a draft is edited: a submitted one waits for its reviewer, an issued one is a
        # document of record. The issue date stays open until the bulletin is issued.
        draft = dto.status == BulletinStatus.DRAFT
        for w in (*self.form.fields.values(), self.propose, self.remove):
            w.setEnabled(draft)
        self.issued_on.setEnabled(dto.status != BulletinStatus.ISSUED)
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(draft)
        issued = dto.status == BulletinStatus.ISSUED
        update_void_button(self.void_button, self.db, issued, voided=dto.voided is not None)
        self.dirty = False

    def void(self, reason: str | None = None) -> bool:
        """作废…: void this issued bulletin for a reason (asked for when not given)."""
        return void_shown(self, reason)

    def set_dto(self, dto: Any) -> None:
        super().set_dto(dto)
        actor = current_actor(self.ops)
        if actor is None or actor.role in (None, Role.REVIEWER, Role.ADMIN):
            return
        why = NotPermitted(actor, "issue_documents")
        for action in REVIEWER_ACTIONS:
            button = self.workflow.buttons[action]  # type: ignore[union-attr]
            button.setEnabled(False)
            button.setToolTip(message(why.code, why.fields))

    def store(self, session: Any) -> core.BulletinDTO:
        mentions = tuple(
            core.MentionInput(*self.mentions.item(i).data(MENTION_ROLE))
            for i in range(self.mentions.count())
        )
        return core.save_bulletin_draft(
            session,
            core.BulletinInput(
                period_start=from_qdate(self.period_start.date()) or date.today(),
                period_end=from_qdate(self.period_end.date()) or date.today(),
                issued_on=from_qdate(self.issued_on.date()) or date.today(),
                title=self.title_edit.text(),
                content=self.content.toPlainText(),
                mentions=mentions,
            ),
            self.record_id,
        )

    def reload_dto(self) -> core.BulletinDTO:
        return self.read(core.get_bulletin, self.record_id)

    def on_action(self, action: str) -> None:
        if self.dto is not None and self.dto.status != BulletinStatus.DRAFT:
            self.dirty = False  # only the issue date is open now, and it goes with the step
        super().on_action(action)

    def perform(self, action: str) -> Any:
        record_id = self.record_id
        if action == "submit_for_review":
            return self.attempt(core.submit_bulletin, record_id)
        if action == "return_to_draft":
            return self.attempt(core.return_bulletin, record_id)
        if action == "issue":
            on = from_qdate(self.issued_on.date()) or date.today()
            return self.attempt(core.issue_bulletin, record_id, on)
        raise KeyError(action)
