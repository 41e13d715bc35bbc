"""The meeting editor records the meeting's decision on each agenda topic."""

from __future__ import annotations

from desktop.core import meetings
from desktop.core.decisions import Outcome
from desktop.views.editors.meeting_editor import MeetingEditor
from tests.conftest import County
from tests.core.helpers import held_meeting
from tests.views.dialogs import answering


def test_a_decision_per_topic_is_recorded_and_shown_on_the_agenda(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    meeting_id, topic_id = held_meeting(county)
    editor = MeetingEditor(county.db, meeting_id)
    qtbot.addWidget(editor)
    editor.agenda.setCurrentRow(0)

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        outcome = dialog.form.fields["outcome"]
        outcome.setCurrentIndex(outcome.findData(Outcome.DEFERRED))

    answering({"decision": "待县财政预算明确后再议"}, then=choose)
    assert editor.decide_selected() is not None
    stored = county.run(meetings.get_meeting, meeting_id).agenda[0]
    assert (stored.topic_id, stored.decision) == (topic_id, "暂缓：待县财政预算明确后再议")
    assert editor.agenda.item(0).text().endswith("（暂缓）")
    # A deferral without its reason is refused in the dialog, which stays open until cancelled.
    seen = answering(
        {"decision": ""}, then=choose, cancel=False
    )  # accepted once: refused, then the next answer cancels
    answering({}, cancel=True)
    assert editor.decide_selected() is None
    assert "写明理由" in seen[0].form.errors["decision"].text()


def test_the_meeting_start_time_is_entered_in_the_editor(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    meeting_id, _ = held_meeting(county)
    editor = MeetingEditor(county.db, meeting_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.starts_at, "25:99")
    assert not editor.save()
    assert "时:分" in editor.form.errors["starts_at"].text()
    editor.starts_at.clear()
    qtbot.keyClicks(editor.starts_at, "14:30")
    assert editor.save()
    assert county.run(meetings.get_meeting, meeting_id).starts_at == "14:30"
    again = MeetingEditor(county.db, meeting_id)
    qtbot.addWidget(again)
    assert again.starts_at.text() == "14:30"
