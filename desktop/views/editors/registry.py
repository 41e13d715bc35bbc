"""Which editor opens which record kind: each editor class registers itself with `editor_for`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from desktop.core.kinds import PAGED, record_kind
from desktop.views.editors.base import RecordEditor

Editor = TypeVar("Editor", bound=RecordEditor)

# Filled as the editor modules are imported (desktop/views/editors/__init__.py imports them all).
EDITORS: dict[str, type[RecordEditor]] = {}
# Agreed items are created from their meeting, so the list page offers no "new" for them.
CREATABLE = frozenset(PAGED) - {"item"}


def editor_for(key: str) -> Callable[[type[Editor]], type[Editor]]:
    """Register the decorated class as the editor of the record kind `key`."""
    record_kind(key)  # a misspelt kind fails when its module is imported
    if key not in PAGED:
        raise ValueError(f"{key} has no page in the window, so no editor opens it")

    def register(cls: type[Editor]) -> type[Editor]:
        if key in EDITORS:
            raise ValueError(f"{key} already opens in {EDITORS[key].__name__}")
        cls.kind = key
        EDITORS[key] = cls
        return cls

    return register
