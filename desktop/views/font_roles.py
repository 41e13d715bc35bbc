"""Which font file prints each part of a document (公文字体), and the office's own font folder."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.errors import DomainError
from desktop.core.settings import font_folder, save_font_folder
from desktop.messages import describe
from desktop.reports.fonts import FontRole, FontSet, resolve_fonts, stand_in_roles, use_font_folder
from desktop.views.labels import QT_TRANSLATE_NOOP, with_colon
from desktop.views.operations import Operations

# The face GB/T 9704 names for each role, as the office knows it.
ROLE_NAMES = {
    FontRole.TITLE: QT_TRANSLATE_NOOP("FontRoles", "标题（小标宋）"),
    FontRole.BODY: QT_TRANSLATE_NOOP("FontRoles", "正文（仿宋）"),
    FontRole.HEI: QT_TRANSLATE_NOOP("FontRoles", "一级标题（黑体）"),
    FontRole.KAI: QT_TRANSLATE_NOOP("FontRoles", "二级标题（楷体）"),
    FontRole.SONG: QT_TRANSLATE_NOOP("FontRoles", "页码（宋体）"),
}


def _save_folder(session: Session, folder: str) -> bool:
    save_font_folder(session, folder)
    return True  # saved (mutate returns None for a refusal)


def role_name(role: FontRole) -> str:
    return QCoreApplication.translate("FontRoles", ROLE_NAMES[role])


def stand_in_note() -> str:
    """One sentence naming the roles printed in a stand-in face, or "" when every role has
    its own (for the document preview to show once)."""
    try:
        roles = stand_in_roles(resolve_fonts())
    except DomainError:
        return ""  # no font at all: the preview already says so, and builds nothing
    if not roles:
        return ""
    names = "、".join(role_name(role) for role in roles)
    note = QCoreApplication.translate(
        "FontRoles",
        "本机缺少公文字体，%1 暂以其他字体代替；可在“设置 → 公文字体”中指定字体文件夹。",
    )
    return note.replace("%1", names)


class FontRolesBox(QGroupBox):
    """The file serving each role, marked when it stands in for the proper face; a button to
    choose the folder the office keeps its fonts in. The saved folder takes effect when the
    window opens (this box is built with the Settings page) and whenever it is changed here."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("公文字体"))
        self.ops = ops
        self.folder = QLabel()
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        choose = QPushButton(self.tr("选择字体文件夹…"))
        choose.clicked.connect(self.choose_folder)
        self.clear = QPushButton(self.tr("不使用"))
        self.clear.clicked.connect(lambda: self.set_folder(""))
        buttons = QHBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(self.clear)
        buttons.addStretch(1)
        self.files = {role: QLabel() for role in FontRole}
        form = QFormLayout(self)
        form.addRow(with_colon(self.tr("字体文件夹")), self.folder)
        form.addRow("", buttons)
        for role, label in self.files.items():
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            form.addRow(with_colon(role_name(role)), label)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form.addRow(self.problem)
        saved = ops.read(font_folder)
        use_font_folder(saved or None)
        self.show_fonts(saved)

    def show_fonts(self, folder: str) -> None:
        self.folder.setText(folder or self.tr("（未指定，使用系统字体）"))
        self.clear.setEnabled(bool(folder))
        try:
            fonts: FontSet | None = resolve_fonts()
            self.problem.setText("")
        except DomainError as exc:
            fonts = None
            self.problem.setText(describe(exc))
        for role, label in self.files.items():
            if fonts is None:
                label.setText("—")
                continue
            font = fonts[role]
            text = str(font.path) + (f" #{font.subfont_index}" if font.subfont_index else "")
            label.setText(text + (self.tr("（代用）") if font.stand_in else ""))

    def set_folder(self, folder: str) -> None:
        if self.ops.mutate(_save_folder, folder, parent=self) is None:
            return
        use_font_folder(folder or None)
        self.show_fonts(folder)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择字体文件夹"), self.folder.text()
        )
        if folder:
            self.set_folder(folder)
