"""Filtered, sorted, paged lists of any record kind, and one record shown whole."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.catalog import LISTINGS, ListingSpec, ListQuery, filters
from desktop.core.errors import InvalidInput, NotFound
from desktop.core.establishments import get_establishment
from desktop.core.items import get_item
from desktop.core.meetings import get_meeting
from desktop.core.phones import mask_phone, sees_whole_phones
from desktop.core.settings import supervision_settings
from desktop.core.suggestions import get_suggestion
from desktop.core.supervision import get_bulletin, get_notice
from desktop.core.topics import get_topic
from desktop.core.traffic import ItemFacts, lights
from desktop.core.units import get_unit
from desktop.core.voiding import VOIDABLE, void_infos
from desktop.core.workdays import load_calendar
from desktop.models import ProgressFeedback

MAX_PAGE = 100_000


# Columns computed from the listed values rather than read from the database.
DERIVED: dict[str, tuple[str, ...]] = {
    "item": ("light", "light_code", "light_fields", "light_estimated"),
    # An issued document voided (作废): the day and the reason; None while it stands.
    "notice": ("voided_on", "void_reason"),
    "bulletin": ("voided_on", "void_reason"),
}
# Workers' phone numbers: a leader sees them masked (desktop.core.phones.mask_phone).
PERSONAL_PHONES = frozenset({"submitter_phone"})


def _as_seen(
    session: Session, columns: tuple[str, ...], rows: tuple[tuple[Any, ...], ...]
) -> tuple[tuple[Any, ...], ...]:
    """The rows as the acting account may see them: phones masked for a leader."""
    masked = [i for i, c in enumerate(columns) if c in PERSONAL_PHONES]
    if not masked or not rows or sees_whole_phones(session):
        return rows
    return tuple(
        tuple(mask_phone(v) if i in masked and isinstance(v, str) else v for i, v in enumerate(r))
        for r in rows
    )


def _derive(
    session: Session,
    kind: str,
    columns: tuple[str, ...],
    rows: tuple[tuple[Any, ...], ...],
    today: date,
) -> tuple[tuple[Any, ...], ...]:
    rows = _as_seen(session, columns, rows)
    if kind in VOIDABLE and rows:
        found = void_infos(session, kind, [r[0] for r in rows])
        return tuple(
            (*row, *((v.voided_on, v.reason) if (v := found.get(row[0])) else (None, None)))
            for row in rows
        )
    if kind != "item" or not rows:
        return rows
    at = {c: i for i, c in enumerate(columns)}
    facts = [
        ItemFacts(
            r[at["status"]],
            r[at["deadline"]],
            r[at["assigned_on"]],
            r[at["last_feedback_on"]],
            r[at["percent_done"]],
        )
        for r in rows
    ]
    verdicts = lights(facts, today, load_calendar(session), supervision_settings(session))
    return tuple(
        (*row, v.light, v.reason, v.fields, v.estimated)
        for row, v in zip(rows, verdicts, strict=True)
    )


@dataclass(frozen=True)
class RowPage:
    """A page of one kind's list: the rows asked for and how many match in all."""

    kind: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    total: int
    offset: int

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def spec_for(kind: str) -> ListingSpec:
    """How records of `kind` are listed; InvalidInput for a kind that has no list."""
    spec = LISTINGS.get(kind)
    if spec is None:
        raise InvalidInput("unknown_kind", field="kind", kind=kind, known=sorted(LISTINGS))
    return spec


def _validate(spec: ListingSpec, query: ListQuery) -> None:
    if query.status and spec.status is None:
        raise InvalidInput("no_status_filter", field="status", kind=spec.kind)
    if query.status and query.status not in spec.status_values:
        raise InvalidInput("unknown_status", field="status", known=list(spec.status_values))
    if query.year is not None and spec.year_of is None:
        raise InvalidInput("no_year_filter", field="year", kind=spec.kind)
    if query.year is not None and not 1990 <= query.year <= 2100:
        raise InvalidInput("absurd_date", field="year", value=str(query.year))
    if query.sort is not None and query.sort not in spec.column_keys:
        raise InvalidInput("unknown_sort", field="sort", known=list(spec.column_keys))
    if query.offset < 0 or (query.limit is not None and not 0 <= query.limit <= MAX_PAGE):
        raise InvalidInput("out_of_range", field="limit", min=0, max=MAX_PAGE)


def count_records(session: Session, kind: str, query: ListQuery) -> int:
    spec = spec_for(kind)
    _validate(spec, query)
    stmt = spec.joins(select(func.count()).select_from(spec.model)).where(*filters(spec, query))
    return int(session.scalar(stmt) or 0)


