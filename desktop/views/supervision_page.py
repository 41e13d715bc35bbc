"""督办: the next escalation step for every late item, formalism flags, and the documents issued."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.core.checks import supervision_checks
from desktop.core.escalation import EscalationSuggestion, Step
from desktop.core.formalism import FormalityFlag
from desktop.db import Database
from desktop.messages import describe, message
from desktop.models.enums import MentionKind, NoticeKind
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.bulletin_editor import BulletinEditor
from desktop.views.editors.notice_editor import NoticeEditor
from desktop.views.extension_queue import ExtensionQueue
from desktop.views.labels import QT_TRANSLATE_NOOP, fill
from desktop.views.operations import operations
from desktop.views.page import Page
from desktop.views.record_page import RecordPage
from desktop.views.tasks import TaskRunner

# Chinese source texts, translated when shown (context "SupervisionPage").
STEP_LABELS = {
    Step.REMINDER: QT_TRANSLATE_NOOP("SupervisionPage", "发催办单"),
    Step.SUPERVISION: QT_TRANSLATE_NOOP("SupervisionPage", "发督办通知书"),
    Step.RECTIFICATION: QT_TRANSLATE_NOOP("SupervisionPage", "下达整改通知书"),
    Step.CRITICISM: QT_TRANSLATE_NOOP("SupervisionPage", "列入通报批评"),
}
AFTER_LABELS = {
    Step.REMINDER: QT_TRANSLATE_NOOP("SupervisionPage", "催办"),
    Step.SUPERVISION: QT_TRANSLATE_NOOP("SupervisionPage", "督办通知"),
    Step.RECTIFICATION: QT_TRANSLATE_NOOP("SupervisionPage", "整改通知"),
    Step.CRITICISM: QT_TRANSLATE_NOOP("SupervisionPage", "通报批评"),
}
CHECK_LABELS = {
    "meeting_without_items": QT_TRANSLATE_NOOP("SupervisionPage", "会议未形成议定事项"),
    "item_incomplete": QT_TRANSLATE_NOOP("SupervisionPage", "事项缺牵头单位或时限"),
    "minutes_similar": QT_TRANSLATE_NOOP("SupervisionPage", "纪要雷同"),
    "meeting_missing": QT_TRANSLATE_NOOP("SupervisionPage", "应开未开"),
}
DATA_ROLE = Qt.ItemDataRole.UserRole
SHOWN = 1000  # a province may have tens of thousands: the worst come first, the rest are counted


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
        self.escalations = self._table(
            [
                self.tr("事项"),
                self.tr("牵头单位"),
                self.tr("时限"),
                self.tr("超期工作日"),
                self.tr("建议下一步"),
                self.tr("依据"),
            ]
        )
        header = self.escalations.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 340)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # why: read in full
        self.escalations.cellDoubleClicked.connect(self._take_step)
        self.flags = self._table([self.tr("检查"), self.tr("单位"), self.tr("情况")])
        tabs = QTabWidget()
        box = QWidget()
        column = QVBoxLayout(box)
        column.addWidget(QLabel(self.tr("逾期事项的下一步督办措施（双击即按建议印发文书）：")))
        column.addWidget(self.escalations)
        tabs.addTab(box, self.tr("督办建议"))
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

    def _checked(
        self, result: tuple[tuple[EscalationSuggestion, ...], tuple[FormalityFlag, ...]]
    ) -> None:
        if not isValid(self):
            return
        self._fill_escalations(result[0])
        self._fill_flags(result[1])
        text = fill(
            self.tr("逾期事项 %1 项待督办；走过场迹象 %2 处。"), len(result[0]), len(result[1])
        )
        if max(len(result[0]), len(result[1])) > SHOWN:  # never a silent cap
            text += fill(self.tr("列表只显示最紧要的前 %1 项。"), SHOWN)
        self.checking.setText(text)

    def _failed(self, exc: Exception) -> None:
        if isValid(self):
            self.checking.setText(self.tr("检查未能完成：%1").replace("%1", describe(exc)))

    def wait_for_checks(self) -> None:
        """Tests and the self-test wait for the background check before reading the tables."""
        self.tasks.wait()
        QCoreApplication.processEvents()

    def _fill_escalations(self, suggestions: tuple[EscalationSuggestion, ...]) -> None:
        suggestions = suggestions[:SHOWN]
        self.escalations.setUpdatesEnabled(False)
        self.escalations.setRowCount(len(suggestions))
        for r, e in enumerate(suggestions):
            cells = [
                e.text,
                e.lead_unit_name,
                e.deadline.isoformat(),
                str(e.workdays_late),
                QCoreApplication.translate("SupervisionPage", STEP_LABELS[e.step]),
                self.why(e),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(DATA_ROLE, e)
                item.setToolTip(text)
                self.escalations.setItem(r, c, item)
        for c in (2, 3, 4):  # dates, numbers and the step fit; in English the step is long
            self.escalations.resizeColumnToContents(c)
        self.escalations.setUpdatesEnabled(True)

    def why(self, e: EscalationSuggestion) -> str:
        """Why this rung now: the rung the item is on (or its deadline), since when, how long."""
        since = e.waiting_since.isoformat() if e.waiting_since else ""
        if e.after is None:
            return fill(self.tr("时限 %1 已过 %2 个工作日"), since, e.workdays_waited)
        return fill(
            self.tr("%1后等待期满（%2），又过 %3 个工作日仍未办结"),
            QCoreApplication.translate("SupervisionPage", AFTER_LABELS[e.after]),
            since,
            e.workdays_waited,
        )

    def _fill_flags(self, flags: tuple[FormalityFlag, ...]) -> None:
        flags = flags[:SHOWN]
        self.flags.setUpdatesEnabled(False)
        self.flags.setRowCount(len(flags))
        for r, f in enumerate(flags):
            check = QCoreApplication.translate("SupervisionPage", CHECK_LABELS[f.check])
            for c, text in enumerate([check, f.unit_name, message(f.check, f.fields)]):
                self.flags.setItem(r, c, QTableWidgetItem(text))
        self.flags.setUpdatesEnabled(True)

    def _take_step(self, row: int, _column: int) -> RecordEditor | None:
        cell = self.escalations.item(row, 0)
        if cell is None:
            return None
        e: EscalationSuggestion = cell.data(DATA_ROLE)
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
        return self._take_step(row, 0)
