"""`lianxi account …`, `lianxi audit …` and log-in for every command (`--user`, LIANXI_TOKEN).

When the office uses accounts (some exist and single-user mode is off) every command acts as a
named account: `--user NAME` asks for the password (getpass; a script may pipe it on stdin),
or a token stands in for it. `lianxi account token` writes the token to a file readable only
by the OS user (0600) in the per-user config folder; it is used when no --user is given, and
LIANXI_TOKEN (the token itself, or the path of a token file) overrides it.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import UTC, datetime, time
from pathlib import Path

from platformdirs import user_config_path
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from desktop import APP_NAME
from desktop.core.accounts import (
    LoginRefused,
    accounts_exist,
    attempt_login,
    change_own_password,
    create_account,
    create_first_admin,
    issue_token,
    list_accounts,
    login_required,
    reset_password,
    set_active,
    set_role,
    set_single_user_mode,
    token_actor,
)
from desktop.core.audit import list_entries, reanchor, verify_chain
from desktop.core.errors import DomainError, InvalidInput
from desktop.core.permissions import Actor, act_as, actor_of
from desktop.db import Database
from desktop.messages import role_label
from desktop.models.enums import Role

TOKEN_ENV = "LIANXI_TOKEN"
CONFIG_DIR_ENV = "LIANXI_CONFIG_DIR"
TOKEN_FILE = "cli-token"
EXIT_BROKEN = 1


def token_path() -> Path:
    """The CLI token file: LIANXI_CONFIG_DIR or the per-user config folder (never backed up)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    folder = Path(override) if override else user_config_path(APP_NAME, appauthor=False)
    return folder / TOKEN_FILE


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NAME", help="以此账户操作（随后输入密码）")


