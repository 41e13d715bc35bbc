"""Each lifecycle command once as it should be used and once as it must be refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


def lx(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ready(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """An office with a held meeting (1) on topic 1, an assigned item (1), a spare vetted topic (2),
    a planned meeting (2) with topic 3 on its agenda, and a registered suggestion (1)."""
    db = tmp_path / "c.db"
    for step in (
        ("init", "--name", "滨海县总工会", "--level", "county", "--prefix", "滨工联"),
        ("unit", "add", "--name", "滨海县人民政府", "--kind", "government", "--level", "county"),
        ("unit", "add", "--name", "县人社局", "--kind", "department", "--level", "county"),
        (
            "unit",
            "add",
            "--name",
            "八滩镇工会",
            "--kind",
            "township_union",
            "--level",
            "township",
            "--parent",
            "滨海县总工会",
        ),
        ("topic", "add", "--title", "稳岗", "--source", "research", "--union", "滨海县总工会"),
        ("topic", "vet", "1", "--on", "2026-03-01", "--conclusion", "提交"),
        ("topic", "add", "--title", "职工书屋", "--source", "other", "--union", "滨海县总工会"),
        ("topic", "vet", "2", "--on", "2026-03-01", "--conclusion", "提交"),
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
        ("meeting", "hold", "1", "--on", "2026-04-01"),
        (
            "item",
            "add",
            "--meeting",
            "1",
            "--text",
            "稳定就业岗位4593个",
            "--lead",
            "县人社局",
            "--deadline",
            "2026-06-30",
        ),
        ("item", "assign", "1", "--on", "2026-04-02"),
        ("topic", "add", "--title", "职工疗休养", "--source", "other", "--union", "滨海县总工会"),
        ("topic", "vet", "3", "--on", "2026-03-01", "--conclusion", "提交"),
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
            "2026-10-01",
        ),
        ("meeting", "schedule", "2", "--topic", "3"),
        (
            "suggestion",
            "add",
            "--channel",
            "letter",
            "--received-on",
            "2026-03-01",
            "--content",
            "建议建设职工书屋",
            "--target-level",
            "township",
        ),
    ):
        code, _, err = lx(capsys, db, *step)
        assert code == 0, (step, err)
    return db


CASES = [
    # (good command, bad command, fragment of the Chinese refusal)
    (
        (
            "establishment",
            "add",
            "--union",
            "八滩镇工会",
            "--partner",
            "八滩镇人民政府",
            "--level",
            "township",
            "--established-on",
            "2012-05-01",
        ),
        (
            "establishment",
            "add",
            "--union",
            "八滩镇工会",
            "--partner",
            "八滩镇人民政府",
            "--level",
            "township",
        ),
        "「未建制原因」不能为空",
    ),
    (
        ("suggestion", "forward", "1", "--to", "八滩镇工会"),
        ("suggestion", "forward", "1", "--to", "不存在"),
        "找不到单位",
    ),
    (
        ("suggestion", "reply", "1", "--text", "已转镇工会办理", "--on", "2026-03-05"),
        ("suggestion", "reply", "1", "--text", "已答复", "--on", "2026-02-01"),
        "不能早于收到日期",
    ),
    (
        ("suggestion", "reject", "1", "--reason", "不属于工会职责"),
        ("suggestion", "reject", "1", "--reason", " "),
        "「原因」不能为空",
    ),
    (
        ("meeting", "decide", "1", "--topic", "1", "--outcome", "原则通过", "--text", "分步实施"),
        ("meeting", "decide", "1", "--topic", "1", "--outcome", "暂缓"),
        "议题暂缓的，请在「议定意见」中写明理由",
    ),
    (
        ("topic", "defer", "2", "--reason", "待调研"),
        ("topic", "defer", "1", "--reason", "已议定"),
        "不能执行“暂缓”",
    ),
    (
        ("topic", "reject", "2", "--reason", "不属于联席会议范围"),
        ("topic", "reject", "1", "--reason", "x"),
        "不能执行“不予采纳”",
    ),
    (
        ("topic", "merge", "2", "--into", "2"),
        ("topic", "merge", "2", "--into", "2"),
        "不能合并到自身",
    ),
    (("meeting", "notify", "2"), ("meeting", "notify", "1"), "不能执行“发出会议通知”"),
    (
        ("meeting", "cancel", "2", "--reason", "领导出差"),
        ("meeting", "cancel", "1", "--reason", "领导出差"),
        "不能执行“取消”",
    ),
    (
        ("meeting", "flag", "1", "--reason", "未研究实质问题"),
        ("meeting", "flag", "2", "--reason", "x"),
        "会议尚未召开",
    ),
    (
        ("meeting", "unschedule", "2", "--topic", "3"),
        ("meeting", "unschedule", "1", "--topic", "1"),
        "议程不能再修改",
    ),
    (
        (
            "item",
            "extend",
            "1",
            "--to",
            "2026-09-30",
            "--reason",
            "资金未到位",
            "--on",
            "2026-06-01",
        ),
        ("item", "extend", "1", "--to", "2026-05-30", "--reason", "x", "--on", "2026-06-01"),
        "必须晚于原时限",
    ),
    (
        ("item", "cancel", "1", "--on", "2026-05-01", "--reason", "情况变化"),
        ("item", "cancel", "1", "--on", "2026-05-01", "--reason", ""),
        "「原因」不能为空",
    ),
    (
        ("item", "complete", "1", "--on", "2026-06-01"),
        ("item", "complete", "1", "--on", "2026-06-02"),
        "不能执行“办结”",
    ),
    (
        (
            "notice",
            "issue",
            "--kind",
            "rectification",
            "--unit",
            "县人社局",
            "--items",
            "1",
            "--on",
            "2026-07-01",
            "--problem",
            "进展缓慢",
            "--rectify-by",
            "2026-07-31",
        ),
        (
            "notice",
            "issue",
            "--kind",
            "rectification",
            "--unit",
            "县人社局",
            "--items",
            "1",
            "--on",
            "2026-07-01",
            "--problem",
            "进展缓慢",
        ),
        "「整改时限」不能为空",
    ),
    (
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
            "督查通报",
            "--criticise",
            "县人社局:逾期未办结",
        ),
        (
            "bulletin",
            "draft",
            "--from",
            "2026-07-01",
            "--to",
            "2026-06-30",
            "--on",
            "2026-07-01",
            "--title",
            "督查通报",
        ),
        "截止日期不能早于起始日期",
    ),
]


@pytest.mark.parametrize(("good", "bad", "why"), CASES, ids=[" ".join(c[0][:2]) for c in CASES])
def test_command_success_and_refusal(
    ready: Path,
    capsys: pytest.CaptureFixture[str],
    good: tuple[str, ...],
    bad: tuple[str, ...],
    why: str,
) -> None:
    if good != bad:
        code, out, err = lx(capsys, ready, *good, "--json")
        assert code == 0, err
        assert json.loads(out)["id"] >= 1
    code, out, err = lx(capsys, ready, *bad)
    assert code == 1 and why in err and out == ""


def test_approve_and_refuse_extension(ready: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lx(
        capsys,
        ready,
        "item",
        "extend",
        "1",
        "--to",
        "2026-09-30",
        "--reason",
        "资金",
        "--on",
        "2026-06-01",
    )
    code, out, _ = lx(
        capsys, ready, "item", "approve-extension", "1", "--on", "2026-06-02", "--json"
    )
    assert code == 0 and json.loads(out)["deadline"] == "2026-09-30"
    code, _, err = lx(
        capsys, ready, "item", "refuse-extension", "1", "--on", "2026-06-03", "--reason", "x"
    )
    assert code == 1 and "不能执行“不同意延期”" in err
    code, _, _ = lx(capsys, ready, "item", "complete", "1", "--on", "2026-07-01")
    code, out, _ = lx(
        capsys,
        ready,
        "item",
        "send-back",
        "1",
        "--on",
        "2026-07-02",
        "--reason",
        "未见实效",
        "--json",
    )
    assert code == 0 and json.loads(out)["status"] == "in_progress"
