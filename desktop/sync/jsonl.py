"""Strict JSON and JSON Lines: the only way package text is parsed or written."""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn

import orjson

from desktop.sync.errors import ExportRefused, PackageRejected
from desktop.sync.limits import DEFAULT_LIMITS, Limits

# Beyond 2**53 JavaScript and many JSON tools round integers silently; ids must survive exactly.
MAX_SAFE_INTEGER = 2**53
# Same rule as core.records.limited_text: C0 controls other than tab and line breaks. Surrogates
# only appear in a str when a "\ud800"-style escape had no partner; they cannot be encoded.
_BAD_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]|[\ud800-\udfff]")


class JsonProblem(ValueError):
    """One value breaks the strict rules; `code` is a SYNC_MESSAGES code."""

    def __init__(self, code: str, **fields: Any) -> None:
        super().__init__(code)
        self.code = code
        self.fields = fields


def check_value(value: Any, max_depth: int = DEFAULT_LIMITS.max_depth, depth: int = 1) -> None:
    """Raise JsonProblem unless `value` is plain JSON both this reader and other tools agree on.

    `depth` counts containers: a record object is depth 1, a list inside it depth 2.
    """
    # Fast path for what parsing and to_record produce (exact built-in types): one walk that
    # gathers every string, then one regular-expression search over all of them. Anything
    # else, and any value that breaks a rule, goes through the careful walk below, which
    # finds the first problem in order and names it.
    strings: list[str] = []
    try:
        plain = _gather(value, max_depth, depth, strings)
    except RecursionError:
        plain = False
    if plain and _BAD_CHAR.search("".join(strings)) is None:
        return
    _check_value(value, max_depth, depth)


_SCALARS = (bool, type(None))


def _gather(value: Any, max_depth: int, depth: int, strings: list[str]) -> bool:
    """True if `value` is made of exact JSON types within the bounds, its strings gathered."""
    kind = type(value)
    if kind is dict:
        if depth > max_depth:
            return False
        for key in value:
            if type(key) is not str:
                return False
            strings.append(key)
        items = value.values()
    elif kind is list or kind is tuple:
        if depth > max_depth:
            return False
        items = value
    else:
        return _gather_scalar(value, strings)
    for item in items:
        item_kind = type(item)
        if item_kind is str:
            strings.append(item)
        elif item_kind is int:
            if not -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER:
                return False
        elif item_kind is dict or item_kind is list or item_kind is tuple:
            if not _gather(item, max_depth, depth + 1, strings):
                return False
        elif not _gather_scalar(item, strings):
            return False
    return True


def _gather_scalar(value: Any, strings: list[str]) -> bool:
    kind = type(value)
    if kind is str:
        strings.append(value)
        return True
    if kind is int:
        return bool(-MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER)
    if kind is float:
        return math.isfinite(value)
    return kind in _SCALARS


