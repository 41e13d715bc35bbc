"""Imports write the same rows on PostgreSQL as on SQLite: new records, then changed ones (their
children and links replaced), through the same bulk statements.

Runs on the throwaway server of tests/postgres_server.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from desktop.core.office import local_office
from desktop.core.units import UnitInput, create_unit
from desktop.db import Database, open_database
from desktop.db.migrate import upgrade
from desktop.models import AgreedItem, Meeting, Suggestion, Topic
from desktop.models.base import Base
from desktop.models.enums import Level, UnitKind
from desktop.sync.importer import ImportResult, import_package
from desktop.sync.records import SPECS, Uuids, load_records
from desktop.sync.trust import local_keys
from tests.sync.conftest import ExchangeBase
from tests.sync.exchange_env import Env, make_env


def _postgres_copy(county: Database, url: str) -> Database:
    """The county's database, on PostgreSQL: its schema by the migrations, its rows copied."""
    pytest.importorskip("psycopg")
    db = open_database(url)
    assert db.engine.dialect.name == "postgresql"
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    upgrade(db, backup=False)
    with county.engine.connect() as source, db.engine.begin() as target:
        for table in Base.metadata.sorted_tables:
            rows = [dict(row._mapping) for row in source.execute(select(table))]
            if rows:
                target.execute(insert(table), rows)
            if "id" in table.c:  # new rows' ids follow the copied ones
                target.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                    f' COALESCE(MAX(id), 0) + 1, false) FROM "{table.name}"'
                )
    return db


def _records(db: Database, origin: str | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """Every travelling row that another office owns (or that `origin` owns), as its package
    record, by kind and uuid."""
    with db.unit_of_work() as s:
        me, uuids = local_keys(s).uuid, Uuids(s)
        return {
            spec.kind: {
                r["uuid"]: r
                for r in load_records(s, spec, uuids).values()
                if (r["origin_office"] == origin if origin else r["origin_office"] != me)
            }
            for spec in SPECS
        }


def _import(county: Database, data: bytes) -> ImportResult:
    with county.unit_of_work() as s:
        return import_package(s, data, file_name="p.lxpkg")


def _edit(township: Database) -> None:
    """The township changes records of several kinds: texts, a date, booleans, child rows and
    links."""
    now = datetime.now(UTC)
    with township.unit_of_work() as s:
        for meeting in s.scalars(select(Meeting).where(Meeting.held_on.is_not(None)).limit(3)):
            assert meeting.held_on is not None
            meeting.place += "（改）"
            meeting.held_on += timedelta(days=1)
            meeting.participants = meeting.participants[1:]
            meeting.version, meeting.updated_at = meeting.version + 1, now
        for suggestion in s.scalars(select(Suggestion).limit(5)):
            suggestion.anonymous = not suggestion.anonymous
            suggestion.version, suggestion.updated_at = suggestion.version + 1, now
        for topic in s.scalars(select(Topic).where(Topic.consultations.any()).limit(3)):
            topic.consultations[0].agrees = not topic.consultations[0].agrees
            topic.version, topic.updated_at = topic.version + 1, now
        for item in s.scalars(
            select(AgreedItem).where(AgreedItem.cooperating_units.any()).limit(3)
        ):
            item.cooperating_units = item.cooperating_units[:-1]
            item.version, item.updated_at = item.version + 1, now


def test_import_on_postgres_as_on_sqlite(
    exchange_base: ExchangeBase, tmp_path: Path, postgres_url: str
) -> None:
    env = make_env((exchange_base.township, exchange_base.county), tmp_path)
    postgres = _postgres_copy(env.county, postgres_url)
    try:
        first = [_import(county, exchange_base.first) for county in (env.county, postgres)]
        assert [r.result for r in first] == ["applied", "applied"], [r.message for r in first]
        assert first[0].counts == first[1].counts
        assert sum(c["new"] for c in first[1].counts.values()) > 500
        assert _records(postgres) == _records(env.county)

        _edit(env.township)
        package = env.export_up()
        assert package is not None
        second = [_import(county, package.data) for county in (env.county, postgres)]
        assert [r.result for r in second] == ["applied", "applied"], [r.message for r in second]
        assert second[0].counts == second[1].counts
        updated = {k: c["updated"] for k, c in second[1].counts.items() if c["updated"]}
        assert updated == {"meeting": 3, "suggestion": 5, "topic": 3, "agreed_item": 3}
        arrived = _records(postgres)
        assert arrived == _records(env.county)
        with env.township.unit_of_work() as s:  # as the township holds them
            uuids = Uuids(s)
            held = {
                spec.kind: {r["uuid"]: r for r in load_records(s, spec, uuids).values()}
                for spec in SPECS
            }
        assert all(
            held[kind][u] == record for kind in arrived for u, record in arrived[kind].items()
        )
    finally:
        postgres.dispose()
        env.dispose()


def test_a_sqlite_township_and_a_postgres_county_exchange_both_ways(
    exchange_base: ExchangeBase, tmp_path: Path, postgres_url: str
) -> None:
    """The township's package into the county on PostgreSQL, the county's records (its own
    directory entries among them) back into the township's SQLite file: each side then holds
    the other's records exactly as their owner does."""
    env = make_env((exchange_base.township, exchange_base.county), tmp_path)
    county = Env(env.township, _postgres_copy(env.county, postgres_url), env.t_keys, env.c_keys)
    try:
        # The township's first package (exported when the pair was built).
        assert county.import_to_county(exchange_base.first).result == "applied"
        with county.county.unit_of_work() as s:
            federation = local_office(s).unit_id
            for name in ("县人社局", "县住建局"):
                create_unit(
                    s, UnitInput(name, UnitKind.DEPARTMENT, Level.COUNTY, parent_id=federation)
                )
        down = county.export_down()
        assert down is not None
        with env.township.unit_of_work() as s:
            result = import_package(s, down.data, file_name="down.lxpkg")
        assert result.result == "applied", result.message
        assert result.counts["unit"]["new"] >= 2

        township_uuid, county_uuid = env.t_keys.uuid, env.c_keys.uuid
        assert _records(county.county, township_uuid) == _records(env.township, township_uuid)
        arrived = _records(env.township, county_uuid)
        assert arrived == _records(county.county, county_uuid)
        names = {r["name"] for r in arrived["unit"].values()}
        assert {"县人社局", "县住建局"} <= names
    finally:
        county.dispose()
