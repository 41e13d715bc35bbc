"""Every record kind once: its key, its name in packages, its label, its model and its children.

The key (`item`, `notice`) is what the window, the CLI, listings and undo say; the package name
(`agreed_item`, `supervision_notice`) is what travels in exchange packages and never changes.
Every per-kind table elsewhere is built from `KINDS`, so a new kind is added here first.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models import (
    AgendaEntry,
    AgreedItem,
    AssessmentIndicator,
    AssessmentResult,
    AssessmentScheme,
    Attachment,
    Bulletin,
    BulletinMention,
    CalendarDay,
    DocCounter,
    Establishment,
    ExchangeConflict,
    ExchangeLog,
    ExchangePeer,
    FeedbackFigure,
    HeldPackage,
    ItemEvent,
    Meeting,
    MeetingParticipant,
    Office,
    PendingExport,
    ProgressFeedback,
    ReceivedBase,
    ReceivedPackage,
    SentRecord,
    Setting,
    Suggestion,
    SupervisionNotice,
    Topic,
    TopicConsultation,
    TopicResearch,
    Unit,
    UnitMerge,
    WorkingGroup,
)
from desktop.models.base import Base


@dataclass(frozen=True)
class RecordKind:
    """One kind of record as the clerk, the CLI and the exchange package know it."""

    key: str  # also the CLI's name: `lianxi list item`, `lianxi item assign`
    package_name: str
    label: str  # Chinese; desktop.messages words it in the interface language
    model: type[Base]
    # Rows of other tables that belong to a record of this kind (a meeting's participants).
    children: tuple[type[Base], ...] = ()
    listed: bool = True  # has a listing spec and `lianxi list KIND`
    # A listed kind with a page in the window's navigation and an editor for its records.
    page: bool = True
    state_machine: str | None = None  # key in desktop.core.states.MACHINES
    # Other kinds whose change alters how records of this kind are listed (names, lights).
    shown_with: frozenset[str] = frozenset({"unit"})
    english: str = ""  # the label in English


KINDS: dict[str, RecordKind] = {
    k.key: k
    for k in (
        RecordKind("unit", "unit", "单位", Unit, english="unit"),
        RecordKind(
            "unit_merge",
            "unit_merge",
            "单位合并",
            UnitMerge,
            english="unit merge",
            listed=False,
            page=False,
        ),
        RecordKind(
            "establishment", "establishment", "建制记录", Establishment, english="establishment"
        ),
        RecordKind(
            "suggestion",
            "suggestion",
            "职工建议",
            Suggestion,
            english="suggestion",
            state_machine="suggestion",
            shown_with=frozenset({"unit", "topic"}),
        ),
        RecordKind(
            "topic",
            "topic",
            "议题",
            Topic,
            english="topic",
            children=(TopicResearch, TopicConsultation),
            state_machine="topic",
            shown_with=frozenset({"unit", "meeting"}),
        ),
        RecordKind(
            "meeting",
            "meeting",
            "会议",
            Meeting,
            english="meeting",
            children=(MeetingParticipant, WorkingGroup, AgendaEntry),
            state_machine="meeting",
        ),
        RecordKind(
            "item",
            "agreed_item",
            "议定事项",
            AgreedItem,
            english="agreed item",
            children=(ItemEvent,),
            state_machine="item",
            shown_with=frozenset({"unit", "meeting", "feedback", "holiday"}),
        ),
        RecordKind(
            "feedback",
            "feedback",
            "进展反馈",
            ProgressFeedback,
            english="progress feedback",
            children=(FeedbackFigure,),
            page=False,  # listed with its item, entered in the item's editor
        ),
        RecordKind(
            "notice",
            "supervision_notice",
            "督办文书",
            SupervisionNotice,
            english="supervision notice",
            shown_with=frozenset({"unit", "item"}),
        ),
        RecordKind(
            "bulletin",
            "bulletin",
            "督查通报",
            Bulletin,
            english="bulletin",
            children=(BulletinMention,),
            state_machine="bulletin",
        ),
        RecordKind(
            "assessment_scheme",
            "assessment_scheme",
            "考核方案",
            AssessmentScheme,
            english="assessment scheme",
            children=(AssessmentIndicator,),
            listed=False,
        ),
        RecordKind(
            "assessment_result",
            "assessment_result",
            "考核结果",
            AssessmentResult,
            english="assessment result",
            listed=False,
        ),
        RecordKind(
            "attachment", "attachment", "附件", Attachment, english="attachment", listed=False
        ),
        RecordKind("holiday", "holiday", "节假日", CalendarDay, english="holiday", listed=False),
    )
}

# Tables that are not records but whose change a page still shows: settings, exchange state.
SETTINGS = "settings"
EXCHANGE = "exchange"
_OTHER_TABLES: dict[type[Base], str] = {
    Office: SETTINGS,
    Setting: SETTINGS,
    DocCounter: SETTINGS,
    ExchangePeer: EXCHANGE,
    ReceivedPackage: EXCHANGE,
    ReceivedBase: EXCHANGE,
    SentRecord: EXCHANGE,
    HeldPackage: EXCHANGE,
    ExchangeConflict: EXCHANGE,
    PendingExport: EXCHANGE,
    ExchangeLog: EXCHANGE,
}

_BY_MODEL: dict[type[Base], str] = {}
for _kind in KINDS.values():
    _BY_MODEL[_kind.model] = _kind.key
    for _child in _kind.children:
        _BY_MODEL[_child] = _kind.key
_BY_MODEL.update(_OTHER_TABLES)
_BY_PACKAGE: dict[str, RecordKind] = {k.package_name: k for k in KINDS.values()}


def record_kind(key: str) -> RecordKind:
    """The kind by its key (`item`), or KeyError."""
    return KINDS[key]


def by_package_name(name: str) -> RecordKind:
    """The kind by its name in exchange packages (`agreed_item`), or KeyError."""
    return _BY_PACKAGE[name]


def kind_of_model(model: type[Base]) -> str | None:
    """The kind key a mapped class belongs to: its own, its parent record's, or a table group."""
    return _BY_MODEL.get(model)


def is_main_model(model: type[Base]) -> bool:
    """True for the table that holds the records of a kind, not their child rows."""
    key = _BY_MODEL.get(model)
    return key in KINDS and KINDS[key].model is model


LISTED: tuple[str, ...] = tuple(k.key for k in KINDS.values() if k.listed)
# The list pages of the window, in navigation order.
PAGED: tuple[str, ...] = tuple(k.key for k in KINDS.values() if k.listed and k.page)


def shown_kinds(key: str) -> frozenset[str]:
    """The kinds whose change a list of `key` records must show."""
    return frozenset({key}) | KINDS[key].shown_with
