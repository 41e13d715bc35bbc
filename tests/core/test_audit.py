"""The audit trail: who changed what, old → new, in the same transaction, hash-chained."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.audit import list_entries, verify_chain
from desktop.core.permissions import ACTOR, Actor
from desktop.core.units import UnitInput, create_unit, update_unit
from desktop.db import Database
from desktop.models.enums import Level, Role, UnitKind
from tests.conftest import County
from tests.databases import behind_the_programs_back, cli_database, path_of


def _unit(c: County, name: str) -> int:
    with c.db.unit_of_work() as s:
        s.info[ACTOR] = Actor("xiao", Role.CLERK)
        return int(create_unit(s, UnitInput(name, UnitKind.DEPARTMENT, Level.COUNTY)).id)


def test_change_is_written_with_who_and_old_to_new(county: County) -> None:
    unit = _unit(county, "县住建局")
    with county.db.unit_of_work() as s:
        s.info[ACTOR] = Actor("xiao", Role.CLERK)
        dto = update_unit(
            s, unit, UnitInput("县住房和城乡建设局", UnitKind.DEPARTMENT, Level.COUNTY)
        )
    with county.db.reading() as s:
        entries = list_entries(s, username="xiao", kind="unit")
        report = verify_chain(s)
    assert [e.action for e in entries] == ["update", "insert"]
    assert entries[0].target_uuid == dto.uuid
    assert entries[0].detail["name"] == ["县住建局", "县住房和城乡建设局"]
    assert entries[1].detail["name"] == "县住建局"
    assert report.ok and report.entries > 2


def test_rolled_back_change_leaves_no_entry(county: County) -> None:
    with county.db.reading() as s:
        before = len(list_entries(s, limit=10_000))
    with pytest.raises(RuntimeError), county.db.unit_of_work() as s:
        create_unit(s, UnitInput("县水利局", UnitKind.DEPARTMENT, Level.COUNTY))
        raise RuntimeError
    with county.db.reading() as s:
        assert len(list_entries(s, limit=10_000)) == before


def _tamper(db: Database, *statements: str) -> None:
    behind_the_programs_back(db, *statements)


def _verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([*cli_database(path), "audit", "verify"])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize(
    ("tampering", "first_broken"),
    [
        # an old value rewritten
        (["UPDATE audit_entry SET detail = detail || ' ' WHERE id = 4"], 4),
        # an entry deleted: the one after it no longer follows its predecessor
        (["DELETE FROM audit_entry WHERE id = 3"], 4),
        # two entries swapped (ids exchanged through a free id)
        (
            [
                "UPDATE audit_entry SET id = -1 WHERE id = 3",
                "UPDATE audit_entry SET id = 3 WHERE id = 5",
                "UPDATE audit_entry SET id = 5 WHERE id = -1",
            ],
            3,
        ),
        # who did it rewritten
        (["UPDATE audit_entry SET username = 'boss' WHERE id = 6"], 6),
    ],
    ids=["edit", "delete", "reorder", "rewrite-user"],
)
def test_tampering_behind_the_programs_back_is_named(
    county: County,
    tampering: list[str],
    first_broken: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("县住建局", "县水利局", "县审计局"):
        _unit(county, name)
    path = path_of(county.db)
    assert _verify(path, capsys)[0] == 0
    _tamper(county.db, *tampering)
    code, text = _verify(path, capsys)
    assert code != 0
    assert f"第 {first_broken} 条" in text
