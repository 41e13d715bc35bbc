"""The closed vocabularies of the domain: levels, kinds, channels and record states."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"
    STREET = "street"
    ENTERPRISE = "enterprise"
    INDUSTRY = "industry"


class UnitKind(StrEnum):
    GOVERNMENT = "government"
    DEPARTMENT = "department"
    PARTY_COMMITTEE = "party_committee"
    FEDERATION = "federation"  # 总工会 of a province, city or county
    TOWNSHIP_UNION = "township_union"
    STREET_UNION = "street_union"
    ENTERPRISE_UNION = "enterprise_union"
    INDUSTRY_UNION = "industry_union"
    ENTERPRISE = "enterprise"
    INDUSTRY_ASSOCIATION = "industry_association"


UNION_KINDS = frozenset(
    {
        UnitKind.FEDERATION,
        UnitKind.TOWNSHIP_UNION,
        UnitKind.STREET_UNION,
        UnitKind.ENTERPRISE_UNION,
        UnitKind.INDUSTRY_UNION,
    }
)


class Channel(StrEnum):
    WECHAT = "wechat"
    SMS = "sms"
    EMAIL = "email"
    LETTER = "letter"
    VISIT = "visit"
    HOTLINE = "hotline"
    FORUM = "forum"
    OTHER = "other"


class SuggestionStatus(StrEnum):
    REGISTERED = "registered"
    ADOPTED = "adopted"
    FORWARDED = "forwarded"
    REPLIED = "replied"
    NOT_ADOPTED = "not_adopted"


class TopicSource(StrEnum):
    SUGGESTION = "suggestion"
    RESEARCH = "research"
    PARTY_PRIORITY = "party_priority"
    LOWER_REQUEST = "lower_request"
    OTHER = "other"


class TopicStatus(StrEnum):
    CANDIDATE = "candidate"
    RESEARCHING = "researching"
    VETTED = "vetted"
    CONSULTED = "consulted"
    SCHEDULED = "scheduled"
    DECIDED = "decided"
    DEFERRED = "deferred"
    REJECTED = "rejected"
    MERGED = "merged"


class MeetingKind(StrEnum):
    GOVERNMENT_UNION = "government_union"
    PARTY_UNION = "party_union"
    ENTERPRISE_UNION = "enterprise_union"
    INDUSTRY_UNION = "industry_union"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    NOTIFIED = "notified"
    HELD = "held"
    MINUTES_ISSUED = "minutes_issued"
    CANCELLED = "cancelled"


class AttendanceRole(StrEnum):
    ATTENDED = "attended"  # 出席
    ABSENT = "absent"  # 请假
    SAT_IN = "sat_in"  # 列席


class WorkingGroupKind(StrEnum):
    TOPICS = "topics"
    MATERIALS = "materials"
    LOGISTICS = "logistics"
    PUBLICITY = "publicity"
    SUPERVISION = "supervision"


class ItemStatus(StrEnum):
    DRAFTED = "drafted"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    EXTENSION_REQUESTED = "extension_requested"
    COMPLETED = "completed"
    VERIFIED = "verified"
    CANCELLED = "cancelled"


OPEN_ITEM_STATUSES = frozenset(
    {ItemStatus.ASSIGNED, ItemStatus.IN_PROGRESS, ItemStatus.EXTENSION_REQUESTED}
)


class NoticeKind(StrEnum):
    REMINDER = "reminder"  # 催办单
    SUPERVISION = "supervision"  # 督办通知书
    RECTIFICATION = "rectification"  # 整改通知书


class BulletinStatus(StrEnum):
    DRAFT = "draft"  # 草稿: saved, no number taken
    SUBMITTED = "submitted"  # 待审核: handed to a reviewer
    ISSUED = "issued"  # 已印发: numbered and frozen; only these count anywhere


class MentionKind(StrEnum):
    COMMENDATION = "commendation"  # 通报表扬
    CRITICISM = "criticism"  # 通报批评


class Role(StrEnum):
    ADMIN = "admin"  # 单位管理员
    REVIEWER = "reviewer"  # 审核
    CLERK = "clerk"  # 录入
    LEADER = "leader"  # 查阅
