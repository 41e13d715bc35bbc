"""Hypothesis: random township records survive the trip to the county unchanged, and any order
of deliveries, replays included, ends where delivery in order ends."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.office import create_local_office
from desktop.models import (
    AgendaEntry,
    AgreedItem,
    FeedbackFigure,
    HeldPackage,
    Meeting,
    MeetingParticipant,
    ProgressFeedback,
    ReceivedPackage,
    Suggestion,
    Topic,
    Unit,
    WorkingGroup,
)
from desktop.models.enums import (
    AttendanceRole,
    Channel,
    ItemStatus,
    Level,
    MeetingKind,
    MeetingStatus,
    SuggestionStatus,
    TopicSource,
    TopicStatus,
    UnitKind,
    WorkingGroupKind,
)
from desktop.sync.importer import ImportResult, apply_held, held_next, import_package
from desktop.sync.records import BY_KIND, SPECS, Uuids, load_records, to_record
from tests.conftest import logical_dump
from tests.databases import ON_POSTGRES, sqlite_file_only
from tests.sync.exchange_env import Env, copy_db, make_env, open_db, trust_each_other

KINDS = ("unit", "suggestion", "topic", "meeting", "agreed_item", "feedback")
SETTINGS = settings(
    # The properties are searched on SQLite; on PostgreSQL (each example makes and drops its own
    # databases) fewer examples show the same code paths work on the other dialect.
    max_examples=8 if ON_POSTGRES else 25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # `fresh` makes new copies per example
    ],
)


@pytest.fixture(scope="module")
def small_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A township with nothing but its own office, and its county; trusting each other."""
    folder = tmp_path_factory.mktemp("small-pair")
    township, county = open_db(folder / "t.db"), open_db(folder / "c.db")
    with township.unit_of_work() as s:
        create_local_office(s, name="八滩镇工会", level=Level.TOWNSHIP, parent_name="滨海县总工会")
    with county.unit_of_work() as s:
        create_local_office(s, name="滨海县总工会", level=Level.COUNTY)
    trust_each_other(township, county)
    township.dispose()
    county.dispose()
    return folder / "t.db", folder / "c.db"


@pytest.fixture
def fresh(small_pair: tuple[Path, Path]) -> Iterator[Any]:
    """A factory of fresh copies of the small pair, one per Hypothesis example."""
    opened: list[Env] = []
    with tempfile.TemporaryDirectory() as folder:

        def make() -> Env:
            target = Path(tempfile.mkdtemp(dir=folder))
            env = make_env(small_pair, target)
            opened.append(env)
            return env

        yield make
        for env in opened:
            env.dispose()


# ---------------------------------------------------------------------------------------------
# Random township records, built directly as rows with valid shapes

# Letters, digits, CJK, punctuation, emoji; never control characters or surrogates.
_TEXT = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn"))
texts = st.text(_TEXT, min_size=1, max_size=20)
long_texts = st.text(_TEXT, max_size=200)
dates = st.dates(min_value=date(1949, 1, 1), max_value=date(2100, 12, 31))
optional_dates = st.none() | dates
numbers = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


def _some(data: st.DataObject, items: list[Any], label: str) -> list[Any]:
    if not items:
        return []
    chosen = data.draw(st.lists(st.sampled_from(items), unique_by=id, max_size=3), label=label)
    return list(chosen)


def _maybe(data: st.DataObject, items: list[Any], label: str) -> Any:
    return data.draw(st.none() | st.sampled_from(items), label=label) if items else None


