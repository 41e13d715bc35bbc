"""A unit field with completion by Chinese name or pinyin initials (typing bhx offers 滨海县…)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop.core.catalog import ListQuery
from desktop.core.listing import list_records
from desktop.db import Database

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def unit_choices(db: Database) -> list[tuple[int, str, str]]:
    """(id, name, pinyin initials) of every live unit, in pinyin order."""
    with db.unit_of_work() as session:
        page = list_records(session, "unit", ListQuery(sort="name", descending=False))
    return [(int(r["id"]), str(r["name"]), str(r["pinyin_initials"])) for r in page.dicts()]


class _NameCompleter(QCompleter):
    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        # Matching uses name + pinyin, but the field receives the name alone.
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class UnitPicker(QLineEdit):
    """Holds a unit id; the text is the unit's name. `unit_changed` gives the id or None."""

    unit_changed = Signal(object)

    def __init__(self, choices: list[tuple[int, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("输入单位名称或拼音首字母"))
        self.setClearButtonEnabled(True)
        self._by_name = {name: unit_id for unit_id, name, _ in choices}
        self._by_id = {unit_id: name for unit_id, name, _ in choices}
        model = QStandardItemModel(self)
        for unit_id, name, initials in choices:
            item = QStandardItem(name)
            item.setData(f"{name} {initials}", SEARCH_ROLE)
            item.setData(unit_id, ID_ROLE)
            model.appendRow(item)
        completer = _NameCompleter(model, self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.textChanged.connect(lambda _text: self.unit_changed.emit(self.unit_id()))

    def unit_id(self) -> int | None:
        return self._by_name.get(self.text().strip())

    def set_unit_id(self, unit_id: int | None) -> None:
        self.setText(self._by_id.get(unit_id, "") if unit_id is not None else "")

    def has_unknown_text(self) -> bool:
        return bool(self.text().strip()) and self.unit_id() is None