def _ordering(
    spec: Any, query: ListQuery, columns: dict[str, Any]
) -> tuple[Any, tuple[Any, ...], Any]:
    """The sort column, its ordering and the tie-breaker. Rows without a value (an item not
    yet given a deadline) come last either way, on SQLite as on PostgreSQL; the id breaks
    ties so paging is stable. Unsorted, a list whose spec names what is still to do shows
    those rows first (the items still open, the nearest deadline first)."""
    sort_key = query.sort or spec.default_sort
    descending = spec.default_descending if query.descending is None else query.descending
    sort_expr = spec.sort_by.get(sort_key, columns[sort_key])
    order = (sort_expr.desc() if descending else sort_expr.asc()).nulls_last()
    tie = columns["id"].desc() if descending else columns["id"].asc()
    if query.sort is None and spec.done_last is not None:
        return sort_expr, (spec.done_last, order), tie
    return sort_expr, (order,), tie


def list_records(session: Session, kind: str, query: ListQuery | None = None) -> RowPage:
    """One page of a kind's list; `total` counts every matching row, not just this page."""
    query = query or ListQuery()
    spec = spec_for(kind)
    _validate(spec, query)
    columns = dict(spec.columns)
    _, order, tie = _ordering(spec, query, columns)
    stmt = (
        spec.joins(select(*columns.values()).select_from(spec.model))
        .where(*filters(spec, query))
        .order_by(*order, tie)
        .offset(query.offset)
    )
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    rows = tuple(tuple(r) for r in session.execute(stmt))
    total = (
        len(rows)
        if query.limit is None and query.offset == 0
        else count_records(session, kind, query)
    )
    rows = _derive(session, kind, spec.column_keys, rows, query.today or date.today())
    return RowPage(kind, spec.column_keys + DERIVED.get(kind, ()), rows, total, query.offset)


def list_ids(session: Session, kind: str, query: ListQuery | None = None) -> list[int]:
    """Every matching id in list order: cheap even for a province, so a view can page by id."""
    query = query or ListQuery()
    spec = spec_for(kind)
    _validate(spec, query)
    columns = dict(spec.columns)
    sort_expr, order, tie = _ordering(spec, query, columns)
    stmt = select(columns["id"]).select_from(spec.model)
    own_table = spec.model.__table__
    # Joins cost a province a few hundred milliseconds; skip them when nothing reads them.
    if (
        query.search
        or query.unit_id is not None
        or query.year is not None
        or any(col.table is not own_table for col in sort_expr.base_columns)
    ):
        stmt = spec.joins(stmt)
    return [
        int(i) for i in session.scalars(stmt.where(*filters(spec, query)).order_by(*order, tie))
    ]


def rows_for_ids(session: Session, kind: str, ids: list[int], today: date | None = None) -> RowPage:
    """The listed columns of these records, in the order of `ids`."""
    spec = spec_for(kind)
    columns = dict(spec.columns)
    stmt = spec.joins(select(*columns.values()).select_from(spec.model)).where(
        columns["id"].in_(ids)
    )
    by_id = {row[0]: tuple(row) for row in session.execute(stmt)}
    rows = tuple(by_id[i] for i in ids if i in by_id)
    rows = _derive(session, kind, spec.column_keys, rows, today or date.today())
    return RowPage(kind, spec.column_keys + DERIVED.get(kind, ()), rows, len(ids), 0)


def _feedback(session: Session, feedback_id: int) -> dict[str, Any]:
    fb = session.get(ProgressFeedback, feedback_id)
    if fb is None or fb.deleted_at is not None:
        raise NotFound(kind="feedback", id=feedback_id)
    return {
        "id": fb.id,
        "uuid": fb.uuid,
        "item_id": fb.item_id,
        "reported_on": fb.reported_on,
        "reporting_unit_id": fb.reporting_unit_id,
        "text": fb.text,
        "percent_done": fb.percent_done,
        "figures": [{"name": f.name, "number": f.number, "unit": f.unit} for f in fb.figures],
    }


# One record of each listed kind, whole (tests check every listed kind has one).
SHOW: dict[str, Callable[[Session, int], Any]] = {
    "unit": get_unit,
    "establishment": get_establishment,
    "suggestion": get_suggestion,
    "topic": get_topic,
    "meeting": get_meeting,
    "item": get_item,
    "feedback": _feedback,
    "notice": get_notice,
    "bulletin": get_bulletin,
}


def show_record(session: Session, kind: str, record_id: int) -> dict[str, Any]:
    """One record with its children, as plain data (see `plain`)."""
    spec_for(kind)
    return plain(SHOW[kind](session, record_id))  # type: ignore[no-any-return]


def plain(value: Any) -> Any:
    """DTOs, enums and dates as JSON-ready values: the stable form the CLI prints."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
