"""Every record kind with a page has its page title and an editor that registered itself."""

from __future__ import annotations

import pytest

from desktop.core.kinds import PAGED
from desktop.views.editors.base import RecordEditor
from desktop.views.editors.registry import CREATABLE, EDITORS, editor_for
from desktop.views.main_window import LIST_PAGES, PAGE_TITLES


def test_every_page_kind_has_one_editor_of_its_own_kind() -> None:
    assert set(EDITORS) == set(PAGED)
    for key, editor in EDITORS.items():
        assert editor.kind == key
    assert set(PAGED) - {"item"} == CREATABLE


def test_the_window_lists_the_registry_kinds_in_order() -> None:
    assert [kind for kind, _title in LIST_PAGES] == list(PAGED)
    assert set(PAGE_TITLES) == set(PAGED)


def test_a_misspelt_or_second_editor_is_refused() -> None:
    with pytest.raises(KeyError):
        editor_for("agreed_item")
    with pytest.raises(ValueError):
        editor_for("holiday")
    with pytest.raises(ValueError):
        editor_for("unit")(type("SecondUnitEditor", (RecordEditor,), {}))
    assert EDITORS["unit"].__name__ == "UnitEditor"
