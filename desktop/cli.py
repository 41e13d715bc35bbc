"""The headless program: `lianxi COMMAND`, argparse over core. Never imports Qt."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop import __version__
from desktop.cli_accounts import _password, add_account_commands, add_user_option, sign_in
from desktop.cli_assessment import add_assessment_commands
from desktop.cli_lifecycle import add_lifecycle_commands
from desktop.cli_package import add_package_commands
from desktop.cli_report import add_report_command
from desktop.core.audit import may_restore, record_restore
from desktop.core.catalog import ListQuery
from desktop.core.dashboard import dashboard_counts
from desktop.core.errors import DomainError
from desktop.core.exports import (
    Code,
    ExportTable,
    dashboard_table,
    exchange_log_table,
    formalism_table,
    next_steps_table,
    rates_tables,
)
from desktop.core.kinds import LISTED
from desktop.core.listing import list_records, plain, show_record
from desktop.core.office import create_local_office, local_office
from desktop.core.scope import supervision_scope
from desktop.core.spreadsheet import write_sheets, write_table
from desktop.db import Database, DatabaseError, open_database
from desktop.db.backup import backup_database, is_postgres, restore_database
from desktop.db.check import check_database
from desktop.db.connection import (
    DEFAULT_PORT,
    PASSWORD_ENV,
    ServerConnection,
    check_connection,
    clear_connection,
    config_path,
    database_target,
    save_connection,
    saved_connection,
)
from desktop.db.migrate import current_revision, needs_upgrade, upgrade
from desktop.db.sequences import realign_sequences
from desktop.db.transfer import copy_database
from desktop.messages import (
    ESTIMATED_MARK,
    check_verdict,
    column_label,
    current_language,
    describe,
    kind_label,
    message,
    scope_text,
    set_language,
    value_label,
    worded_sheet,
)
from desktop.models.enums import Level
from desktop.paths import default_db_path

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


LANGUAGE_ENV = "LIANXI_LANG"
# argparse's own words (Python 3.11), in Chinese; it looks each up through argparse._ .
ARGPARSE_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序版本并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
}


def cli_language() -> str:
    """The command line's language: LIANXI_LANG=en for English, Chinese otherwise."""
    return "en" if os.environ.get(LANGUAGE_ENV, "").lower().startswith("en") else "zh"


def _argparse_words(text: str) -> str:
    return ARGPARSE_CHINESE.get(text, text) if current_language() == "zh" else text


class HelpFormatter(argparse.HelpFormatter):
    """Help in the CLI's language: a "中文 / English" help shows its half, an option without
    help is named as the window names the field, and code choices are explained."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help
        if text == argparse.SUPPRESS:
            return text
        if text and " / " in text:
            chinese, english = text.split(" / ", 1)
            text = chinese if current_language() == "zh" else english
        if action.choices is not None and not isinstance(action.choices, dict | range):
            worded = [f"{c}={choice_word(c)}" for c in action.choices if choice_word(c) != c]
            if worded:
                # Spaces between choices let the help wrap between them, not inside one.
                text = f"{text or ''}（{' '.join(worded)}）"
        return text


def choice_word(choice: object) -> str:
    """A code offered as a choice (a level, a record kind) as people call it."""
    code = str(choice)
    word = value_label(code)
    return kind_label(code) if word == code else word


class Parser(argparse.ArgumentParser):
    """argparse with the CLI's help formatter; subcommands inherit it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """An option given no help is named as the window names its field (--name: 名称)."""
        action = super().add_argument(*args, **kwargs)
        if action.help is None and (action.option_strings or action.choices):
            label = column_label(action.dest.replace("-", "_"))
            if label != action.dest or action.choices:
                action.help = label if label != action.dest else ""
        return action


def add_db_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--db",
        metavar="PATH",
        help="SQLite 数据库文件（默认在用户数据文件夹中） / SQLite database file (default: "
        "per-user data folder)",
    )
    group.add_argument(
        "--db-url", metavar="URL", help="数据库连接地址 / any SQLAlchemy database URL"
    )


