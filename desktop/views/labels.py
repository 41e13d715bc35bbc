"""Column headers and cell texts for the record lists, in the interface language."""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.messages import (
    ESTIMATED_MARK,
    STATUS_LABELS,
    action_label,
    current_language,
    status_label,
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark a text for lupdate under `context`; translate it where it is shown.

    PySide6's own QT_TRANSLATE_NOOP does the same but is typed as returning object.
    """
    return text


# The labels below are Chinese source texts, translated when looked up (lianxi_en.ts).
CONTEXT = "labels"

COLUMN_LABELS: dict[str, str] = {
    "id": QT_TRANSLATE_NOOP("labels", "编号"),
    "name": QT_TRANSLATE_NOOP("labels", "名称"),
    "kind": QT_TRANSLATE_NOOP("labels", "类别"),
    "level": QT_TRANSLATE_NOOP("labels", "层级"),
    "parent": QT_TRANSLATE_NOOP("labels", "上级单位"),
    "contact_person": QT_TRANSLATE_NOOP("labels", "联系人"),
    "contact_phone": QT_TRANSLATE_NOOP("labels", "联系电话"),
    "pinyin_initials": QT_TRANSLATE_NOOP("labels", "拼音首字母"),
    "union": QT_TRANSLATE_NOOP("labels", "工会"),
    "partner": QT_TRANSLATE_NOOP("labels", "对方单位"),
    "status": QT_TRANSLATE_NOOP("labels", "状态"),
    "established_on": QT_TRANSLATE_NOOP("labels", "建制日期"),
    "document_number": QT_TRANSLATE_NOOP("labels", "文号"),
    "meetings_per_year": QT_TRANSLATE_NOOP("labels", "每年应开次数"),
    "establish_deadline": QT_TRANSLATE_NOOP("labels", "限期建制"),
    "received_on": QT_TRANSLATE_NOOP("labels", "收到日期"),
    "channel": QT_TRANSLATE_NOOP("labels", "渠道"),
    "receiving_unit": QT_TRANSLATE_NOOP("labels", "受理工会"),
    "target_level": QT_TRANSLATE_NOOP("labels", "办理层级"),
    "content": QT_TRANSLATE_NOOP("labels", "内容"),
    "topic_id": QT_TRANSLATE_NOOP("labels", "议题编号"),
    "replied_on": QT_TRANSLATE_NOOP("labels", "答复日期"),
    "title": QT_TRANSLATE_NOOP("labels", "标题"),
    "source": QT_TRANSLATE_NOOP("labels", "来源"),
    "priority": QT_TRANSLATE_NOOP("labels", "优先级"),
    "vetted_on": QT_TRANSLATE_NOOP("labels", "审定日期"),
    "series_number": QT_TRANSLATE_NOOP("labels", "届次"),
    "planned_on": QT_TRANSLATE_NOOP("labels", "计划日期"),
    "held_on": QT_TRANSLATE_NOOP("labels", "召开日期"),
    "place": QT_TRANSLATE_NOOP("labels", "地点"),
    "formality_flag": QT_TRANSLATE_NOOP("labels", "走过场"),
    "minutes_number": QT_TRANSLATE_NOOP("labels", "纪要文号"),
    "meeting_id": QT_TRANSLATE_NOOP("labels", "会议编号"),
    "meeting": QT_TRANSLATE_NOOP("labels", "所属会议"),
    "sequence": QT_TRANSLATE_NOOP("labels", "序号"),
    "text": QT_TRANSLATE_NOOP("labels", "内容"),
    "lead_unit": QT_TRANSLATE_NOOP("labels", "牵头单位"),
    "deadline": QT_TRANSLATE_NOOP("labels", "完成时限"),
    "percent_done": QT_TRANSLATE_NOOP("labels", "进度%"),
    "last_feedback_on": QT_TRANSLATE_NOOP("labels", "最近反馈"),
    "completed_on": QT_TRANSLATE_NOOP("labels", "办结日期"),
    "meeting_held_on": QT_TRANSLATE_NOOP("labels", "会议日期"),
    "item_id": QT_TRANSLATE_NOOP("labels", "事项编号"),
    "reported_on": QT_TRANSLATE_NOOP("labels", "反馈日期"),
    "reporting_unit": QT_TRANSLATE_NOOP("labels", "反馈单位"),
    "number": QT_TRANSLATE_NOOP("labels", "文号"),
    "issued_on": QT_TRANSLATE_NOOP("labels", "印发日期"),
    "target_unit": QT_TRANSLATE_NOOP("labels", "督办对象"),
    "feedback_deadline": QT_TRANSLATE_NOOP("labels", "反馈时限"),
    "rectify_deadline": QT_TRANSLATE_NOOP("labels", "整改时限"),
    "result": QT_TRANSLATE_NOOP("labels", "整改结果"),
    "issue_no": QT_TRANSLATE_NOOP("labels", "期数"),
    "period_start": QT_TRANSLATE_NOOP("labels", "起始日期"),
    "period_end": QT_TRANSLATE_NOOP("labels", "截止日期"),
    "assigned_on": QT_TRANSLATE_NOOP("labels", "交办日期"),
    "light": QT_TRANSLATE_NOOP("labels", "督办灯"),
    "voided_on": QT_TRANSLATE_NOOP("labels", "作废日期"),
    "void_reason": QT_TRANSLATE_NOOP("labels", "作废理由"),
    "submitter_phone": QT_TRANSLATE_NOOP("labels", "联系电话"),
}

VALUE_LABELS: dict[str, str] = {
    "province": QT_TRANSLATE_NOOP("labels", "省"),
    "city": QT_TRANSLATE_NOOP("labels", "市"),
    "county": QT_TRANSLATE_NOOP("labels", "县"),
    "township": QT_TRANSLATE_NOOP("labels", "乡镇"),
    "street": QT_TRANSLATE_NOOP("labels", "街道"),
    "enterprise": QT_TRANSLATE_NOOP("labels", "企业"),
    "industry": QT_TRANSLATE_NOOP("labels", "产业"),
    "government": QT_TRANSLATE_NOOP("labels", "政府"),
    "department": QT_TRANSLATE_NOOP("labels", "政府部门"),
    "party_committee": QT_TRANSLATE_NOOP("labels", "党委"),
    "federation": QT_TRANSLATE_NOOP("labels", "总工会"),
    "township_union": QT_TRANSLATE_NOOP("labels", "乡镇工会"),
    "street_union": QT_TRANSLATE_NOOP("labels", "街道工会"),
    "enterprise_union": QT_TRANSLATE_NOOP("labels", "企业工会"),
    "industry_union": QT_TRANSLATE_NOOP("labels", "产业工会"),
    "industry_association": QT_TRANSLATE_NOOP("labels", "行业协会"),
    "wechat": QT_TRANSLATE_NOOP("labels", "微信"),
    "sms": QT_TRANSLATE_NOOP("labels", "短信"),
    "email": QT_TRANSLATE_NOOP("labels", "电子邮件"),
    "letter": QT_TRANSLATE_NOOP("labels", "来信"),
    "visit": QT_TRANSLATE_NOOP("labels", "来访"),
    "hotline": QT_TRANSLATE_NOOP("labels", "热线"),
    "forum": QT_TRANSLATE_NOOP("labels", "座谈会"),
    "other": QT_TRANSLATE_NOOP("labels", "其他"),
    "suggestion": QT_TRANSLATE_NOOP("labels", "职工建议"),
    "research": QT_TRANSLATE_NOOP("labels", "工会调研"),
    "party_priority": QT_TRANSLATE_NOOP("labels", "党政重点"),
    "lower_request": QT_TRANSLATE_NOOP("labels", "下级工会提请"),
    "government_union": QT_TRANSLATE_NOOP("labels", "政府与工会"),
    "party_union": QT_TRANSLATE_NOOP("labels", "党政与工会"),
    "industry_union_meeting": QT_TRANSLATE_NOOP("labels", "产业工会与行业协会"),
    "reminder": QT_TRANSLATE_NOOP("labels", "催办单"),
    "supervision": QT_TRANSLATE_NOOP("labels", "督办通知书"),
    "rectification": QT_TRANSLATE_NOOP("labels", "整改通知书"),
    "red": QT_TRANSLATE_NOOP("labels", "红"),
    "yellow": QT_TRANSLATE_NOOP("labels", "黄"),
    "green": QT_TRANSLATE_NOOP("labels", "绿"),
    "grey": QT_TRANSLATE_NOOP("labels", "灰"),
}


def translate(text: str) -> str:
    """A label of this module (or any text marked with the "labels" context) in the UI language."""
    return QCoreApplication.translate(CONTEXT, text)


def first_upper(text: str) -> str:
    """English labels from desktop.messages are lower case; standing alone they start upper."""
    return text[:1].upper() + text[1:]


def status_text(status: str) -> str:
    return first_upper(status_label(status))


def action_text(action: str) -> str:
    return first_upper(action_label(action))


def estimated_mark() -> str:
    """The note after a light or a due date reckoned without a holiday table."""
    return ESTIMATED_MARK[0] if current_language() == "zh" else ESTIMATED_MARK[1]


def fill(template: str, *values: object) -> str:
    """Put values into a translated template's %1, %2…, in one pass (a value may contain %2)."""
    return re.sub(
        r"%(\d)",
        lambda m: str(values[int(m[1]) - 1]) if 0 < int(m[1]) <= len(values) else m[0],
        template,
    )


def with_colon(label: str) -> str:
    """A form label: 名称： in Chinese, Name: in English."""
    return fill(translate(QT_TRANSLATE_NOOP("labels", "%1：")), label)


def with_note(text: str, note: object) -> str:
    """A text with a note in brackets: 议题（3） in Chinese, Topics (3) in English."""
    return fill(translate(QT_TRANSLATE_NOOP("labels", "%1（%2）")), text, note)


def column_label(key: str) -> str:
    label = COLUMN_LABELS.get(key)
    return translate(label) if label is not None else key


def cell_text(value: Any) -> str:
    """How a value from a core list reads in a table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate(QT_TRANSLATE_NOOP("labels", "是")) if value else ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        label = VALUE_LABELS.get(value)
        if label is not None:
            return translate(label)
        if value in STATUS_LABELS:  # in English a label may read as its code: "assigned"
            return status_text(value)
        return value.replace("\n", " ")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
