"""Binhai county's published year rebuilt from the sources, and every figure read back.

37 township meetings deciding 64 items, 126 enterprise meetings on 63 topics, 478 worker
suggestions adopted 147 / 116 / 213 by the county union, township governments and enterprises,
27 units commended and 8 criticised (domain.md). How the year is laid out:

* 15 good townships (A): both meetings, 2 items each, all done on time; 2 enterprises each,
  meeting every quarter (30 × 4 = 120 enterprise meetings) → 100 points;
* 12 industry unions: their one meeting held → 100 points (A + industry = 27 commended);
* 1 township (B) met only in the first half, no enterprises → 87.5: neither list;
* 8 townships (C) criticised in the year's 4 supervision bulletins, two in each: 4 of them held
  a meeting only for form, 2 met once (1 item each, left undone), 2 never; 3 of their
  enterprises met twice (6 more enterprise meetings).
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from desktop.core.assessment import compute_scorecard, year_rates
from desktop.core.office import create_local_office
from desktop.db import Database
from desktop.models import (
    AgendaEntry,
    AgreedItem,
    Bulletin,
    BulletinMention,
    Establishment,
    Meeting,
    MeetingParticipant,
    Suggestion,
    Topic,
    Unit,
)
from desktop.models.enums import (
    AttendanceRole,
    Channel,
    ItemStatus,
    Level,
    MeetingKind,
    MeetingStatus,
    MentionKind,
    SuggestionStatus,
    TopicSource,
    TopicStatus,
    UnitKind,
)

YEAR, TODAY = 2025, date(2026, 3, 1)
ENTERPRISE_DAYS = (date(2025, 2, 15), date(2025, 5, 15), date(2025, 8, 15), date(2025, 11, 15))


class Year:
    """Core inserts of one office's records, every row owned by the office."""

    def __init__(self, session: Session, office: str) -> None:
        self.s, self.office = session, office

    def add(self, model: Any, rows: list[dict[str, Any]]) -> list[int]:
        if (
            model is not MeetingParticipant
            and model is not AgendaEntry
            and model is not BulletinMention
        ):
            rows = [{"origin_office": self.office, **r} for r in rows]
        stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
        return list(self.s.scalars(stmt, rows))

    def units(
        self, names: list[str], kind: UnitKind, level: Level, parent: int | None
    ) -> list[int]:
        return self.add(
            Unit, [{"name": n, "kind": kind, "level": level, "parent_id": parent} for n in names]
        )

    def pairs(self, unions: list[int], partners: list[int], level: Level, per_year: int) -> None:
        self.add(
            Establishment,
            [
                {
                    "union_unit_id": u,
                    "partner_unit_id": p,
                    "partner_name": "对方",
                    "level": level,
                    "established": True,
                    "established_on": date(2018, 1, 1),
                    "meetings_per_year": per_year,
                }
                for u, p in zip(unions, partners, strict=True)
            ],
        )

    def meetings(
        self, held: list[tuple[int, int, date]], level: Level, topics: list[int], form: bool = False
    ) -> list[int]:
        """Meetings of (union, partner, day), the n-th on the agenda topic topics[n]."""
        kind = (
            MeetingKind.ENTERPRISE_UNION
            if level == Level.ENTERPRISE
            else MeetingKind.GOVERNMENT_UNION
        )
        ids = self.add(
            Meeting,
            [
                {
                    "kind": kind,
                    "level": level,
                    "union_unit_id": union,
                    "partner_unit_id": partner,
                    "partner_name": "对方",
                    "series_number": n + 1,
                    "held_on": day,
                    "status": MeetingStatus.MINUTES_ISSUED,
                    "minutes_issued_on": day + timedelta(5),
                    "minutes_text": "会议纪要",
                    "formality_flag": form,
                    "formality_reason": "走过场" if form else "",
                }
                for n, (union, partner, day) in enumerate(held)
            ],
        )
        self.add(
            AgendaEntry,
            [
                {"meeting_id": m, "topic_id": t, "position": 1}
                for m, t in zip(ids, topics, strict=True)
            ],
        )
        self.add(
            MeetingParticipant,
            [{"meeting_id": m, "name": "王明", "role": AttendanceRole.ATTENDED} for m in ids],
        )
        return ids

    def topics(self, unions: list[int]) -> list[int]:
        return self.add(
            Topic,
            [
                {
                    "title": f"议题{n}",
                    "source": TopicSource.SUGGESTION,
                    "union_unit_id": u,
                    "status": TopicStatus.DECIDED,
                }
                for n, u in enumerate(unions)
            ],
        )

    def items(self, meetings: list[tuple[int, date]], lead: int, *, done: bool) -> None:
        self.add(
            AgreedItem,
            [
                {
                    "meeting_id": m,
                    "text": "落实职工诉求",
                    "lead_unit_id": lead,
                    "deadline": day + timedelta(60),
                    "assigned_on": day + timedelta(1),
                    "completed_on": day + timedelta(20) if done else None,
                    "status": ItemStatus.VERIFIED if done else ItemStatus.ASSIGNED,
                }
                for m, day in meetings
            ],
        )

    def suggestions(
        self, count: int, level: Level, receivers: list[int], status: SuggestionStatus
    ) -> None:
        cycle = itertools.cycle(receivers)
        self.add(
            Suggestion,
            [
                {
                    "channel": Channel.WECHAT,
                    "received_on": date(2025, 1, 5) + timedelta(n % 300),
                    "receiving_unit_id": next(cycle),
                    "content": "建议",
                    "target_level": level,
                    "status": status,
                    # Every worker heard back within a fortnight.
                    "reply_text": "已答复",
                    "replied_on": date(2025, 1, 5) + timedelta(n % 300 + 14),
                }
                for n in range(count)
            ],
        )