def add_account_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    acc = sub.add_parser("account", help="账户 / accounts").add_subparsers(
        dest="account_command", required=True
    )
    p = acc.add_parser("setup", help="首次启动：建立首个单位管理员")
    p.add_argument("name")
    p.add_argument("--single-user", action="store_true", help="单机单人使用，不需登录")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(handler=cmd_setup)
    p = acc.add_parser("create", help="新建账户（单位管理员）")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--display-name", default="")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(handler=cmd_create)
    for name, help_text, active in (("disable", "停用账户", False), ("enable", "启用账户", True)):
        p = acc.add_parser(name, help=help_text)
        p.add_argument("name")
        p.set_defaults(handler=cmd_set_active, active=active)
    p = acc.add_parser("reset", help="重置密码（单位管理员）")
    p.add_argument("name")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(handler=cmd_reset)
    p = acc.add_parser("role", help="修改角色（单位管理员）")
    p.add_argument("name")
    p.add_argument("role", choices=[r.value for r in Role])
    p.set_defaults(handler=cmd_role)
    p = acc.add_parser("passwd", help="修改自己的密码")
    p.set_defaults(handler=cmd_passwd)
    p = acc.add_parser("list", help="列出账户")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list_accounts, reads_only=True)
    p = acc.add_parser("single-user", help="单人模式开关（单位管理员）")
    p.add_argument("state", choices=["on", "off"])
    p.set_defaults(handler=cmd_single_user)
    p = acc.add_parser("token", help=f"为脚本生成登录令牌，写入 {TOKEN_FILE}（仅本人可读）")
    p.set_defaults(handler=cmd_token)

    audit = sub.add_parser("audit", help="操作记录 / audit trail").add_subparsers(
        dest="audit_command", required=True
    )
    p = audit.add_parser("verify", help="检查操作记录的哈希链")
    p.set_defaults(handler=cmd_audit_verify, raw=True)
    p = audit.add_parser("reanchor", help="恢复较早的备份后，以现有操作记录为准（单位管理员）")
    p.set_defaults(handler=cmd_audit_reanchor)
    p = audit.add_parser("list", help="列出操作记录")
    p.add_argument("--user", dest="by_user", metavar="NAME")
    p.add_argument("--kind", help="记录类别（表名），如 agreed_item")
    p.add_argument("--record", metavar="UUID")
    p.add_argument("--since", type=date_start, metavar="YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_audit_list, reads_only=True)


def date_start(text: str) -> datetime:
    try:
        day = datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc
    return datetime.combine(day, time(), UTC)


# ---- log-in for every command


def sign_in(args: argparse.Namespace, db: Database) -> None:
    """Make every unit of work of this command act as the account logged in (or nobody)."""
    act_as(db.sessions, None)
    if not _has_accounts_schema(db):
        return  # a database before accounts existed: nobody to log in as
    name = getattr(args, "user", None)
    with db.reading() as session:
        required = login_required(session)
    if name:
        password = _password(f"{name} 的密码：")
        with db.unit_of_work() as session:  # commits a failure count too
            result = attempt_login(session, name, password)
        if isinstance(result, LoginRefused):
            raise result
        act_as(db.sessions, result)
        return
    token, explicit = _token()
    if token:
        try:
            with db.reading() as session:
                act_as(db.sessions, token_actor(session, token))
            return
        except LoginRefused:
            # The token file of another database is no reason to refuse one without log-in.
            if explicit or required:
                raise
    if required:
        raise DomainError("login_needed")


def _has_accounts_schema(db: Database) -> bool:
    with db.reading_connection() as connection:
        schema = inspect(connection)
        if not schema.has_table("user_account"):
            return False
        columns = schema.get_columns("user_account")
    return any(c["name"] == "token_hash" for c in columns)


def _token() -> tuple[str, bool]:
    """The token to log in with, and whether LIANXI_TOKEN named it (not the default file)."""
    value = os.environ.get(TOKEN_ENV, "").strip()
    if value and Path(value).is_file():
        return Path(value).read_text(encoding="utf-8").strip(), True
    if value:
        return value, True
    path = token_path()
    return (path.read_text(encoding="utf-8").strip() if path.is_file() else ""), False


def _actor(session: Session) -> Actor:
    actor = actor_of(session)
    if actor is None:
        raise DomainError("login_needed")
    return actor


def _password(prompt: str) -> str:
    """A password typed at the terminal, or piped on stdin by a script."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass(prompt)


def _new_password(args: argparse.Namespace) -> str:
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("新密码：")
    if getpass.getpass("再输入一次：") != first:
        raise InvalidInput("passwords_differ", field="password")
    return first


# ---- account commands (handlers take the command's session)


def cmd_setup(args: argparse.Namespace, session: Session) -> None:
    if accounts_exist(session):
        raise DomainError("accounts_exist")
    account = create_first_admin(
        session,
        args.name,
        _new_password(args),
        single_user=args.single_user,
    )
    mode = "单人模式，不需登录" if args.single_user else "启动时需要登录"
    print(f"已建立单位管理员：{account.username}（{mode}）")


def cmd_create(args: argparse.Namespace, session: Session) -> None:
    role = Role(args.role)
    account = create_account(session, args.name, _new_password(args), role, args.display_name)
    print(f"已建立账户：{account.username}（{role_label(role)}）")


def cmd_set_active(args: argparse.Namespace, session: Session) -> None:
    account = set_active(session, args.name, args.active)
    print(f"账户 {account.username} 已{'启用' if account.active else '停用'}。")


def cmd_reset(args: argparse.Namespace, session: Session) -> None:
    account = reset_password(session, args.name, _new_password(args))
    print(f"已重置 {account.username} 的密码，锁定已解除，原登录令牌作废。")


def cmd_role(args: argparse.Namespace, session: Session) -> None:
    account = set_role(session, args.name, Role(args.role))
    print(f"{account.username} 的角色已改为{role_label(account.role)}。")


def cmd_passwd(args: argparse.Namespace, session: Session) -> None:
    actor = _actor(session)
    old = _password("原密码：")
    change_own_password(session, actor.username, old, _new_password(args))
    print("密码已修改，原登录令牌作废。")


def cmd_list_accounts(args: argparse.Namespace, session: Session) -> None:
    accounts = list_accounts(session)
    if args.json:
        rows = [
            {"username": a.username, "role": a.role.value, "active": a.active} for a in accounts
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for a in accounts:
        state = "启用" if a.active else "停用"
        print(f"{a.username}\t{a.display_name}\t{role_label(a.role)}\t{state}")


def cmd_single_user(args: argparse.Namespace, session: Session) -> None:
    set_single_user_mode(session, args.state == "on")
    print("已改为单人模式，不需登录。" if args.state == "on" else "已改为启动时需要登录。")


def cmd_token(args: argparse.Namespace, session: Session) -> None:
    actor = _actor(session)
    token = issue_token(session, actor.username)
    path = token_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created 0600 from the start, so the token is never readable by others even briefly.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    os.chmod(path, 0o600)
    print(f"已为 {actor.username} 生成登录令牌：{path}（仅本人可读；旧令牌作废）")


# ---- audit commands


def cmd_audit_verify(args: argparse.Namespace, db: Database) -> int:
    with db.reading() as session:
        report = verify_chain(session)
    if report.ok:
        print(f"操作记录完整：共 {report.entries} 条，哈希链无误。")
        return 0
    if report.first_broken is None:
        print(
            f"操作记录末尾被删除：本机写入的第 {report.missing_from} 条已不在数据库中"
            "（哈希链本身无误，但比本机记下的短）。刚恢复过较早的备份时，"
            "请单位管理员运行 lianxi audit reanchor。",
            file=sys.stderr,
        )
        return EXIT_BROKEN
    print(
        f"操作记录被改动：第 {report.first_broken} 条起哈希链不符"
        "（该条或其前一条被修改、删除或调换了顺序）。",
        file=sys.stderr,
    )
    return EXIT_BROKEN


def cmd_audit_reanchor(args: argparse.Namespace, session: Session) -> None:
    reanchor(session)
    print("已以现有操作记录为准（此操作本身记入操作记录）。")


def cmd_audit_list(args: argparse.Namespace, session: Session) -> None:
    rows = list_entries(
        session,
        username=args.by_user,
        kind=args.kind,
        record=args.record,
        since=args.since,
        limit=args.limit,
    )
    if args.json:
        out = [{**r.__dict__, "at": r.at.isoformat()} for r in rows]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for r in rows:
        when = r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        detail = json.dumps(r.detail, ensure_ascii=False)
        print(
            f"{r.id}\t{when}\t{r.username or '-'}\t{r.action}\t{r.target_kind}\t"
            f"{r.target_uuid}\t{detail}"
        )