def _check_value(value: Any, max_depth: int, depth: int) -> None:
    if isinstance(value, list | tuple | dict) and depth > max_depth:
        raise JsonProblem("too_deep", max=max_depth)
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            raise JsonProblem("integer_out_of_range")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise JsonProblem("non_finite_number")
    elif isinstance(value, str):
        _check_text(value)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_value(item, max_depth, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise JsonProblem("bad_json", reason="non-string key")
            _check_text(key)
            _check_value(item, max_depth, depth + 1)
    else:
        raise JsonProblem("bad_json", reason=f"{type(value).__name__} is not JSON")


def _check_text(text: str) -> None:
    bad = _BAD_CHAR.search(text)
    if bad is not None:
        surrogate = "\ud800" <= bad.group() <= "\udfff"
        raise JsonProblem("lone_surrogate" if surrogate else "control_character")


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonProblem("duplicate_key", key=key)
        result[key] = value
    return result


def _bounded_int(digits: str) -> int:
    # Length first: int() of a megabyte of digits is slow, and anything over 16 digits is too big.
    if len(digits.lstrip("-")) > 16 or abs(number := int(digits)) > MAX_SAFE_INTEGER:
        raise JsonProblem("integer_out_of_range")
    return number


def _no_constant(name: str) -> NoReturn:
    raise JsonProblem("non_finite_number")


def _parse(raw: bytes, max_depth: int) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonProblem("invalid_utf8") from exc
    try:
        value = json.loads(
            text,
            object_pairs_hook=_unique_object,
            parse_int=_bounded_int,
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as exc:
        raise JsonProblem("bad_json", reason=exc.msg) from exc
    except RecursionError as exc:
        # The decoder recurses per nesting level; check_value below enforces the real bound.
        raise JsonProblem("too_deep", max=max_depth) from exc
    check_value(value, max_depth)
    return value


def loads_strict(raw: bytes, *, member: str, max_depth: int = DEFAULT_LIMITS.max_depth) -> Any:
    """One strict JSON document (a manifest, a setup file); PackageRejected names `member`."""
    try:
        return _parse(raw, max_depth)
    except JsonProblem as problem:
        raise _rejected(problem, member, 1) from problem


def parse_jsonl(
    raw: bytes, *, member: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[dict[str, Any], ...]:
    """Records of one data/<kind>.jsonl member: one JSON object per line, each line ending in LF."""
    # The final line's terminator ends it; it does not start an empty record.
    count = raw.count(b"\n") + (1 if raw and not raw.endswith(b"\n") else 0)
    if count > limits.max_records:
        raise PackageRejected("too_many_records", member=member, max=limits.max_records)
    records = []
    max_line, max_depth = limits.max_line_bytes, limits.max_depth
    start = 0
    for number in range(1, count + 1):
        # One line at a time, so each is freed once parsed (a list of them all would double
        # the memory a large member takes while it is read).
        end = raw.find(b"\n", start)
        line = raw[start : end if end >= 0 else len(raw)]
        start = end + 1
        # Most lines pass the quick way; the rest take the careful one, which names a problem.
        quick = _quick_record(line, max_depth) if len(line) <= max_line else None
        if quick is None:
            quick = _careful_lines([line], number, member, limits)[0]
        records.append(quick)
    return tuple(records)


def _careful_lines(
    lines: list[bytes], first: int, member: str, limits: Limits
) -> tuple[dict[str, Any], ...]:
    """Lines parsed the careful way; the first problem raised as PackageRejected naming its
    line (numbered from `first`)."""
    records = []
    for number, line in enumerate(lines, start=first):
        try:
            records.append(_record(line, limits))
        except JsonProblem as problem:
            raise _rejected(problem, member, number) from problem
    return tuple(records)


def _record(line: bytes, limits: Limits) -> dict[str, Any]:
    if len(line) > limits.max_line_bytes:
        raise JsonProblem("line_too_long", max=limits.max_line_bytes)
    if not line.strip():
        raise JsonProblem("bad_json", reason="empty line")
    value = _parse(line, limits.max_depth)
    if not isinstance(value, dict):
        raise JsonProblem("not_an_object")
    return value


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):  # 1e400
        raise JsonProblem("non_finite_number")
    return number


# The plain decoder, with hooks only for numbers (rare in records but for small integers).
_DECODER = json.JSONDecoder(
    parse_int=_bounded_int, parse_float=_finite_float, parse_constant=_no_constant
)
# The decoder's C scanner itself: one value from an index, with no whitespace skipped.
_scan: Callable[[str, int], tuple[Any, int]] = _DECODER.scan_once  # type: ignore[attr-defined]


def _quick_record(line: bytes, max_depth: int) -> dict[str, Any] | None:
    """The object on a line when cheap tests prove `_parse` would return the same, else None.

    Without a backslash on the line, no string can hold a control character or a lone
    surrogate (JSON allows neither raw, and UTF-8 cannot encode a surrogate) or a quote, so
    the quotes on the line are exactly two per string, keys included. With at most `max_depth`
    brackets nothing nests too deep, and the decoder's hooks refuse numbers out of range. That
    leaves duplicate keys, which the plain decoder lets through keeping the last one: then the
    result holds fewer strings than the line has.
    """
    if b"\\" in line:
        return None
    brackets = line.count(b"{") + line.count(b"[")
    if brackets == 1:
        return _quick_flat(line)
    if brackets > max_depth:
        return None
    try:
        text = line.decode("utf-8")
        value, end = _scan(text, 0)
    except (ValueError, StopIteration, JsonProblem):  # left to _parse to name
        return None
    if end != len(text) or type(value) is not dict:
        return None
    if line.count(b'"') != 2 * _strings(value):
        return None
    return value


def _quick_flat(line: bytes) -> dict[str, Any] | None:
    """`_quick_record` for a flat object, decoded by orjson (about three times the speed of the
    standard library here, and from bytes). Its only differences from the careful parser are
    kept out: whitespace around the object, numbers (a float, or an integer beyond the safe
    range, which orjson would turn into a float) and repeated keys (it keeps the last)."""
    if line[:1] != b"{" or line[-1:] != b"}":
        return None
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if type(value) is not dict:
        return None
    strings = len(value)
    for item in value.values():
        kind = type(item)
        if kind is str:
            strings += 1
        elif kind is float or (kind is int and not -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER):
            return None
    if line.count(b'"') != 2 * strings:
        return None
    # Every record of a kind has the same keys: one copy of each instead of one per record
    # (a third of a large package's memory), and the parser's copies freed at once.
    return dict(zip(map(sys.intern, value), value.values(), strict=True))


def _strings(value: Any) -> int:
    """How many strings, keys included, a decoded value holds."""
    kind = type(value)
    if kind is str:
        return 1
    if kind is dict:
        return len(value) + sum(map(_strings, value.values()))
    if kind is list:
        return sum(map(_strings, value))
    return 0


def _rejected(problem: JsonProblem, member: str, line: int) -> PackageRejected:
    return PackageRejected(problem.code, member=member, line=line, **problem.fields)


def dumps_canonical(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8 as is: equal values give equal bytes (and equal hashes)."""
    text = json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    return text.encode("utf-8")


def write_jsonl(
    records: Iterable[Mapping[str, Any]], *, kind: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[bytes, int]:
    """A data/<kind>.jsonl member and its record count; refuses what parse_jsonl would refuse."""
    lines = []
    for index, record in enumerate(records, start=1):
        try:
            if not isinstance(record, Mapping):
                raise JsonProblem("not_an_object")
            plain = dict(record)
            check_value(plain, limits.max_depth)
            line = dumps_canonical(plain)
            if len(line) > limits.max_line_bytes:
                raise JsonProblem("line_too_long", max=limits.max_line_bytes)
        except JsonProblem as problem:
            raise ExportRefused(
                "record_not_exportable", kind=kind, index=index, problem=problem.code
            ) from problem
        lines.append(line + b"\n")
    if len(lines) > limits.max_records:
        raise ExportRefused("too_many_records", member=f"data/{kind}.jsonl", max=limits.max_records)
    return b"".join(lines), len(lines)
