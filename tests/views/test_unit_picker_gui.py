"""A unit field holds the unit chosen, never one of several that share a name."""

from __future__ import annotations

from desktop.core.suggestions import get_suggestion
from desktop.core.units import UnitInput, create_unit
from desktop.models.enums import Level, UnitKind
from desktop.views.unit_picker import UnitPicker, distinct_labels
from tests.conftest import County


def test_labels_tell_apart_units_that_share_a_name() -> None:
    rows = [
        (1, "县财政局", "滨海县人民政府", "xczj"),
        (2, "县财政局", None, "xczj"),
        (3, "县财政局", None, "xczj"),
        (4, "八滩镇工会", "滨海县总工会", "btzgh"),
    ]
    labels = [label for _, label, _ in distinct_labels(rows)]
    assert labels == [
        "县财政局（滨海县人民政府）",
        "县财政局（无上级，编号2）",
        "县财政局（无上级，编号3）",
        "八滩镇工会",
    ]


def test_a_duplicate_name_keeps_the_unit_the_record_had(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    copy = county.run(
        create_unit, UnitInput("县财政局", UnitKind.DEPARTMENT, Level.COUNTY)
    ).id  # an imported copy without a parent, made last
    picker = UnitPicker(county.db)
    qtbot.addWidget(picker)
    picker.set_unit_id(county.finance)
    assert picker.text() == "县财政局（滨海县人民政府）"
    assert picker.unit_id() == county.finance  # the last made would win a lookup by name
    picker.set_unit_id(copy)
    assert picker.text() == "县财政局（无上级）"
    assert picker.unit_id() == copy
    picker.setText("县财政局")  # the bare name names neither
    assert picker.unit_id() is None
    assert picker.has_unknown_text()


def test_saving_a_suggestion_keeps_its_unit_among_duplicates(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from desktop.core.suggestions import SuggestionInput, register_suggestion
    from desktop.models.enums import Channel
    from desktop.views.editors.suggestion_editor import SuggestionEditor

    suggestion = county.run(
        register_suggestion,
        SuggestionInput(
            Channel.LETTER,
            date(2026, 11, 2),
            "食堂补贴",
            Level.TOWNSHIP,
            receiving_unit_id=county.township_union,
            submitter_name="王芳",
        ),
    )
    county.run(create_unit, UnitInput("八滩镇工会", UnitKind.TOWNSHIP_UNION, Level.TOWNSHIP))
    editor = SuggestionEditor(county.db, suggestion.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.content.setPlainText("食堂补贴，望尽快答复")  # only the text changes
    assert editor.dirty
    assert editor.save()
    saved = county.run(get_suggestion, suggestion.id)
    assert saved.receiving_unit_id == county.township_union


def test_a_record_another_office_keeps_opens_read_only(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from desktop.models import Office, Unit
    from desktop.models.enums import Level as Lv
    from desktop.views.editors.unit_editor import UnitEditor

    with county.db.unit_of_work() as s:
        s.add(
            Office(uuid="0" * 8 + "-0000-4000-8000-" + "0" * 12, name="盐城市总工会", level=Lv.CITY)
        )
        s.execute(
            update(Unit)
            .where(Unit.id == county.finance)
            .values(origin_office="0" * 8 + "-0000-4000-8000-" + "0" * 12)
        )
    editor = UnitEditor(county.db, county.finance)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.kept_by == "盐城市总工会"
    assert editor.kept_note.isVisible() and "盐城市总工会" in editor.kept_note.text()
    assert not editor.form.isEnabled()
    assert not editor.save()
    own = UnitEditor(county.db, county.hrss)
    qtbot.addWidget(own)
    own.show()
    assert own.kept_by is None and not own.kept_note.isVisible() and own.form.isEnabled()


def test_merging_a_duplicate_from_its_editor(qtbot, county: County, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from desktop.core.units import get_unit
    from desktop.views.editors.unit_editor import UnitEditor
    from tests.views.dialogs import answer_questions

    copy = county.run(create_unit, UnitInput("县财政局", UnitKind.DEPARTMENT, Level.COUNTY)).id
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    editor = UnitEditor(county.db, copy)
    qtbot.addWidget(editor)

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog is editor:
            QTimer.singleShot(20, pick)
            return
        dialog.findChild(UnitPicker).set_unit_id(county.finance)
        dialog.accept()

    QTimer.singleShot(0, pick)
    assert editor.merge_into_other()
    assert asked and "将“县财政局”合并到“县财政局（滨海县人民政府）”" in asked[0]
    assert county.run(get_unit, county.finance).name == "县财政局"
    picker = UnitPicker(county.db)
    qtbot.addWidget(picker)
    picker.set_unit_id(county.finance)
    assert picker.text() == "县财政局"  # one unit of the name again: shown by name alone


def test_a_unit_missing_from_the_directory_is_made_in_place(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.units import get_unit
    from desktop.views.editors.unit_editor import UnitEditor

    picker = UnitPicker(county.db)
    qtbot.addWidget(picker)
    picker.setText("八滩镇人民政府办公室")
    assert picker.unit_id() is None

    def save_and_close() -> None:
        editor = QApplication.activeModalWidget()
        if not isinstance(editor, UnitEditor):
            QTimer.singleShot(20, save_and_close)
            return
        assert editor.name.text() == "八滩镇人民政府办公室"  # named as typed
        assert editor.save()
        editor.reject()

    QTimer.singleShot(0, save_and_close)
    created = picker.create_unit()
    assert created is not None and picker.unit_id() == created
    assert picker.text() == "八滩镇人民政府办公室"
    assert county.run(get_unit, created).name == "八滩镇人民政府办公室"
