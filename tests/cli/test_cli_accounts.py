"""The CLI acts as a named account: log-in, token, each role's commands, audit verify."""

from __future__ import annotations

import io
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import supervision
from desktop.core.items import complete_item
from desktop.core.permissions import ACTOR, Actor
from desktop.models.enums import Role
from tests.conftest import County
from tests.core.helpers import assigned_item

PASSWORDS = {
    "boss": "admin-pass",
    "xiao": "clerk-pass",
    "shen": "review-pass",
    "lead": "leader-pass",
}
ROLES = {"boss": Role.ADMIN, "xiao": Role.CLERK, "shen": Role.REVIEWER, "lead": Role.LEADER}


def _run(db: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--db", str(db), *args])


@pytest.fixture
def office(county: County, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, County]:
    monkeypatch.setenv("LIANXI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("LIANXI_TOKEN", raising=False)
    assert county.db.path is not None
    path = county.db.path
    assert (
        _run(path, ["account", "setup", "boss", "--password-stdin"], monkeypatch, "admin-pass\n")
        == 0
    )
    for name in ("xiao", "shen", "lead"):
        code = _run(
            path,
            [
                "--user",
                "boss",
                "account",
                "create",
                name,
                "--role",
                ROLES[name].value,
                "--password-stdin",
            ],
            monkeypatch,
            f"admin-pass\n{PASSWORDS[name]}\n",
        )
        assert code == 0
    return path, county


def _completed_item(county: County) -> int:
    item = assigned_item(county)
    with county.db.unit_of_work() as s:
        s.info[ACTOR] = Actor("boss", Role.ADMIN)
        complete_item(s, item, on=date(2026, 5, 1))
    return item


# (command, roles that may run it): each through `lianxi --user NAME …`.
COMMANDS: list[tuple[str, list[str], frozenset[Role]]] = [
    (
        "unit add",
        ["unit", "add", "--name", "县总工会机关", "--kind", "department", "--level", "county"],
        frozenset({Role.CLERK, Role.REVIEWER, Role.ADMIN}),
    ),
    (
        "item verify",
        ["item", "verify", "{item}", "--on", "2026-05-02"],
        frozenset({Role.REVIEWER, Role.ADMIN}),
    ),
    (
        "bulletin issue",
        ["bulletin", "issue", "{bulletin}", "--on", "2026-04-05"],
        frozenset({Role.REVIEWER, Role.ADMIN}),
    ),
    (
        "bulletin draft",
        [
            "bulletin",
            "draft",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--on",
            "2026-04-05",
            "--title",
            "督查通报",
        ],
        frozenset({Role.CLERK, Role.REVIEWER, Role.ADMIN}),
    ),
    (
        "suggestion add",
        [
            "suggestion",
            "add",
            "--channel",
            "wechat",
            "--received-on",
            "2026-03-01",
            "--content",
            "食堂太远",
            "--target-level",
            "county",
        ],
        frozenset({Role.CLERK, Role.REVIEWER, Role.ADMIN}),
    ),
    (
        "item complete",
        ["item", "complete", "{assigned}", "--on", "2026-05-01"],
        frozenset({Role.CLERK, Role.REVIEWER, Role.ADMIN}),
    ),
    (
        "notice issue",
        [
            "notice",
            "issue",
            "--kind",
            "reminder",
            "--unit",
            "{hrss}",
            "--items",
            "{assigned}",
            "--on",
            "2026-04-10",
        ],
        frozenset({Role.REVIEWER, Role.ADMIN}),
    ),
    ("account single-user", ["account", "single-user", "on"], frozenset({Role.ADMIN})),
    ("account reset", ["account", "reset", "xiao", "--password-stdin"], frozenset({Role.ADMIN})),
]


@pytest.mark.parametrize("name", list(ROLES))
@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_each_role_through_the_cli(
    office: tuple[Path, County],
    name: str,
    command: tuple[str, list[str], frozenset[Role]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, county = office
    _label, args, allowed = command
    item = _completed_item(county) if "{item}" in args else 0
    assigned = assigned_item(county) if "{assigned}" in args else 0
    bulletin = (
        county.run(
            supervision.save_bulletin_draft,
            supervision.BulletinInput(
                date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 5), "督查通报"
            ),
        ).id
        if "{bulletin}" in args
        else 0
    )
    args = [
        a.replace("{item}", str(item))
        .replace("{assigned}", str(assigned))
        .replace("{hrss}", str(county.hrss))
        .replace("{bulletin}", str(bulletin))
        for a in args
    ]
    capsys.readouterr()
    code = _run(path, ["--user", name, *args], monkeypatch, f"{PASSWORDS[name]}\nnew-clerk-pass\n")
    err = capsys.readouterr().err
    if ROLES[name] in allowed:
        assert code == 0, err
    else:
        assert code != 0
        assert "无权" in err


def test_login_needed_wrong_password_and_lock_out(
    office: tuple[Path, County], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _county = office
    capsys.readouterr()
    assert _run(path, ["list", "unit"], monkeypatch) != 0
    assert "--user" in capsys.readouterr().err
    for left in (4, 3, 2, 1):
        assert _run(path, ["--user", "xiao", "list", "unit"], monkeypatch, "nope\n") != 0
        assert f"再输错 {left} 次" in capsys.readouterr().err
    assert _run(path, ["--user", "xiao", "list", "unit"], monkeypatch, "nope\n") != 0
    assert "已被锁定" in capsys.readouterr().err
    assert _run(path, ["--user", "xiao", "list", "unit"], monkeypatch, "clerk-pass\n") != 0
    assert "已被锁定" in capsys.readouterr().err


def test_token_file_is_private_and_logs_in(
    office: tuple[Path, County],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _county = office
    assert _run(path, ["--user", "lead", "account", "token"], monkeypatch, "leader-pass\n") == 0
    token_file = tmp_path / "config" / "cli-token"
    assert stat.S_IMODE(os.stat(token_file).st_mode) == 0o600
    capsys.readouterr()
    assert _run(path, ["list", "unit"], monkeypatch) == 0  # the token file stands in
    # A leader reads but changes nothing, token or not.
    assert _run(path, ["account", "single-user", "on"], monkeypatch) != 0
    assert "查阅" in capsys.readouterr().err
    monkeypatch.setenv("LIANXI_TOKEN", "lead:forged")
    assert _run(path, ["list", "unit"], monkeypatch) != 0
    assert "令牌无效" in capsys.readouterr().err


def test_audit_verify_and_list_name_who(
    office: tuple[Path, County], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _county = office
    capsys.readouterr()
    assert _run(path, ["--user", "boss", "audit", "verify"], monkeypatch, "admin-pass\n") == 0
    assert "哈希链无误" in capsys.readouterr().out
    code = _run(
        path,
        ["--user", "boss", "audit", "list", "--user", "boss", "--kind", "user_account"],
        monkeypatch,
        "admin-pass\n",
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "insert\tuser_account" in out and '"role": "leader"' in out
    assert "leader-pass" not in out and "$argon2" not in out


def test_demo_county_chain_verifies_until_a_row_is_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    path = tmp_path / "demo.db"
    monkeypatch.setenv("LIANXI_CONFIG_DIR", str(tmp_path / "config"))
    assert _run(path, ["demo", "--years", "1", "--today", "2026-11-30"], monkeypatch) == 0
    assert _run(path, ["audit", "verify"], monkeypatch) == 0
    connection = sqlite3.connect(path)
    with connection:
        count = connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
        assert count > 0
        connection.execute("UPDATE audit_entry SET username = 'someone' WHERE id = 2")
    connection.close()
    capsys.readouterr()
    assert _run(path, ["audit", "verify"], monkeypatch) != 0
    assert "第 2 条" in capsys.readouterr().err