def add_random_records(session: Session, origin: str, data: st.DataObject) -> None:
    """Units, suggestions, topics, meetings, items and feedback, referring to each other."""
    units: list[Unit] = []
    for _ in range(data.draw(st.integers(1, 4), label="units")):
        unit = Unit(
            name=data.draw(texts),
            short_name=data.draw(st.text(_TEXT, max_size=60)),
            kind=data.draw(st.sampled_from(UnitKind)),
            level=data.draw(st.sampled_from(Level)),
            parent=_maybe(data, units, "parent"),
            member_count=data.draw(st.none() | st.integers(0, 10**9)),
            note=data.draw(long_texts),
            origin_office=origin,
        )
        units.append(unit)
    session.add_all(units)
    session.flush()
    topics: list[Topic] = []
    for _ in range(data.draw(st.integers(0, 3), label="topics")):
        topic = Topic(
            title=data.draw(texts),
            description=data.draw(long_texts),
            source=data.draw(st.sampled_from(TopicSource)),
            union_unit_id=data.draw(st.sampled_from(units)).id,
            priority=data.draw(st.integers(1, 3)),
            status=data.draw(st.sampled_from(TopicStatus)),
            vetted_on=data.draw(optional_dates),
            origin_office=origin,
        )
        topics.append(topic)
    session.add_all(topics)
    session.flush()
    for topic in topics:
        merged = _maybe(data, topics, "merged")
        topic.merged_into_id = None if merged is None else merged.id
    for _ in range(data.draw(st.integers(0, 4), label="suggestions")):
        topic = _maybe(data, topics, "topic")
        receiver = _maybe(data, units, "receiver")
        session.add(
            Suggestion(
                channel=data.draw(st.sampled_from(Channel)),
                received_on=data.draw(dates),
                receiving_unit_id=None if receiver is None else receiver.id,
                anonymous=data.draw(st.booleans()),
                submitter_name=data.draw(st.text(_TEXT, max_size=60)),
                content=data.draw(long_texts),
                target_level=data.draw(st.sampled_from(Level)),
                status=data.draw(st.sampled_from(SuggestionStatus)),
                topic_id=None if topic is None else topic.id,
                replied_on=data.draw(optional_dates),
                origin_office=origin,
            )
        )
    meetings: list[Meeting] = []
    for series in range(data.draw(st.integers(0, 3), label="meetings")):
        meeting = Meeting(
            kind=data.draw(st.sampled_from(MeetingKind)),
            level=data.draw(st.sampled_from(Level)),
            union_unit_id=data.draw(st.sampled_from(units)).id,
            partner_name=data.draw(texts),
            series_number=series + 1,
            held_on=data.draw(optional_dates),
            place=data.draw(st.text(_TEXT, max_size=200)),
            status=data.draw(st.sampled_from(MeetingStatus)),
            minutes_text=data.draw(long_texts),
            formality_flag=data.draw(st.booleans()),
            origin_office=origin,
        )
        for _ in range(data.draw(st.integers(0, 3), label="participants")):
            unit = _maybe(data, units, "participant unit")
            meeting.participants.append(
                MeetingParticipant(
                    name=data.draw(texts),
                    unit_id=None if unit is None else unit.id,
                    role=data.draw(st.sampled_from(AttendanceRole)),
                )
            )
        for kind in _some(data, list(WorkingGroupKind), "groups"):
            meeting.working_groups.append(WorkingGroup(kind=kind, members=data.draw(long_texts)))
        for position, topic in enumerate(_some(data, topics, "agenda"), start=1):
            meeting.agenda.append(AgendaEntry(topic_id=topic.id, position=position))
        meetings.append(meeting)
    session.add_all(meetings)
    session.flush()
    items: list[AgreedItem] = []
    for index in range(data.draw(st.integers(0, 4), label="items") if meetings else 0):
        lead = _maybe(data, units, "lead")
        meeting = data.draw(st.sampled_from(meetings))
        # The editors' rule, which imports apply too: no deadline before the meeting.
        due = st.dates(min_value=meeting.held_on or date(1949, 1, 1), max_value=date(2100, 12, 31))
        item = AgreedItem(
            meeting_id=meeting.id,
            sequence=index + 1,
            text=data.draw(long_texts),
            lead_unit_id=None if lead is None else lead.id,
            deadline=data.draw(st.none() | due),
            target_number=data.draw(st.none() | numbers),
            status=data.draw(st.sampled_from(ItemStatus)),
            percent_done=data.draw(st.integers(0, 100)),
            cooperating_units=_some(data, units, "cooperating"),
            origin_office=origin,
        )
        items.append(item)
    session.add_all(items)
    session.flush()
    for _ in range(data.draw(st.integers(0, 3), label="feedback") if items else 0):
        feedback = ProgressFeedback(
            item_id=data.draw(st.sampled_from(items)).id,
            reported_on=data.draw(dates),
            text=data.draw(long_texts),
            percent_done=data.draw(st.integers(0, 100)),
            origin_office=origin,
        )
        for _ in range(data.draw(st.integers(0, 2), label="figures")):
            feedback.figures.append(
                FeedbackFigure(name=data.draw(texts), number=data.draw(numbers), unit="人")
            )
        session.add(feedback)
    session.flush()


