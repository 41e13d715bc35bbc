"""One unit's history: its meetings, the items it leads, its suggestions, notices and mentions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.catalog import ListQuery
from desktop.core.listing import RowPage, list_records
from desktop.core.records import load
from desktop.models import Bulletin, BulletinMention, Unit
from desktop.models.enums import BulletinStatus, MentionKind


@dataclass(frozen=True)
class UnitHistory:
    unit_id: int
    unit_name: str
    meetings: RowPage
    items: RowPage
    suggestions: RowPage
    notices: RowPage
    commendations: int
    criticisms: int


def unit_history(session: Session, unit_id: int, *, limit: int = 50) -> UnitHistory:
    """The most recent records of each kind that concern the unit, with full totals."""
    unit = load(session, Unit, unit_id, "unit")
    query = ListQuery(unit_id=unit_id, subtree=False, limit=limit)
    mentions = dict(
        session.execute(
            select(BulletinMention.kind, func.count())
            .join(Bulletin, Bulletin.id == BulletinMention.bulletin_id)
            .where(
                BulletinMention.unit_id == unit_id,
                Bulletin.status == BulletinStatus.ISSUED,
                Bulletin.deleted_at.is_(None),
            )
            .group_by(BulletinMention.kind)
        ).all()
    )
    return UnitHistory(
        unit_id=unit.id,
        unit_name=unit.name,
        meetings=list_records(session, "meeting", query),
        items=list_records(session, "item", query),
        suggestions=list_records(session, "suggestion", query),
        notices=list_records(session, "notice", query),
        commendations=int(mentions.get(MentionKind.COMMENDATION, 0)),
        criticisms=int(mentions.get(MentionKind.CRITICISM, 0)),
    )
