"""The demo builder: realistic counts, legal states, consistent records, reproducible by seed."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from desktop.core.dashboard import dashboard_counts
from desktop.core.errors import DomainError
from desktop.core.frequency import frequency_status
from desktop.core.item_dto import item_dto
from desktop.core.numbering import next_number
from desktop.core.office import local_office
from desktop.core.states import ITEM, MACHINES
from desktop.db import Database, open_database
from desktop.db.migrate import upgrade
from desktop.demo import DemoSummary, build_demo
from desktop.models import AgreedItem
from desktop.models.enums import (
    OPEN_ITEM_STATUSES,
    ItemStatus,
    MeetingStatus,
    SuggestionStatus,
    TopicStatus,
)
from tests.conftest import County, logical_dump

TODAY = date(2026, 11, 21)
STATES = {
    "suggestion": SuggestionStatus,
    "topic": TopicStatus,
    "meeting": MeetingStatus,
    "agreed_item": ItemStatus,
}


def _fresh(folder: Path) -> Database:
    db = open_database(folder / "demo.db")
    upgrade(db)
    return db


def _build(db: Database, **kwargs: Any) -> DemoSummary:
    with db.unit_of_work() as s:
        return build_demo(s, today=TODAY, **kwargs)


@pytest.fixture(scope="module")
def county_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    db = _fresh(tmp_path_factory.mktemp("county"))
    summary = _build(db)
    yield db, summary
    db.dispose()


def _rows(db: Database, sql: str, **params: Any) -> list[Any]:
    with db.engine.connect() as conn:
        return list(conn.execute(text(sql), params))


def _one(db: Database, sql: str, **params: Any) -> Any:
    return _rows(db, sql, **params)[0][0]


def test_county_directory_looks_like_binhai(county_db: tuple[Database, DemoSummary]) -> None:
    db, summary = county_db
    assert summary.office_name == "滨海县总工会"
    kinds = Counter(dict(_rows(db, "SELECT kind, count(*) FROM unit GROUP BY kind")))
    assert 20 <= kinds["township_union"] + kinds["street_union"] <= 30
    assert 700 <= kinds["enterprise_union"] <= 900
    assert kinds["department"] >= 15 and kinds["party_committee"] == 1
    assert kinds["industry_union"] >= 3
    names = {r[0] for r in _rows(db, "SELECT name FROM unit")}
    assert {
        "滨海县人民政府",
        "县人社局",
        "县财政局",
        "八滩镇人民政府",
        "八滩镇工会",
        "坎北街道工会",
    } <= names
    assert (
        _one(db, "SELECT count(*) FROM unit WHERE pinyin_initials = '' OR contact_phone = ''") == 0
    )
    assert _one(db, "SELECT pinyin_initials FROM unit WHERE name = '滨海县总工会'") == "bhxzgh"
    # Every union has its establishment row, a few still without a system.
    unions = _one(db, "SELECT count(*) FROM unit WHERE kind LIKE '%union' OR kind = 'federation'")
    union_ids = _one(db, "SELECT count(DISTINCT union_unit_id) FROM establishment")
    assert union_ids == unions
    missing = _rows(
        db,
        "SELECT reason_not_established, establish_deadline FROM establishment "
        "WHERE NOT established",
    )
    assert missing and all(reason and deadline for reason, deadline in missing)


def test_suggestions_follow_the_binhai_year(county_db: tuple[Database, DemoSummary]) -> None:
    db, _ = county_db
    for year in (2024, 2025):
        count = _one(
            db,
            "SELECT count(*) FROM suggestion WHERE strftime('%Y', received_on) = :y",
            y=str(year),
        )
        assert 450 <= count <= 550
    adopted = dict(
        _rows(
            db,
            "SELECT target_level, count(*) FROM suggestion "
            "WHERE status = 'adopted' GROUP BY target_level",
        )
    )
    total = sum(adopted.values())
    for level, real in (("county", 147), ("township", 116), ("enterprise", 213)):
        assert abs(adopted[level] / total - real / 476) < 0.05
    assert (
        _one(db, "SELECT count(*) FROM suggestion WHERE status = 'adopted' AND topic_id IS NULL")
        == 0
    )
    assert _one(db, "SELECT count(*) FROM suggestion WHERE anonymous AND submitter_name != ''") == 0
    channels = {r[0] for r in _rows(db, "SELECT DISTINCT channel FROM suggestion")}
    assert {"wechat", "sms", "email", "letter", "visit", "hotline", "forum"} <= channels


def test_every_state_of_every_machine_appears(county_db: tuple[Database, DemoSummary]) -> None:
    db, _ = county_db
    for table, states in STATES.items():
        seen = {r[0] for r in _rows(db, f"SELECT DISTINCT status FROM {table}")}
        assert seen == {str(s) for s in states}, table
    assert set(MACHINES) == {"suggestion", "topic", "meeting", "item", "bulletin"}


def test_item_timelines_replay_through_the_state_machine(
    county_db: tuple[Database, DemoSummary],
) -> None:
    db, _ = county_db
    events: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for item_id, action, before, after in _rows(
        db,
        "SELECT item_id, action, from_status, to_status FROM item_event "
        "WHERE action NOT LIKE 'notice_%' ORDER BY on_date, id",
    ):
        events[item_id].append((action, before, after))
    actions = Counter()
    for item_id, status in _rows(db, "SELECT id, status FROM agreed_item"):
        state = ItemStatus.DRAFTED
        for action, before, after in events[item_id]:
            assert before == state
            state = ItemStatus(ITEM.target(action, state))
            assert after == state
            actions[action] += 1
        assert state == status, item_id
    assert set(actions) == set(ITEM.table)


def test_items_are_consistent(county_db: tuple[Database, DemoSummary]) -> None:
    db, _ = county_db
    bad = _one(
        db,
        """SELECT count(*) FROM agreed_item i JOIN meeting m ON m.id = i.meeting_id
        WHERE i.status != 'drafted' AND (i.lead_unit_id IS NULL OR i.deadline IS NULL
              OR i.deadline < m.held_on OR m.held_on IS NULL OR i.assigned_on < m.held_on)""",
    )
    assert bad == 0
    overdue = _one(
        db,
        "SELECT count(*) FROM agreed_item WHERE status IN "
        "('assigned', 'in_progress', 'extension_requested') AND deadline < :t",
        t=TODAY,
    )
    assert overdue > 0
    assert (
        _one(
            db,
            "SELECT count(*) FROM agreed_item WHERE status = 'verified' AND "
            "(verified_on IS NULL OR completed_on IS NULL OR verified_on < completed_on)",
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM agreed_item WHERE status IN ('completed', 'verified') "
            "AND percent_done != 100",
        )
        == 0
    )
    assert (
        _one(
            db, "SELECT count(*) FROM agreed_item WHERE status = 'cancelled' AND cancel_reason = ''"
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM agreed_item WHERE status = 'extension_requested' "
            "AND (extension_deadline IS NULL OR extension_deadline <= deadline)",
        )
        == 0
    )
    # percent_done and last_feedback_on are those of the latest-dated feedback (answers to
    # supervision documents are written after the rest of an item's timeline).
    latest = _rows(
        db,
        """SELECT i.id, i.percent_done, i.last_feedback_on, f.percent_done,
                                 f.reported_on, i.status FROM agreed_item i
        JOIN progress_feedback f ON f.item_id = i.id
        WHERE f.id = (SELECT id FROM progress_feedback WHERE item_id = i.id
                      ORDER BY reported_on DESC, id DESC LIMIT 1)""",
    )
    assert latest
    for _, pct, last_on, fb_pct, fb_on, status in latest:
        assert last_on == fb_on
        assert pct == (100 if status in ("completed", "verified") else fb_pct)
    assert (
        _one(
            db,
            "SELECT count(*) FROM agreed_item i WHERE last_feedback_on IS NULL AND "
            "EXISTS (SELECT 1 FROM progress_feedback WHERE item_id = i.id)",
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM item_cooperating_unit c JOIN agreed_item i "
            "ON i.id = c.item_id WHERE c.unit_id = i.lead_unit_id",
        )
        == 0
    )
    assert _one(db, "SELECT count(*) FROM feedback_figure WHERE name = '安置职工'") > 0


def test_meetings_are_consistent(county_db: tuple[Database, DemoSummary]) -> None:
    db, _ = county_db
    held = "('held', 'minutes_issued')"
    assert (
        _one(
            db,
            f"""SELECT count(*) FROM meeting m WHERE status IN {held} AND (held_on IS NULL
        OR NOT EXISTS (SELECT 1 FROM agenda_entry WHERE meeting_id = m.id)
        OR NOT EXISTS (SELECT 1 FROM meeting_participant WHERE meeting_id = m.id))""",
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM meeting WHERE status = 'minutes_issued' "
            "AND (minutes_number = '' OR minutes_text = '' OR minutes_issued_on < held_on)",
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM meeting WHERE status IN ('planned', 'notified') "
            "AND (held_on IS NOT NULL OR planned_on <= :t)",
            t=TODAY,
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM agenda_entry a JOIN meeting m ON m.id = a.meeting_id "
            "JOIN topic t ON t.id = a.topic_id WHERE m.status IN ('planned', 'notified') "
            "AND t.status != 'scheduled'",
        )
        == 0
    )
    # Four towns held a meeting for form; each was re-convened.
    flagged = _rows(db, "SELECT id, union_unit_id FROM meeting WHERE formality_flag")
    assert len(flagged) == 4
    for meeting_id, union in flagged:
        again = _rows(
            db, "SELECT union_unit_id FROM meeting WHERE reconvene_of_id = :m", m=meeting_id
        )
        assert again == [(union,)]
    county = _rows(
        db,
        "SELECT series_number FROM meeting WHERE level = 'county' "
        "AND kind = 'government_union' ORDER BY planned_on",
    )
    assert [n for (n,) in county] == list(range(county[0][0], county[0][0] + len(county)))
    assert _one(db, "SELECT count(*) FROM working_group") >= 5
    roles = {r[0] for r in _rows(db, "SELECT DISTINCT role FROM meeting_participant")}
    assert roles == {"attended", "absent", "sat_in"}
    assert (
        _one(
            db,
            "SELECT count(*) FROM meeting_participant WHERE role = 'absent' "
            "AND absence_reason = ''",
        )
        == 0
    )
    # Township convening rate: about nine in ten required meetings were held (2024–2025).
    towns = _one(
        db,
        "SELECT count(*) FROM establishment WHERE level IN ('township', 'street') "
        "AND established AND established_on < '2024-01-01'",
    )
    held_town = _one(
        db,
        f"""SELECT count(*) FROM meeting WHERE level IN ('township', 'street')
        AND status IN {held} AND NOT formality_flag AND held_on BETWEEN '2024-01-01' AND '2025-12-31'
        AND reconvene_of_id IS NULL""",
    )
    assert 0.8 <= held_town / (towns * 4) <= 0.98


def test_topics_are_consistent(county_db: tuple[Database, DemoSummary]) -> None:
    db, _ = county_db
    checks = {
        "rejected": "rejection_reason = ''",
        "deferred": "deferral_reason = ''",
        "merged": "merged_into_id IS NULL",
        "vetted": "vetted_on IS NULL OR vetting_conclusion = ''",
        "consulted": "NOT EXISTS (SELECT 1 FROM topic_consultation WHERE topic_id = topic.id)",
        "researching": "NOT EXISTS (SELECT 1 FROM topic_research WHERE topic_id = topic.id)",
        "decided": "vetted_on IS NULL OR NOT EXISTS "
        "(SELECT 1 FROM agenda_entry WHERE topic_id = topic.id)",
        "scheduled": "NOT EXISTS (SELECT 1 FROM agenda_entry WHERE topic_id = topic.id)",
    }
    for status, broken in checks.items():
        assert (
            _one(db, f"SELECT count(*) FROM topic WHERE status = :s AND ({broken})", s=status) == 0
        ), status
    assert (
        _one(
            db,
            "SELECT count(*) FROM topic_consultation c JOIN topic t ON t.id = c.topic_id "
            "WHERE c.consulted_on < t.vetted_on",
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM topic t JOIN topic u ON u.id = t.merged_into_id "
            "WHERE u.status IN ('merged', 'rejected', 'deferred')",
        )
        == 0
    )


def test_supervision_documents_are_numbered_and_continue(
    county_db: tuple[Database, DemoSummary],
) -> None:
    db, _ = county_db
    notices = _rows(db, "SELECT kind, year, serial, number FROM supervision_notice ORDER BY id")
    kinds = {k for k, *_ in notices}
    assert kinds == {"reminder", "supervision", "rectification"}
    marks = {"reminder": "催", "supervision": "督", "rectification": "改"}
    by_series: dict[tuple[str, int], list[int]] = defaultdict(list)
    for kind, year, serial, number in notices:
        assert number == f"滨工联{marks[kind]}〔{year}〕{serial}号"
        by_series[(kind, year)].append(serial)
    counters = {
        (s, y): n for s, y, n in _rows(db, "SELECT series, year, last_number FROM doc_counter")
    }
    for key, serials in by_series.items():
        assert sorted(serials) == list(range(1, len(serials) + 1))
        assert counters[key] == len(serials)
    order = _rows(
        db, "SELECT problem, rectify_deadline FROM supervision_notice WHERE kind = 'rectification'"
    )
    assert all(problem and deadline for problem, deadline in order)
    assert any("31" in problem for problem, _ in order)
    assert (
        _one(
            db,
            "SELECT count(*) FROM supervision_notice n WHERE NOT EXISTS "
            "(SELECT 1 FROM notice_item WHERE notice_id = n.id)",
        )
        == 0
    )
    assert _one(db, "SELECT count(*) FROM item_event WHERE action LIKE 'notice_%'") == _one(
        db, "SELECT count(*) FROM notice_item"
    )
    for year in (2024, 2025, 2026):
        mentions = {
            r[0]
            for r in _rows(
                db,
                "SELECT m.kind FROM bulletin b JOIN bulletin_mention m "
                "ON m.bulletin_id = b.id WHERE b.year = :y",
                y=year,
            )
        }
        assert mentions == {"commendation", "criticism"}, year
    with db.unit_of_work() as s:
        number = next_number(s, "supervision", 2026)
        assert number.serial == counters[("supervision", 2026)] + 1
        s.rollback()


def test_records_are_stamped_by_the_local_office(county_db: tuple[Database, DemoSummary]) -> None:
    db, summary = county_db
    office = _one(db, "SELECT uuid FROM office WHERE is_local")
    for table in (
        "unit",
        "meeting",
        "topic",
        "suggestion",
        "agreed_item",
        "item_event",
        "progress_feedback",
        "supervision_notice",
        "bulletin",
        "establishment",
    ):
        assert (
            _one(
                db,
                f"SELECT count(*) FROM {table} WHERE origin_office != :o OR version != 1 "
                "OR updated_at < created_at OR deleted_at IS NOT NULL",
                o=office,
            )
            == 0
        )
        assert _one(db, f"SELECT count(*) FROM {table}") == summary.counts[table]
    assert _one(db, "SELECT max(updated_at) FROM meeting") <= str(datetime(2026, 11, 22))


def test_core_reads_the_demo(county_db: tuple[Database, DemoSummary]) -> None:
    db, _ = county_db
    with db.unit_of_work() as s:
        assert local_office(s).doc_prefix == "滨工联"
        counts = dashboard_counts(s, TODAY)
        assert counts.overdue_items > 0 and counts.suggestions_waiting_for_reply > 0
        assert counts.topics_waiting_for_vetting > 0
        assert any(f.behind for f in frequency_status(s, TODAY))
        item = s.get(AgreedItem, 1)
        assert item is not None and item_dto(s, item).id == 1


def test_foreign_keys_and_integrity_hold(county_db: tuple[Database, DemoSummary]) -> None:
    db, _ = county_db
    assert _rows(db, "PRAGMA foreign_key_check") == []
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


def _seeded_dump(db: Database) -> dict[str, Any]:
    """The logical dump with the office's private keys as the keys themselves: at rest they are
    sealed with a fresh nonce at every write, so their stored bytes differ between equal builds."""
    from sqlalchemy import select

    from desktop.models import Office
    from desktop.sync.trust import local_keys

    dump: dict[str, Any] = dict(logical_dump(db))
    sealed = {"signing_private_key", "encryption_private_key"}
    columns = [c for c in Office.__table__.columns if c.name not in sealed]
    with db.unit_of_work() as s:
        dump["office"] = [tuple(r) for r in s.execute(select(*columns).order_by(Office.id))]
        dump["office_keys"] = local_keys(s).keys.to_pem()
    return dump


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    dumps = []
    for folder, seed in (("a", 7), ("b", 7), ("c", 8)):
        db = _fresh(tmp_path / folder)
        _build(db, scale="township", seed=seed)
        dumps.append(_seeded_dump(db))
        db.dispose()
    assert dumps[0] == dumps[1]
    assert dumps[0]["unit"] != dumps[2]["unit"] and dumps[0]["office"] != dumps[2]["office"]


def test_township_scale(tmp_path: Path) -> None:
    db = _fresh(tmp_path)
    summary = _build(db, scale="township", years=2)
    assert summary.office_name == "八滩镇工会"
    assert _one(db, "SELECT level FROM office WHERE is_local") == "township"
    assert 25 <= _one(db, "SELECT count(*) FROM unit WHERE kind = 'enterprise_union'") <= 35
    assert (
        _one(db, "SELECT count(*) FROM meeting WHERE union_unit_id = 1 AND held_on IS NOT NULL")
        >= 2
    )
    assert _one(db, "SELECT count(*) FROM supervision_notice WHERE number LIKE '八工%'") > 0
    assert _one(db, "SELECT count(*) FROM meeting WHERE minutes_number LIKE '八工纪%'") > 0
    assert _rows(db, "PRAGMA foreign_key_check") == []
    db.dispose()


def test_refuses_a_database_with_an_office(county: County) -> None:
    with pytest.raises(DomainError) as refused, county.db.unit_of_work() as s:
        build_demo(s, today=TODAY)
    assert refused.value.code == "demo_needs_empty_database"


def test_cancel_rolls_everything_back_and_progress_reaches_the_total(tmp_path: Path) -> None:
    db = _fresh(tmp_path)
    calls: list[tuple[int, int]] = []

    def cancel_midway() -> bool:
        return len(calls) > 3

    with pytest.raises(DomainError) as stopped, db.unit_of_work() as s:
        build_demo(
            s,
            scale="township",
            today=TODAY,
            progress=lambda d, t: calls.append((d, t)),
            cancelled=cancel_midway,
        )
    assert stopped.value.code == "cancelled"
    assert _one(db, "SELECT count(*) FROM unit") == 0
    calls.clear()
    with db.unit_of_work() as s:
        summary = build_demo(
            s, scale="township", today=TODAY, progress=lambda d, t: calls.append((d, t))
        )
    done = [d for d, _ in calls]
    assert done == sorted(done) and calls[-1] == (summary.total_rows, summary.total_rows)
    db.dispose()


def test_each_scale_is_its_own_office_so_demos_can_exchange() -> None:
    from desktop.demo.generate import generate_demo

    today = date(2026, 11, 21)
    township = generate_demo(scale="township", years=1, today=today)
    county = generate_demo(scale="county", years=1, today=today)
    assert township.office.uuid != county.office.uuid
    assert township.office.keys.signing_public_raw != county.office.keys.signing_public_raw
    uuids = [{row["uuid"] for row in d.tables["unit"]} for d in (township, county)]
    assert not uuids[0] & uuids[1]


def test_the_supervision_figures_look_like_a_real_county(
    county_db: tuple[Database, DemoSummary],
) -> None:
    """A county supervises its late items until they are closed: a leader should believe the
    dashboard (about 10–20 % of open items overdue, almost none by more than a year, extension
    requests decided within weeks)."""
    from desktop.core.extensions import pending_extensions

    db, _ = county_db
    with db.unit_of_work() as s:
        counts = dashboard_counts(s, TODAY)
        queue = pending_extensions(s, TODAY)
        overdue_days = [
            (TODAY - d).days
            for (d,) in s.execute(
                select(AgreedItem.deadline).where(
                    AgreedItem.status.in_(OPEN_ITEM_STATUSES), AgreedItem.deadline < TODAY
                )
            )
        ]
    assert 0.05 <= counts.overdue_items / counts.open_items <= 0.25
    assert sum(d > 365 for d in overdue_days) <= 0.05 * len(overdue_days)
    assert queue and all(p.days_waiting <= 6 * 7 for p in queue)
