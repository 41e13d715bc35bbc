"""Every code the exchange layer can produce has a Chinese and an English sentence."""

from __future__ import annotations

import ast
import string
import subprocess
import sys
from pathlib import Path

import pytest

import desktop.sync
from desktop.sync.messages import KIND_LABELS, SYNC_MESSAGES, rejection_message
from desktop.sync.records import KINDS

# Calls whose string arguments are codes (SequenceVerdict takes the action first, then the code;
# rejection_message is called directly for refusals that are not exceptions).
_RAISERS = {
    "PackageRejected",
    "ExportRefused",
    "WriteFailed",
    "JsonProblem",
    "rejection_message",
    "Refusal",  # one record refused (authority.py, domain_rules.py)
    "KeyLocked",
}
_ACTIONS = {"apply", "skip", "hold", "reject", "restart"}


def codes_in_source() -> set[str]:
    codes: set[str] = set()
    for path in Path(desktop.sync.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Attribute) and node.func.attr == "refuse":
                args = node.args[2:3]  # tally.refuse(kind, uuid, code, **fields)
            elif isinstance(node.func, ast.Name) and node.func.id in _RAISERS | {"SequenceVerdict"}:
                first = 2 if node.func.id in ("SequenceVerdict", "JsonProblem") else 1
                args = node.args[: 2 if node.func.id == "SequenceVerdict" else first]
            else:
                continue
            codes |= {
                c.value
                for arg in args
                for c in ast.walk(arg)
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            }
    return codes - _ACTIONS


def test_every_code_in_the_source_has_sentences_and_no_other() -> None:
    assert codes_in_source() == SYNC_MESSAGES.keys()


@pytest.mark.parametrize("code", sorted(SYNC_MESSAGES))
def test_sentences_fill_in(code: str) -> None:
    names = {f for t in SYNC_MESSAGES[code] for _, f, _, _ in string.Formatter().parse(t) if f}
    fields = {name.split("!")[0]: "X" for name in names} | {"kind": "meeting"}
    zh, en = rejection_message(code, fields), rejection_message(code, fields, lang="en")
    assert "{" not in zh + en and "?" not in zh + en
    assert any("\u4e00" <= c <= "\u9fff" for c in zh)
    assert not any("\u4e00" <= c <= "\u9fff" for c in en)


def test_every_record_kind_has_a_name() -> None:
    assert set(KINDS) == KIND_LABELS.keys()


def test_kind_is_named_in_chinese() -> None:
    fields = {"kind": "agreed_item", "expected": 3, "actual": 2}
    assert "议定事项" in rejection_message("record_count_mismatch", fields)


def test_unknown_code_and_missing_fields_still_read() -> None:
    assert rejection_message("brand_new", {}) == "数据包未能处理（brand_new）。"
    assert rejection_message("brand_new", {}, lang="en") == "The package was refused (brand_new)."
    assert "?" in rejection_message("bad_json", {"member": "data/topic.jsonl"})


def test_the_layer_imports_neither_qt_nor_the_database() -> None:
    probe = (
        "import sys, desktop.sync; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'sqlalchemy'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# What libraries and the reader's own checks put in `reason`, `type`, `method`, `field`:
# useful in a log, meaningless to a clerk.
LIBRARY_WORDS = {
    "reason": "Error -3 while decompressing data",
    "type": "symlink",
    "method": 12,
    "field": "recipient_office",
}


@pytest.mark.parametrize("code", sorted(SYNC_MESSAGES))
def test_chinese_refusals_carry_no_library_internals(code: str) -> None:
    fields = {"name": "data/meeting.jsonl", "member": "data/meeting.jsonl", **LIBRARY_WORDS}
    if code in ("bad_record", "missing_reference"):
        fields.pop("field")  # the record's own field name, named on purpose
    said = rejection_message(code, fields)
    for word in LIBRARY_WORDS.values():
        assert str(word) not in said, (code, said)
    assert "恶意" not in said, (code, said)
