"""Every record kind as a list: its columns, search, filters and sort, as set-based SQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, String, and_, case, cast, exists, false, func, literal, or_
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement, SQLCoreOperations

from desktop.core.hierarchy import subtree
from desktop.core.kinds import LISTED, record_kind
from desktop.core.voiding import listed_tombstones
from desktop.models import (
    AgreedItem,
    Bulletin,
    Establishment,
    Meeting,
    ProgressFeedback,
    Suggestion,
    SupervisionNotice,
    Topic,
    Unit,
    item_cooperating_unit,
)
from desktop.models.enums import OPEN_ITEM_STATUSES, ItemStatus

# A mapped attribute or any SQL expression that can stand in a SELECT list or WHERE clause.
Expr = SQLCoreOperations[Any]
UnitMatch = Callable[[Any], ColumnElement[bool]]  # a unit column → whether it matches


@dataclass(frozen=True)
class ListingSpec:
    """How one record kind is listed: named columns over a FROM with its joins."""

    kind: str  # a key of desktop.core.kinds.KINDS, whose model is the FROM
    columns: tuple[tuple[str, Expr], ...]
    joins: Callable[[Select[Any]], Select[Any]]
    search: tuple[Expr, ...]
    status: Expr | None
    units: tuple[Expr, ...]
    year_of: Expr | None
    default_sort: str
    default_descending: bool = False
    # Matches a record by a unit column outside its own table (an item's cooperating units),
    # given how a unit column matches the query (one unit, or a unit's subtree).
    extra_unit_match: Callable[[UnitMatch], ColumnElement[bool]] | None = None
    # Columns sorted by another expression, e.g. Chinese names in pinyin order.
    sort_by: dict[str, Expr] = field(default_factory=dict)
    # 0 for a row still to do, 1 for one done with: unsorted, the list shows the first first.
    done_last: Expr | None = None
    column_keys: tuple[str, ...] = field(init=False)
    status_values: tuple[str, ...] = field(init=False)

    @property
    def model(self) -> Any:
        return record_kind(self.kind).model

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_keys", tuple(k for k, _ in self.columns))
        enums = getattr(getattr(self.status, "type", None), "enums", None)
        values = tuple(enums) if enums else ("established", "not_established")
        object.__setattr__(self, "status_values", values if self.status is not None else ())


def _no_joins(stmt: Select[Any]) -> Select[Any]:
    return stmt


ParentUnit = aliased(Unit, name="parent_unit")
_unit = ListingSpec(
    kind="unit",
    columns=(
        ("id", Unit.id),
        ("name", Unit.name),
        ("kind", Unit.kind),
        ("level", Unit.level),
        ("parent", ParentUnit.name),
        ("contact_person", Unit.contact_person),
        ("contact_phone", Unit.contact_phone),
        ("pinyin_initials", Unit.pinyin_initials),
    ),
    joins=lambda s: s.outerjoin(ParentUnit, ParentUnit.id == Unit.parent_id),
    search=(Unit.name, Unit.pinyin_initials, Unit.pinyin_full, Unit.contact_person),
    status=Unit.kind,
    units=(Unit.id, Unit.parent_id),
    year_of=None,
    default_sort="id",
    sort_by={"name": Unit.pinyin_full},
)

EstUnion = aliased(Unit, name="est_union")
_establishment = ListingSpec(
    kind="establishment",
    columns=(
        ("id", Establishment.id),
        ("union", EstUnion.name),
        ("partner", Establishment.partner_name),
        ("level", Establishment.level),
        (
            "status",
            case((Establishment.established, "established"), else_="not_established"),
        ),
        ("established_on", Establishment.established_on),
        ("document_number", Establishment.document_number),
        ("meetings_per_year", Establishment.meetings_per_year),
        ("establish_deadline", Establishment.establish_deadline),
    ),
    joins=lambda s: s.join(EstUnion, EstUnion.id == Establishment.union_unit_id),
    search=(
        EstUnion.name,
        EstUnion.pinyin_initials,
        Establishment.partner_name,
        Establishment.document_title,
    ),
    status=case((Establishment.established, "established"), else_="not_established"),
    units=(Establishment.union_unit_id, Establishment.partner_unit_id),
    year_of=Establishment.established_on,
    default_sort="id",
)

SugUnit = aliased(Unit, name="sug_unit")
_suggestion = ListingSpec(
    kind="suggestion",
    columns=(
        ("id", Suggestion.id),
        ("received_on", Suggestion.received_on),
        ("channel", Suggestion.channel),
        ("receiving_unit", SugUnit.name),
        ("target_level", Suggestion.target_level),
        ("status", Suggestion.status),
        ("content", Suggestion.content),
        ("topic_id", Suggestion.topic_id),
        ("replied_on", Suggestion.replied_on),
        ("submitter_phone", Suggestion.submitter_phone),  # masked for a leader (listing)
    ),
    joins=lambda s: s.outerjoin(SugUnit, SugUnit.id == Suggestion.receiving_unit_id),
    search=(Suggestion.content, Suggestion.submitter_name, SugUnit.name, SugUnit.pinyin_initials),
    status=Suggestion.status,
    units=(Suggestion.receiving_unit_id, Suggestion.forwarded_to_unit_id),
    year_of=Suggestion.received_on,
    default_sort="received_on",
    default_descending=True,
)

TopicUnion = aliased(Unit, name="topic_union")
_topic = ListingSpec(
    kind="topic",
    columns=(
        ("id", Topic.id),
        ("title", Topic.title),
        ("source", Topic.source),
        ("union", TopicUnion.name),
        ("priority", Topic.priority),
        ("status", Topic.status),
        ("vetted_on", Topic.vetted_on),
    ),
    joins=lambda s: s.join(TopicUnion, TopicUnion.id == Topic.union_unit_id),
    search=(Topic.title, Topic.description, TopicUnion.name, TopicUnion.pinyin_initials),
    status=Topic.status,
    units=(Topic.union_unit_id, Topic.proposing_unit_id),
    year_of=Topic.created_at,
    default_sort="id",
    default_descending=True,
)

MeetingUnion = aliased(Unit, name="meeting_union")
_meeting = ListingSpec(
    kind="meeting",
    columns=(
        ("id", Meeting.id),
        ("union", MeetingUnion.name),
        ("partner", Meeting.partner_name),
        ("kind", Meeting.kind),
        ("level", Meeting.level),
        ("series_number", Meeting.series_number),
        ("planned_on", Meeting.planned_on),
        ("held_on", Meeting.held_on),
        ("place", Meeting.place),
        ("status", Meeting.status),
        ("formality_flag", Meeting.formality_flag),
        ("minutes_number", Meeting.minutes_number),
    ),
    joins=lambda s: s.join(MeetingUnion, MeetingUnion.id == Meeting.union_unit_id),
    search=(MeetingUnion.name, MeetingUnion.pinyin_initials, Meeting.partner_name, Meeting.place),
    status=Meeting.status,
    units=(Meeting.union_unit_id, Meeting.partner_unit_id),
    year_of=func.coalesce(Meeting.held_on, Meeting.planned_on),
    default_sort="id",
    default_descending=True,
)

LeadUnit = aliased(Unit, name="lead_unit")
ItemMeeting = aliased(Meeting, name="item_meeting")
_item = ListingSpec(
    kind="item",
    columns=(
        ("id", AgreedItem.id),
        # The meeting as the clerk knows it (第24次 with its partner), not its row number.
        (
            "meeting",
            literal("第")
            + cast(ItemMeeting.series_number, String)
            + literal("次（")
            + ItemMeeting.partner_name
            + literal("）"),
        ),
        ("sequence", AgreedItem.sequence),
        ("text", AgreedItem.text),
        ("lead_unit", LeadUnit.name),
        ("deadline", AgreedItem.deadline),
        ("status", AgreedItem.status),
        ("percent_done", AgreedItem.percent_done),
        ("last_feedback_on", AgreedItem.last_feedback_on),
        ("completed_on", AgreedItem.completed_on),
        ("meeting_held_on", ItemMeeting.held_on),
        ("assigned_on", AgreedItem.assigned_on),
    ),
    joins=lambda s: s.outerjoin(LeadUnit, LeadUnit.id == AgreedItem.lead_unit_id).join(
        ItemMeeting, ItemMeeting.id == AgreedItem.meeting_id
    ),
    search=(AgreedItem.text, AgreedItem.target_text, LeadUnit.name, LeadUnit.pinyin_initials),
    status=AgreedItem.status,
    units=(AgreedItem.lead_unit_id, ItemMeeting.union_unit_id),
    year_of=ItemMeeting.held_on,
    default_sort="deadline",
    # The items still to do (drafted, assigned, in progress, extension asked) before the closed.
    done_last=case(
        (
            AgreedItem.status.in_(
                (ItemStatus.COMPLETED, ItemStatus.VERIFIED, ItemStatus.CANCELLED)
            ),
            1,
        ),
        else_=0,
    ),
    extra_unit_match=lambda match: exists().where(
        item_cooperating_unit.c.item_id == AgreedItem.id,
        match(item_cooperating_unit.c.unit_id),
    ),
)

FeedbackUnit = aliased(Unit, name="feedback_unit")
_feedback = ListingSpec(
    kind="feedback",
    columns=(
        ("id", ProgressFeedback.id),
        ("item_id", ProgressFeedback.item_id),
        ("reported_on", ProgressFeedback.reported_on),
        ("reporting_unit", FeedbackUnit.name),
        ("percent_done", ProgressFeedback.percent_done),
        ("text", ProgressFeedback.text),
    ),
    joins=lambda s: s.outerjoin(
        FeedbackUnit, FeedbackUnit.id == ProgressFeedback.reporting_unit_id
    ),
    search=(ProgressFeedback.text, FeedbackUnit.name, FeedbackUnit.pinyin_initials),
    status=None,
    units=(ProgressFeedback.reporting_unit_id,),
    year_of=ProgressFeedback.reported_on,
    default_sort="reported_on",
    default_descending=True,
)

NoticeUnit = aliased(Unit, name="notice_unit")
_notice = ListingSpec(
    kind="notice",
    columns=(
        ("id", SupervisionNotice.id),
        ("kind", SupervisionNotice.kind),
        ("number", SupervisionNotice.number),
        ("issued_on", SupervisionNotice.issued_on),
        ("target_unit", NoticeUnit.name),
        ("feedback_deadline", SupervisionNotice.feedback_deadline),
        ("rectify_deadline", SupervisionNotice.rectify_deadline),
        ("result", SupervisionNotice.result),
    ),
    joins=lambda s: s.join(NoticeUnit, NoticeUnit.id == SupervisionNotice.target_unit_id),
    search=(
        SupervisionNotice.number,
        SupervisionNotice.requirements,
        SupervisionNotice.problem,
        NoticeUnit.name,
        NoticeUnit.pinyin_initials,
    ),
    status=SupervisionNotice.kind,
    units=(SupervisionNotice.target_unit_id,),
    year_of=SupervisionNotice.issued_on,
    default_sort="issued_on",
    default_descending=True,
)

_bulletin = ListingSpec(
    kind="bulletin",
    columns=(
        ("id", Bulletin.id),
        ("status", Bulletin.status),
        ("number", Bulletin.number),
        ("issue_no", Bulletin.issue_no),
        ("issued_on", Bulletin.issued_on),
        ("period_start", Bulletin.period_start),
        ("period_end", Bulletin.period_end),
        ("title", Bulletin.title),
    ),
    joins=_no_joins,
    search=(Bulletin.number, Bulletin.title, Bulletin.content),
    status=Bulletin.status,
    units=(),
    year_of=Bulletin.issued_on,
    default_sort="issued_on",
    default_descending=True,
)

_SPECS = {
    s.kind: s
    for s in (
        _unit,
        _establishment,
        _suggestion,
        _topic,
        _meeting,
        _item,
        _feedback,
        _notice,
        _bulletin,
    )
}
if set(_SPECS) != set(LISTED):
    raise RuntimeError(f"listing specs {sorted(_SPECS)} do not match listed kinds {LISTED}")
# Every listed kind's spec, in the registry's order.
LISTINGS: dict[str, ListingSpec] = {key: _SPECS[key] for key in LISTED}


@dataclass(frozen=True)
class ListQuery:
    """A list request. `today` anchors computed columns such as an item's traffic light."""

    search: str = ""
    status: str | None = None
    unit_id: int | None = None
    # With `unit_id`: also the units below it (a township's enterprises); off: that unit only.
    subtree: bool = True
    year: int | None = None
    # Items: open and past their deadline on this day; establishments: not established and
    # past their 限期建制 date.
    overdue_on: date | None = None
    sort: str | None = None
    descending: bool | None = None
    offset: int = 0
    limit: int | None = None
    today: date | None = None


