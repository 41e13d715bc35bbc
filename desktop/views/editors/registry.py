"""Which editor opens which record kind."""

from __future__ import annotations

from desktop.views.editors.base import RecordEditor
from desktop.views.editors.bulletin_editor import BulletinEditor
from desktop.views.editors.establishment_editor import EstablishmentEditor
from desktop.views.editors.item_editor import ItemEditor
from desktop.views.editors.meeting_editor import MeetingEditor
from desktop.views.editors.notice_editor import NoticeEditor
from desktop.views.editors.suggestion_editor import SuggestionEditor
from desktop.views.editors.topic_editor import TopicEditor
from desktop.views.editors.unit_editor import UnitEditor

EDITORS: dict[str, type[RecordEditor]] = {
    "unit": UnitEditor,
    "establishment": EstablishmentEditor,
    "suggestion": SuggestionEditor,
    "topic": TopicEditor,
    "meeting": MeetingEditor,
    "item": ItemEditor,
    "notice": NoticeEditor,
    "bulletin": BulletinEditor,
}
# Agreed items are created from their meeting, so the list page offers no "new" for them.
CREATABLE = frozenset(EDITORS) - {"item"}