def binhai(db: Database) -> None:
    with db.unit_of_work() as s:
        office = create_local_office(
            s, name="滨海县总工会", level=Level.COUNTY, doc_prefix="滨工联"
        )
        assert office.unit_id is not None
        y, federation = Year(s, office.uuid), office.unit_id
        county_gov = y.units(["滨海县人民政府"], UnitKind.GOVERNMENT, Level.COUNTY, None)[0]
        towns = y.units(
            [f"第{n}镇工会" for n in range(24)], UnitKind.TOWNSHIP_UNION, Level.TOWNSHIP, federation
        )
        govs = y.units(
            [f"第{n}镇人民政府" for n in range(24)], UnitKind.GOVERNMENT, Level.TOWNSHIP, county_gov
        )
        good, weak, criticised = towns[:15], towns[15], towns[16:]
        industry = y.units(
            [f"行业工会{n}" for n in range(12)], UnitKind.INDUSTRY_UNION, Level.INDUSTRY, federation
        )
        associations = y.units(
            [f"行业协会{n}" for n in range(12)], UnitKind.INDUSTRY_ASSOCIATION, Level.INDUSTRY, None
        )
        host = [t for t in good for _ in range(2)] + criticised[:3]
        firms = y.units(
            [f"企业{n}" for n in range(33)], UnitKind.ENTERPRISE, Level.ENTERPRISE, None
        )
        unions = [
            y.units([f"企业{n}工会"], UnitKind.ENTERPRISE_UNION, Level.ENTERPRISE, t)[0]
            for n, t in enumerate(host)
        ]
        y.pairs([federation], [county_gov], Level.COUNTY, 1)
        y.pairs(towns, govs, Level.TOWNSHIP, 2)
        y.pairs(industry, associations, Level.INDUSTRY, 1)
        y.pairs(unions, firms, Level.ENTERPRISE, 4)
        partner = dict(zip(towns + unions + industry, govs + firms + associations, strict=True))

        y.meetings(
            [(federation, county_gov, date(2025, 6, 18))], Level.COUNTY, y.topics([federation])
        )
        twice = [(t, partner[t], d) for t in good for d in (date(2025, 3, 20), date(2025, 9, 20))]
        once = [(t, partner[t], date(2025, 6, 10)) for t in [weak, *criticised[4:6]]]
        form = [(t, partner[t], date(2025, 5, 20)) for t in criticised[:4]]
        decided = y.meetings(
            twice + once, Level.TOWNSHIP, y.topics([t for t, _, _ in twice + once])
        )
        y.meetings(form, Level.TOWNSHIP, y.topics([t for t, _, _ in form]), form=True)
        lead = govs[0]
        y.items(
            [(m, d) for m, (_, _, d) in zip(decided[:30], twice, strict=True) for _ in range(2)],
            lead,
            done=True,
        )
        y.items([(decided[30], date(2025, 6, 10))] * 2, lead, done=True)  # the weak town
        y.items([(m, date(2025, 6, 10)) for m in decided[31:]], lead, done=False)
        # Each enterprise topic is discussed at two meetings: 30 × 2 + 3 × 1 = 63 topics.
        quarterly = [(u, partner[u], d) for u in unions[:30] for d in ENTERPRISE_DAYS]
        halves = [(u, partner[u], d) for u in unions[30:] for d in ENTERPRISE_DAYS[:2]]
        topics = y.topics([u for u, _, _ in quarterly + halves][::2])
        y.meetings(quarterly + halves, Level.ENTERPRISE, [t for t in topics for _ in range(2)])
        y.meetings(
            [(i, partner[i], date(2025, 7, 10)) for i in industry],
            Level.INDUSTRY,
            y.topics(industry),
        )

        y.suggestions(147, Level.COUNTY, [federation], SuggestionStatus.ADOPTED)
        y.suggestions(116, Level.TOWNSHIP, good, SuggestionStatus.ADOPTED)
        y.suggestions(213, Level.ENTERPRISE, unions[:30], SuggestionStatus.ADOPTED)
        y.suggestions(2, Level.TOWNSHIP, good, SuggestionStatus.NOT_ADOPTED)

        issued = [date(2025, 4, 10), date(2025, 7, 10), date(2025, 10, 10), date(2025, 12, 20)]
        bulletins = y.add(
            Bulletin,
            [
                {
                    "number": f"滨工联通〔2025〕{n + 1}号",
                    "year": YEAR,
                    "issue_no": n + 1,
                    "issued_on": day,
                    "period_start": date(2025, 1, 1),
                    "period_end": day,
                    "title": "督查通报",
                }
                for n, day in enumerate(issued)
            ],
        )
        y.add(
            BulletinMention,
            [
                {
                    "bulletin_id": bulletins[n // 2],
                    "unit_id": t,
                    "kind": MentionKind.CRITICISM,
                    "reason": "会议不规范",
                }
                for n, t in enumerate(criticised)
            ],
        )


def test_binhai_year_figures_come_back(db: Database) -> None:
    binhai(db)
    with db.unit_of_work() as s:
        rates = year_rates(s, YEAR, today=TODAY)
        card = compute_scorecard(s, YEAR, today=TODAY, include_industry=True)
    activity = {a.level: (a.meetings, a.topics, a.items) for a in rates.activity}
    assert activity[Level.TOWNSHIP][0] == 37 and activity[Level.TOWNSHIP][2] == 64
    assert activity[Level.ENTERPRISE][:2] == (126, 63)
    assert activity[Level.COUNTY][0] == 1
    adoption = {a.level: (a.received, a.adopted) for a in rates.adoption.by_level}
    assert rates.adoption.received == 478
    assert adoption == {
        Level.COUNTY: (147, 147),
        Level.TOWNSHIP: (118, 116),
        Level.ENTERPRISE: (213, 213),
    }
    assert len(card.units) == 36
    assert len(card.commendations) == 27
    assert len(card.criticisms) == 8
    assert {
        u.total for u in card.units if u.unit_id not in {p.unit_id for p in card.criticisms}
    } == {100.0, 86.11}
    convening = {(c.level, c.period): (c.required, c.convened, c.rate) for c in rates.convening}
    # 24 towns owe 2 each; the good 15 met twice, three more once; form-only ones do not count.
    assert convening[(Level.TOWNSHIP, "year")] == (48, 33, 68.8)
    assert convening[(Level.ENTERPRISE, "year")] == (132, 126, 95.5)
    assert convening[(Level.INDUSTRY, "year")] == (12, 12, 100.0)
    assert all(e.rate == 100.0 for e in rates.establishment)
