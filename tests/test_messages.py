"""One catalogue words every error: each code raised anywhere, and faults of the disk or database."""

from __future__ import annotations

import ast
import errno
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

import desktop
from desktop.core.errors import DomainError
from desktop.db import DatabaseError
from desktop.messages import describe
from desktop.sync.errors import SyncError

ROOT = Path(desktop.__file__).parent
# Sample values for the fields a template names through a label table; anything else is "X".
SAMPLES = {"kind": "meeting", "field": "name", "state": "assigned", "action": "assign"}


def _trees() -> list[ast.Module]:
    return [ast.parse(p.read_text(encoding="utf-8")) for p in sorted(ROOT.rglob("*.py"))]


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


def _error_classes(trees: list[ast.Module]) -> dict[str, tuple[bool, str | None]]:
    """Every error class of the tree: whether it is an exchange error, and its own code."""
    classes: dict[str, tuple[bool, str | None]] = {
        "DomainError": (False, "domain_error"),
        "DatabaseError": (False, None),
    }
    defs = [n for t in trees for n in ast.walk(t) if isinstance(n, ast.ClassDef)]
    grown = True
    while grown:
        grown = False
        for node in defs:
            parents = [classes[b] for b in map(_name, node.bases) if b in classes]
            if node.name in classes or not parents:
                continue
            own = [
                a.value.value
                for a in node.body
                if isinstance(a, ast.Assign)
                and any(_name(t) == "code" for t in a.targets)
                and isinstance(a.value, ast.Constant)
            ]
            exchange = node.name == "SyncError" or parents[0][0]
            classes[node.name] = (exchange, own[0] if own else parents[0][1])
            grown = True
    return classes


def raised_codes() -> Iterator[tuple[str, bool, tuple[str, ...]]]:
    """(code, exchange, field names) for every error built with a literal code in desktop/."""
    trees = _trees()
    classes = _error_classes(trees)
    for tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node.func) not in classes:
                continue
            exchange, default = classes[_name(node.func)]  # type: ignore[index]
            fields = tuple(k.arg for k in node.keywords if k.arg)
            first = node.args[0] if node.args else None
            literals = (
                [c.value for c in ast.walk(first) if isinstance(c, ast.Constant)]
                if first is not None
                else [default]
            )
            for code in literals:
                if isinstance(code, str):
                    yield code, exchange, fields


CODES = sorted(set(raised_codes()))


def test_the_scan_finds_the_raise_sites() -> None:
    found = {code for code, _, _ in CODES}
    assert {"not_found", "illegal_transition", "undo_stale", "write_failed", "bad_signature"} <= (
        found
    )
    assert {"database_too_new", "required", "record_not_exportable"} <= found


@pytest.mark.parametrize(("code", "exchange", "fields"), CODES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_raised_code_reads_as_a_sentence(
    code: str, exchange: bool, fields: tuple[str, ...], lang: str
) -> None:
    values = {name: SAMPLES.get(name, "X") for name in fields}
    error = SyncError(code, **values) if exchange else DomainError(code, **values)
    text = describe(error, lang)
    assert text.strip()
    assert f"({code})" not in text and f"（{code}）" not in text
    if "_" in code:  # a bare word such as "empty" may well be part of an English sentence
        assert code not in text
    assert not re.search(r"[(（][a-z]+(_[a-z]+)+[)）]", text), text
    has_chinese = any("\u4e00" <= c <= "\u9fff" for c in text)
    assert has_chinese if lang == "zh" else True


def test_a_database_refusal_is_worded_like_a_domain_one() -> None:
    text = describe(DatabaseError("database_too_new", path="lianxi.db", revision="0099"))
    assert "更新版本" in text and "database_too_new" not in text


def _locked(words: str) -> OperationalError:
    return OperationalError("UPDATE item SET …", {}, sqlite3.OperationalError(words))


@pytest.mark.parametrize(
    ("fault", "zh", "en"),
    [
        (_locked("database is locked"), "其他程序", "another program"),
        (_locked("disk I/O error"), "磁盘", "disk"),
        (_locked("attempt to write a readonly database"), "只读", "read-only"),
        (_locked("database or disk is full"), "空间不足", "full"),
        (_locked("database disk image is malformed"), "已损坏", "damaged"),
        (_locked("unable to open database file"), "文件夹", "folder"),
        (sqlite3.OperationalError("database is locked"), "其他程序", "another program"),
        (OSError(errno.ENOSPC, "No space left on device"), "空间不足", "space"),
        (OSError(errno.EACCES, "Permission denied", "/media/u/x"), "权限", "may not"),
        (OSError(errno.EROFS, "Read-only file system"), "只读", "read-only"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "UTF-8", "UTF-8"),
        (ValueError("no"), "意外", "unexpected"),
    ],
)
def test_faults_say_what_to_do_without_library_words(
    fault: BaseException, zh: str, en: str
) -> None:
    chinese, english = describe(fault, "zh"), describe(fault, "en")
    assert zh in chinese and en in english
    for text in (chinese, english):
        assert "sqlite" not in text.lower() and "errno" not in text.lower()
        assert "UPDATE" not in text and "Errno" not in text and "No space left" not in text


def test_an_exchange_code_keeps_the_exchange_wording() -> None:
    assert "U盘" in describe(SyncError("write_failed", path="E:/", reason="x"), "zh")
    assert "数据包" in describe(SyncError("unknown_kind", kind="minutes_draft"), "zh")
    assert "数据包" not in describe(DomainError("unknown_kind", kind="minutes_draft"), "zh")
