"""Extension, refusal, send back and verification driven through the item editor."""

from __future__ import annotations

from datetime import date

from desktop.models.enums import ItemStatus
from desktop.views.editors.item_editor import ItemEditor
from tests.conftest import County
from tests.core.helpers import assigned_item
from tests.views.dialogs import answering


def click(editor: ItemEditor, action: str, values: dict) -> None:  # type: ignore[type-arg]
    answering(values)
    button = editor.workflow.buttons[action]
    assert button.isEnabled(), (action, button.toolTip())
    button.click()


def test_extension_approved_then_refused(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    editor = ItemEditor(county.db, assigned_item(county))
    qtbot.addWidget(editor)
    click(
        editor,
        "request_extension",
        {
            "on": date(2026, 6, 1),
            "extension_deadline": date(2026, 8, 31),
            "reason": "配套资金尚未到位",
        },
    )
    assert editor.dto.status == ItemStatus.EXTENSION_REQUESTED
    assert not editor.workflow.buttons["complete"].isEnabled()
    click(
        editor,
        "approve_extension",
        {"on": date(2026, 6, 3), "extension_deadline": date(2026, 8, 31)},
    )
    assert (editor.dto.status, editor.dto.deadline) == (ItemStatus.IN_PROGRESS, date(2026, 8, 31))
    click(
        editor,
        "request_extension",
        {"on": date(2026, 8, 20), "extension_deadline": date(2026, 12, 31), "reason": "再次申请"},
    )
    click(editor, "refuse_extension", {"on": date(2026, 8, 21), "reason": "理由不充分"})
    assert (editor.dto.status, editor.dto.deadline) == (ItemStatus.IN_PROGRESS, date(2026, 8, 31))
    actions = [e.action for e in editor.dto.timeline]
    assert actions[-4:] == [
        "request_extension",
        "approve_extension",
        "request_extension",
        "refuse_extension",
    ]


def test_send_back_then_verify(qtbot, county: County) -> None:  # type: ignore[no-untyped-def]
    editor = ItemEditor(county.db, assigned_item(county))
    qtbot.addWidget(editor)
    click(editor, "complete", {"on": date(2026, 6, 10)})
    assert editor.dto.status == ItemStatus.COMPLETED
    click(editor, "send_back", {"on": date(2026, 6, 12), "reason": "未提供落实文件"})
    assert (editor.dto.status, editor.dto.send_back_reason) == (
        ItemStatus.IN_PROGRESS,
        "未提供落实文件",
    )
    assert editor.dto.completed_on is None
    assert not editor.workflow.buttons["verify"].isEnabled()
    assert "不能执行“验收”" in editor.workflow.buttons["verify"].toolTip()
    click(editor, "complete", {"on": date(2026, 6, 20)})
    click(editor, "verify", {"on": date(2026, 6, 25), "note": "经核实，资金已列入预算"})
    assert editor.dto.status == ItemStatus.VERIFIED
    assert editor.dto.verification_note == "经核实，资金已列入预算"
