"""The package and keys commands end to end, on two database files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop import cli


def _main(argv: list[str]) -> int:
    return cli.main(argv)


def _fingerprint(out: str) -> str:
    return out.strip().rsplit("：", 1)[1]


def test_township_to_county_by_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    town, county, stick = str(tmp_path / "t.db"), str(tmp_path / "c.db"), tmp_path / "stick"
    stick.mkdir()
    assert (
        cli.main(
            ["--db", town, "demo", "--scale", "township", "--years", "1", "--today", "2027-03-18"]
        )
        == 0
    )
    assert cli.main(["--db", county, "init", "--name", "滨海县总工会", "--level", "county"]) == 0
    capsys.readouterr()
    assert _main(["--db", town, "keys", "export-setup", "--to", str(stick / "t.json")]) == 0
    town_fp = _fingerprint(capsys.readouterr().out)
    assert _main(["--db", county, "keys", "export-setup", "--to", str(stick / "c.json")]) == 0
    county_fp = _fingerprint(capsys.readouterr().out)
    assert (
        _main(["--db", county, "keys", "trust", str(stick / "t.json"), "--fingerprint", "0000"])
        == 1
    )
    assert (
        _main(["--db", county, "keys", "trust", str(stick / "t.json"), "--fingerprint", town_fp])
        == 0
    )
    assert (
        _main(["--db", town, "keys", "trust", str(stick / "c.json"), "--fingerprint", county_fp])
        == 0
    )
    capsys.readouterr()
    assert _main(["--db", town, "package", "export", "--to", str(stick)]) == 0
    assert "可以拔出U盘" in capsys.readouterr().out
    (package,) = stick.glob("*.lxpkg")
    assert _main(["--db", county, "package", "verify", str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert _main(["--db", county, "package", "import", str(package), "--dry-run", "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["result"] == "applied" and preview["counts"]["meeting"]["new"] > 0
    assert _main(["--db", county, "package", "import", str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"] == preview["counts"]
    assert _main(["--db", county, "package", "import", str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["result"] == "already_applied"
    # The county's package is addressed to the township: the county itself refuses it.
    assert _main(["--db", county, "package", "export", "--to", str(tmp_path)]) == 0
    (down,) = tmp_path.glob("*.lxpkg")
    capsys.readouterr()
    assert _main(["--db", county, "package", "import", str(down)]) == 1
    assert f"{down.name}：已拒绝。" in capsys.readouterr().out
    assert _main(["--db", town, "package", "import", str(down), "--dry-run"]) == 0
    assert f"{down.name}：可以导入" in capsys.readouterr().out
    assert _main(["--db", town, "package", "import", str(down)]) == 0
    out = capsys.readouterr().out
    # The county's own unit: the township's entry for it (typed at first start) takes its
    # identity when the county's setup file is trusted, so it is updated, not doubled.
    assert f"{down.name}：已导入" in out and "  单位：" in out
    assert down.stat().st_mode & 0o111 == 0  # a document, not a program
    assert _main(["--db", town, "keys", "show"]) == 0
    assert _main(["--db", county, "keys", "revoke", "1"]) == 1  # the local office is not a peer
