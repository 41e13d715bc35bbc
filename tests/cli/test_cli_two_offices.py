"""Two offices by the commands a clerk types: the county names the township's entry when it
trusts its setup file, duplicates are merged by `unit merge`, and a shared name is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop import cli


def lx(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str]:
    code = cli.main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out + err


def _units(capsys: pytest.CaptureFixture[str], db: Path, name: str) -> list[dict[str, object]]:
    code, out = lx(capsys, db, "list", "unit", "--search", name, "--json")
    assert code == 0, out
    rows: list[dict[str, object]] = json.loads(out)
    return [r for r in rows if r["name"] == name]


def _setup(capsys: pytest.CaptureFixture[str], db: Path, to: Path) -> str:
    code, out = lx(capsys, db, "keys", "export-setup", "--to", str(to))
    assert code == 0, out
    return out.strip().rsplit("：", 1)[1]


def test_the_township_lands_on_the_countys_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    county, town, stick = tmp_path / "c.db", tmp_path / "t.db", tmp_path / "stick"
    stick.mkdir()
    for db, args in (
        (county, ("init", "--name", "滨海县总工会", "--level", "county", "--prefix", "滨工联")),
        (county, ("unit", "add", "--name", "八滩镇工会", "--kind", "township_union",
                  "--level", "township", "--parent", "滨海县总工会")),
        (town, ("init", "--name", "八滩镇工会", "--level", "township",
                "--parent", "滨海县总工会", "--prefix", "八工")),
    ):  # fmt: skip
        code, out = lx(capsys, db, *args)
        assert code == 0, out
    town_fp = _setup(capsys, town, stick / "t.json")
    county_fp = _setup(capsys, county, stick / "c.json")
    code, out = lx(
        capsys, county, "keys", "trust", str(stick / "t.json"),
        "--fingerprint", town_fp, "--unit", "八滩镇工会",
    )  # fmt: skip
    assert code == 0 and "对方在本单位名录中的条目：八滩镇工会" in out, out
    code, out = lx(capsys, town, "keys", "trust", str(stick / "c.json"), "--fingerprint", county_fp)
    assert code == 0, out
    for sender, receiver in ((town, county), (county, town), (town, county)):
        code, out = lx(capsys, sender, "package", "export", "--to", str(stick))
        assert code == 0, out
        for package in sorted(stick.glob("*.lxpkg")):
            code, out = lx(capsys, receiver, "package", "import", str(package))
            package.unlink()
    (entry,) = _units(capsys, county, "八滩镇工会")  # one entry, the county's
    assert entry["parent"] == "滨海县总工会"
    assert len(_units(capsys, town, "八滩镇工会")) == 1
    assert len(_units(capsys, town, "滨海县总工会")) == 1


def test_unit_merge_and_a_name_two_units_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.db"
    for args in (
        ("init", "--name", "滨海县总工会", "--level", "county"),
        ("unit", "add", "--name", "县财政局", "--kind", "department", "--level", "county"),
        ("unit", "add", "--name", "县财政局", "--kind", "department", "--level", "county"),
    ):
        assert lx(capsys, db, *args)[0] == 0
    first, second = (int(str(u["id"])) for u in _units(capsys, db, "县财政局"))
    code, out = lx(capsys, db, "unit", "merge", "县财政局", str(first))
    assert code != 0 and "有几个单位都叫“县财政局”" in out, out
    code, out = lx(capsys, db, "unit", "merge", str(second), str(first))
    assert code == 0 and "已将“县财政局”合并到“县财政局”" in out, out
    assert [u["id"] for u in _units(capsys, db, "县财政局")] == [first]
    code, out = lx(capsys, db, "unit", "merge", str(second), str(first))
    assert code != 0 and "找不到编号为" in out, out  # merged away: no longer in the directory


def test_resync_after_a_restore_by_the_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    county, town, stick = tmp_path / "c.db", tmp_path / "t.db", tmp_path / "stick"
    stick.mkdir()
    for db, args in (
        (county, ("init", "--name", "滨海县总工会", "--level", "county")),
        (town, ("init", "--name", "八滩镇工会", "--level", "township",
                "--parent", "滨海县总工会")),
    ):  # fmt: skip
        assert lx(capsys, db, *args)[0] == 0
    town_fp = _setup(capsys, town, stick / "t.json")
    county_fp = _setup(capsys, county, stick / "c.json")
    assert (
        lx(capsys, county, "keys", "trust", str(stick / "t.json"), "--fingerprint", town_fp)[0] == 0
    )
    assert (
        lx(capsys, town, "keys", "trust", str(stick / "c.json"), "--fingerprint", county_fp)[0] == 0
    )

    def send(source: Path, target: Path, *flags: str) -> tuple[int, str]:
        assert lx(capsys, source, "package", "export", "--to", str(stick))[0] == 0
        (package,) = stick.glob("*.lxpkg")
        try:
            return lx(capsys, target, "package", "import", str(package), *flags)
        finally:
            package.unlink()

    assert lx(capsys, town, "db", "backup", "--to", str(tmp_path / "old.db"))[0] == 0
    assert lx(capsys, town, "unit", "add", "--name", "八滩镇总商会", "--kind", "industry_association",
              "--level", "township")[0] == 0  # fmt: skip
    assert send(town, county)[0] == 0
    assert lx(capsys, town, "db", "restore", "--from", str(tmp_path / "old.db"))[0] == 0
    assert lx(capsys, town, "unit", "add", "--name", "八滩镇个私协会", "--kind", "industry_association",
              "--level", "township")[0] == 0  # fmt: skip
    code, out = send(town, county)
    assert code != 0 and "重新同步" in out, out
    code, out = lx(capsys, town, "package", "resync", "滨海县总工会")
    assert code == 0 and "重新同步" in out, out
    assert lx(capsys, town, "package", "export", "--to", str(stick))[0] == 0
    (first,) = stick.glob("*.lxpkg")
    code, out = lx(capsys, county, "package", "import", str(first))
    assert code != 0 and "接受重新同步" in out, out  # asked, not applied silently
    code, out = lx(capsys, county, "package", "import", str(first), "--accept-restart")
    assert code == 0 and "已导入" in out, out
    first.unlink()
    code, out = send(county, town)  # the county's new start, expected: no question
    assert code == 0 and "已导入" in out, out
    assert len(_units(capsys, town, "八滩镇总商会")) == 1  # what the restore took, back
    assert len(_units(capsys, county, "八滩镇个私协会")) == 1


def test_keys_rotate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.db"
    assert lx(capsys, db, "init", "--name", "八滩镇工会", "--level", "township")[0] == 0
    old = _setup(capsys, db, tmp_path / "old.json")
    code, out = lx(capsys, db, "keys", "rotate")
    assert code == 0 and "新指纹" in out and old not in out, out
    assert _setup(capsys, db, tmp_path / "new.json") != old  # the setup file has the new keys
    code, out = lx(capsys, db, "keys", "rotate")
    assert code != 0 and "尚未送达" in out, out