def _unit_match(unit_id: int, below: bool) -> UnitMatch:
    if not below:
        return lambda column: column == unit_id
    ids = subtree(unit_id)
    return lambda column: column.in_(ids)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filters(spec: ListingSpec, query: ListQuery) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a query, shared by the page and its count."""
    live = spec.model.deleted_at.is_(None)
    voided = listed_tombstones(spec.kind)  # voided documents stay listed, marked so
    clauses: list[ColumnElement[bool]] = [live if voided is None else or_(live, voided)]
    term = query.search.strip()
    if term:
        pattern = f"%{_escape_like(term.lower())}%"
        clauses.append(or_(*(func.lower(col).like(pattern, escape="\\") for col in spec.search)))
    if query.status:
        clauses.append(spec.status == query.status if spec.status is not None else false())
    if query.unit_id is not None:
        match = _unit_match(query.unit_id, query.subtree)
        matches = [match(col) for col in spec.units]
        if spec.extra_unit_match is not None:
            matches.append(spec.extra_unit_match(match))
        clauses.append(or_(*matches) if matches else false())
    if query.year is not None:
        if spec.year_of is None:
            clauses.append(false())
        else:
            clauses.append(
                and_(
                    spec.year_of >= date(query.year, 1, 1),
                    spec.year_of < date(query.year + 1, 1, 1),
                )
            )
    if query.overdue_on is not None:
        if spec.kind == "item":
            clauses.append(AgreedItem.status.in_(OPEN_ITEM_STATUSES))
            clauses.append(AgreedItem.deadline < query.overdue_on)
        elif spec.kind == "establishment":
            clauses.extend(deadline_passed_clause(query.overdue_on))
        else:
            clauses.append(false())
    return clauses


def deadline_passed_clause(today: date) -> tuple[ColumnElement[bool], ...]:
    """Establishments still not set up after their 限期建制 date (the day itself still counts)."""
    return (
        Establishment.established.is_(False),
        Establishment.establish_deadline < today,
        Establishment.deleted_at.is_(None),
    )