def build_parser() -> argparse.ArgumentParser:
    set_language(cli_language())
    argparse._ = _argparse_words  # type: ignore[attr-defined]
    parser: argparse.ArgumentParser = Parser(
        prog="lianxi",
        description="联席 LianXi — 政府与工会联席会议工作系统。不带参数运行时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"lianxi {__version__}")
    add_db_options(parser)
    add_user_option(parser)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="自检：在演示数据副本上离屏打开窗口，逐页访问后退出 / open the window offscreen on "
        "a demo copy, visit every page, exit",
    )
    parser.add_argument(
        "--json-out",
        metavar="FILE",
        help="与 --self-test 同用：把报告写到此文件 / with --self-test: write the report here",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="设置本单位 / create this office")
    p.add_argument("--name", required=True)
    p.add_argument("--level", required=True, choices=[lv.value for lv in Level])
    p.add_argument("--parent")
    p.add_argument("--prefix", default="", help="发文字号前缀，如 滨工联")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="建立演示数据 / build a demo office")
    p.add_argument("--scale", choices=["township", "county", "province"], default="county")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--years", type=int, default=3, choices=range(1, 11), metavar="N")
    p.add_argument(
        "--today",
        type=iso_date,
        help="演示数据的最后一天（默认今天） / the last day of the demo history (default: today)",
    )
    p.set_defaults(handler=cmd_demo)

    db = sub.add_parser("db", help="数据库维护 / database upkeep").add_subparsers(
        dest="db_command", required=True
    )
    db.add_parser("upgrade", help="升级数据库结构").set_defaults(handler=cmd_db_upgrade, raw=True)
    db.add_parser("check", help="检查数据库完整性").set_defaults(handler=cmd_db_check, raw=True)
    b = db.add_parser("backup", help="备份数据库")
    b.add_argument("--to", type=Path, metavar="FILE")
    b.set_defaults(handler=cmd_db_backup, raw=True)
    r = db.add_parser(
        "restore",
        help="用最近一份完好的备份替换数据库（原文件改名保留） / replace the database with the "
        "newest good backup (the old file is kept)",
    )
    r.add_argument("--from", dest="source", type=Path, metavar="FILE", help="指定备份文件")
    r.set_defaults(handler=cmd_db_restore, raw=True)
    m = db.add_parser(
        "migrate-from-sqlite",
        help="把一个 SQLite 数据库文件的全部数据迁入 --db-url 指定的新数据库 / move an SQLite "
        "file's data into the (new, empty) --db-url database",
    )
    m.add_argument("file", type=Path, metavar="FILE", help="原 SQLite 数据库文件（只读取）")
    m.set_defaults(handler=cmd_db_migrate_from_sqlite, raw=True)
    add_connect_command(db)

    p = sub.add_parser("list", help="列出记录 / list records")
    p.add_argument("kind", choices=sorted(LISTED))
    p.add_argument("--search", default="", help="中文或拼音首字母 / Chinese or pinyin initials")
    p.add_argument("--status")
    p.add_argument("--unit", type=int, metavar="ID")
    p.add_argument("--year", type=int)
    p.add_argument(
        "--overdue",
        action="store_true",
        help="事项：今天已超期未办结 / items: open and past the deadline today",
    )
    p.add_argument("--sort")
    p.add_argument("--desc", action="store_true", default=None)
    p.add_argument("--asc", dest="desc", action="store_false")
    p.add_argument("--limit", type=int)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.add_argument(
        "--xlsx", type=Path, metavar="FILE", help="导出为 Excel 表格 / write a spreadsheet"
    )
    p.set_defaults(handler=cmd_list, reads_only=True)

    p = sub.add_parser("show", help="显示一条记录 / show one record")
    p.add_argument("kind", choices=sorted(LISTED))
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show, reads_only=True)

    p = sub.add_parser("dashboard", help="工作台统计 / dashboard counts")
    p.add_argument("--today", type=iso_date)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_dashboard, reads_only=True)

    p = sub.add_parser(
        "next-steps", help="督办建议：本会督办的逾期事项的下一步 / escalation suggestions"
    )
    p.add_argument("--today", type=iso_date)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_next_steps, reads_only=True)

    add_lifecycle_commands(sub)
    add_report_command(sub)
    add_assessment_commands(sub)
    add_package_commands(sub)
    add_account_commands(sub)
    add_export_command(sub)
    return parser


