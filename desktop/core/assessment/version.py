"""A fingerprint of the records a score is computed from, to tell when a cached score is stale.

Every travelling record counts its edits in `version` (the owner's, carried by packages too)
and a tombstone is an edit, so a table's row count, sum of versions and latest `updated_at`
change whenever one of its records is added, edited or deleted, here or by a package. The
child tables written with their parent (attendance, bulletin mentions, a scheme's indicators)
are covered by their parent's version and by their own count.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

from desktop.models import (
    AgreedItem,
    AssessmentIndicator,
    AssessmentResult,
    AssessmentScheme,
    Bulletin,
    BulletinMention,
    Establishment,
    Meeting,
    MeetingParticipant,
    ProgressFeedback,
    Suggestion,
    Unit,
)

TRAVELLING = (
    Unit,
    Establishment,
    Meeting,
    AgreedItem,
    ProgressFeedback,
    Suggestion,
    Bulletin,
    AssessmentScheme,
    AssessmentResult,
)
CHILDREN = (MeetingParticipant, BulletinMention, AssessmentIndicator)


def data_version(session: Session) -> tuple[Any, ...]:
    """Changes whenever a record that scores, rates or stored results are made of changes."""
    parts: list[Any] = [
        select(
            literal(m.__tablename__),
            func.count(),
            func.coalesce(func.sum(m.version), 0),
            func.max(m.updated_at),
        ).select_from(m)
        for m in TRAVELLING
    ]
    parts += [
        select(literal(m.__tablename__), func.count(), literal(0), literal(None)).select_from(m)
        for m in CHILDREN
    ]
    return tuple(tuple(row) for row in session.execute(union_all(*parts)))
