"""The record checks give what they gave before they became plain code: the same first bad field,
or the same stored row, for every case in tests/sync/data/record_checks.json (made by the
exec-based version; see tests/sync/record_golden.py). A checked value is in the Python type its
column takes; what SQLite then stores for it (SQLAlchemy's own bind processing) must be what the
old checks stored."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, Column, Date, Enum, Float, Integer, String
from sqlalchemy.dialects import sqlite

from desktop.models.base import UTCDateTime
from desktop.sync.records import ADDED_FIELDS, SPECS, Parsed, RecordInvalid, Shape, checker
from tests.sync.record_golden import GOLDEN, changed, compact

SQLITE = sqlite.dialect()


@cache
def golden() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(GOLDEN.read_text())
    return document


# The kinds the old checks knew; a kind added since (unit_merge) has no old answers to match,
# and is checked by the same column tests (tests/sync/test_two_offices.py sends real ones).
KINDS = [spec.kind for spec in SPECS if spec.kind in golden()["bases"]]


def _python_type(column: Column[Any]) -> type:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return datetime
    for cls, python in (
        (Date, date),
        (Boolean, bool),
        (Integer, int),
        (Float, float),
        (JSON, dict),
        (Enum, str),
        (String, str),
    ):
        if isinstance(kind, cls):
            return python
    raise AssertionError(column)


def _stored_row(shape: Shape, row: list[Any]) -> list[Any]:
    """What SQLite stores for a checked row: each value through its column's bind processing
    (JSON left as it is, as the old checks left it); references stay UUIDs until written."""
    refs = {position for position, _, _ in shape.refs}
    stored = []
    for position, (name, value) in enumerate(zip(shape.columns, row, strict=True)):
        column = shape.table.columns[name]
        if position in refs:
            assert value is None or type(value) is str
            stored.append(value)
            continue
        if value is None:
            assert column.nullable, name
        else:
            assert type(value) is _python_type(column), (name, value)
            if isinstance(value, datetime):
                assert value.tzinfo is not None, (name, value)
        if isinstance(column.type, JSON):
            stored.append(value)
            continue
        process = column.type.dialect_impl(SQLITE).bind_processor(SQLITE)
        stored.append(value if process is None else process(value))
    return stored


def _outcome(kind: str, parsed: Parsed | RecordInvalid) -> dict[str, Any]:
    if isinstance(parsed, RecordInvalid):
        return {"error": [parsed.field, parsed.problem, parsed.detail]}
    check = checker(kind)
    children = {
        child.key: [_stored_row(shape, row) for row in parsed.children[child.key]]
        for child, shape in check.children
    }
    added = ADDED_FIELDS.get(kind, {})  # fields the old checks never knew
    row = _stored_row(check.shape, parsed.row)
    return {
        "row": [v for name, v in zip(check.shape.columns, row, strict=True) if name not in added],
        "children": children,
        "links": parsed.links,
    }


def _one(kind: str, record: Any) -> dict[str, Any]:
    try:
        return _outcome(kind, checker(kind).check(record))
    except RecordInvalid as invalid:
        return _outcome(kind, invalid)


def _many(kind: str, records: Sequence[Any]) -> list[dict[str, Any]]:
    """Outcomes of check_many: one per good record up to the first bad one, then its error."""
    parsed, invalid = checker(kind).check_many(records)
    outcomes = [_outcome(kind, one) for one in parsed]
    return outcomes if invalid is None else [*outcomes, _outcome(kind, invalid)]


def _same(got: Any, expected: Any) -> bool:
    """Equal in JSON: 1 is not true, nor 2 2.0."""
    return json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)


@pytest.mark.parametrize("kind", KINDS)
def test_base_records_as_before(kind: str) -> None:
    document = golden()
    for record, expected in zip(
        document["bases"][kind], document["expected_bases"][kind], strict=True
    ):
        assert _same(_one(kind, record), expected)
        assert _same(_many(kind, [record]), [expected])


@pytest.mark.parametrize("kind", KINDS)
def test_every_case_as_before(kind: str) -> None:
    """Each case alone, through `check` and through `check_many` (where the column tests, not
    the checkers, take every value that passes them)."""
    document = golden()
    cases = [case for case in document["cases"] if case[0] == kind]
    assert len(cases) > 200
    wrong = []
    for _, index, changes, expected in cases:
        base = document["expected_bases"][kind][index]
        record = changed(document["bases"][kind][index], changes)
        one = compact(_one(kind, record), base)
        (many,) = (compact(outcome, base) for outcome in _many(kind, [record]))
        if not _same(one, expected) or not _same(many, expected):
            wrong.append((changes, expected, one, many))
    assert not wrong, wrong[:3]


@pytest.mark.parametrize("kind", KINDS)
def test_first_bad_record_and_field_among_many(kind: str) -> None:
    """Good records, then two bad ones: check_many reports the first, after the good ones."""
    document = golden()
    bases = document["bases"][kind]
    cases = [case for case in document["cases"] if case[0] == kind]
    bad = [(changed(bases[i], changes), out) for _, i, changes, out in cases if "error" in out]
    good = [changed(bases[i], changes) for _, i, changes, out in cases if "ok" in out]
    for (first, expected), (second, _) in zip(bad[::7], bad[3::7], strict=False):
        outcomes = _many(kind, [*bases, first, second, *bases])
        assert len(outcomes) == len(bases) + 1
        assert _same(outcomes[-1], expected), (first, expected)
    # Every good variant together: the same rows as one at a time.
    assert _same(_many(kind, good), [_one(kind, record) for record in good])


@pytest.mark.parametrize("kind", KINDS)
def test_package_records_as_before(kind: str) -> None:
    document = golden()
    records = document["package"][kind]
    assert _same(_many(kind, records), document["expected_package"][kind])
    assert _same([_one(kind, r) for r in records], document["expected_package"][kind])


def test_column_tests_take_a_real_package() -> None:
    """The demo's records pass every column test: a real import never needs the one-by-one
    check (the speed of a large import depends on it)."""
    document = golden()
    for spec in SPECS:
        if spec.kind not in KINDS:
            continue
        records = document["package"][spec.kind] or document["bases"][spec.kind]
        added = ADDED_FIELDS.get(spec.kind, {})
        records = [{**added, **record} for record in records]  # as check_many fills them
        check = checker(spec.kind)
        assert check.shape.rows(records) is not None, spec.kind
        for child, shape in check.children:
            items = [item for record in records for item in record[child.key]]
            assert shape.rows(items) is not None, (spec.kind, child.key)


def test_a_bulletin_from_an_earlier_program_is_an_issued_one() -> None:
    """Bulletins gained a status (draft, submitted, issued); an earlier program's package has
    none, and only ever sent issued bulletins."""
    record = golden()["bases"]["bulletin"][0]
    assert "status" not in record
    check = checker("bulletin")
    for parsed in (check.check(record), check.check_many([record])[0][0]):
        assert parsed.row[check.shape.position("status")] == "issued"
