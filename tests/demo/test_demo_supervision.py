"""The demo county's supervision, as a county leader reads it: believable overdue figures on
any day, extensions decided within weeks, documents only to responsible units and numbered in
date order, bulletins whose lists are of Binhai's size and name only units they may name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desktop.core.bulletin_stats import bulletin_statistics
from desktop.core.dashboard import dashboard_counts
from desktop.core.escalation import escalation_suggestions
from desktop.core.extensions import pending_extensions
from desktop.core.settings import SupervisionSettings
from desktop.core.workdays import WorkCalendar
from desktop.db import Database, open_database
from desktop.db.migrate import upgrade
from desktop.demo import build_demo

TODAY = date(2026, 11, 21)
DONE = ("completed", "verified")
# Names a county federation's bulletin or notice never addresses.
NEVER_NAMED = (
    "SELECT id FROM unit WHERE kind = 'party_committee' OR name LIKE '中共%委员会' "
    "OR id = (SELECT unit_id FROM office WHERE is_local) "
    "OR (kind = 'government' AND level = 'county')"
)


def _demo(folder: Path, today: date) -> Database:
    db = open_database(folder / "demo.db")
    upgrade(db)
    with db.unit_of_work() as s:
        build_demo(s, today=today)
    return db


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = _demo(tmp_path_factory.mktemp("supervised"), TODAY)
    yield db
    db.dispose()


def _rows(db: Database, sql: str, **params: Any) -> list[Any]:
    with db.engine.connect() as conn:
        return list(conn.execute(text(sql), params))


def _quarters(year: int) -> list[tuple[date, date]]:
    starts = [date(year, m, 1) for m in (1, 4, 7, 10)] + [date(year + 1, 1, 1)]
    return [(a, b - timedelta(days=1)) for a, b in pairwise(starts)]


@pytest.mark.parametrize("today", [TODAY, date(2025, 6, 16)])
def test_overdue_share_and_extension_queue_on_any_day(
    demo: Database, tmp_path: Path, today: date
) -> None:
    db = demo if today == TODAY else _demo(tmp_path, today)
    try:
        with db.unit_of_work() as s:
            counts = dashboard_counts(s, today)
            queue = pending_extensions(s, today)
    finally:
        if db is not demo:
            db.dispose()
    assert 0.05 <= counts.overdue_items / counts.open_items <= 0.25
    assert 0 < counts.pending_extensions <= 30
    assert all(p.days_waiting <= 6 * 7 for p in queue)


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def test_overdue_share_was_believable_at_every_quarters_end(demo: Database) -> None:
    """Not only today: at the end of each past quarter about one open item in eight was late,
    and hardly any by more than 90 days (the history a bulletin reports on)."""
    cancelled_on = {
        item_id: _day(on)
        for item_id, on in _rows(
            demo,
            "SELECT item_id, min(on_date) FROM item_event WHERE action = 'cancel' GROUP BY item_id",
        )
    }
    items = [
        (_day(assigned), _day(deadline), _day(completed) if status in DONE else None, cancelled)
        for item_id, status, assigned, deadline, completed in _rows(
            demo,
            "SELECT id, status, assigned_on, deadline, completed_on FROM agreed_item "
            "WHERE status != 'drafted'",
        )
        for cancelled in [cancelled_on.get(item_id)]
    ]
    ends = [end for y in (2024, 2025, 2026) for _, end in _quarters(y)]
    for end in [e for e in ends if date(2024, 6, 1) <= e < TODAY]:
        open_, late, long_late = 0, 0, 0
        for assigned, deadline, done, cancelled in items:
            assert assigned is not None and deadline is not None
            if assigned > end or (done and done <= end) or (cancelled and cancelled <= end):
                continue
            open_ += 1
            late += deadline < end
            long_late += (end - deadline).days > 90
        assert 0.05 <= late / open_ <= 0.25, end
        assert long_late <= 0.03 * open_, end


def test_nothing_overdue_by_more_than_a_year_unless_under_rectification(demo: Database) -> None:
    stale = _rows(
        demo,
        """SELECT i.id FROM agreed_item i
        WHERE i.status IN ('assigned', 'in_progress', 'extension_requested')
          AND i.deadline < :year_ago
          AND NOT EXISTS (SELECT 1 FROM notice_item ni JOIN supervision_notice n
                          ON n.id = ni.notice_id
                          WHERE ni.item_id = i.id AND n.kind = 'rectification')""",
        year_ago=TODAY - timedelta(days=365),
    )
    assert stale == []


def test_documents_go_to_responsible_units_and_are_never_future_dated(demo: Database) -> None:
    strangers = _rows(
        demo,
        """SELECT n.number FROM supervision_notice n
        JOIN notice_item ni ON ni.notice_id = n.id JOIN agreed_item i ON i.id = ni.item_id
        WHERE n.target_unit_id != i.lead_unit_id AND NOT EXISTS (
            SELECT 1 FROM item_cooperating_unit c
            WHERE c.item_id = i.id AND c.unit_id = n.target_unit_id)""",
    )
    assert strangers == []
    unnamed = _rows(
        demo, f"SELECT number FROM supervision_notice WHERE target_unit_id IN ({NEVER_NAMED})"
    )
    assert unnamed == []
    for table, column in (
        ("supervision_notice", "issued_on"),
        ("progress_feedback", "reported_on"),
        ("item_event", "on_date"),
        ("bulletin", "issued_on"),
    ):
        assert _rows(demo, f"SELECT count(*) FROM {table} WHERE {column} > :t", t=TODAY) == [
            (0,)
        ], table


def test_document_numbers_follow_issue_dates(demo: Database) -> None:
    """Per kind and year, number n+1 is never dated before number n (as core now requires)."""
    series: dict[tuple[str, int], list[tuple[int, date]]] = defaultdict(list)
    for kind, year, serial, issued in _rows(
        demo, "SELECT kind, year, serial, issued_on FROM supervision_notice"
    ):
        series[(kind, year)].append((serial, date.fromisoformat(str(issued))))
    assert len(series) >= 6
    for key, numbered in series.items():
        dates = [d for _, d in sorted(numbered)]
        assert dates == sorted(dates), key
        assert all(d.year == key[1] for d in dates)


def test_bulletins_name_each_unit_once_per_issue_and_only_those_they_may(demo: Database) -> None:
    both = _rows(
        demo,
        """SELECT b.number, m.unit_id FROM bulletin_mention m JOIN bulletin b
        ON b.id = m.bulletin_id GROUP BY b.id, m.unit_id HAVING count(DISTINCT m.kind) > 1""",
    )
    assert both == []
    twice = _rows(
        demo,
        "SELECT bulletin_id, unit_id FROM bulletin_mention GROUP BY bulletin_id, unit_id "
        "HAVING count(*) > 1",
    )
    assert twice == []
    unnamed = _rows(
        demo, f"SELECT bulletin_id FROM bulletin_mention WHERE unit_id IN ({NEVER_NAMED})"
    )
    assert unnamed == []


def test_a_full_year_of_bulletins_is_binhais(demo: Database) -> None:
    """Binhai: 4 bulletins a year, 27 units commended and 8 criticised."""
    for year in (2024, 2025):
        issues = _rows(demo, "SELECT count(*) FROM bulletin WHERE year = :y", y=year)
        assert issues == [(4,)]
        named = dict(
            _rows(
                demo,
                "SELECT m.kind, count(DISTINCT m.unit_id) FROM bulletin_mention m "
                "JOIN bulletin b ON b.id = m.bulletin_id WHERE b.year = :y GROUP BY m.kind",
                y=year,
            )
        )
        assert 20 <= named["commendation"] <= 35, year
        assert 4 <= named["criticism"] <= 12, year


def test_core_proposals_over_a_demo_year_are_of_binhais_size(demo: Database) -> None:
    """Four quarterly proposals with the default settings: about 27 and 8, never both lists,
    never the office, the party committee or the county government."""
    never = {r[0] for r in _rows(demo, NEVER_NAMED)}
    with demo.unit_of_work() as s:
        for year in (2024, 2025):
            commended, criticised = 0, 0
            for start, end in _quarters(year):
                stats = bulletin_statistics(s, start, end)
                praised = {p.unit_id for p in stats.commendations}
                blamed = {p.unit_id for p in stats.criticisms}
                assert not praised & blamed
                assert not (praised | blamed) & never
                commended += len(praised)
                criticised += len(blamed)
            assert 15 <= commended <= 35, year
            assert 4 <= criticised <= 12, year


SUPERVISED = "('county', 'township', 'street', 'industry')"  # a county's own and the level below


def test_the_county_supervises_a_believable_share_of_late_items(demo: Database) -> None:
    """Of the items of its own and its townships' meetings, a county has a few dozen open and
    some late (Binhai: 37 township meetings deciding 64 items a year); nearly every late one was
    reminded soon after its deadline, many got a supervision notice, a few a rectification order
    (a county issues two or three a year: Binhai ordered a company to rectify)."""
    open_, late = _rows(
        demo,
        f"""SELECT count(*), sum(i.deadline < :t) FROM agreed_item i
        JOIN meeting m ON m.id = i.meeting_id WHERE m.level IN {SUPERVISED}
        AND i.status IN ('assigned', 'in_progress', 'extension_requested')""",
        t=TODAY,
    )[0]
    assert 25 <= open_ <= 120
    assert 4 <= late <= 0.3 * open_
    reminded = _rows(
        demo,
        f"""SELECT count(*), sum(EXISTS (SELECT 1 FROM notice_item ni JOIN supervision_notice n
                   ON n.id = ni.notice_id WHERE ni.item_id = i.id AND n.kind = 'reminder'))
        FROM agreed_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.level IN {SUPERVISED}
        AND i.status IN ('assigned', 'in_progress', 'extension_requested')
        AND i.deadline < :week_ago""",
        week_ago=TODAY - timedelta(days=10),
    )[0]
    assert reminded[0] and reminded[1] >= 0.75 * reminded[0]
    for year in (2024, 2025):
        per_kind = dict(
            _rows(
                demo,
                "SELECT kind, count(*) FROM supervision_notice WHERE year = :y GROUP BY kind",
                y=year,
            )
        )
        assert 20 <= per_kind["reminder"] <= 80, year
        assert 8 <= per_kind["supervision"] < per_kind["reminder"], year
        assert 1 <= per_kind["rectification"] <= 8, year


def _ladder(db: Database) -> dict[int, list[tuple[str, date, date | None]]]:
    """Per supervised item, its documents in date order: kind, issue day, rectification deadline."""
    documents: dict[int, list[tuple[str, date, date | None]]] = defaultdict(list)
    for item_id, kind, issued, rectify_by in _rows(
        db,
        f"""SELECT ni.item_id, n.kind, n.issued_on, n.rectify_deadline FROM supervision_notice n
        JOIN notice_item ni ON ni.notice_id = n.id JOIN agreed_item i ON i.id = ni.item_id
        JOIN meeting m ON m.id = i.meeting_id WHERE m.level IN {SUPERVISED}
        ORDER BY n.issued_on, n.id""",
    ):
        documents[item_id].append((kind, _day(issued), _day(rectify_by)))  # type: ignore[arg-type]
    return documents


def test_no_rung_before_the_previous_rungs_deadline(demo: Database) -> None:
    """Reminder after the item's deadline, supervision notice after the reminder's reply period,
    rectification after the notice's, criticism only once the rectification deadline passed —
    the periods core.escalation waits (default settings, the built-in holiday calendar)."""
    settings = SupervisionSettings()
    waits = {
        "reminder": settings.reminder_reply_workdays,
        "supervision": settings.supervision_reply_workdays,
    }
    calendar = WorkCalendar()
    deadlines = {i: _day(d) for i, d in _rows(demo, "SELECT id, deadline FROM agreed_item")}
    lead = dict(_rows(demo, "SELECT id, lead_unit_id FROM agreed_item"))
    criticised: dict[int, list[date]] = defaultdict(list)
    for unit_id, issued in _rows(
        demo,
        "SELECT m.unit_id, b.issued_on FROM bulletin_mention m JOIN bulletin b "
        "ON b.id = m.bulletin_id WHERE m.kind = 'criticism'",
    ):
        criticised[unit_id].append(_day(issued))  # type: ignore[arg-type]
    ladder = _ladder(demo)
    assert len(ladder) >= 60
    for item_id, documents in ladder.items():
        kinds = [kind for kind, _, _ in documents]
        assert kinds == sorted(kinds, key=["reminder", "supervision", "rectification"].index)
        assert len(set(kinds)) == len(kinds), item_id  # each rung once
        previous_wait_over = deadlines[item_id]
        for kind, issued, rectify_by in documents:
            assert previous_wait_over is not None and issued > previous_wait_over, item_id
            if kind == "rectification":
                assert rectify_by is not None and rectify_by > issued
                after = [d for d in criticised[lead[item_id]] if d >= issued]
                assert all(d > rectify_by for d in after), item_id
            else:
                previous_wait_over = calendar.add_workdays(issued, waits[kind]).day
    # The ladder is climbed only while an item stays late: fewer items on each higher rung.
    counts = [sum(kind in {k for k, _, _ in d} for d in ladder.values()) for kind in waits]
    assert counts[0] > counts[1] > 0


def test_some_documents_are_answered_and_some_still_wait(demo: Database) -> None:
    """A progress report by the responsible unit between a document and the reply it asks for
    answers it; most are answered, not all, and the dashboard shows who still owes a reply."""
    pairs = _rows(
        demo,
        """SELECT n.id, ni.item_id, EXISTS (SELECT 1 FROM progress_feedback f
               WHERE f.item_id = ni.item_id AND f.reported_on > n.issued_on
               AND f.reported_on <= n.feedback_deadline)
        FROM supervision_notice n JOIN notice_item ni ON ni.notice_id = n.id
        WHERE n.feedback_deadline < :t""",
        t=TODAY,
    )
    answered = sum(a for _, _, a in pairs) / len(pairs)
    assert 0.4 <= answered <= 0.9
    with demo.unit_of_work() as s:
        counts = dashboard_counts(s, TODAY)
        steps = {e.step for e in escalation_suggestions(s, TODAY)}
    assert 1 <= counts.awaiting_reply <= 15
    assert 5 <= counts.suggestions_waiting_for_reply <= 80  # Binhai hears from 478 a year
    assert len(steps) >= 2  # the list proposes a mix of next steps, not only reminders
