"""Deleting the newest audit entries is found: the anchor kept outside the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.audit import reanchor, verify_chain
from desktop.core.audit_anchor import anchor_path
from desktop.core.permissions import ACTOR, Actor, NotPermitted
from desktop.core.units import UnitInput, create_unit
from desktop.models.enums import Level, Role, UnitKind
from tests.conftest import County
from tests.databases import behind_the_programs_back, cli_database, path_of


def _units(c: County, *names: str) -> None:
    for name in names:
        c.run(create_unit, UnitInput(name, UnitKind.DEPARTMENT, Level.COUNTY))


def _delete_newest(c: County, count: int) -> None:
    """Behind the program's back: the newest `count` entries go, the rest still chains."""
    behind_the_programs_back(
        c.db,
        "DELETE FROM audit_entry WHERE id IN"
        f" (SELECT id FROM audit_entry ORDER BY id DESC LIMIT {int(count)})",
    )


def _verify(c: County, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([*cli_database(path_of(c.db)), "audit", "verify"])
    out = capsys.readouterr()
    return code, out.out + out.err


def _newest_id(c: County) -> int:
    with c.db.reading() as s:
        return verify_chain(s).entries


def test_deleting_the_newest_entries_is_named(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    _units(county, "县住建局", "县水利局", "县审计局")
    newest = _newest_id(county)
    assert _verify(county, capsys)[0] == 0
    _delete_newest(county, 2)
    code, text = _verify(county, capsys)
    assert code != 0
    assert f"第 {newest} 条已不在数据库中" in text


def test_without_the_anchor_the_shorter_chain_verifies(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the anchor adds: the chain alone cannot see its tail cut off."""
    _units(county, "县住建局", "县水利局")
    _delete_newest(county, 2)
    anchor_path().unlink()
    assert _verify(county, capsys)[0] == 0


def test_the_next_change_does_not_hide_the_truncation(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    _units(county, "县住建局", "县水利局")
    newest = _newest_id(county)
    _delete_newest(county, 2)
    _units(county, "县审计局", "县统计局")  # ordinary work goes on, appending new entries
    code, text = _verify(county, capsys)
    assert code != 0
    assert f"第 {newest} 条" in text


def test_an_admin_reanchors_after_a_restore_and_it_is_logged(
    county: County, capsys: pytest.CaptureFixture[str]
) -> None:
    _units(county, "县住建局", "县水利局")
    _delete_newest(county, 2)  # as a restore of an older backup shortens the chain
    with pytest.raises(NotPermitted), county.db.unit_of_work() as s:
        s.info[ACTOR] = Actor("xiao", Role.CLERK)
        reanchor(s)
    assert _verify(county, capsys)[0] != 0
    with county.db.unit_of_work() as s:
        s.info[ACTOR] = Actor("boss", Role.ADMIN)
        reanchor(s)
    code, text = _verify(county, capsys)
    assert code == 0, text
    assert main([*cli_database(path_of(county.db)), "audit", "list", "--limit", "1"]) in (0, None)
    assert "audit_reanchor" in capsys.readouterr().out


def test_the_anchor_lives_outside_the_data_folder(county: County, data_dir: Path) -> None:
    _units(county, "县住建局")
    assert anchor_path().is_file()
    assert not anchor_path().is_relative_to(path_of(county.db).parent)
    assert not anchor_path().is_relative_to(data_dir)
