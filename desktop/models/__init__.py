"""SQLAlchemy ORM classes, one module per aggregate; importing this package registers them all."""

from desktop.models.account import AuditEntry, User
from desktop.models.assessment import AssessmentIndicator, AssessmentResult, AssessmentScheme
from desktop.models.attachment import Attachment, AttachmentBlob
from desktop.models.base import Base, Travelling
from desktop.models.calendar import CalendarDay
from desktop.models.establishment import Establishment
from desktop.models.exchange import ExchangeLog
from desktop.models.issued import IssuedDocument
from desktop.models.item import (
    AgreedItem,
    FeedbackFigure,
    ItemEvent,
    ProgressFeedback,
    item_cooperating_unit,
)
from desktop.models.meeting import (
    AgendaEntry,
    Meeting,
    MeetingParticipant,
    MeetingTime,
    WorkingGroup,
)
from desktop.models.office import DocCounter, Office, Setting
from desktop.models.suggestion import Suggestion
from desktop.models.supervision import Bulletin, BulletinMention, SupervisionNotice, notice_item
from desktop.models.sync_state import (
    ExchangeConflict,
    ExchangePeer,
    HeldPackage,
    PendingExport,
    ReceivedBase,
    ReceivedPackage,
    SentRecord,
)
from desktop.models.topic import Topic, TopicConsultation, TopicResearch
from desktop.models.unit import Unit, UnitMerge

__all__ = [
    "AgendaEntry",
    "AgreedItem",
    "AssessmentIndicator",
    "AssessmentResult",
    "AssessmentScheme",
    "Attachment",
    "AttachmentBlob",
    "AuditEntry",
    "Base",
    "Bulletin",
    "BulletinMention",
    "CalendarDay",
    "DocCounter",
    "Establishment",
    "ExchangeConflict",
    "ExchangeLog",
    "ExchangePeer",
    "FeedbackFigure",
    "HeldPackage",
    "IssuedDocument",
    "ItemEvent",
    "Meeting",
    "MeetingParticipant",
    "MeetingTime",
    "Office",
    "PendingExport",
    "ProgressFeedback",
    "ReceivedBase",
    "ReceivedPackage",
    "SentRecord",
    "Setting",
    "Suggestion",
    "SupervisionNotice",
    "Topic",
    "TopicConsultation",
    "TopicResearch",
    "Travelling",
    "Unit",
    "UnitMerge",
    "User",
    "WorkingGroup",
    "item_cooperating_unit",
    "notice_item",
]
