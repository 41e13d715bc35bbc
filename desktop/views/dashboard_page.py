"""The dashboard (工作台): what needs attention today, and the units behind on meetings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.changes import ALL_KINDS
from desktop.core.dashboard import (
    DashboardCounts,
    DashboardEntries,
    Entry,
    dashboard_counts,
    dashboard_entries,
)
from desktop.core.escalation import EscalationSuggestion, escalation_suggestions
from desktop.core.frequency import FrequencyStatus, frequency_status
from desktop.core.kinds import EXCHANGE, SETTINGS
from desktop.core.scope import SupervisionScope, supervision_scope
from desktop.db import Database
from desktop.messages import scope_text
from desktop.views.escalation_list import STEP_LABELS
from desktop.views.labels import QT_TRANSLATE_NOOP, fill
from desktop.views.operations import operations
from desktop.views.page import Page

RECORD_ROLE = Qt.ItemDataRole.UserRole

RED, YELLOW, BLUE, GREY = "#c0392b", "#b7950b", "#1f618d", "#566573"


class CountCard(QFrame):
    def __init__(self, caption: str, colour: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("card")
        self.value = QLabel("0")
        self.value.setStyleSheet(f"font-size: 28pt; font-weight: bold; color: {colour};")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


def _dashboard(
    session: Session, today: date
) -> tuple[
    tuple[FrequencyStatus, ...],
    DashboardCounts,
    DashboardEntries,
    tuple[EscalationSuggestion, ...],
    SupervisionScope | None,
]:
    """What the dashboard shows, read in one transaction."""
    standing = frequency_status(session, today)
    counts = dashboard_counts(session, today, standing)
    entries = dashboard_entries(session, today)
    steps = escalation_suggestions(session, today)[:200]
    return standing, counts, entries, steps, supervision_scope(session)


class DashboardPage(QWidget, Page):
    title = QT_TRANSLATE_NOOP("DashboardPage", "工作台")
    # Counts and lists draw on every record kind, the last exchange and the reply periods.
    shows = ALL_KINDS | {SETTINGS, EXCHANGE}
    open_record = Signal(str, int)  # kind, id: the window opens its editor

    def __init__(self, db: Database, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.today = today
        self.counts: DashboardCounts | None = None
        self.cards = {
            "overdue_items": CountCard(self.tr("已超期事项"), RED),
            "due_soon_items": CountCard(self.tr("五个工作日内到期"), YELLOW),
            "pending_extensions": CountCard(self.tr("延期待批"), YELLOW),
            "units_behind_on_meetings": CountCard(self.tr("未按规定召开会议的建制"), RED),
            "topics_waiting_for_vetting": CountCard(self.tr("待审定议题"), BLUE),
            "suggestions_waiting_for_reply": CountCard(self.tr("待答复职工建议"), BLUE),
            "establishments_past_deadline": CountCard(self.tr("限期建制已过期"), RED),
        }
        grid = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, i)
        self.exchange = QLabel()
        self.lists = {
            "overdue_items": QListWidget(),
            "due_soon_items": QListWidget(),
            "topics_waiting_for_vetting": QListWidget(),
            "suggestions_waiting_for_reply": QListWidget(),
        }
        self.behind = QListWidget()
        captions = {
            "overdue_items": self.tr("已超期的议定事项（双击打开）"),
            "due_soon_items": self.tr("五个工作日内到期的事项"),
            "topics_waiting_for_vetting": self.tr("待审定的议题"),
            "suggestions_waiting_for_reply": self.tr("待答复的职工建议"),
        }
        lists = QGridLayout()
        for n, (key, widget) in enumerate(self.lists.items()):
            widget.setObjectName(key)
            widget.itemDoubleClicked.connect(self._open)
            lists.addWidget(QLabel(captions[key]), (n // 2) * 2, n % 2)
            lists.addWidget(widget, (n // 2) * 2 + 1, n % 2)
        self.next_steps = QListWidget()
        self.next_steps.setObjectName("next_steps")
        self.next_steps.itemDoubleClicked.connect(self._open)
        self.next_steps_caption = QLabel(self.tr("逾期事项的下一步督办措施："))
        lists.addWidget(self.next_steps_caption, 4, 0)
        lists.addWidget(self.next_steps, 5, 0)
        lists.addWidget(QLabel(self.tr("本年度已结束的期次中未按规定召开联席会议的建制：")), 4, 1)
        lists.addWidget(self.behind, 5, 1)
        # The records behind the 限期建制 card; the establishment list shows them all with
        # its 仅看限期已过 filter.
        self.past_deadline = QListWidget()
        self.past_deadline.setObjectName("establishments_past_deadline")
        self.past_deadline.itemDoubleClicked.connect(self._open)
        caption = self.tr(
            "限期建制日期已过、仍未建制的（双击打开；建制情况页可筛选“仅看限期已过”）"
        )
        lists.addWidget(QLabel(caption), 6, 0, 1, 2)
        lists.addWidget(self.past_deadline, 7, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("工作台") + "</h2>"))
        layout.addLayout(grid)
        layout.addWidget(self.exchange)
        layout.addLayout(lists, 1)
        self.reload()

    def _open(self, item: QListWidgetItem) -> None:
        kind, record_id = item.data(RECORD_ROLE)
        self.open_record.emit(kind, record_id)

    def _fill_steps(self, steps: tuple[EscalationSuggestion, ...]) -> None:
        self.next_steps.clear()
        for e in steps:
            label = QCoreApplication.translate("EscalationList", STEP_LABELS[e.step])
            text = self.tr("%1：%2，超期 %3 个工作日：%4")
            item = QListWidgetItem(fill(text, label, e.lead_unit_name, e.workdays_late, e.text))
            item.setData(RECORD_ROLE, ("item", e.item_id))
            self.next_steps.addItem(item)

    def _fill(self, widget: QListWidget, entries: tuple[Entry, ...], colour: str | None) -> None:
        widget.clear()
        for e in entries:
            when = e.on.isoformat() if e.on else ""
            item = QListWidgetItem(f"{when}　{e.unit}　{e.text}")
            item.setData(RECORD_ROLE, (e.kind, e.id))
            item.setToolTip(e.text)
            if colour is not None:
                item.setForeground(QBrush(QColor(colour)))
            widget.addItem(item)

    def nav_count(self) -> int | None:
        return self.counts.overdue_items or None if self.counts is not None else None

    def reload(self) -> None:
        standing, counts, entries, steps, scope = operations(self._db).read(_dashboard, self.today)
        for widget in (self.next_steps_caption, self.next_steps):  # what the list covers
            widget.setToolTip(scope_text(scope))
        behind = [s for s in standing if s.behind]
        self._fill(self.lists["overdue_items"], entries.overdue_items, RED)
        self._fill_steps(steps)
        self._fill(self.lists["due_soon_items"], entries.due_soon_items, YELLOW)
        self._fill(
            self.lists["topics_waiting_for_vetting"], entries.topics_waiting_for_vetting, None
        )
        self._fill(
            self.lists["suggestions_waiting_for_reply"], entries.suggestions_waiting_for_reply, None
        )
        self.past_deadline.clear()
        for e in entries.establishments_past_deadline:
            when = e.on.isoformat() if e.on else ""
            text = fill(self.tr("%1　%2（与%3）限期已过，仍未建制"), when, e.unit, e.text)
            item = QListWidgetItem(text)
            item.setData(RECORD_ROLE, (e.kind, e.id))
            item.setForeground(QBrush(QColor(RED)))
            self.past_deadline.addItem(item)
        self.counts = counts
        for key, card in self.cards.items():
            card.value.setText(str(getattr(counts, key)))
        due = self.cards["due_soon_items"]
        hint = self.tr("（暂按周末推算）") if counts.due_soon_estimated else ""
        due.setToolTip(
            self.tr("截止 %1 前到期").replace("%1", counts.due_soon_until.isoformat()) + hint
        )
        last = counts.last_exchange_at
        self.exchange.setText(
            self.tr("最近一次数据交换：%1").replace(
                "%1", last.astimezone().strftime("%Y-%m-%d %H:%M") if last else self.tr("尚未交换")
            )
        )
        self.behind.clear()
        for s in behind[:500]:
            missed = self.tr("、", "between items of a list").join(
                self.tr("第%1期").replace("%1", str(i)) for i in s.missed_periods
            )
            detail = (
                self.tr("本期（至 %1）尚未召开").replace("%1", s.period_end.isoformat())
                if s.due_soon(self.today)
                else ""
            )
            parts = [p for p in (self.tr("%1未召开").replace("%1", missed), detail) if p]
            self.behind.addItem(
                fill(
                    self.tr("%1　每年应开 %2 次，本年已开 %3 次；%4"),
                    fill(self.tr("%1（与%2）"), s.union_name, s.partner_name),
                    s.required_per_year,
                    s.held_this_year,
                    self.tr("；", "between sentences").join(parts),
                )
            )
