"""A unit field with completion by Chinese name or pinyin initials (typing bhx offers 滨海县…)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.catalog import ListQuery
from desktop.core.listing import list_records
from desktop.core.units import directory_stamp
from desktop.db import Database
from desktop.views.operations import operations

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


ID_ROLE = Qt.ItemDataRole.UserRole + 2


# (id, label shown, pinyin initials): the label is the name, or the name with its parent (or
# its number) where several units share the name, so each label stands for one unit.
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
    return stamp, distinct_labels(
        [
            (int(r["id"]), str(r["name"]), r["parent"], str(r["pinyin_initials"]))
            for r in page.dicts()
        ]
    )


def distinct_labels(rows: list[tuple[int, str, object, str]]) -> Choices:
    """(id, label, initials) from (id, name, parent name, initials): a name several units share
    is shown with its parent, and with its number where the parent does not tell them apart."""
    by_name: dict[str, int] = {}
    by_name_parent: dict[tuple[str, object], int] = {}
    for _, name, parent, _ in rows:
        by_name[name] = by_name.get(name, 0) + 1
        by_name_parent[(name, parent)] = by_name_parent.get((name, parent), 0) + 1
    choices: Choices = []
    for unit_id, name, parent, initials in rows:
        label = name
        if by_name[name] > 1:
            where = str(parent) if parent else QCoreApplication.translate("UnitPicker", "无上级")
            label = (
                QCoreApplication.translate("UnitPicker", "%1（%2）")
                .replace("%1", name)
                .replace("%2", where)
            )
            if by_name_parent[(name, parent)] > 1:
                label = (
                    QCoreApplication.translate("UnitPicker", "%1（%2，编号%3）")
                    .replace("%1", name)
                    .replace("%2", where)
                    .replace("%3", str(unit_id))
                )
        choices.append((unit_id, label, initials))
    return choices


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
        # Matching uses name + pinyin, but the field receives the label alone.
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class UnitPicker(QLineEdit):
    """Holds a unit id; the text is the unit's label. `unit_changed` gives the id or None.

    The id is what was chosen (from the list, or set by the editor), never looked up again by
    a name several units share: such a name alone is unknown text until one of them is picked.
    """

    unit_changed = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setPlaceholderText(self.tr("输入单位名称或拼音首字母"))
        self.setClearButtonEnabled(True)
        self._by_label: dict[str, int] = {}
        self._by_id: dict[int, str] = {}
        self._read_choices()
        # 新建单位…: a unit missing from the directory is added without leaving the form.
        self.new_unit = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
            self.tr("新建单位…"),
            self,
        )
        self.new_unit.setToolTip(self.tr("新建单位…（名录中没有时）"))
        self.new_unit.triggered.connect(self.create_unit)
        self.addAction(self.new_unit, QLineEdit.ActionPosition.TrailingPosition)
        completer = _NameCompleter(completion_model(db), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.textChanged.connect(lambda _text: self.unit_changed.emit(self.unit_id()))

    def _read_choices(self) -> None:
        choices = unit_choices(self._db)
        self._by_label = {label: unit_id for unit_id, label, _ in choices}
        self._by_id = {unit_id: label for unit_id, label, _ in choices}

    def create_unit(self) -> int | None:
        """Open a new unit's editor, named as typed; the unit saved there is chosen here."""
        from desktop.views.editors.registry import EDITORS  # the editors use this picker

        editor = EDITORS["unit"](self._db, None, self.window())
        typed = self.text().strip()
        name = editor.form.fields.get("name")
        if typed and self.unit_id() is None and isinstance(name, QLineEdit):
            name.setText(typed)
            editor.dirty = True
        editor.exec()
        created = editor.record_id
        if created is None:
            return None
        self._read_choices()
        completer = self.completer()
        if completer is not None:
            completer.setModel(completion_model(self._db))
        self.set_unit_id(created)
        return int(created)

    def unit_id(self) -> int | None:
        return self._by_label.get(self.text().strip())

    def set_unit_id(self, unit_id: int | None) -> None:
        self.setText(self._by_id.get(unit_id, "") if unit_id is not None else "")

    def has_unknown_text(self) -> bool:
        return bool(self.text().strip()) and self.unit_id() is None


def ask_for_unit(
    parent: QWidget, db: Database, title: str, note: str, chosen: int | None = None
) -> int | bool | None:
    """A small dialog: a sentence, a unit field (with 新建单位…), OK and Cancel. The unit
    chosen (None: the field left empty), or False when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    picker = UnitPicker(db)
    if chosen is not None:
        picker.set_unit_id(chosen)
    layout = QVBoxLayout(dialog)
    sentence = QLabel(note)
    sentence.setWordWrap(True)
    layout.addWidget(sentence)
    layout.addWidget(picker)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return picker.unit_id()
