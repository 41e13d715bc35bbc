"""`lianxi notice void` / `lianxi bulletin void|delete`, and workers' phones masked for a leader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.core import supervision
from desktop.models.enums import NoticeKind
from tests.cli.test_cli_accounts import PASSWORDS, _run, office  # noqa: F401 - the fixture
from tests.conftest import County
from tests.core.helpers import assigned_item, issued_bulletin, worker_suggestion

LATE = date(2026, 7, 10)
PHONE = "13812345678"


def _as(path: Path, name: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    return _run(path, ["--user", name, *args], monkeypatch, f"{PASSWORDS[name]}\n")


def test_a_reviewer_voids_a_notice_and_a_bulletin_and_a_clerk_deletes_a_draft(
    office: tuple[Path, County],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, c = office
    data = supervision.NoticeInput(NoticeKind.REMINDER, c.hrss, (assigned_item(c),), LATE)
    notice = c.run(supervision.issue_notice, data, today=LATE)
    capsys.readouterr()
    void = ["notice", "void", str(notice.id), "--reason", "督办对象填错"]
    assert _as(path, "xiao", void, monkeypatch) != 0
    assert "无权" in capsys.readouterr().err
    assert _as(path, "shen", void, monkeypatch) == 0
    assert f"已作废：{notice.number}" in capsys.readouterr().out
    assert _as(path, "lead", ["list", "notice"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "作废理由" in out.splitlines()[0] and "督办对象填错" in out

    bulletin = supervision.BulletinInput(date(2026, 7, 1), date(2026, 9, 30), LATE, "督查通报")
    issued = c.run(issued_bulletin, bulletin)
    draft = c.run(supervision.save_bulletin_draft, bulletin)
    assert _as(path, "xiao", ["bulletin", "delete", str(issued.id)], monkeypatch) != 0
    assert "只能作废" in capsys.readouterr().err
    assert _as(path, "xiao", ["bulletin", "delete", str(draft.id)], monkeypatch) == 0
    capsys.readouterr()
    args = ["bulletin", "void", str(issued.id), "--reason", "期数有误", "--json"]
    assert _as(path, "boss", args, monkeypatch) == 0
    assert '"reason": "期数有误"' in capsys.readouterr().out


def test_a_leader_sees_workers_phones_masked_in_show_list_and_spreadsheet(
    office: tuple[Path, County],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    path, c = office
    made = worker_suggestion(c, PHONE)
    capsys.readouterr()
    show = ["show", "suggestion", str(made)]
    assert _as(path, "lead", show, monkeypatch) == 0
    out = capsys.readouterr().out
    assert "138****5678" in out and PHONE not in out
    assert _as(path, "lead", [*show, "--json"], monkeypatch) == 0
    assert PHONE not in capsys.readouterr().out
    sheet = tmp_path / "suggestions.xlsx"
    assert _as(path, "lead", ["list", "suggestion", "--xlsx", str(sheet)], monkeypatch) == 0
    cells = [str(v) for row in openpyxl.load_workbook(sheet).active.iter_rows(values_only=True)
             for v in row if v is not None]  # fmt: skip
    assert "138****5678" in cells and PHONE not in cells
    # A clerk replies to the worker: the number whole.
    assert _as(path, "xiao", show, monkeypatch) == 0
    assert PHONE in capsys.readouterr().out
    assert _as(path, "xiao", ["list", "suggestion"], monkeypatch) == 0
    assert PHONE in capsys.readouterr().out
