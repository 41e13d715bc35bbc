"""The headless program: every command's success and refusal, exit codes, JSON, and no Qt needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "cli.db"
    assert (
        run(
            capsys, db, "init", "--name", "滨海县总工会", "--level", "county", "--prefix", "滨工联"
        )[0]
        == 0
    )
    for args in (
        ("unit", "add", "--name", "滨海县人民政府", "--kind", "government", "--level", "county"),
        (
            "unit",
            "add",
            "--name",
            "县人社局",
            "--kind",
            "department",
            "--level",
            "county",
            "--parent",
            "滨海县人民政府",
        ),
    ):
        assert run(capsys, db, *args)[0] == 0
    return db


def test_init_twice_is_refused_in_chinese(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, office_db, "init", "--name", "另一个", "--level", "county")
    assert code == 1 and "本单位已经设置过" in err


def test_commands_need_an_office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        tmp_path / "empty.db",
        "topic",
        "add",
        "--title",
        "t",
        "--source",
        "other",
        "--union",
        "1",
    )
    assert code == 1 and "lianxi init" in err


def test_whole_cycle_through_the_cli(office_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steps = [
        (
            "suggestion",
            "add",
            "--channel",
            "wechat",
            "--received-on",
            "2026-03-01",
            "--content",
            "建议将劳动竞赛奖金列入政府年度奖励基金",
            "--target-level",
            "county",
            "--unit",
            "滨海县总工会",
        ),
        ("suggestion", "adopt", "1", "--new-topic", "劳动竞赛奖金列入政府奖励基金"),
        ("topic", "research", "1", "--on", "2026-03-10", "--place", "县经济开发区"),
        ("topic", "vet", "1", "--on", "2026-03-20", "--conclusion", "提交联席会议"),
        (
            "topic",
            "consult",
            "1",
            "--department",
            "县人社局",
            "--on",
            "2026-03-25",
            "--opinion",
            "同意",
        ),
        (
            "meeting",
            "add",
            "--kind",
            "government_union",
            "--level",
            "county",
            "--union",
            "滨海县总工会",
            "--partner",
            "滨海县人民政府",
            "--planned-on",
            "2026-04-01",
        ),
        ("meeting", "schedule", "1", "--topic", "1"),
        (
            "meeting",
            "participant",
            "1",
            "--name",
            "王县长",
            "--role",
            "attended",
            "--unit-name",
            "滨海县人民政府",
            "--title",
            "县长",
        ),
        ("meeting", "notify", "1"),
        ("meeting", "hold", "1", "--on", "2026-04-01"),
        (
            "item",
            "add",
            "--meeting",
            "1",
            "--text",
            "将劳动竞赛奖金列入政府年度奖励基金",
            "--lead",
            "县人社局",
            "--deadline",
            "2026-06-30",
            "--topic",
            "1",
        ),
        ("item", "assign", "1", "--on", "2026-04-02"),
        (
            "item",
            "feedback",
            "1",
            "--on",
            "2026-05-01",
            "--text",
            "已纳入预算",
            "--percent",
            "60",
            "--figure",
            "奖金=200000元",
        ),
        (
            "notice",
            "issue",
            "--kind",
            "reminder",
            "--unit",
            "县人社局",
            "--items",
            "1",
            "--on",
            "2026-05-10",
        ),
        ("item", "complete", "1", "--on", "2026-06-01"),
        ("item", "verify", "1", "--on", "2026-06-10"),
        ("meeting", "minutes", "1", "--text", "会议纪要正文", "--on", "2026-04-05"),
        (
            "bulletin",
            "draft",
            "--from",
            "2026-01-01",
            "--to",
            "2026-06-30",
            "--on",
            "2026-07-01",
            "--title",
            "2026年上半年督查通报",
            "--commend",
            "县人社局:按期办结",
        ),
        ("bulletin", "issue", "1"),  # drafted, then issued (the reviewer's act)
    ]
    for step in steps:
        code, out, err = run(capsys, office_db, *step)
        assert code == 0, (step, err)
    code, out, _ = run(capsys, office_db, "show", "item", "1", "--json")
    item = json.loads(out)
    assert item["status"] == "verified"
    assert item["feedback"][0]["figures"] == [{"name": "奖金", "number": 200000.0, "unit": "元"}]
    assert [e["action"] for e in item["timeline"]] == [
        "assign",
        "report_progress",
        "notice_reminder",
        "complete",
        "verify",
    ]
    code, out, _ = run(capsys, office_db, "list", "notice", "--json")
    assert json.loads(out)[0]["number"] == "滨工联催〔2026〕1号"
    code, out, _ = run(capsys, office_db, "show", "meeting", "1", "--json")
    meeting = json.loads(out)
    assert (
        meeting["status"] == "minutes_issued" and meeting["minutes_number"] == "滨工联纪〔2026〕1号"
    )
    assert meeting["participants"][0]["name"] == "王县长"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("show", "item", "99"), "找不到编号为 99 的议定事项"),
        (("list", "item", "--status", "finished"), "没有这个状态"),
        (("topic", "vet", "1", "--on", "2026-03-20", "--conclusion", "x"), "找不到编号为 1 的议题"),
        (
            (
                "unit",
                "add",
                "--name",
                "x",
                "--kind",
                "department",
                "--level",
                "county",
                "--parent",
                "不存在的单位",
            ),
            "找不到单位“不存在的单位”",
        ),
        (
            (
                "suggestion",
                "add",
                "--channel",
                "sms",
                "--received-on",
                "2026-03-01",
                "--content",
                " ",
                "--target-level",
                "county",
            ),
            "「内容」不能为空",
        ),
        (
            (
                "suggestion",
                "add",
                "--channel",
                "sms",
                "--received-on",
                "1066-03-01",
                "--content",
                "x",
                "--target-level",
                "county",
            ),
            "日期 1066-03-01 不合理",
        ),
    ],
)
def test_refusals_exit_1_with_a_chinese_message(
    office_db: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    code, out, err = run(capsys, office_db, *args)
    assert code == 1 and expected in err and out == ""


def test_usage_errors_exit_2(office_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (("list", "nope"), ("item", "assign", "1", "--on", "yesterday"), ("frobnicate",)):
        with pytest.raises(SystemExit) as exc:
            main(["--db", str(office_db), *args])
        assert exc.value.code == 2
    capsys.readouterr()


def test_list_json_is_every_matching_row_unless_limited(
    office_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, office_db, "list", "unit", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 3
    assert set(rows[0]) == {
        "id",
        "name",
        "kind",
        "level",
        "parent",
        "contact_person",
        "contact_phone",
        "pinyin_initials",
    }
    code, out, _ = run(capsys, office_db, "list", "unit", "--json", "--limit", "1")
    assert len(json.loads(out)) == 1
    code, out, _ = run(capsys, office_db, "list", "unit", "--search", "xrsj", "--json")
    assert [r["name"] for r in json.loads(out)] == ["县人社局"]


def test_db_commands(office_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, office_db, "db", "check")
    assert code == 0 and "数据库完好" in out
    code, out, _ = run(capsys, office_db, "db", "backup", "--to", str(tmp_path / "b.db"))
    assert code == 0 and (tmp_path / "b.db").exists()
    code, out, _ = run(capsys, office_db, "db", "upgrade")
    assert code == 0 and "最新" in out
    # An empty file: the tables are made (it used to say 已是最新结构 while making them).
    code, out, _ = run(capsys, tmp_path / "new.db", "db", "upgrade")
    assert code == 0 and out.strip() == "已建立数据库结构。"
    code, out, _ = run(capsys, tmp_path / "new.db", "db", "upgrade")
    assert out.strip() == "数据库已是最新结构。"


def _env_without_qt(tmp_path: Path) -> dict[str, str]:
    """PYTHONPATH with a PySide6 that refuses to import, as on a machine without Qt."""
    blocker = tmp_path / "noqt" / "PySide6"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('Qt is not available here')\n")
    env = dict(os.environ)
    env["PYTHONPATH"] = f"{blocker.parent}{os.pathsep}{ROOT}"
    return env


def test_cli_runs_without_qt(tmp_path: Path) -> None:
    env = _env_without_qt(tmp_path)
    db = str(tmp_path / "noqt.db")
    probe = subprocess.run(
        [sys.executable, "-c", "import PySide6"], env=env, capture_output=True, text=True
    )
    assert probe.returncode != 0  # the blocker works
    for args in (
        ["init", "--name", "八滩镇工会", "--level", "township", "--parent", "滨海县总工会"],
        ["list", "unit", "--json"],
        ["dashboard", "--json"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--db", db, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["overdue_items"] == 0
