"""A lazy table over any record kind: rows arrive a page at a time from core.list_records."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.orm import Session

from desktop.core.catalog import ListQuery
from desktop.core.listing import DERIVED, list_ids, rows_for_ids, spec_for
from desktop.db import Database
from desktop.messages import message
from desktop.views.labels import QT_TRANSLATE_NOOP, cell_text, column_label, estimated_mark
from desktop.views.operations import operations

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
# Kept for the light's tooltip, not shown as columns of their own.
HIDDEN = ("light_code", "light_fields", "light_estimated")
PAST_DEADLINE = "#c0392b"  # the red of an overdue item
VOIDED = "#7f8c8d"  # the grey of a voided document
# The texts are Chinese source texts, translated when shown.
LIGHT_LOOK = {
    "red": (QT_TRANSLATE_NOOP("RecordTableModel", "● 红"), "#c0392b"),
    "yellow": (QT_TRANSLATE_NOOP("RecordTableModel", "● 黄"), "#b7950b"),
    "green": (QT_TRANSLATE_NOOP("RecordTableModel", "● 绿"), "#1e8449"),
    "grey": (QT_TRANSLATE_NOOP("RecordTableModel", "● 灰"), "#7f8c8d"),
}


def _first_page(
    session: Session, kind: str, query: ListQuery
) -> tuple[list[int], list[tuple[Any, ...]]]:
    """Every matching id in order, and the rows of the first page."""
    ids = list_ids(session, kind, query)
    return ids, list(rows_for_ids(session, kind, ids[:PAGE], query.today).rows)


class RecordTableModel(QAbstractTableModel):
    """Holds every matching id in order and the rows fetched so far, a page at a time by id.

    Qt asks for more as the view scrolls (fetchMore); paging by id keeps each fetch as cheap at
    the end of a province's list as at its start (no OFFSET scans, no recount).
    """

    def __init__(self, db: Database, kind: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self.kind = kind
        every = spec_for(kind).column_keys + DERIVED.get(kind, ())
        self._at = {c: i for i, c in enumerate(every)}
        shown = [c for c in every if c not in HIDDEN]
        if "light" in shown:  # the light is what a clerk looks at first
            shown.remove("light")
            shown.insert(1, "light")
        self.columns = tuple(shown)
        self._query = ListQuery(limit=PAGE)
        self._rows: list[tuple[Any, ...]] = []
        self._ids: list[int] = []
        self.total = 0
        self.refresh()

    @property
    def query(self) -> ListQuery:
        return self._query

    def set_query(self, query: ListQuery) -> None:
        self._query = ListQuery(**{**query.__dict__, "offset": 0, "limit": PAGE})
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._ids, self._rows = operations(self._db).read(_first_page, self.kind, self._query)
        self.total = len(self._ids)
        self.endResetModel()

    def record_id(self, row: int) -> int:
        return int(self._rows[row][0])

    def row_value(self, row: int, column: str) -> Any:
        return self._rows[row][self._at[column]]

    def light_text(self, row: int) -> str:
        code = self.row_value(row, "light_code")
        text = message(code, self.row_value(row, "light_fields"))
        return text + (estimated_mark() if self.row_value(row, "light_estimated") else "")

    def _deadline_passed(self, row: int, deadline: Any) -> bool:
        """An establishment's 限期建制 date gone by while it is still not established."""
        today = self._query.today or date.today()
        status = self.row_value(row, "status")
        return isinstance(deadline, date) and deadline < today and status == "not_established"

    # Qt interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()][self._at[column]]
        if column == "light":
            text, colour = LIGHT_LOOK[str(value)]
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("RecordTableModel", text)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(colour))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.light_text(index.row())
            return None
        if column == "establish_deadline" and self._deadline_passed(index.row(), value):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(PAST_DEADLINE))
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("RecordTableModel", "限期已过，仍未建制")
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value)
        voided = self.voided_text(index.row())
        if voided:  # a voided document stays listed, greyed, saying when and why
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(VOIDED))
            if role == Qt.ItemDataRole.ToolTipRole:
                return voided
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 30:
            return value
        return None

    def voided_text(self, row: int) -> str:
        """已作废 with the day and the reason, for a voided document's row; "" otherwise."""
        if "voided_on" not in self._at or self.row_value(row, "voided_on") is None:
            return ""
        reason = self.row_value(row, "void_reason") or ""
        return (
            QCoreApplication.translate("RecordTableModel", "已于 %1 作废：%2")
            .replace("%1", cell_text(self.row_value(row, "voided_on")))
            .replace("%2", reason)
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return column_label(self.columns[section])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or len(self._rows) >= self.total:
            return
        chunk = self._ids[len(self._rows) : len(self._rows) + PAGE]
        rows = operations(self._db).read(
            lambda session: rows_for_ids(session, self.kind, chunk, self._query.today).rows
        )
        if not rows:
            self.total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the database, so the lazily loaded rows stay in one order."""
        if not 0 <= column < len(self.columns) or self.columns[column] == "light":
            return  # the light is computed per row, not a database column
        descending = order == Qt.SortOrder.DescendingOrder
        self._query = ListQuery(
            **{
                **self._query.__dict__,
                "sort": self.columns[column],
                "descending": descending,
                "offset": 0,
                "limit": PAGE,
            }
        )
        self.refresh()