def records_by_uuid(session: Session, origin: str) -> dict[str, dict[str, dict[str, Any]]]:
    """to_record of every row the township owns, per kind and uuid."""
    uuids = Uuids(session)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for kind in KINDS:
        spec = BY_KIND[kind]
        rows = session.scalars(select(spec.model).where(spec.model.origin_office == origin))
        out[kind] = {row.uuid: to_record(row, spec, uuids) for row in rows}
    return out


@SETTINGS
@given(data=st.data())
def test_round_trip_township_to_fresh_county(fresh: Any, data: st.DataObject) -> None:
    env: Env = fresh()
    with env.township.unit_of_work() as s:
        add_random_records(s, env.t_keys.uuid, data)
    package = env.export_up()
    assert package is not None
    result = env.import_to_county(package.data)
    assert result.result == "applied", result
    assert not result.problems
    with env.township.unit_of_work() as s:
        sent = records_by_uuid(s, env.t_keys.uuid)
        # The bulk reader the exporter uses agrees with to_record row by row.
        uuids = Uuids(s)
        for kind in KINDS:
            spec = BY_KIND[kind]
            bulk = load_records(s, spec, uuids, where=spec.model.origin_office == env.t_keys.uuid)
            assert {r["uuid"]: r for r in bulk.values()} == sent[kind]
    with env.county.unit_of_work() as s:
        arrived = records_by_uuid(s, env.t_keys.uuid)
    assert arrived == sent
    assert sum(len(v) for v in sent.values()) == sum(
        c["new"] for c in result.counts.values()
    ) - result.counts.get("item_event", {}).get("new", 0)


# ---------------------------------------------------------------------------------------------
# Deliveries out of order, repeated and replayed


@dataclass(frozen=True)
class Series:
    county: Path
    packages: tuple[bytes, ...]
    final: dict[str, Any]  # the county's state after delivery in order


def county_state(env: Env) -> dict[str, Any]:
    """Every travelling record by uuid, and the packages applied; not logs or timestamps."""
    with env.county.unit_of_work() as s:
        uuids = Uuids(s)
        state: dict[str, Any] = {
            spec.kind: {r["uuid"]: r for r in load_records(s, spec, uuids).values()}
            for spec in SPECS
        }
        state["received"] = sorted(
            (r.peer_office_uuid, r.sequence, r.package_id, r.manifest_sha256)
            for r in s.scalars(select(ReceivedPackage))
        )
        state["held"] = sorted(h.sequence for h in s.scalars(select(HeldPackage)))
    return state


def drain(session: Session) -> list[ImportResult]:
    """Held packages whose turn has come, imported until none is ready."""
    results = []
    while ready := held_next(session):
        for held in ready:
            results.append(import_package(session, held.data, file_name=held.file_name))
    return results


