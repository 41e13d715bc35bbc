"""The corpus behind tests/sync/data/record_checks.json, and how that file was made.

The golden file holds what the record checks did before they were rewritten as plain code (the
version at commit 00ee6b7 generated Python source per table and ran it with exec): for base
records of every kind from a demo township's package, and for thousands of variants of them
(one field set to an edge value, dropped or added; children and links broken; values drawn by
Hypothesis per column type), either the stored row or the first RecordInvalid (field, problem,
detail). Stored rows are in SQLite's stored form, as the old checks produced them.

Remaking it (only ever from the old implementation):

    git show 00ee6b7:desktop/sync/records.py > /tmp/old_records.py
    .venv/bin/python -m tests.sync.record_golden /tmp/old_records.py
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "data" / "record_checks.json"
DROP = {"drop": True}

# Values tried in every field (the bad-input tests' values among them).
GENERIC: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    3.5,
    "",
    "3",
    "x",
    "八滩镇",
    "一千",
    "HELD",
    "telegram",
    "speaker",
    "not-a-uuid",
    [],
    ["x"],
    [1],
    {},
    {"a": 1},
    20270318,
    2**63,
    -(2**63),
    2**63 - 1,
    1e300,
    -0.0,
]
MOMENTS: list[Any] = [
    "2027-03-18",
    "1949-01-01",
    "2100-12-31",
    "0001-01-01",
    "9999-12-31",
    "1948-12-31",
    "2101-01-01",
    "2027-02-30",
    "2028-02-29",
    "20270318",
    "2027-W11-4",
    "２０２７-03-18",
    " 2027-03-18",
    "2027-03-18T08:00:00+00:00",
    "2027-03-18T08:00:00.123456+00:00",
    "2027-03-18T16:00:00+08:00",
    "2027-03-18T00:30:00+08:00",
    "1949-01-01T00:00:00+08:00",
    "1948-12-31T23:00:00-02:00",
    "2100-12-31T23:59:59.999999-05:00",
    "2027-03-18T08:00:00Z",
    "2027-03-18T08:00:00.5+00:00",
    "2027-03-18T08:00+00:00",
    "2027-W11-4T08:00:00+00:00",
    "2027-03-18T08:00:00",
    "9999-03-18T08:00:00+00:00",
    "2027-03-18 08:00:00+00:00",
    "2027-03-18T08:00:00+00:00" + " " * 20,
    "2027-03-18T08:00:00.1234+08:00:00.123456",  # 40 characters, the most a timestamp may have
    "2027-03-18T08:00:00.12345+08:00:00.123456",
]
PATTERNED: list[Any] = [
    "00000000-0000-4000-8000-000000000001",
    "00000000-0000-4000-8000-00000000000G",
    "00000000-0000-4000-8000-00000000000A",
    "0" * 64,
    "f" * 63,
    "F" * 64,
]
INTEGERS: list[Any] = [2, 7, 100, 2**53, -(2**63) - 1, 2**64, 101, -5]
FLOATS: list[Any] = [2.0, 2.5, -1e15, 1e15, 1e15 + 1, -1e16, 1e-300, 123456789]


def long_values(limit: int) -> list[dict[str, Any]]:
    """Texts at and over a column's limit, kept short in the file."""
    return [{"repeat": ["长", limit]}, {"repeat": ["长", limit + 1]}, {"repeat": ["x", limit]}]


