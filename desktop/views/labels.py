"""Column headers and cell texts for the record lists, in the interface language."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from desktop.messages import status_label

COLUMN_LABELS: dict[str, str] = {
    "id": "编号",
    "name": "名称",
    "kind": "类别",
    "level": "层级",
    "parent": "上级单位",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "pinyin_initials": "拼音首字母",
    "union": "工会",
    "partner": "对方单位",
    "status": "状态",
    "established_on": "建制日期",
    "document_number": "文号",
    "meetings_per_year": "每年应开次数",
    "establish_deadline": "限期建制",
    "received_on": "收到日期",
    "channel": "渠道",
    "receiving_unit": "受理工会",
    "target_level": "办理层级",
    "content": "内容",
    "topic_id": "议题编号",
    "replied_on": "答复日期",
    "title": "标题",
    "source": "来源",
    "priority": "优先级",
    "vetted_on": "审定日期",
    "series_number": "届次",
    "planned_on": "计划日期",
    "held_on": "召开日期",
    "place": "地点",
    "formality_flag": "走过场",
    "minutes_number": "纪要文号",
    "meeting_id": "会议编号",
    "sequence": "序号",
    "text": "内容",
    "lead_unit": "牵头单位",
    "deadline": "完成时限",
    "percent_done": "进度%",
    "last_feedback_on": "最近反馈",
    "completed_on": "办结日期",
    "meeting_held_on": "会议日期",
    "item_id": "事项编号",
    "reported_on": "反馈日期",
    "reporting_unit": "反馈单位",
    "number": "文号",
    "issued_on": "印发日期",
    "target_unit": "督办对象",
    "feedback_deadline": "反馈时限",
    "rectify_deadline": "整改时限",
    "result": "整改结果",
    "issue_no": "期数",
    "period_start": "起始日期",
    "period_end": "截止日期",
    "assigned_on": "交办日期",
    "light": "督办灯",
}

VALUE_LABELS: dict[str, str] = {
    "province": "省",
    "city": "市",
    "county": "县",
    "township": "乡镇",
    "street": "街道",
    "enterprise": "企业",
    "industry": "产业",
    "government": "政府",
    "department": "政府部门",
    "party_committee": "党委",
    "federation": "总工会",
    "township_union": "乡镇工会",
    "street_union": "街道工会",
    "enterprise_union": "企业工会",
    "industry_union": "产业工会",
    "industry_association": "行业协会",
    "wechat": "微信",
    "sms": "短信",
    "email": "电子邮件",
    "letter": "来信",
    "visit": "来访",
    "hotline": "热线",
    "forum": "座谈会",
    "other": "其他",
    "suggestion": "职工建议",
    "research": "工会调研",
    "party_priority": "党政重点",
    "lower_request": "下级工会提请",
    "government_union": "政府与工会",
    "party_union": "党政与工会",
    "industry_union_meeting": "产业工会与行业协会",
    "reminder": "催办单",
    "supervision": "督办通知书",
    "rectification": "整改通知书",
    "red": "红",
    "yellow": "黄",
    "green": "绿",
    "grey": "灰",
}


def column_label(key: str) -> str:
    return COLUMN_LABELS.get(key, key)


def cell_text(value: Any) -> str:
    """How a value from a core list reads in a table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        label = VALUE_LABELS.get(value)
        if label is not None:
            return label
        status = status_label(value)
        return status if status != value else value.replace("\n", " ")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