def open_db(args: argparse.Namespace) -> Database:
    return open_database(database_target(args.db, args.db_url))


def emit(args: argparse.Namespace, value: Any, text: Callable[[], str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(plain(value), ensure_ascii=False, indent=2))
    else:
        print(text())


def cmd_init(args: argparse.Namespace, session: Session) -> None:
    office = create_local_office(
        session,
        name=args.name,
        level=Level(args.level),
        parent_name=args.parent,
        doc_prefix=args.prefix,
        parent_entry=True,
    )
    print(f"已设置本单位：{office.name}（{office.uuid}）")


def cmd_demo(args: argparse.Namespace, session: Session) -> None:
    from desktop.demo import build_demo

    summary = build_demo(
        session,
        scale=args.scale,
        seed=args.seed,
        years=args.years,
        today=args.today or date.today(),
    )
    total = sum(summary.counts.values())
    print(f"演示数据已建立：{summary.office_name}，共 {total} 条记录。")


def cmd_db_upgrade(args: argparse.Namespace, db: Database) -> None:
    if not needs_upgrade(db):
        print("数据库已是最新结构。")
    else:
        fresh = current_revision(db) is None
        backup = upgrade(db)
        if fresh:
            print("已建立数据库结构。")
        elif backup is None:  # a server database without pg_dump on this PC
            print("数据库已升级（升级前没有备份：本机没有备份工具）。")
        else:
            print(f"数据库已升级，升级前备份：{backup}")
    mended = realign_sequences(db)
    if mended:
        print(f"已校正落后的编号序列：{'、'.join(mended)}")


def cmd_db_check(args: argparse.Namespace, db: Database) -> int:
    report = check_database(db)
    print(check_verdict(report))
    for table, rowid, parent in report.foreign_key_violations[:50]:
        print(f"  {table} {rowid} → {parent}")
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_db_backup(args: argparse.Namespace, db: Database) -> None:
    print(f"已备份到：{backup_database(db, args.to)}")


def cmd_db_migrate_from_sqlite(args: argparse.Namespace, db: Database) -> None:
    if not args.file.is_file():
        raise DatabaseError("database_cannot_open", path=str(args.file))
    upgrade(db, backup=False)
    with tempfile.TemporaryDirectory(prefix="lianxi-migrate-") as folder:
        # A consistent copy of the file, brought to the current schema: the file is only read.
        original = open_database(args.file)
        try:
            copy = backup_database(original, Path(folder) / "source.db")
        finally:
            original.dispose()
        source = open_database(copy)
        try:
            upgrade(source, backup=False)
            done = copy_database(source, db)
        finally:
            source.dispose()
    fields = {
        "source": args.file,
        "rows": done.rows,
        "url": db.display_name(),
        "tables": len(done.tables),
    }
    print(message("migrated_from_sqlite", fields))


def cmd_db_restore(args: argparse.Namespace, db: Database) -> None:
    """Restore, then say so in the audit trail and accept the restored trail as the anchor."""
    with db.reading() as session:
        may_restore(session)
    backup, kept = restore_database(db, args.source)
    upgrade(db, backup=False)
    with db.unit_of_work() as session:
        record_restore(session, str(backup))
    done = "restored_server_backup" if is_postgres(db) else "restored_from_backup"
    print(message(done, {"backup": backup, "kept": kept}))


def add_connect_command(db: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    c = db.add_parser(
        "connect",
        help="本机以后使用的服务器数据库（PostgreSQL；密码存入系统钥匙串）；不带参数显示当前设置 "
        "/ the server database this PC uses from now on (its password in the OS keyring); "
        "without options, show it",
    )
    c.add_argument("--host", help="服务器地址 / server address")
    c.add_argument("--port", type=int, default=DEFAULT_PORT, help="端口 / port")
    c.add_argument("--name", dest="database", metavar="NAME", help="数据库名称 / database name")
    c.add_argument(
        "--user", dest="server_user", metavar="USER", help="数据库用户名 / database user"
    )
    c.add_argument(
        "--clear",
        action="store_true",
        help="删除保存的连接，改回本机数据库文件 / forget it: use this PC's database file again",
    )
    c.set_defaults(handler=cmd_db_connect, no_database=True)


def cmd_db_connect(args: argparse.Namespace) -> int:
    """Save, show or clear the connection; the password is asked (or read from
    LIANXI_DB_PASSWORD), tried on the server, and kept only in the keyring."""
    if args.clear:
        clear_connection()
        print(message("connection_cleared", {"path": default_db_path()}))
        return EXIT_OK
    if args.host is None:
        saved = saved_connection()
        if saved is None:
            print(message("connection_none", {"path": default_db_path()}))
        else:
            print(message("connection_in_use", {"server": saved.display(), "file": config_path()}))
        return EXIT_OK
    if not (args.database and args.server_user):
        print(message("connection_incomplete"), file=sys.stderr)
        return EXIT_USAGE
    server = ServerConnection(args.host, args.database, args.server_user, args.port)
    from_env = os.environ.get(PASSWORD_ENV)
    password = from_env or _password(f"{server.display()} 的密码：")
    print(message(check_connection(server, password), {"server": server.display()}))
    try:
        save_connection(server, password)
    except DatabaseError as exc:
        if exc.code != "keyring_unavailable" or not from_env:
            raise
        # A script on a PC without a keyring gives the password at every run instead.
        save_connection(server, "")
        print(message("connection_password_from_env"))
    print(message("connection_saved", {"server": server.display()}))
    return EXIT_OK


def cmd_list(args: argparse.Namespace, session: Session) -> None:
    query = ListQuery(
        search=args.search,
        status=args.status,
        unit_id=args.unit,
        year=args.year,
        overdue_on=date.today() if args.overdue else None,
        sort=args.sort,
        descending=args.desc,
        offset=args.offset,
        limit=args.limit,
    )
    page = list_records(session, args.kind, query)
    rows = [worded(row) for row in page.dicts()]
    if args.json:
        print(json.dumps(plain(rows), ensure_ascii=False, indent=1))
        return
    columns = list(rows[0]) if rows else list(page.columns)
    if args.xlsx:
        title = kind_label(args.kind)
        values = (
            [row[c] if c not in CODED else spoken(c, row[c]) for c in columns] for row in rows
        )
        count = write_table(args.xlsx, title, [column_label(c) for c in columns], values)
        print(message("exported", {"count": count, "path": args.xlsx}))
        return
    print("\t".join(column_label(c) for c in columns))
    for row in rows:
        print("\t".join(cell(c, v) for c, v in row.items()))
    print(message("listed_total", {"count": page.total}), file=sys.stderr)


# Columns whose values are codes, printed as people call them (the JSON keeps the codes).
CODED = frozenset(
    {"kind", "level", "status", "channel", "source", "target_level", "light", "role", "result"}
)


def spoken(column: str, value: Any) -> Any:
    return value_label(str(value)) if column in CODED and value is not None else value


def cell(column: str, value: Any) -> str:
    """A value as the plain-text table prints it."""
    return "" if value is None else str(plain(spoken(column, value)))


def worded(row: dict[str, Any]) -> dict[str, Any]:
    """A listed row for people and scripts: a traffic light's reason as a sentence."""
    if "light_code" not in row:
        return row
    text = message(row.pop("light_code"), row.pop("light_fields"))
    if row.pop("light_estimated"):
        text += ESTIMATED_MARK[0]
    return {**row, "light_reason": text}


def cmd_show(args: argparse.Namespace, session: Session) -> None:
    record = show_record(session, args.kind, args.id)
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return
    for key, value in record.items():
        print(f"{column_label(key)}: {cell(key, value)}")


def cmd_dashboard(args: argparse.Namespace, session: Session) -> None:
    counts = dashboard_counts(session, args.today or date.today())
    emit(
        args,
        counts,
        lambda: (
            f"超期事项 {counts.overdue_items}；五个工作日内到期 {counts.due_soon_items}；"
            f"未按规定召开会议的单位 {counts.units_behind_on_meetings}；"
            f"待审定议题 {counts.topics_waiting_for_vetting}；"
            f"待答复建议 {counts.suggestions_waiting_for_reply}；"
            f"延期待批 {counts.pending_extensions}；督办后待回复 {counts.awaiting_reply}；"
            f"未办结事项 {counts.open_items}"
        ),
    )


def cmd_next_steps(args: argparse.Namespace, session: Session) -> None:
    """The 督办建议 list as the supervision page shows it: its scope, then one late item a
    line with the rung it should climb next and why."""
    scope = supervision_scope(session)
    table = next_steps_table(session, args.today or date.today())
    if args.json:
        rows = [
            {
                c: plain(v.code if isinstance(v, Code) else v)
                for c, v in zip(table.columns, row, strict=True)
            }
            for row in table.rows
        ]
        print(json.dumps({"scope": plain(scope), "rows": rows}, ensure_ascii=False, indent=1))
        return
    sheet = worded_sheet(table)
    print(scope_text(scope))
    print("\t".join(sheet.headers))
    for row in sheet.rows:
        print("\t".join("" if v is None else str(plain(v)) for v in row))
    print(message("listed_total", {"count": len(table.rows)}), file=sys.stderr)


EXPORTS: dict[str, Callable[[Session, argparse.Namespace], tuple[ExportTable, ...]]] = {
    "next-steps": lambda s, a: (next_steps_table(s, a.today or date.today()),),
    "formalism": lambda s, a: (formalism_table(s, a.today or date.today()),),
    "rates": lambda s, a: rates_tables(s, a.year or (a.today or date.today()).year, a.today),
    "dashboard": lambda s, a: (dashboard_table(s, a.today or date.today()),),
    "exchange-log": lambda s, a: (exchange_log_table(s),),
}


def add_export_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="导出 Excel 表格 / write a spreadsheet")
    p.add_argument(
        "what",
        choices=sorted(EXPORTS),
        help="督办下一步、走过场检查、年度比率、工作台、数据交换记录 / next steps, formality "
        "checks, the year's rates, the dashboard, the exchange log",
    )
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="xlsx 文件 / file")
    p.add_argument("--today", type=iso_date, help="统计日期 / as of this day")
    p.add_argument("--year", type=int, help="rates：年度 / rates: the year")
    p.set_defaults(handler=cmd_export, reads_only=True)


