"""Combo boxes over the domain's closed vocabularies, showing Chinese labels."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QComboBox

from desktop.views.labels import cell_text


def enum_combo(enum_cls: type[StrEnum], current: StrEnum | None = None) -> QComboBox:
    combo = QComboBox()
    for member in enum_cls:
        combo.addItem(cell_text(member), member)
    if current is not None:
        combo.setCurrentIndex(list(enum_cls).index(current))
    return combo


def select(combo: QComboBox, value: StrEnum) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
