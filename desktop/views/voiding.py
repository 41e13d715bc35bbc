"""Voiding (作废) an issued notice or bulletin from a list page or its editor, with undo."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QPushButton, QWidget

from desktop.core.permissions import NotPermitted
from desktop.core.voiding import VoidInfo, void_document
from desktop.db import Database
from desktop.messages import kind_label, message
from desktop.models.enums import Role
from desktop.views.editors.base import RecordEditor
from desktop.views.login_dialog import current_actor
from desktop.views.operations import operations


def void_record(
    db: Database,
    kind: str,
    record_id: int,
    number: str,
    parent: QWidget,
    reason: str | None = None,
) -> bool:
    """Void the issued document for a reason, asked for when not given; True when done. It
    keeps its number and its issued copy and stops counting; Ctrl+Z brings it back."""
    label = kind_label(kind)
    if reason is None:
        reason, ok = QInputDialog.getMultiLineText(
            parent,
            QCoreApplication.translate("Voiding", "作废文书"),
            QCoreApplication.translate(
                "Voiding",
                "作废%1 %2：文号保留、不再使用，已印发的文本留存并标明“作废”，"
                "不再计入督办和统计。请写明作废理由：",
            )
            .replace("%1", label)
            .replace("%2", number),
        )
        if not ok:
            return False
    text = (
        QCoreApplication.translate("Voiding", "作废%1 %2")
        .replace("%1", label)
        .replace("%2", number)
    )
    ops = operations(db)
    return ops.remove(void_document, kind, record_id, reason, text=text, parent=parent) is not None


def void_shown(editor: RecordEditor, reason: str | None = None) -> bool:
    """Void the document an editor shows (asking why when not given), then show it voided."""
    dto = editor.dto
    if dto is None or not void_record(editor.db, editor.kind, dto.id, dto.number, editor, reason):
        return False
    editor.refresh()
    return True


def void_button(db: Database, issued: bool, voided: bool) -> QPushButton:
    """作废…, enabled for an issued document still in force when the account may void it
    (a reviewer or the admin); disabled with the reason in its tooltip otherwise."""
    button = QPushButton(QCoreApplication.translate("Voiding", "作废…"))
    update_void_button(button, db, issued, voided)
    return button


def update_void_button(button: QPushButton, db: Database, issued: bool, voided: bool) -> None:
    actor = current_actor(operations(db))
    allowed = actor is None or actor.role in (None, Role.REVIEWER, Role.ADMIN)
    button.setEnabled(issued and not voided and allowed)
    if voided:
        button.setToolTip(QCoreApplication.translate("Voiding", "已作废"))
    elif not issued:
        button.setToolTip(QCoreApplication.translate("Voiding", "尚未印发，没有文号：可以直接删除"))
    elif actor is not None and not allowed:
        why = NotPermitted(actor, "issue_documents")
        button.setToolTip(message(why.code, why.fields))
    else:
        button.setToolTip(
            QCoreApplication.translate("Voiding", "文号保留不再使用，已印发的文本标明“作废”")
        )


def voided_number(number: str, voided: VoidInfo | None) -> str:
    """A document's number, saying 已作废 with the day and the reason once it is voided."""
    if voided is None:
        return number
    return (
        QCoreApplication.translate("Voiding", "%1（已于 %2 作废：%3）")
        .replace("%1", number)
        .replace("%2", voided.voided_on.isoformat())
        .replace("%3", voided.reason)
    )