def hypothesis_values(kind: str, count: int) -> list[Any]:
    """Values Hypothesis draws for one column type, the same on every run (derandomized)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
    text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
    json_leaf = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text
    strategies = {
        "text": text,
        "integer": st.integers(-(2**64), 2**64) | st.integers(-3, 3),
        "number": st.floats(allow_nan=False) | st.integers(-(2**60), 2**60),
        "date": st.dates().map(date.isoformat)
        | st.dates(date(1940, 1, 1), date(2110, 1, 1)).map(date.isoformat),
        "moment": st.builds(
            lambda moment, zone, spec: moment.replace(tzinfo=zone).isoformat(timespec=spec),
            st.datetimes(datetime(1940, 1, 1), datetime(2110, 1, 1)),
            st.none() | st.just(UTC) | offsets,
            st.sampled_from(["auto", "seconds", "microseconds", "minutes", "milliseconds"]),
        ),
        "uuid": st.uuids().map(str) | st.uuids().map(lambda u: str(u).upper()),
        "json": st.recursive(
            json_leaf,
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
            max_leaves=6,
        ),
    }
    drawn: list[Any] = []

    @settings(
        derandomize=True,
        database=None,
        max_examples=count,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategies[kind])
    def draw(value: Any) -> None:
        drawn.append(value)

    draw()
    return drawn


def decode(value: Any) -> Any:
    """A case's value as the check sees it."""
    if isinstance(value, dict) and "repeat" in value:
        text, count = value["repeat"]
        return text * count
    if isinstance(value, dict) and "many" in value:
        item, count = value["many"]
        return [copy.deepcopy(item) for _ in range(count)]
    return value["v"]


def changed(record: Any, changes: list[list[Any]]) -> Any:
    """A base record with a case's changes made: [path, value] pairs, applied in order."""
    for path, value in changes:
        record = apply_case(record, path, value)
    return record


def apply_case(record: Any, path: list[Any], value: Any) -> Any:
    """A copy of `record` with the value at `path` set (or the key dropped, value DROP)."""
    if not path:
        return decode(value)
    out = copy.deepcopy(record)
    target = out
    for step in path[:-1]:
        target = target[step]
    if value == DROP:
        del target[path[-1]]
    else:
        target[path[-1]] = decode(value)
    return out


