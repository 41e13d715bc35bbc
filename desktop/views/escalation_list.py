"""督办建议: the next rung of every late item the office supervises, all of them (no cap), the
scope said above the list, searchable, filtered by rung and by the lead unit's level, sortable
by any column, with 批量催办 for a selection."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.escalation import EscalationSuggestion, Step
from desktop.core.scope import SupervisionScope
from desktop.messages import scope_text
from desktop.models.enums import Level
from desktop.views.labels import QT_TRANSLATE_NOOP, fill, translate

CONTEXT = "EscalationList"
STEP_LABELS = {
    Step.REMINDER: QT_TRANSLATE_NOOP("EscalationList", "发催办单"),
    Step.SUPERVISION: QT_TRANSLATE_NOOP("EscalationList", "发督办通知书"),
    Step.RECTIFICATION: QT_TRANSLATE_NOOP("EscalationList", "下达整改通知书"),
    Step.CRITICISM: QT_TRANSLATE_NOOP("EscalationList", "列入通报批评"),
}
AFTER_LABELS = {
    Step.REMINDER: QT_TRANSLATE_NOOP("EscalationList", "催办"),
    Step.SUPERVISION: QT_TRANSLATE_NOOP("EscalationList", "督办通知"),
    Step.RECTIFICATION: QT_TRANSLATE_NOOP("EscalationList", "整改通知"),
    Step.CRITICISM: QT_TRANSLATE_NOOP("EscalationList", "通报批评"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("EscalationList", "事项"),
    QT_TRANSLATE_NOOP("EscalationList", "牵头单位"),
    QT_TRANSLATE_NOOP("EscalationList", "时限"),
    QT_TRANSLATE_NOOP("EscalationList", "超期工作日"),
    QT_TRANSLATE_NOOP("EscalationList", "建议下一步"),
    QT_TRANSLATE_NOOP("EscalationList", "依据"),
)
# Rungs a batch can take: a rectification order and a criticism are decided one unit at a time.
BATCH_STEPS = (Step.REMINDER, Step.SUPERVISION)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def why(e: EscalationSuggestion) -> str:
    """Why this rung now: the rung the item is on (or its deadline), since when, how long."""
    since = e.waiting_since.isoformat() if e.waiting_since else ""
    if e.after is None:
        return fill(
            _tr(QT_TRANSLATE_NOOP("EscalationList", "时限 %1 已过 %2 个工作日")),
            since,
            e.workdays_waited,
        )
    return fill(
        _tr(QT_TRANSLATE_NOOP("EscalationList", "%1后等待期满（%2），又过 %3 个工作日仍未办结")),
        _tr(AFTER_LABELS[e.after]),
        since,
        e.workdays_waited,
    )


class EscalationModel(QAbstractTableModel):
    """The suggestions as rows; the sort key of each cell under SORT_ROLE."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[EscalationSuggestion, ...] = ()

    def set_rows(self, rows: tuple[EscalationSuggestion, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        e, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(e, column)
        if role == SORT_ROLE:
            keys: tuple[Any, ...] = (
                e.text,
                e.lead_unit_name,
                e.deadline.toordinal(),
                e.workdays_late,
                list(Step).index(e.step),
                e.workdays_waited,
            )
            return keys[column]
        if role == Qt.ItemDataRole.UserRole:
            return e
        return None

    @staticmethod
    def _text(e: EscalationSuggestion, column: int) -> str:
        if column == 0:
            return e.text
        if column == 1:
            return e.lead_unit_name
        if column == 2:
            return e.deadline.isoformat()
        if column == 3:
            return str(e.workdays_late)
        if column == 4:
            return _tr(STEP_LABELS[e.step])
        return why(e)


class EscalationFilter(QSortFilterProxyModel):
    """Search over the item and its lead unit; rung and lead unit level chosen in combos."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.step: Step | None = None
        self.level: Level | None = None
        self.setSortRole(SORT_ROLE)

    def set_filter(self, search: str, step: Step | None, level: Level | None) -> None:
        self.search, self.step, self.level = search.strip().lower(), step, level
        self.invalidateFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, EscalationModel)
        e = model.rows[source_row]
        if self.step is not None and e.step != self.step:
            return False
        if self.level is not None and e.lead_unit_level != self.level:
            return False
        return not self.search or (
            self.search in e.text.lower() or self.search in e.lead_unit_name.lower()
        )


class EscalationList(QWidget):
    """The list, its filters and the batch button. `take_step` is asked to act on one row (a
    double-click); `batch` on the selected rows when they all wait for the same batchable rung."""

    batch_requested = Signal(object, object)  # Step, tuple[EscalationSuggestion, ...]

    def __init__(
        self, take_step: Callable[[EscalationSuggestion], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = EscalationModel(self)
        self.proxy = EscalationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # the longest wait first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 320)
        header.resizeSection(1, 150)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # why: read in full
        header.setResizeContentsPrecision(200)  # fitting a column reads at most this many rows
        self.table.doubleClicked.connect(lambda index: take_step(self._suggestion(index)))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索事项或牵头单位"))
        self.search.setClearButtonEnabled(True)
        self.step = QComboBox()
        self.step.addItem(self.tr("全部措施"), None)
        for step in Step:
            self.step.addItem(_tr(STEP_LABELS[step]), step)
        self.level = QComboBox()
        self.level.addItem(self.tr("全部层级"), None)
        for level in Level:
            self.level.addItem(translate(level.value), level)
        for signal in (self.search.textChanged, self.step.currentIndexChanged,
                       self.level.currentIndexChanged):  # fmt: skip
            signal.connect(self._refilter)
        self.batch = QPushButton(self.tr("批量印发"))
        self.batch.setToolTip(
            self.tr("选中多项同为“发催办单”或“发督办通知书”的事项，按牵头单位各印发一份")
        )
        self.batch.setEnabled(False)
        self.batch.clicked.connect(self._batch)
        self.count = QLabel()
        self.scope = QLabel()  # which meetings' items the list covers (core.scope)
        self.scope.setObjectName("escalation_scope")
        self.scope.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.step)
        bar.addWidget(self.level)
        bar.addWidget(self.batch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            QLabel(self.tr("逾期事项的下一步督办措施（双击按建议印发文书；可多选后批量印发）："))
        )
        layout.addWidget(self.scope)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    # Reading

    def set_rows(self, rows: tuple[EscalationSuggestion, ...]) -> None:
        self.model.set_rows(rows)
        for column in (2, 3, 4):  # dates, numbers and the step fit; in English headers are long
            self.table.resizeColumnToContents(column)
        self._counted()

    def set_scope(self, scope: SupervisionScope | None) -> None:
        """Say which meetings' items the list covers, as the bulletins count them."""
        self.scope.setText(scope_text(scope))
        self.scope.setVisible(scope is not None)

    def rowCount(self) -> int:
        """Rows shown, after the filters."""
        return self.proxy.rowCount()

    def text(self, row: int, column: int) -> str:
        return str(self.proxy.index(row, column).data())

    def suggestion(self, row: int) -> EscalationSuggestion:
        return self._suggestion(self.proxy.index(row, 0))

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(
                self.proxy.index(row, 0),
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )

    def selected(self) -> tuple[EscalationSuggestion, ...]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return tuple(self.suggestion(r) for r in rows)

    # Acting

    def _suggestion(self, index: QModelIndex) -> EscalationSuggestion:
        value = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        assert isinstance(value, EscalationSuggestion)
        return value

    def batch_step(self) -> Step | None:
        """The rung every selected row waits for, when a batch can take it."""
        chosen = self.selected()
        steps = {e.step for e in chosen}
        if len(steps) != 1 or len(chosen) < 2:
            return None
        step = steps.pop()
        return step if step in BATCH_STEPS else None

    def _selection_changed(self) -> None:
        step = self.batch_step()
        self.batch.setEnabled(step is not None)
        if step is None:
            self.batch.setText(self.tr("批量印发"))
        else:
            label = self.tr("批量催办") if step == Step.REMINDER else self.tr("批量督办")
            self.batch.setText(fill(self.tr("%1（%2 项）"), label, len(self.selected())))

    def _batch(self) -> None:
        step = self.batch_step()
        if step is not None:
            self.batch_requested.emit(step, self.selected())

    def _refilter(self) -> None:
        self.proxy.set_filter(self.search.text(), self.step.currentData(), self.level.currentData())
        self._counted()

    def _counted(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            self.count.setText(fill(self.tr("共 %1 项"), total))
        else:
            self.count.setText(fill(self.tr("共 %1 项，筛选后 %2 项"), total, shown))


def batch_summary(step: Step, count: int, units: int, reply_by: date, estimated: bool) -> str:
    """What a batch issued; a reply deadline reckoned past the holiday calendar's years is
    said to be estimated, so the clerk checks it once the year's holidays are published."""
    summary = fill(
        _tr(
            QT_TRANSLATE_NOOP(
                "EscalationList", "已按牵头单位印发 %1 份%2，涉及事项 %3 项；反馈时限 %4。"
            )
        ),
        units,
        _tr(QT_TRANSLATE_NOOP("EscalationList", "催办单"))
        if step == Step.REMINDER
        else _tr(QT_TRANSLATE_NOOP("EscalationList", "督办通知书")),
        count,
        reply_by.isoformat(),
    )
    if not estimated:
        return summary
    return summary + fill(
        _tr(
            QT_TRANSLATE_NOOP(
                "EscalationList",
                "反馈时限为估算：节假日安排未覆盖%1年，暂按周末推算，请在公布放假安排后核对。",
            )
        ),
        reply_by.year,
    )
