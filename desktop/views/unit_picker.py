"""A unit field with completion by Chinese name or pinyin initials (typing bhx offers 滨海县…)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget
from sqlalchemy.orm import Session

from desktop.core.catalog import ListQuery
from desktop.core.listing import list_records
from desktop.core.units import directory_stamp
from desktop.db import Database
from desktop.views.operations import operations

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


Choices = list[tuple[int, str, str]]
# One copy of the directory per database, rebuilt only when the unit table changes.
_CACHE: dict[int, tuple[tuple[object, ...], Choices, QStandardItemModel | None]] = {}


def unit_choices(db: Database) -> Choices:
    """(id, name, pinyin initials) of every live unit, in pinyin order."""
    return _cached(db)[1]


def _directory(
    session: Session, known: tuple[object, ...] | None
) -> tuple[tuple[object, ...], Choices | None]:
    """The directory's stamp, and its units unless the stamp is the one already known."""
    stamp = directory_stamp(session)
    if stamp == known:
        return stamp, None
    page = list_records(session, "unit", ListQuery(sort="name", descending=False))
    return stamp, [(int(r["id"]), str(r["name"]), str(r["pinyin_initials"])) for r in page.dicts()]


def _cached(db: Database) -> tuple[tuple[object, ...], Choices, QStandardItemModel | None]:
    hit = _CACHE.get(id(db))
    stamp, choices = operations(db).read(_directory, hit[0] if hit is not None else None)
    if choices is None and hit is not None:
        return hit
    _CACHE[id(db)] = (stamp, choices or [], None)
    return _CACHE[id(db)]


def completion_model(db: Database) -> QStandardItemModel:
    """The completer's model, shared by every unit field of a window."""
    stamp, choices, model = _cached(db)
    if model is None:
        model = QStandardItemModel()
        for unit_id, name, initials in choices:
            item = QStandardItem(name)
            item.setData(f"{name} {initials}", SEARCH_ROLE)
            item.setData(unit_id, ID_ROLE)
            model.appendRow(item)
        _CACHE[id(db)] = (stamp, choices, model)
    return model


class _NameCompleter(QCompleter):
    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        # Matching uses name + pinyin, but the field receives the name alone.
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class UnitPicker(QLineEdit):
    """Holds a unit id; the text is the unit's name. `unit_changed` gives the id or None."""

    unit_changed = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("输入单位名称或拼音首字母"))
        self.setClearButtonEnabled(True)
        choices = unit_choices(db)
        self._by_name = {name: unit_id for unit_id, name, _ in choices}
        self._by_id = {unit_id: name for unit_id, name, _ in choices}
        completer = _NameCompleter(completion_model(db), self)
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
