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
