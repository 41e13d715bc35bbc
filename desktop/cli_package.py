"""CLI for exchange packages and office keys: export, verify, import; show, trust, revoke."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sqlalchemy import select

from desktop.cli_lifecycle import unit_ref
from desktop.core.errors import DomainError
from desktop.db import Database
from desktop.db.migrate import upgrade
from desktop.messages import describe, kind_label
from desktop.models import Office, Unit
from desktop.sync import import_setup_file, write_file_atomic
from desktop.sync.errors import SyncError
from desktop.sync.exchange import (
    default_recipients,
    export_packages,
    import_files,
    peers,
    preview_files,
    read_package_file,
    request_resync,
)
from desktop.sync.importer import ImportResult, open_package
from desktop.sync.messages import OUTCOME_WORDS, RESULT_WORDS
from desktop.sync.trust import (
    local_keys,
    office_fingerprint,
    revoke_office,
    rotate_keys,
    setup_file,
    trust_office,
)

EXIT_OK, EXIT_REFUSED = 0, 1


def cmd_export(args: argparse.Namespace, db: Database) -> int:
    upgrade(db)
    with db.unit_of_work() as session:
        if args.for_office:
            recipients = [
                p.uuid
                for p in peers(session)
                if args.for_office in (p.uuid, p.name) and p.trusted and not p.revoked
            ]
        else:
            recipients = default_recipients(session)
    if not recipients:
        raise DomainError("no_recipients")
    written = export_packages(db, args.to, recipients)  # a SyncError is worded by cli.main
    for outcome in written:
        if outcome.path is None:
            print(f"{outcome.peer_name}：没有需要发送的内容。")
            continue
        counts = "，".join(f"{kind_label(k)} {v}" for k, v in sorted(outcome.counts.items()))
        counts = counts or "仅回执"
        again = "（上次未写成，原样重新写出）" if outcome.rewritten else ""
        print(f"已写入 {outcome.path}（{counts}）{again}")
    print("可以拔出U盘。")
    return EXIT_OK


def _report(result: ImportResult, as_json: bool, dry_run: bool) -> None:
    if as_json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
        return
    word = RESULT_WORDS.get(result.result, result.result)
    if dry_run and result.result == "applied":
        word = "可以导入"
    print(f"{result.file_name}：{word}{'。' + result.message if result.message else ''}")
    for kind, counts in sorted(result.counts.items()):
        done = "，".join(f"{OUTCOME_WORDS[k]} {v}" for k, v in counts.items() if v)
        print(f"  {kind_label(kind)}：{done or OUTCOME_WORDS['unchanged']}")
    for problem in result.problems:
        print("  " + problem)


def cmd_import(args: argparse.Namespace, db: Database) -> int:
    upgrade(db)
    if args.dry_run:
        results = preview_files(db, args.files, accept_restart=args.accept_restart)
    else:
        results, _backup = import_files(db, args.files, accept_restart=args.accept_restart)
    for result in results:
        _report(result, args.json, args.dry_run)
    return EXIT_OK if all(r.ok for r in results) else EXIT_REFUSED


def cmd_resync(args: argparse.Namespace, db: Database) -> int:
    upgrade(db)
    with db.unit_of_work() as session:
        found = [p for p in peers(session) if args.office in (p.uuid, p.name, str(p.id))]
        if len(found) != 1:
            raise DomainError("peer_not_named", name=args.office)
        office = request_resync(session, found[0].uuid)
    print(
        f"已准备与 {office.name} 重新同步：下一个数据包从第1号开始，带上对方应有的全部记录。"
        f"请导出数据包交给对方，并请对方导入时接受重新同步。"
    )
    return EXIT_OK


def cmd_verify(args: argparse.Namespace, db: Database) -> int:
    upgrade(db)
    with db.unit_of_work() as session:
        try:
            opened = open_package(session, read_package_file(args.file))
        except SyncError as exc:
            message = describe(exc)
            print(
                json.dumps({"ok": False, "code": exc.code, "message": message}, ensure_ascii=False)
                if args.json
                else f"错误：{message}"
            )
            return EXIT_REFUSED
    m = opened.manifest
    info = {
        "ok": True,
        "package_id": m.package_id,
        "sender": m.origin.name,
        "sequence": m.sequence,
        "record_counts": dict(m.record_counts),
    }
    counts = "，".join(f"{kind_label(k)} {v}" for k, v in sorted(m.record_counts.items()))
    print(
        json.dumps(info, ensure_ascii=False)
        if args.json
        else f"数据包有效：{m.origin.name} 第{m.sequence}号（{counts or '仅回执'}）"
    )
    return EXIT_OK


def cmd_keys_show(args: argparse.Namespace, db: Database) -> int:
    upgrade(db)
    with db.unit_of_work() as session:
        for office in session.scalars(select(Office).order_by(Office.id)):
            state = (
                "本单位"
                if office.is_local
                else (
                    "已吊销" if office.revoked_at else ("已信任" if office.trusted_at else "未信任")
                )
            )
            print(f"{office.id}\t{office.name}\t{state}\t{office_fingerprint(office)}")
    return EXIT_OK


def cmd_keys_trust(args: argparse.Namespace, db: Database) -> int:
    upgrade(db)
    with db.unit_of_work() as session:
        public = import_setup_file(args.file.read_bytes(), expected_fingerprint=args.fingerprint)
        unit = None if args.unit is None else unit_ref(session, args.unit)
        office = trust_office(session, public, unit_id=unit)
        print(f"已信任 {office.name}（编号 {office.id}，指纹 {public.fingerprint}）")
        if office.unit_id is not None:
            name = session.scalar(select(Unit.name).where(Unit.id == office.unit_id))
            print(f"对方在本单位名录中的条目：{name}（单位编号 {office.unit_id}）")
    return EXIT_OK


def cmd_keys_rotate(args: argparse.Namespace, db: Database) -> int:
    upgrade(db)
    with db.unit_of_work() as session:
        new = rotate_keys(session)
    print(
        "已更换本单位密钥。之后导出的数据包仍用旧密钥签名并告知对方新密钥，对方回执到达后"
        f"旧密钥作废。新指纹：{new}"
    )
    return EXIT_OK


def cmd_keys_revoke(args: argparse.Namespace, db: Database) -> int:
    upgrade(db)
    with db.unit_of_work() as session:
        office = revoke_office(session, args.id)
        if office is None:
            raise DomainError("peer_not_found", id=args.id)
        print(f"已吊销 {office.name} 的密钥。")
    return EXIT_OK


def cmd_keys_export_setup(args: argparse.Namespace, db: Database) -> int:
    upgrade(db)
    with db.unit_of_work() as session:
        local = local_keys(session)
        data = setup_file(session)
    target: Path = args.to
    write_file_atomic(target.parent, target.name, data)
    print(f"已写入设置文件 {target}，请把指纹告诉对方：{local.keys.fingerprint}")
    return EXIT_OK


def add_package_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pkg = sub.add_parser("package", help="数据包 / exchange packages").add_subparsers(
        dest="package_command", required=True
    )
    p = pkg.add_parser("export", help="导出数据包")
    p.add_argument("--to", type=Path, required=True, metavar="DIR")
    p.add_argument("--for", dest="for_office", metavar="OFFICE", help="对方单位名称或 UUID")
    p.set_defaults(handler=cmd_export, raw=True)
    p = pkg.add_parser("verify", help="检查数据包")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify, raw=True)
    p = pkg.add_parser("import", help="导入数据包")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--accept-restart",
        action="store_true",
        help="接受对方重新同步（对方恢复备份后数据包重新从第1号编号；请先电话核对）",
    )
    p.set_defaults(handler=cmd_import, raw=True)
    p = pkg.add_parser(
        "resync",
        help="恢复备份后与对方重新同步：本单位数据包重新从第1号编号，双方互相补发对方缺少的记录",
    )
    p.add_argument("office", metavar="OFFICE", help="对方单位名称、编号（keys show）或 UUID")
    p.set_defaults(handler=cmd_resync, raw=True)
    keys = sub.add_parser("keys", help="本单位与对方单位的密钥").add_subparsers(
        dest="keys_command", required=True
    )
    keys.add_parser("show", help="列出密钥").set_defaults(handler=cmd_keys_show, raw=True)
    p = keys.add_parser("trust", help="信任对方的设置文件")
    p.add_argument("file", type=Path)
    p.add_argument("--fingerprint", required=True, help="对方电话告知的指纹")
    p.add_argument(
        "--unit",
        metavar="单位",
        help="对方在本单位名录中的条目（编号或名称），如下级乡镇工会：其记录将计入该条目",
    )
    p.set_defaults(handler=cmd_keys_trust, raw=True)
    p = keys.add_parser(
        "rotate", help="更换本单位密钥（随后的数据包告知对方新密钥，对方回执后旧密钥作废）"
    )
    p.set_defaults(handler=cmd_keys_rotate, raw=True)
    p = keys.add_parser("revoke", help="吊销对方密钥")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_keys_revoke, raw=True)
    p = keys.add_parser("export-setup", help="导出本单位设置文件")
    p.add_argument("--to", type=Path, required=True, metavar="FILE")
    p.set_defaults(handler=cmd_keys_export_setup, raw=True)