def digest(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def compact(outcome: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """An outcome as the file keeps it: an error as it is; a stored row as what differs from the
    base record's (row positions, children, links: each whole, or its digest when large)."""
    if "error" in outcome:
        return outcome
    diff: dict[str, Any] = {}
    row = {
        str(i): {"v": value} if len(json.dumps(value)) < 500 else {"sha256": digest(value)}
        for i, (value, was) in enumerate(zip(outcome["row"], base["row"], strict=True))
        if digest(value) != digest(was)
    }
    if row:
        diff["row"] = row
    for part in ("children", "links"):
        if digest(outcome[part]) != digest(base[part]):
            small = len(json.dumps(outcome[part])) < 2000
            diff[part] = outcome[part] if small else {"sha256": digest(outcome[part])}
    return {"ok": diff}


# ---------------------------------------------------------------------------------------------
# Making the file (with the old implementation)


def _load(path: str) -> Any:
    spec = importlib.util.spec_from_file_location("old_records", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_records"] = module
    spec.loader.exec_module(module)
    return module


def _demo_records() -> dict[str, list[dict[str, Any]]]:
    from desktop.sync.importer import open_package
    from tests.sync.exchange_env import build_pair, make_env

    folder = Path(tempfile.mkdtemp())
    paths = build_pair(folder)
    env = make_env(paths, folder)
    built = env.export_up()
    assert built is not None
    with env.county.unit_of_work() as s:
        opened = open_package(s, built.data)
    env.dispose()
    return {kind: [copy.deepcopy(r) for r in rs] for kind, rs in opened.records.items()}


def _bases(old: Any, demo: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Per kind a few records: the first, and one with each child list and link filled."""
    bases: dict[str, list[dict[str, Any]]] = {}
    for spec in old.SPECS:
        records = demo.get(spec.kind) or [_synthetic(old, spec)]
        chosen = records[:2]
        for key in [c.key for c in spec.children] + list(spec.links):
            filled = next((r for r in records if r[key]), None)
            if filled is not None and filled not in chosen:
                chosen.append(filled)
        trimmed = []
        for record in chosen:
            record = copy.deepcopy(record)
            for child in spec.children:
                record[child.key] = record[child.key][:2]
            trimmed.append(record)
        bases[spec.kind] = trimmed
    return bases


def _category(column: Any, old: Any) -> str:
    from sqlalchemy import JSON, Boolean, Date, Enum, Float, Integer

    from desktop.models.base import UTCDateTime

    kind = column.type
    if isinstance(kind, UTCDateTime):
        return "moment"
    for name, cls in (
        ("date", Date),
        ("enum", Enum),
        ("boolean", Boolean),
        ("integer", Integer),
        ("number", Float),
        ("json", JSON),
    ):
        if isinstance(kind, cls):
            return name
    return "uuid" if column.name in old._PATTERNS else "text"


def _values(category: str, limit: int, drawn: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """The values tried in one field: every generic one, and more for its column type."""
    values: list[Any] = list(GENERIC)
    if category in ("date", "moment"):
        values += MOMENTS + drawn[category][:12]
    elif category == "uuid":
        values += PATTERNED + drawn["uuid"][:8]
    elif category == "text":
        values += MOMENTS[:1] + MOMENTS[13:14] + PATTERNED[:1] + drawn["text"][:10]
    elif category == "integer":
        values += INTEGERS + drawn["integer"][:10]
    elif category == "number":
        values += FLOATS + INTEGERS[:4] + drawn["number"][:10]
    elif category == "json":
        values += drawn["json"][:10]
    cases = [{"v": v} for v in values]
    if category == "text":
        cases += long_values(limit)
    return cases


def _categories(old: Any, table: Any, shape: Any) -> dict[str, tuple[str, int]]:
    """key -> (column type category, text limit) of one shape's keys."""
    refs = {position for position, _, _ in shape.refs}
    out = {}
    for position, (key, name) in enumerate(zip(shape.ordered, shape.columns, strict=False)):
        column = table.columns[name]
        category = "uuid" if position in refs else _category(column, old)
        out[key] = (category, getattr(column.type, "length", None) or old.MAX_TEXT)
    return out


def _synthetic(old: Any, spec: Any) -> dict[str, Any]:
    """A valid record of a kind the demo has none of, one child item in each list."""
    sample = {
        "text": "样例",
        "uuid": "00000000-0000-4000-8000-0000000000aa",
        "integer": 3,
        "number": 1.5,
        "boolean": True,
        "date": "2027-03-18",
        "moment": "2027-03-18T08:00:00+00:00",
        "json": {"a": 1},
    }

    def fill(model: Any, shape: Any) -> dict[str, Any]:
        item = {}
        for key, (category, _) in _categories(old, model.__table__, shape).items():
            if category == "enum":
                name = shape.columns[shape.ordered.index(key)]
                item[key] = str(next(iter(model.__table__.columns[name].type.enum_class)).value)
            elif key == "sha256":
                item[key] = "0" * 64
            else:
                item[key] = sample[category]
        return item

    check = old.checker(spec.kind)
    record = fill(spec.model, check.shape)
    for child, shape in check.children:
        record[child.key] = [fill(child.model, shape)]
    for key in spec.links:
        record[key] = [sample["uuid"]]
    return record


def _outcome(old: Any, kind: str, record: Any) -> dict[str, Any]:
    try:
        parsed = old.checker(kind).check(record)
    except old.RecordInvalid as invalid:
        return {"error": [invalid.field, invalid.problem, invalid.detail]}
    return {"row": parsed.row, "children": parsed.children, "links": parsed.links}


def _cases(old: Any, bases: dict[str, list[dict[str, Any]]]) -> Iterator[list[Any]]:
    drawn = {
        kind: hypothesis_values(kind, 40)
        for kind in ("text", "integer", "number", "date", "moment", "uuid", "json")
    }
    for spec in old.SPECS:
        kind = spec.kind
        categories = _categories(old, spec.model.__table__, old.checker(kind).shape)
        for index, base in enumerate(bases[kind]):
            yield [kind, index, [], {"v": "not a record"}]
            yield [kind, index, [], {"v": None}]
            yield [kind, index, [], {"v": []}]
            yield [kind, index, ["zz_unknown"], {"v": 1}]
            yield [kind, index, ["a_unknown"], {"v": None}]
            for key in base:
                yield [kind, index, [key], DROP]
            # Every value in every field of the first base; of the others, only their lists.
            lists = [c.key for c in spec.children] + list(spec.links)
            keys = lists if index else list(base)
            for key in keys:
                if key in categories:
                    for value in _values(*categories[key], drawn):
                        yield [kind, index, [key], value]
                    continue
                yield from _list_cases(old, spec, kind, index, base, key, drawn)


def _list_cases(
    old: Any, spec: Any, kind: str, index: int, base: dict[str, Any], key: str, drawn: Any
) -> Iterator[list[Any]]:
    for value in (None, {}, "x", [None], [1], ["x"], [[]]):
        yield [kind, index, [key], {"v": value}]
    items = base[key]
    if not items:
        return
    yield [kind, index, [key], {"many": [items[0], old.MAX_LIST]}]
    yield [kind, index, [key], {"many": [items[0], old.MAX_LIST + 1]}]
    if key in spec.links:
        yield [kind, index, [key], {"v": [items[0], items[0]]}]
        yield [kind, index, [key], {"v": [items[0].upper()]}]
        yield [kind, index, [key, 0], {"v": None}]
        return
    child = next(c for c in spec.children if c.key == key)
    shape = next(s for c, s in old.checker(kind).children if c.key == key)
    categories = _categories(old, child.model.__table__, shape)
    yield [kind, index, [key, 0], {"v": "not an item"}]
    yield [kind, index, [key, 0, "zz_unknown"], {"v": 1}]
    for field in items[0]:
        yield [kind, index, [key, 0, field], DROP]
        for value in _values(*categories[field], drawn):
            yield [kind, index, [key, 0, field], value]
            if len(items) > 1:
                yield [kind, index, [key, 1, field], value]


def _pairs(old: Any, bases: dict[str, list[dict[str, Any]]]) -> Iterator[list[Any]]:
    """Two bad fields in one record: the one first in key order is reported."""
    bad = [{"v": None}, {"v": 3.5}, {"v": "x" * 300}, {"v": []}]
    for spec in old.SPECS:
        keys = list(old.checker(spec.kind).shape.ordered)
        for first in range(0, len(keys), 3):
            for second in (first + 1, len(keys) - 1):
                if first < second < len(keys) and bases[spec.kind]:
                    for value in bad:
                        yield [spec.kind, 0, [[keys[second]], value], [[keys[first]], value]]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def main(old_path: str) -> None:
    old = _load(old_path)
    demo = _demo_records()
    bases = _bases(old, demo)
    expected_bases = {
        kind: [_outcome(old, kind, record) for record in records] for kind, records in bases.items()
    }
    assert all("row" in outcome for outcomes in expected_bases.values() for outcome in outcomes)
    cases = []
    for kind, index, path, value in _cases(old, bases):
        cases.append([kind, index, [[path, value]]])
    for kind, index, *changes in _pairs(old, bases):
        cases.append([kind, index, changes])
    for case in cases:
        kind, index, changes = case
        outcome = _outcome(old, kind, changed(bases[kind][index], changes))
        case.append(compact(outcome, expected_bases[kind][index]))
    # Whole packages' worth: every demo record of every kind, checked in order.
    full = {kind: demo.get(kind, [])[:25] for kind in bases}
    full_expected = {
        kind: [_outcome(old, kind, record) for record in records] for kind, records in full.items()
    }
    document = {
        "made_by": "desktop/sync/records.py at commit 00ee6b7 (exec-generated row checks)",
        "bases": bases,
        "expected_bases": expected_bases,
        "cases": cases,
        "package": full,
        "expected_package": full_expected,
    }
    GOLDEN.parent.mkdir(exist_ok=True)
    parts = []
    for name, value in document.items():
        if name == "cases":  # one case a line, so a change to the file reads as one
            lines = ",\n".join(_dumps(case) for case in value)
            parts.append(f'"cases":[\n{lines}\n]')
        else:
            parts.append(f"{_dumps(name)}:{_dumps(value)}")
    GOLDEN.write_text("{\n" + ",\n".join(parts) + "\n}\n")
    print(f"{len(cases)} cases, {GOLDEN.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1])
