"""Migration 0006: duplicate establishments are merged into the most informative record (the
others tombstoned), then the database itself refuses a second live record for a pair."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from desktop.core.deletion import delete_record
from desktop.core.establishments import EstablishmentInput, create_establishment
from desktop.db.migrate import _config, current_revision, head_revision, upgrade
from desktop.models import Establishment
from desktop.models.enums import Level
from tests.conftest import County


def _downgrade_to_0005(county: County) -> None:
    config = _config()
    with county.db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")


def _copy(county: County, source_id: int, **changes: object) -> int:
    """A second row for the same pair, written as an old program could (no checks)."""
    columns = [c.name for c in Establishment.__table__.columns if c.name not in ("id", "uuid")]
    with county.db.engine.begin() as conn:
        row = dict(
            conn.execute(
                text(f"SELECT {', '.join(columns)} FROM establishment WHERE id = :id"),
                {"id": source_id},
            )
            .mappings()
            .one()
        )
        row.update(changes)
        row["uuid"] = f"00000000-0000-0000-0000-{len(str(changes)):012d}{source_id}"[:36]
        names = ", ".join(row)
        values = ", ".join(f":{k}" for k in row)
        conn.execute(text(f"INSERT INTO establishment ({names}) VALUES ({values})"), row)
        return int(conn.execute(text("SELECT max(id) FROM establishment")).scalar_one())


def _live(county: County) -> dict[int, Establishment]:
    with county.db.unit_of_work() as s:
        rows = s.scalars(select(Establishment).where(Establishment.deleted_at.is_(None))).all()
        s.expunge_all()
        return {r.id: r for r in rows}


def test_upgrade_keeps_the_most_informative_record_and_tombstones_the_rest(
    county: County,
) -> None:
    informative = county.run(
        create_establishment,
        EstablishmentInput(
            county.township_union,
            "八滩镇人民政府",
            Level.TOWNSHIP,
            county.township_government,
            established=True,
            established_on=date(2012, 5, 1),
            document_title="关于建立联席会议制度的意见",
            document_number="滩政发〔2012〕5号",
        ),
    )
    other = county.run(
        create_establishment,
        EstablishmentInput(
            county.federation,
            "滨海县人民政府",
            Level.COUNTY,
            established=False,
            reason_not_established="尚在协商",
        ),
    )
    _downgrade_to_0005(county)
    # A bare copy by partner unit, and one by name only (no partner unit, not established).
    bare = _copy(county, informative.id, document_title="", document_number="")
    by_name = _copy(
        county,
        informative.id,
        partner_unit_id=None,
        established=False,
        established_on=None,
        reason_not_established="待定",
    )
    twin = _copy(county, other.id, partner_name="滨海县人民政府")
    before = _live(county)
    assert len(before) == 5
    # Equal twins: the smaller uuid stays, so every office holding both keeps the same one.
    twin_kept, twin_gone = sorted((other.id, twin), key=lambda i: before[i].uuid)

    upgrade(county.db, backup=False)

    assert current_revision(county.db) == head_revision()
    live = _live(county)
    assert set(live) == {informative.id, twin_kept}
    with county.db.unit_of_work() as s:
        for gone in (bare, by_name, twin_gone):
            row = s.get(Establishment, gone)
            assert row is not None and row.deleted_at is not None
            assert row.version == 2  # the tombstone is an edit that travels
        kept = s.get(Establishment, informative.id)
        assert kept is not None and kept.version == 1 and kept.document_number


def test_the_database_refuses_a_second_live_record_but_not_after_a_delete(
    county: County,
) -> None:
    first = county.run(
        create_establishment,
        EstablishmentInput(
            county.township_union,
            "八滩镇人民政府",
            Level.TOWNSHIP,
            county.township_government,
            established=True,
            established_on=date(2012, 5, 1),
        ),
    )
    with pytest.raises(IntegrityError):
        _copy(county, first.id, partner_name="八滩镇政府")  # same partner unit
    with pytest.raises(IntegrityError):
        _copy(county, first.id, partner_unit_id=None)  # same partner name
    county.run(delete_record, "establishment", first.id)
    again = _copy(county, first.id, deleted_at=None)
    assert again in _live(county)
