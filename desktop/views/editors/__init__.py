"""Editors for every record kind; importing the package registers each with `editor_for`."""

from desktop.views.editors import (  # noqa: F401  (imported to register the editors)
    bulletin_editor,
    establishment_editor,
    item_editor,
    meeting_editor,
    notice_editor,
    suggestion_editor,
    topic_editor,
    unit_editor,
)
