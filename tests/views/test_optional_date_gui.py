"""A date left blank shows no date (a disabled field used to show one that was not there)."""

from __future__ import annotations

from datetime import date

from desktop.views.form import OptionalDate


def test_a_blank_date_shows_no_date_and_gets_its_date_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = OptionalDate(date(2026, 12, 5))
    qtbot.addWidget(field)
    assert field.value() == date(2026, 12, 5) and field.edit.text() == "2026-12-05"
    field.blank.setChecked(True)
    assert field.value() is None
    assert field.edit.text() == "（未填写）" and not field.edit.isEnabled()
    field.blank.setChecked(False)
    assert field.value() == date(2026, 12, 5)
    field.set_value(None)
    assert field.edit.text() == "（未填写）"
    field.set_value(date(2027, 1, 4))
    assert field.value() == date(2027, 1, 4) and field.edit.isEnabled()


def test_a_field_made_blank_shows_no_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = OptionalDate(None)
    qtbot.addWidget(field)
    assert field.value() is None and field.edit.text() == "（未填写）"
