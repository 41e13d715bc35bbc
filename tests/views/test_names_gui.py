"""Records are named as the clerk knows them, never by an internal id."""

from __future__ import annotations

from desktop.core.topics import TopicInput, create_topic, get_topic
from desktop.models.enums import TopicSource, TopicStatus
from desktop.views.editors.item_editor import ItemEditor
from desktop.views.editors.topic_editor import TopicEditor
from tests.conftest import County
from tests.core.helpers import assigned_item
from tests.views.dialogs import answering


def test_an_item_names_its_meeting_by_number_partner_and_day(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    editor = ItemEditor(county.db, assigned_item(county))
    qtbot.addWidget(editor)
    assert editor.meeting.text() == "第1次联席会议（滨海县人民政府，2026-04-01）"


def test_merging_a_topic_picks_the_target_by_title(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    into = county.run(
        create_topic, TopicInput("职工食堂补贴", TopicSource.RESEARCH, county.federation)
    )
    merged = county.run(
        create_topic, TopicInput("食堂补贴", TopicSource.RESEARCH, county.federation)
    )
    editor = TopicEditor(county.db, merged.id)
    qtbot.addWidget(editor)
    offered: list[list[str]] = []

    def pick(dialog) -> None:  # type: ignore[no-untyped-def]
        combo = dialog.form.fields["into_topic_id"]
        offered.append([combo.itemText(i) for i in range(combo.count())])
        combo.setCurrentIndex(combo.findData(into.id))

    answering({}, then=pick)
    editor.workflow.buttons["merge"].click()
    assert offered == [["职工食堂补贴（候选）"]]  # never itself, and by its title
    assert county.run(get_topic, merged.id).status == TopicStatus.MERGED
