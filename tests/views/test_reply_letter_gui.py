"""The 答复函 opens from the suggestion editor once the suggestion is saved."""

from __future__ import annotations

from datetime import date

from desktop.core.suggestions import SuggestionInput, register_suggestion
from desktop.models.enums import Channel, Level
from desktop.views.editors.suggestion_editor import SuggestionEditor
from tests.conftest import County


def test_the_suggestion_editor_previews_the_reply_letter(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    new = SuggestionEditor(county.db)
    qtbot.addWidget(new)
    assert not new.reply_letter_button.isEnabled()  # nothing to answer before it is saved
    suggestion = county.run(
        register_suggestion,
        SuggestionInput(
            channel=Channel.LETTER,
            received_on=date(2026, 3, 1),
            content="建议建设职工书屋",
            target_level=Level.COUNTY,
            submitter_name="李梅",
        ),
    ).id
    editor = SuggestionEditor(county.db, suggestion)
    qtbot.addWidget(editor)
    assert editor.reply_letter_button.text() == "答复函"
    assert editor.reply_letter_button.isEnabled()
    preview = editor.print_document("答复函", editor_source(editor))
    assert preview is not None and preview.document.pageCount() >= 1
    qtbot.addWidget(preview)


def editor_source(editor: SuggestionEditor):  # type: ignore[no-untyped-def]
    from desktop.views.editors import suggestion_editor

    return suggestion_editor._reply_letter
