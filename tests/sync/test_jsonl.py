"""The strict JSON Lines parser refuses everything other tools might read differently."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.sync.errors import ExportRefused, PackageRejected
from desktop.sync.jsonl import (
    MAX_SAFE_INTEGER,
    _careful_lines,
    dumps_canonical,
    parse_jsonl,
    write_jsonl,
)
from desktop.sync.limits import Limits

SMALL = Limits(max_line_bytes=200, max_records=3, max_depth=16)


def code_of(raw: bytes, limits: Limits = SMALL) -> str:
    with pytest.raises(PackageRejected) as caught:
        parse_jsonl(raw, member="data/topic.jsonl", limits=limits)
    return caught.value.code


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (b'{"a": 1, "a": 2}', "duplicate_key"),
        (b'{"a": {"b": 1, "b": 1}}', "duplicate_key"),
        (b'{"a": NaN}', "non_finite_number"),
        (b'{"a": Infinity}', "non_finite_number"),
        (b'{"a": -Infinity}', "non_finite_number"),
        (b'{"a": 1e400}', "non_finite_number"),
        (b'{"a": 9007199254740993}', "integer_out_of_range"),
        (b'{"a": -9007199254740993}', "integer_out_of_range"),
        (b'{"a": ' + b"9" * 150 + b"}", "integer_out_of_range"),
        (b'{"a": "\xff"}', "invalid_utf8"),
        (b'{"a": "\xed\xa0\x80"}', "invalid_utf8"),  # a surrogate encoded as UTF-8 (CESU-8)
        (b'{"a": "\\ud800"}', "lone_surrogate"),
        (b'{"\\udc00": 1}', "lone_surrogate"),
        (b'{"a": "x\\u0000y"}', "control_character"),
        (b'{"a": "\\u001b[31m"}', "control_character"),
        (b'{"a\\u0007": 1}', "control_character"),
        (b'{"a": "raw\x01"}', "bad_json"),  # JSON itself forbids raw control characters
        (b'{"a": 1,}', "bad_json"),
        (b"\xef\xbb\xbf{}", "bad_json"),  # a byte-order mark
        (b"[1, 2]", "not_an_object"),
        (b'"text"', "not_an_object"),
        (b"{}\n\n{}", "bad_json"),  # an empty line
        (b'{"a": "' + b"x" * 300 + b'"}', "line_too_long"),
        (b"{}\n{}\n{}\n{}", "too_many_records"),
    ],
)
def test_rejects(line: bytes, code: str) -> None:
    assert code_of(line) == code


def test_nesting_is_bounded_at_sixteen_levels() -> None:
    def nested(depth: int) -> bytes:
        return b'{"a":' * (depth - 1) + b'{"leaf":1}' + b"}" * (depth - 1)

    assert parse_jsonl(nested(16), member="m")[0]
    assert code_of(nested(17)) == "too_deep"
    assert code_of(b'{"a":' + b"[" * 5000 + b"]" * 5000 + b"}", Limits()) == "too_deep"


def test_rejection_names_member_and_line() -> None:
    with pytest.raises(PackageRejected) as caught:
        parse_jsonl(b'{"ok": 1}\n{"a": NaN}\n', member="data/topic.jsonl")
    assert caught.value.fields == {"member": "data/topic.jsonl", "line": 2}


def test_accepts_the_edges_it_promises() -> None:
    raw = (
        b'{"tab": "a\\tb\\nc\\r", "max": 9007199254740992, "min": -9007199254740992}\n'
        b'{"zh": "\xe5\xb7\xa5\xe4\xbc\x9a", "emoji": "\\ud83d\\ude00", "f": -0.5e-3}'
    )
    first, second = parse_jsonl(raw, member="m")
    assert first == {"tab": "a\tb\nc\r", "max": MAX_SAFE_INTEGER, "min": -MAX_SAFE_INTEGER}
    assert second == {"zh": "工会", "emoji": "😀", "f": -0.0005}


def test_empty_member_has_no_records() -> None:
    assert parse_jsonl(b"", member="m") == ()


def test_writer_round_trips_and_is_canonical() -> None:
    records = [{"b": [1, {"z": None, "y": True}], "a": "工会\n"}, {}]
    raw, count = write_jsonl(records, kind="topic")
    assert count == 2
    assert raw == '{"a":"工会\\n","b":[1,{"y":true,"z":null}]}\n{}\n'.encode()
    assert parse_jsonl(raw, member="m") == tuple(records)
    assert dumps_canonical({"b": 1, "a": 2}) == b'{"a":2,"b":1}'


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"a": float("nan")}, "non_finite_number"),
        ({"a": 2**53 + 1}, "integer_out_of_range"),
        ({"a": "\x00"}, "control_character"),
        ({"a": "\udc80"}, "lone_surrogate"),
        ({"a": b"bytes"}, "bad_json"),
        ({1: "not a string key"}, "bad_json"),
        ({"a": "x" * 300}, "line_too_long"),
    ],
)
def test_writer_refuses_what_the_reader_would(record: dict[object, object], problem: str) -> None:
    with pytest.raises(ExportRefused) as caught:
        write_jsonl([{"ok": 1}, record], kind="topic", limits=SMALL)  # type: ignore[list-item]
    assert caught.value.fields == {"kind": "topic", "index": 2, "problem": problem}


@pytest.mark.parametrize(
    "line",
    [
        b'{"a":1,"a":2}',
        b'{"a":"x","a":"y"}',
        b'{"a":"x:y","b":1,"a":"z"}',
        b'{"b":{"a":1,"a":2}}',
        b'{"a":[{"k":1,"k":1}]}',
        b'{"a":1,"b":{},"a":{}}',
        b'{"a":{"b":"\xe5\x85\xab","b":"x"}}',
    ],
)
def test_duplicate_keys_in_compact_lines(line: bytes) -> None:
    """Lines as the writer spaces them take the quick path; duplicates still never pass."""
    assert code_of(line) == "duplicate_key"


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=3), _json, max_size=4), st.data())
def test_quick_path_agrees_with_the_careful_parser(
    record: dict[str, object], data: st.DataObject
) -> None:
    """Whatever a line holds, parse_jsonl returns what the careful parser returns, or the same
    refusal: lines written compactly, with a key repeated, or with a value spliced in."""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=True)
    if record and data.draw(st.booleans()):
        key = json.dumps(data.draw(st.sampled_from(sorted(record))), ensure_ascii=False)
        text = text[:-1] + "," + key + ":" + json.dumps(data.draw(_json), ensure_ascii=False) + "}"
    raw = text.encode("utf-8", "surrogatepass")
    try:
        expected: object = _careful_lines([raw], 1, "m", Limits())
    except PackageRejected as careful:
        expected = careful.code
    try:
        got: object = parse_jsonl(raw, member="m", limits=Limits())
    except PackageRejected as rejected:
        got = rejected.code
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.dictionaries(st.text(max_size=3), _json, max_size=4), max_size=6),
    st.data(),
)
def test_whole_member_path_agrees_with_the_careful_parser(
    records: list[dict[str, object]], data: st.DataObject
) -> None:
    """A member of many lines, some compact, one perhaps with a key repeated: parse_jsonl
    returns what parsing every line the careful way returns, or the same refusal."""
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
    if lines and data.draw(st.booleans()):
        index = data.draw(st.integers(0, len(lines) - 1))
        if records[index]:
            key = json.dumps(data.draw(st.sampled_from(sorted(records[index]))), ensure_ascii=False)
            lines[index] = lines[index][:-1] + "," + key + ':"x"}'
    raw = "".join(line + "\n" for line in lines).encode("utf-8", "surrogatepass")
    try:
        expected: object = _careful_lines(raw.splitlines(), 1, "m", Limits())
    except PackageRejected as careful:
        expected = careful.code
    try:
        got: object = parse_jsonl(raw, member="m", limits=Limits())
    except PackageRejected as rejected:
        got = rejected.code
    assert got == expected


def test_a_repeated_key_on_one_line_of_many_is_still_refused() -> None:
    raw = b'{"a":"x"}\n{"b":"y","b":"z"}\n{"c":1}\n'
    with pytest.raises(PackageRejected) as refused:
        parse_jsonl(raw, member="data/unit.jsonl", limits=Limits())
    assert refused.value.code == "duplicate_key" and refused.value.fields["line"] == 2
