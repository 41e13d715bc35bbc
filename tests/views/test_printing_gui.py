"""Documents open from their editors and menus; the meeting editor flags a meeting held for form."""

from __future__ import annotations

from datetime import date

from desktop.core import documents
from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.models.enums import Level, MeetingStatus
from desktop.views.editors.meeting_editor import MeetingEditor
from desktop.views.editors.topic_editor import TopicEditor
from desktop.views.main_window import MainWindow
from tests.conftest import County
from tests.core.helpers import assigned_item, held_meeting, planned_meeting
from tests.views.dialogs import answering


def test_meeting_prints_minutes_and_notice(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    meeting_id, topic_id = held_meeting(county)
    editor = MeetingEditor(county.db, meeting_id)
    qtbot.addWidget(editor)
    labels = [b.text() for b in editor.print_buttons]
    assert labels == ["打印会议通知", "打印纪要"] and all(
        b.isEnabled() for b in editor.print_buttons
    )
    minutes = editor.print_document("打印纪要", documents.minutes_doc)
    assert minutes is not None and minutes.document.pageCount() >= 1
    qtbot.addWidget(minutes)
    topic = TopicEditor(county.db, topic_id)
    qtbot.addWidget(topic)
    form = topic.print_document(topic.print_buttons[0].text(), documents.vetting_doc)
    assert form is not None
    qtbot.addWidget(form)


def test_new_record_cannot_print_until_saved(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    editor = MeetingEditor(county.db)
    qtbot.addWidget(editor)
    assert not any(b.isEnabled() for b in editor.print_buttons)


def test_flag_formality_orders_a_new_meeting(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    meeting_id, _ = held_meeting(county)
    editor = MeetingEditor(county.db, meeting_id)
    qtbot.addWidget(editor)
    assert editor.flag_button.isEnabled()
    answering({"reason": "会议未研究实质性问题", "reconvene_by": date(2026, 6, 1)})
    editor.flag_button.click()
    assert editor.dto.formality_flag and not editor.flag_button.isEnabled()
    planned = MeetingEditor(county.db, planned_meeting(county))
    qtbot.addWidget(planned)
    assert not planned.flag_button.isEnabled()
    assert planned.dto.status == MeetingStatus.PLANNED


def test_dashboard_next_steps_and_statistics(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    assigned_item(county, deadline=date(2026, 5, 1))
    county.run(
        create_establishment,
        EstablishmentInput(
            county.federation,
            "滨海县人民政府",
            Level.COUNTY,
            established=True,
            established_on=date(2012, 1, 1),
        ),
    )
    window = MainWindow(county.db, today=date(2026, 11, 16))
    qtbot.addWidget(window)
    steps = window.dashboard.next_steps
    assert steps.count() == 1 and steps.item(0).text().startswith("发催办单：县人社局")
    statistics = window.print_statistics(2026)
    assert statistics is not None
    qtbot.addWidget(statistics)
    assert statistics.document.pageCount() >= 1
