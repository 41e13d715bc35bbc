"""Storage faults from the command line: one Chinese sentence on stderr and a non-zero exit,
never SQLite's English words; `db check` gives a verdict on a damaged file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db import engine
from tests.conftest import County
from tests.db.test_faults import damage, damaged  # noqa: F401  (the fixture)


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def locked(county: County, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    path = county.db.path
    assert path is not None
    county.db.dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    yield path
    holder.execute("ROLLBACK")
    holder.close()


def test_a_write_under_a_lock_is_worded_in_chinese(
    capsys: pytest.CaptureFixture[str], locked: Path
) -> None:
    code, _out, err = run(
        capsys, locked, "unit", "add", "--name", "县总工会机关", "--kind", "department",
        "--level", "county",
    )  # fmt: skip
    assert code == 1
    assert err.startswith("错误：数据库正被其他程序占用")
    assert "database_error" not in err and "locked" not in err


def test_a_listing_under_a_lock_does_not_wait(
    capsys: pytest.CaptureFixture[str], locked: Path
) -> None:
    code, out, _err = run(capsys, locked, "list", "unit", "--json")
    assert code == 0 and "八滩镇工会" in out


def test_db_check_gives_a_verdict_on_a_damaged_file(
    capsys: pytest.CaptureFixture[str],
    damaged: Path,  # noqa: F811
) -> None:
    code, out, err = run(capsys, damaged, "db", "check")
    assert code == 1 and out.startswith("数据库已损坏") and "malformed" not in out + err


def test_db_backup_of_a_damaged_file_is_refused(
    capsys: pytest.CaptureFixture[str],
    damaged: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    target = tmp_path / "copy.db"
    code, out, err = run(capsys, damaged, "db", "backup", "--to", str(target))
    assert code == 1 and "已备份到" not in out
    assert err.startswith("错误：备份未完成")
    assert not target.exists() and not target.with_name("copy.db.partial").exists()


def test_db_check_of_a_sound_file_says_so(
    capsys: pytest.CaptureFixture[str], county: County
) -> None:
    assert county.db.path is not None
    code, out, _err = run(capsys, county.db.path, "db", "check")
    assert code == 0 and out.strip() == "数据库完好。"


def test_db_restore_replaces_a_damaged_file_with_the_newest_good_backup(
    capsys: pytest.CaptureFixture[str], county: County
) -> None:
    path = county.db.path
    assert path is not None
    assert run(capsys, path, "db", "backup")[0] == 0
    county.db.dispose()
    damage(path, at_page=1)
    assert run(capsys, path, "db", "check")[0] == 1
    code, out, _err = run(capsys, path, "db", "restore")
    assert code == 0 and out.startswith("已用备份")
    code, out, _err = run(capsys, path, "db", "check")
    assert code == 0 and out.strip() == "数据库完好。"
    assert list(path.parent.glob("lianxi.db.replaced-*"))  # the damaged file is kept aside


def test_db_restore_without_a_good_backup_is_refused(
    capsys: pytest.CaptureFixture[str],
    damaged: Path,  # noqa: F811
) -> None:
    code, _out, err = run(capsys, damaged, "db", "restore")
    assert code == 1 and err.startswith("错误：没有找到可以恢复的完好备份")
