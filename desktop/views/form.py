"""Forms whose fields show their validation message beside them, and small input dialogs."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import DomainError, InvalidInput
from desktop.messages import describe
from desktop.views.labels import first_upper, with_colon

ERROR_STYLE = "color: #c0392b;"


def to_qdate(day: date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day is not None else QDate()


def from_qdate(value: QDate) -> date | None:
    return date(value.year(), value.month(), value.day()) if value.isValid() else None


class DateEdit(QDateEdit):
    """A date field that says why a typed digit was refused (month 13, 30 February…)."""

    refusal = ""  # what the last refused keystroke was told, "" once a digit is taken

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before = self.text()
        super().keyPressEvent(event)
        if not event.text().isdigit():
            return
        if self.text() != before:
            self.refusal = ""
            return
        self.refusal = self.tr("日期无效：月份为 1–12，日为该月实有的日子。")
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.refusal, self)


def date_edit(day: date | None = None) -> QDateEdit:
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(to_qdate(day or date.today()))
    return edit


class OptionalDate(QWidget):
    """A date that may be left blank: a date field and a 暂不填写 box beside it."""

    dateChanged = Signal(object)  # the date, or None when left blank

    def __init__(self, day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = date_edit(day)
        self.blank = QCheckBox(self.tr("暂不填写"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.blank)
        # Left blank, the field shows no date (its lowest date reads as this text), and the
        # date it had comes back when the box is unticked.
        self._kept = day or date.today()
        self.edit.setMinimumDate(QDate(1900, 1, 1))
        self.edit.setSpecialValueText(self.tr("（未填写）"))
        self.blank.toggled.connect(self._blank_toggled)
        self.edit.dateChanged.connect(lambda _d: self.dateChanged.emit(self.value()))
        self.set_value(day)

    def _blank_toggled(self, off: bool) -> None:
        if off:
            if self.edit.date() != self.edit.minimumDate():
                self._kept = from_qdate(self.edit.date())
            self.edit.setDate(self.edit.minimumDate())
        else:
            self.edit.setDate(to_qdate(self._kept))
        self.edit.setEnabled(not off)
        self.dateChanged.emit(self.value())

    def value(self) -> date | None:
        return None if self.blank.isChecked() else from_qdate(self.edit.date())

    def set_value(self, day: date | None) -> None:
        if day is not None:
            self._kept = day
            self.edit.setDate(to_qdate(day))
        if self.blank.isChecked() == (day is None):
            self._blank_toggled(day is None)  # toggled() would not fire
        self.blank.setChecked(day is None)

    # The QDateEdit interface, so the field is filled and read as any date field is.
    def setDate(self, value: QDate) -> None:
        self.set_value(from_qdate(value))

    def date(self) -> QDate:
        return self.edit.date() if not self.blank.isChecked() else QDate()


class Form(QWidget):
    """A QFormLayout whose rows each have an error line that a refused save fills in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.banner = QLabel()
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.layout_.addRow(with_colon(label), box)
        self.fields[key] = widget
        self.errors[key] = error
        return widget

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.banner.clear()
        self.banner.hide()

    def show_message(self, text: str) -> None:
        """A sentence not about one field (a storage fault, say), in the banner."""
        self.clear_errors()
        self.banner.setText(text)
        self.banner.show()

    def show_error(self, exc: DomainError) -> None:
        """Beside its field when the error names one on this form, else in the banner."""
        self.clear_errors()
        text = first_upper(describe(exc))  # English ones may start "name …"
        field = exc.field.split("[")[0].split(".")[0] if isinstance(exc, InvalidInput) else ""
        label = self.errors.get(field)
        if label is not None:
            label.setText(text)
            label.show()
            self.fields[field].setFocus()
        else:
            self.banner.setText(text)
            self.banner.show()


def text_box(height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setMinimumHeight(height)
    box.setTabChangesFocus(True)
    return box


def percent_box(value: int = 0) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 100)
    spin.setSuffix("%")
    spin.setValue(value)
    return spin


def widget_value(widget: QWidget) -> Any:
    """What a form widget holds, in the type core expects."""
    unit_id = getattr(widget, "unit_id", None)
    if callable(unit_id):
        return unit_id()
    if isinstance(widget, OptionalDate):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return from_qdate(widget.date())
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(type(widget).__name__)


def chosen_unit(values: dict[str, Any], key: str) -> int:
    """The unit picked in an AskDialog, or the refusal a clerk sees beside the field."""
    unit_id = values.get(key)
    if unit_id is None:
        raise InvalidInput("unit_required", field=key)
    return int(unit_id)


def chosen(values: dict[str, Any], key: str) -> int:
    """The record picked from a list in an AskDialog, or 「…」不能为空 beside the field."""
    record_id = values.get(key)
    if record_id is None:
        raise InvalidInput("required", field=key)
    return int(record_id)


class AskDialog(QDialog):
    """A few inputs for a workflow step (a date, a reason, a unit…), checked by core on OK."""

    def __init__(
        self, title: str, fields: list[tuple[str, str, QWidget]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = Form()
        for key, label, widget in fields:
            self.form.add(key, label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.form.banner)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        return {key: widget_value(widget) for key, widget in self.form.fields.items()}
