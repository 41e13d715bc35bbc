"""What an office supervises: the meetings whose agreed items it follows, and the units it may
commend or criticise. Bulletins and the escalation ladder both read their scope from here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from desktop.core.office import find_local_office
from desktop.models import AgreedItem, Meeting
from desktop.models.enums import Level, UnitKind

# How far down the hierarchy a level is; industry unions hang below a county as townships do.
DEPTH = {
    Level.PROVINCE: 0,
    Level.CITY: 1,
    Level.COUNTY: 2,
    Level.TOWNSHIP: 3,
    Level.STREET: 3,
    Level.INDUSTRY: 3,
    Level.ENTERPRISE: 4,
}


def supervised_levels(office_level: Level) -> tuple[Level, ...]:
    """The meetings whose items an office supervises: those of its own level and the level
    just below (a county: county, township, street and industry meetings; the townships
    supervise their enterprises' meetings themselves)."""
    return tuple(lv for lv in Level if DEPTH[lv] <= DEPTH[office_level] + 1)


@dataclass(frozen=True)
class SupervisionScope:
    """What an office's supervision covers, as a page says it: the meetings of its own level
    and the level below, and the levels further down that the unions below it supervise."""

    levels: tuple[Level, ...]
    left_out: tuple[Level, ...]


def supervision_scope(session: Session) -> SupervisionScope | None:
    """The local office's scope; None (every level counts) before the office is set up."""
    office = find_local_office(session)
    if office is None:
        return None
    own = DEPTH[office.level]
    return SupervisionScope(
        tuple(lv for lv in Level if own <= DEPTH[lv] <= own + 1),
        tuple(lv for lv in Level if DEPTH[lv] > own + 1),
    )


def supervised_items_clause(office_level: Level | None) -> ColumnElement[bool]:
    """Agreed items of meetings an office at `office_level` supervises (all when None)."""
    if office_level is None:
        return true()
    meetings = select(Meeting.id).where(Meeting.level.in_(supervised_levels(office_level)))
    return AgreedItem.meeting_id.in_(meetings)


def may_be_proposed(
    kind: UnitKind,
    level: Level,
    *,
    office_level: Level | None,
    is_office: bool,
) -> bool:
    """Whether an office at `office_level` may name a unit for commendation or criticism (and
    send it a supervision document): a unit below it, or a department or union beside it;
    never itself, a party committee, a government of its own level or above, or anything above
    it."""
    if is_office or kind == UnitKind.PARTY_COMMITTEE:
        return False
    if office_level is None:
        return True
    depth, own = DEPTH[level], DEPTH[office_level]
    if depth < own:
        return False
    return not (kind == UnitKind.GOVERNMENT and depth == own)
