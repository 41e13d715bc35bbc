"""督办: the next escalation step for every late item, formalism flags, and the documents issued."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.core.batch_notices import issue_batch
from desktop.core.checks import SupervisionChecks, supervision_checks
from desktop.core.escalation import EscalationSuggestion, Step
from desktop.core.formalism import FormalityFlag
from desktop.db import Database
from desktop.messages import describe, message
from desktop.models.enums import MentionKind, NoticeKind
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.bulletin_editor import BulletinEditor
from desktop.views.editors.notice_editor import NoticeEditor
from desktop.views.escalation_list import EscalationList, batch_summary
from desktop.views.extension_queue import ExtensionQueue
from desktop.views.labels import QT_TRANSLATE_NOOP, fill
from desktop.views.operations import operations
from desktop.views.page import Page
from desktop.views.record_page import RecordPage
from desktop.views.tasks import TaskRunner

# Chinese source texts, translated when shown (context "SupervisionPage").
CHECK_LABELS = {
    "meeting_without_items": QT_TRANSLATE_NOOP("SupervisionPage", "会议未形成议定事项"),
    "item_incomplete": QT_TRANSLATE_NOOP("SupervisionPage", "事项缺牵头单位或时限"),
    "minutes_similar": QT_TRANSLATE_NOOP("SupervisionPage", "纪要雷同"),
    "meeting_missing": QT_TRANSLATE_NOOP("SupervisionPage", "应开未开"),
}
SHOWN = 1000  # formalism flags listed; a province may have tens of thousands: the rest are counted


class SupervisionPage(QWidget, Page):
    shows = frozenset({"item", "notice", "feedback", "meeting", "unit", "establishment", "holiday"})

    def __init__(
        self,
        db: Database,
        today: date,
        undo_stack: QUndoStack,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks or TaskRunner(self)
        self.checking = QLabel()
        self.today = today
        self.title = self.tr("督办")
        self.documents = RecordPage(db, "notice", self.tr("督办文书"), undo_stack)
        self.model = self.documents.model
        self.changed = self.documents.changed
        self.escalations = EscalationList(self._take_step)
        self.escalations.batch_requested.connect(self._issue_batch)
        self.done_text = ""  # what the last batch issued, kept in the status line
        self.flags = self._table([self.tr("检查"), self.tr("单位"), self.tr("情况")])
        tabs = QTabWidget()
        tabs.addTab(self.escalations, self.tr("督办建议"))
        tabs.addTab(self.flags, self.tr("走过场检查"))
        tabs.addTab(self.documents, self.tr("督办文书"))
        self.extensions = ExtensionQueue(db, today)
        tabs.addTab(self.extensions, self.tr("延期待批"))
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.title}</h2>"))
        layout.addWidget(self.checking)
        layout.addWidget(tabs)
        self.editors: list[RecordEditor] = []
        self.reload()

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        return table

    def nav_count(self) -> int | None:
        return self.documents.nav_count()  # the navigation count is the documents'

    def reload(self) -> None:
        """Checking every meeting's minutes takes a while on a county: it runs off the GUI thread."""
        self.documents.reload()
        self.checking.setText(self.tr("正在检查督办事项和会议情况…"))
        today, ops = self.today, operations(self.db)
        self.tasks.run(
            lambda _p, _c: ops.read(supervision_checks, today),
            on_done=self._checked,
            on_error=self._failed,
            label=self.tr("正在检查…"),
            parent=self,
        )

    def _checked(self, result: SupervisionChecks) -> None:
        if not isValid(self):
            return
        self.escalations.set_scope(result.scope)
        self.escalations.set_rows(result.escalations)
        self._fill_flags(result.flags)
        text = fill(
            self.tr("逾期事项 %1 项待督办；走过场迹象 %2 处。"),
            len(result.escalations),
            len(result.flags),
        )
        if len(result.flags) > SHOWN:  # never a silent cap
            text += fill(self.tr("走过场检查只列出最紧要的前 %1 处。"), SHOWN)
        text = f"{self.done_text} {text}" if self.done_text else text
        self.checking.setText(text)

    def _failed(self, exc: Exception) -> None:
        if isValid(self):
            self.checking.setText(self.tr("检查未能完成：%1").replace("%1", describe(exc)))

    def wait_for_checks(self) -> None:
        """Tests and the self-test wait for the background check before reading the tables."""
        self.tasks.wait()
        QCoreApplication.processEvents()

    def _fill_flags(self, flags: tuple[FormalityFlag, ...]) -> None:
        flags = flags[:SHOWN]
        self.flags.setUpdatesEnabled(False)
        self.flags.setRowCount(len(flags))
        for r, f in enumerate(flags):
            check = QCoreApplication.translate("SupervisionPage", CHECK_LABELS[f.check])
            for c, text in enumerate([check, f.unit_name, message(f.check, f.fields)]):
                self.flags.setItem(r, c, QTableWidgetItem(text))
        self.flags.setUpdatesEnabled(True)

    def _take_step(self, e: EscalationSuggestion) -> RecordEditor | None:
        if e.step == Step.CRITICISM:
            # Criticism is circulated in a bulletin: a new one, with this unit proposed.
            bulletin = BulletinEditor(self.db, None, self)
            reason = fill(
                self.tr("“%1”整改期满（%2）仍未办结"),
                e.text[:40],
                e.waiting_since.isoformat() if e.waiting_since else "",
            )
            bulletin.add_mention(e.lead_unit_id, e.lead_unit_name, MentionKind.CRITICISM, reason)
            self.editors.append(bulletin)
            bulletin.show()
            return bulletin
        editor = NoticeEditor(
            self.db,
            None,
            self,
            target_unit_id=e.lead_unit_id,
            item_ids=(e.item_id,),
            issued_on=self.today,
        )
        editor.notice_kind.setCurrentIndex(editor.notice_kind.findData(NoticeKind(e.step.value)))
        editor.changed.connect(self.reload)
        self.editors.append(editor)
        editor.show()
        return editor

    def take_step(self, row: int) -> RecordEditor | None:
        """Act on the suggestion in this row of the list as shown (sorted and filtered)."""
        return self._take_step(self.escalations.suggestion(row))

    def _issue_batch(self, step: Step, chosen: tuple[EscalationSuggestion, ...]) -> None:
        units = len({e.lead_unit_id for e in chosen})
        kind = NoticeKind(step.value)
        question = fill(
            self.tr("按牵头单位印发 %1 份%2，涉及事项 %3 项，日期 %4。确定吗？"),
            units,
            self.tr("催办单") if step == Step.REMINDER else self.tr("督办通知书"),
            len(chosen),
            self.today.isoformat(),
        )
        answer = QMessageBox.question(self, self.tr("批量印发"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        result = operations(self.db).mutate(
            issue_batch,
            kind,
            tuple(e.item_id for e in chosen),
            self.today,
            today=self.today,
            parent=self,
        )
        if result is not None:
            self.done_text = batch_summary(
                step, len(chosen), len(result.notices), result.reply_by, result.estimated
            )
            self.reload()  # the items now wait their reply period
