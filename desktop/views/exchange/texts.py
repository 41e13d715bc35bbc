"""Words the exchange tabs share: import outcomes, sizes (record kinds: messages.kind_label)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.messages import current_language
from desktop.views.labels import QT_TRANSLATE_NOOP

RESULT_LABELS = {
    "applied": QT_TRANSLATE_NOOP("exchange", "已导入"),
    "already_applied": QT_TRANSLATE_NOOP("exchange", "以前已导入，无变化"),
    "held": QT_TRANSLATE_NOOP("exchange", "暂存，等待前一个数据包"),
    "rejected": QT_TRANSLATE_NOOP("exchange", "已拒绝"),
    "written": QT_TRANSLATE_NOOP("exchange", "已写出"),
    "rewritten": QT_TRANSLATE_NOOP("exchange", "已重新写出"),
    "write_failed": QT_TRANSLATE_NOOP("exchange", "写入失败，待重新写出"),
    "resync": QT_TRANSLATE_NOOP("exchange", "重新同步：此后数据包从第 1 号重新编号"),
}
PREVIEW_LABELS = {**RESULT_LABELS, "applied": QT_TRANSLATE_NOOP("exchange", "可以导入")}
OUTCOME_LABELS = {
    "new": QT_TRANSLATE_NOOP("exchange", "新增"),
    "updated": QT_TRANSLATE_NOOP("exchange", "更新"),
    "unchanged": QT_TRANSLATE_NOOP("exchange", "无变化"),
    "conflicts": QT_TRANSLATE_NOOP("exchange", "冲突"),
    "rejected": QT_TRANSLATE_NOOP("exchange", "拒收"),
}
DIRECTION_LABELS = {
    "export": QT_TRANSLATE_NOOP("exchange", "导出"),
    "import": QT_TRANSLATE_NOOP("exchange", "导入"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("exchange", text)


def result_text(result: str, preview: bool = False) -> str:
    labels = PREVIEW_LABELS if preview else RESULT_LABELS
    return tr(labels[result]) if result in labels else result


def joined(parts: list[str]) -> str:
    """A list in a sentence: 会议 3，单位 1 in Chinese, meeting 3, unit 1 in English."""
    return ("，" if current_language() == "zh" else ", ").join(parts)


def size_text(size: int) -> str:
    """Free space on a stick: 512 B, 3.2 MB, 14.6 GB."""
    if size < 1024:
        return f"{size} B"
    value = size / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"