def cmd_export(args: argparse.Namespace, session: Session) -> None:
    tables = EXPORTS[args.what](session, args)
    count = write_sheets(args.out, [worded_sheet(t) for t in tables])
    print(message("exported", {"count": count, "path": args.out}))


def run(args: argparse.Namespace) -> int:
    if getattr(args, "no_database", False):
        return int(args.handler(args))
    db = open_db(args)
    try:
        sign_in(args, db)
        if getattr(args, "raw", False):
            result = args.handler(args, db)
            return int(result) if isinstance(result, int) else EXIT_OK
        upgrade(db)
        # A command that only reads neither waits for another program's write lock nor
        # fails on a read-only file.
        transaction = db.reading() if getattr(args, "reads_only", False) else db.unit_of_work()
        with transaction as session:
            if args.command not in ("init", "demo"):
                local_office(session)  # everything else works on an office that exists
            args.handler(args, session)
        return EXIT_OK
    finally:
        db.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    try:
        return run(args)
    except BrokenPipeError:
        # The reader (head, less) stopped reading: no fault of the command. Python would
        # complain again while flushing stdout at exit, so it goes to the null device.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (DomainError, DatabaseError, DBAPIError, sqlite3.Error, OSError) as exc:
        prefix = "错误：" if current_language() == "zh" else "Error: "
        print(f"{prefix}{describe(exc)}", file=sys.stderr)
        return EXIT_REFUSED
