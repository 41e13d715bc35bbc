"""Signs that joint meetings are held only for form (走过场).

* a meeting held more than a grace period ago that decided no agreed item, unless every topic
  on its agenda was deferred or refused (暂缓, 不予通过);
* an agreed item of a held meeting still without a lead unit or a deadline after that period;
* minutes nearly identical to an earlier meeting's (one of the same union's last four, or any
  union's word for word once dates and numbers are set aside);
* required meetings that did not happen in an ended period of the year.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from difflib import SequenceMatcher
from hashlib import sha1

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.core.decisions import NOTHING_TO_DO, read_decision
from desktop.core.frequency import frequency_status
from desktop.models import AgendaEntry, AgreedItem, Meeting, Unit
from desktop.models.enums import ItemStatus, MeetingStatus

GRACE_DAYS = 15
SIMILAR = 0.9
MIN_MINUTES = 40  # shorter minutes are too thin to compare
PAIR_SHARE = 0.75  # below this share of common character pairs, 90% alike is out of reach
RECENT = 4  # a union that copies its minutes copies its last few meetings' ones
HELD = (MeetingStatus.HELD, MeetingStatus.MINUTES_ISSUED)
_VOLATILE = re.compile(r"[\s\d０-９一二三四五六七八九十〇年月日第次号，。、；：,.;:（）()]+")


@dataclass(frozen=True)
class FormalityFlag:
    check: str  # meeting_without_items, item_incomplete, minutes_similar, meeting_missing
    kind: str  # the record the flag opens: meeting, item or establishment
    record_id: int
    unit_name: str
    fields: dict[str, object]


def _normalized(text: str) -> str:
    return _VOLATILE.sub("", text)


def _meetings_without_items(session: Session, cutoff: date) -> list[FormalityFlag]:
    """Held meetings that decided no agreed item although not every topic was deferred or
    refused (a topic passed with nothing to carry out is talk without an outcome)."""
    has_items = (
        select(AgreedItem.id)
        .where(AgreedItem.meeting_id == Meeting.id, AgreedItem.deleted_at.is_(None))
        .exists()
    )
    rows = session.execute(
        select(Meeting.id, Unit.name, Meeting.held_on, Meeting.series_number)
        .join(Unit, Unit.id == Meeting.union_unit_id)
        .where(
            Meeting.status.in_(HELD),
            Meeting.held_on <= cutoff,
            Meeting.deleted_at.is_(None),
            Meeting.formality_flag.is_(False),
            ~has_items,
        )
        .order_by(Meeting.held_on)
    ).all()
    decisions: dict[int, list[str]] = defaultdict(list)
    ids = [r[0] for r in rows]
    for start in range(0, len(ids), 900):
        for mid, decision in session.execute(
            select(AgendaEntry.meeting_id, AgendaEntry.decision).where(
                AgendaEntry.meeting_id.in_(ids[start : start + 900])
            )
        ):
            decisions[mid].append(decision)

    def nothing_to_do(mid: int) -> bool:
        outcomes = [read_decision(d).outcome for d in decisions[mid]]
        return bool(outcomes) and all(o in NOTHING_TO_DO for o in outcomes)

    return [
        FormalityFlag("meeting_without_items", "meeting", mid, name, {"held_on": held, "number": n})
        for mid, name, held, n in rows
        if not nothing_to_do(mid)
    ]


def _incomplete_items(session: Session, cutoff: date) -> list[FormalityFlag]:
    rows = session.execute(
        select(AgreedItem.id, Unit.name, Meeting.held_on)
        .join(Meeting, Meeting.id == AgreedItem.meeting_id)
        .join(Unit, Unit.id == Meeting.union_unit_id)
        .where(
            AgreedItem.deleted_at.is_(None),
            AgreedItem.status != ItemStatus.CANCELLED,
            or_(AgreedItem.lead_unit_id.is_(None), AgreedItem.deadline.is_(None)),
            Meeting.held_on <= cutoff,
        )
        .order_by(AgreedItem.id)
    )
    return [
        FormalityFlag("item_incomplete", "item", iid, name, {"held_on": held})
        for iid, name, held in rows
    ]


def _similar_minutes(session: Session) -> list[FormalityFlag]:
    rows = session.execute(
        select(Meeting.id, Meeting.union_unit_id, Unit.name, Meeting.held_on, Meeting.minutes_text)
        .join(Unit, Unit.id == Meeting.union_unit_id)
        .where(
            Meeting.status.in_(HELD),
            Meeting.deleted_at.is_(None),
            func.length(Meeting.minutes_text) >= MIN_MINUTES,
        )
        .order_by(Meeting.held_on, Meeting.id)
    ).all()
    flags: list[FormalityFlag] = []
    seen_hash: dict[str, tuple[int, str]] = {}
    # Per union, its last meetings' texts, each held in a matcher as the "b" side: difflib's
    # costly index of b is then built once per meeting, not once per comparison.
    earlier_by_union: dict[int, list[tuple[int, SequenceMatcher[str], frozenset[str]]]] = (
        defaultdict(list)
    )
    for mid, union_id, name, _held, text in rows:
        norm = _normalized(text)
        pairs = frozenset(map(str.__add__, norm, norm[1:]))
        digest = sha1(norm.encode()).hexdigest()
        match: tuple[int, float] | None = None
        if digest in seen_hash:
            match = (seen_hash[digest][0], 1.0)
        else:
            for other_id, matcher, other_pairs in earlier_by_union[union_id]:
                # Texts sharing few character pairs cannot be 90% alike: skip the costly diff.
                if len(pairs & other_pairs) < PAIR_SHARE * len(pairs | other_pairs):
                    continue
                matcher.set_seq1(norm)
                if matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR:
                    ratio = matcher.ratio()
                    if ratio >= SIMILAR:
                        match = (other_id, ratio)
                        break
        if match is not None:
            flags.append(
                FormalityFlag(
                    "minutes_similar",
                    "meeting",
                    mid,
                    name,
                    {"earlier_id": match[0], "percent": round(match[1] * 100)},
                )
            )
        seen_hash.setdefault(digest, (mid, name))
        earlier = earlier_by_union[union_id]
        earlier.append((mid, SequenceMatcher(None, "", norm, autojunk=False), pairs))
        del earlier[:-RECENT]
    return flags


def formalism_checks(session: Session, today: date) -> tuple[FormalityFlag, ...]:
    cutoff = today - timedelta(days=GRACE_DAYS)
    missing = [
        FormalityFlag(
            "meeting_missing",
            "establishment",
            s.establishment_id,
            s.union_name,
            {"periods": list(s.missed_periods), "per_year": s.required_per_year},
        )
        for s in frequency_status(session, today)
        if s.missed_periods
    ]
    return tuple(
        _meetings_without_items(session, cutoff)
        + _incomplete_items(session, cutoff)
        + _similar_minutes(session)
        + missing
    )