@pytest.fixture(scope="module")
def series(small_pair: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Series:
    """Five packages from one township, each after more changes, and where they end."""
    folder = tmp_path_factory.mktemp("series")
    env = make_env(small_pair, folder)
    origin = env.t_keys.uuid
    packages = []
    with env.township.unit_of_work() as s:
        units = [
            Unit(name=f"八滩镇第{i}企业工会", kind="enterprise_union", level="enterprise",
                 origin_office=origin)
            for i in range(3)
        ]  # fmt: skip
        s.add_all(units)
        s.flush()
        s.add(
            Meeting(
                kind="government_union", level="township", union_unit_id=units[0].id,
                partner_name="八滩镇人民政府", series_number=1, origin_office=origin,
            )
        )  # fmt: skip
    changes = [
        lambda s: s.add(
            Suggestion(channel="wechat", received_on=date(2027, 3, 1), content="食堂",
                       target_level="township", origin_office=origin)
        ),
        lambda s: _edit(s, Meeting, place="镇政府三楼"),
        lambda s: _edit(s, Unit, note="改过一次"),
        lambda s: _edit(s, Suggestion, content="食堂和宿舍"),
    ]  # fmt: skip
    for change in [None, *changes]:
        if change is not None:
            with env.township.unit_of_work() as s:
                change(s)
        built = env.export_up()
        assert built is not None
        packages.append(built.data)
    (folder / "in-order").mkdir()
    in_order = make_env(small_pair, folder / "in-order")
    for data in packages:
        assert in_order.import_to_county(data).result == "applied"
    final = county_state(in_order)
    in_order.dispose()
    env.dispose()
    return Series(small_pair[1], tuple(packages), final)


def _edit(session: Session, model: type[Any], **values: Any) -> None:
    row = session.scalars(select(model).order_by(model.id)).first()
    for key, value in values.items():
        setattr(row, key, value)
    row.version += 1


@st.composite
def deliveries(draw: st.DrawFn, count: int) -> list[int]:
    """Every package at least once, in any order, with replays anywhere."""
    order = draw(st.permutations(range(count)))
    extra = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, 2 * count))))
    result = list(order)
    for package, position in extra:
        result.insert(min(position, len(result)), package)
    return result


@SETTINGS
@given(data=st.data())
def test_any_delivery_order_ends_like_delivery_in_order(
    series: Series, fresh: Any, data: st.DataObject
) -> None:
    env: Env = fresh()
    order = data.draw(deliveries(len(series.packages)), label="deliveries")
    applied = 0  # the highest sequence applied so far
    held: set[int] = set()
    for index in order:
        sequence = index + 1
        before = logical_dump(env.county)
        with env.county.unit_of_work() as s:
            result = import_package(s, series.packages[index], file_name=f"{sequence}.lxpkg")
            drained = drain(s)
        assert result.ok, result
        if sequence <= applied:
            assert result.result == "already_applied"
            assert logical_dump(env.county) == before  # a replay is a no-op
        elif sequence == applied + 1:
            assert result.result == "applied"
            assert [r.result for r in drained] == ["applied"] * len(drained)
            assert [r.sequence for r in drained] == list(
                range(sequence + 1, sequence + 1 + len(drained))
            )
            applied = sequence + len(drained)
            held -= set(range(sequence, applied + 1))
        else:
            assert result.result == "held"
            assert f"缺少第 {applied + 1} 号" in result.message
            assert not drained
            held.add(sequence)
        with env.county.unit_of_work() as s:
            assert {h.sequence for h in s.scalars(select(HeldPackage))} == held
    assert applied == len(series.packages)
    assert county_state(env) == series.final


def test_apply_held_drains_and_drops_a_held_package_refused_in_its_turn(
    series: Series, fresh: Any
) -> None:
    env: Env = fresh()
    third, second, first = (series.packages[i] for i in (2, 1, 0))
    assert env.import_to_county(third).result == "held"
    assert env.import_to_county(second).result == "held"
    with env.county.unit_of_work() as s:
        assert apply_held(s) == []  # nothing is ready yet
        assert import_package(s, first).result == "applied"
        results = apply_held(s)
    assert [(r.result, r.sequence) for r in results] == [("applied", 2), ("applied", 3)]
    with env.county.unit_of_work() as s:
        assert s.scalars(select(HeldPackage)).first() is None
    # A held package that turns out to be refused when its turn comes leaves the queue.
    other: Env = fresh()
    stray = other.sign({}, sequence=2, previous="e" * 64)  # not chained to no. 1
    assert other.import_to_county(stray.data).result == "held"
    with other.county.unit_of_work() as s:
        assert import_package(s, first).result == "applied"
        results = apply_held(s)
        assert s.scalars(select(HeldPackage)).first() is None
    assert [r.result for r in results] == ["rejected"]
    assert "对不上" in results[0].message


@sqlite_file_only
def test_copy_db_keeps_the_file(small_pair: tuple[Path, Path], tmp_path: Path) -> None:
    assert copy_db(small_pair[0], tmp_path / "x.db").read_bytes() == small_pair[0].read_bytes()
