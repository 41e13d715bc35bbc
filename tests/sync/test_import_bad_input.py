"""Every kind of bad input to an import, through the database: a Chinese reason, and the county's
database exactly as it was (or, where the case calls for a change, exactly that change)."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select, text

from desktop.models import (
    ExchangeConflict,
    ExchangeLog,
    HeldPackage,
    Office,
    ReceivedPackage,
    Suggestion,
    Unit,
)
from desktop.sync import Limits, LocalOffice, OfficeKeys
from desktop.sync import importer as importer_module
from desktop.sync.importer import ImportResult
from desktop.sync.records import SCHEMA_VERSION
from desktop.sync.safezip import DEFLATED, list_members
from desktop.sync.trust import revoke_office
from tests.sync.conftest import ExchangeBase, Peers, members_of, rezip
from tests.sync.exchange_env import Env, Records, changed_tables
from tests.sync.zipcraft import Entry, assemble, craft_zip, local_header, stored, zero_bomb_stream

SIGNATURE = stored("manifest.sig", b"s" * 64)


def refused(env: Env, data: bytes, *fragments: str, **kwargs: Any) -> ImportResult:
    """Import, expect a rejection whose message has every fragment, and an untouched database."""
    before = env.county_dump()
    result = env.import_to_county(data, **kwargs)
    assert result.result == "rejected", result
    assert not result.ok
    assert any("\u4e00" <= c <= "\u9fff" for c in result.message), result.message
    for fragment in fragments:
        assert fragment in result.message, (fragment, result.message)
    assert env.county_dump() == before
    return result


def township_peers(env: Env) -> Peers:
    """The container tests' tamper helper, signing with this township's real key."""
    return Peers(env.c_keys, env.t_keys, None)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# The file itself


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "空的"),
        (b"hello", "不是联席程序的数据包"),
        (b"%PDF-1.7\n" + bytes(200), "不是联席程序的数据包"),
        (b"\x00" * 64, "不是联席程序的数据包"),
        ("八滩镇工会数据".encode() * 10, "不是联席程序的数据包"),
    ],
)
def test_empty_or_not_a_zip(env: Env, data: bytes, fragment: str) -> None:
    refused(env, data, fragment)


def test_truncated_at_many_bytes(env: Env, exchange_base: ExchangeBase) -> None:
    data = exchange_base.first
    before = env.county_dump()
    cuts = sorted({*range(0, 64), *range(0, len(data), max(1, len(data) // 60)), len(data) - 1})
    reasons = set()
    for cut in cuts:
        result = env.import_to_county(data[:cut])
        assert result.result == "rejected", cut
        reasons.add(result.message)
    assert env.county_dump() == before
    assert any("不完整" in m for m in reasons)
    assert all(("不完整" in m) or ("空的" in m) or ("损坏" in m) for m in reasons), reasons


def test_flipped_bits(env: Env, exchange_base: ExchangeBase) -> None:
    data = exchange_base.first
    members = list_members(data, Limits()).values()
    stream_ends = {m.data_offset + m.compressed_size - 1 for m in members if m.method == DEFLATED}
    content = sorted(
        position
        for m in members
        for position in range(m.data_offset, m.data_offset + m.compressed_size)
        if position not in stream_ends
    )
    before = env.county_dump()
    for position in content[:: max(1, len(content) // 80)]:
        damaged = bytearray(data)
        damaged[position] ^= 1 << (position % 8)
        result = env.import_to_county(bytes(damaged))
        assert result.result == "rejected", position
        assert result.message
    assert env.county_dump() == before


def test_member_replaced(env: Env, exchange_base: ExchangeBase) -> None:
    contents = members_of(exchange_base.first)
    original = contents["data/meeting.jsonl"]
    changed = original.replace(b'"version":1', b'"version":9', 1)
    assert changed != original and len(changed) == len(original)
    contents["data/meeting.jsonl"] = changed
    refused(env, rezip(contents), "data/meeting.jsonl", "不符")
    contents["data/meeting.jsonl"] = original + b'{"uuid":"x"}\n'
    refused(env, rezip(contents), "大小与清单不符")


def test_manifest_edited_after_signing(env: Env, exchange_base: ExchangeBase) -> None:
    edited = township_peers(env).tamper(
        exchange_base.first, manifest=lambda d: d.update(sequence=1), resign=False
    )
    document = json.loads(members_of(edited)["manifest.json"])
    document["record_counts"]["meeting"] += 0  # the same content, spelled with spaces
    contents = members_of(edited) | {"manifest.json": json.dumps(document).encode()}
    refused(env, rezip(contents), "签名验证失败")


def test_unknown_key(env: Env, exchange_base: ExchangeBase) -> None:
    records = env.records_of(exchange_base.first)
    impostor = LocalOffice(env.t_keys.uuid, env.t_keys.name, OfficeKeys.generate())
    refused(env, env.sign(records, origin=impostor).data, "不在本单位的信任名单中", "八滩")
    stranger = LocalOffice("7d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a", "外县总工会", impostor.keys)
    refused(env, env.sign(records, origin=stranger).data, "外县总工会", "信任名单")


def test_revoked_key(env: Env, exchange_base: ExchangeBase) -> None:
    with env.county.unit_of_work() as s:
        office = s.scalars(select(Office).where(Office.uuid == env.t_keys.uuid)).one()
        revoke_office(s, office.id)
    refused(env, exchange_base.first, "已作废密钥")


def test_addressed_to_another_office(env: Env, exchange_base: ExchangeBase) -> None:
    records = env.records_of(exchange_base.first)
    other_keys = OfficeKeys.generate()
    other = LocalOffice("7d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a", "响水县总工会", other_keys)
    result = refused(env, env.sign(records, recipient=other.public()).data, "响水县总工会")
    assert "不是发给本单位" in result.message


# ---------------------------------------------------------------------------------------------
# Sequences


def test_same_package_again_is_a_no_op_success(env: Env, exchange_base: ExchangeBase) -> None:
    assert env.import_to_county(exchange_base.first).result == "applied"
    before = env.county_dump()
    again = env.import_to_county(exchange_base.first)
    assert (again.result, again.ok) == ("already_applied", True)
    assert "已经导入过" in again.message
    assert env.county_dump() == before


def test_older_sequence_after_newer(env: Env, exchange_base: ExchangeBase) -> None:
    second = env.export_up()
    assert second is not None
    assert env.import_to_county(exchange_base.first).result == "applied"
    assert env.import_to_county(second.data).result == "applied"
    before = env.county_dump()
    old = env.import_to_county(exchange_base.first)
    assert old.result == "already_applied" and env.county_dump() == before
    # The county no longer remembers no. 1 (an old log pruned): an older package is stale.
    with env.county.unit_of_work() as s:
        s.execute(text("DELETE FROM exchange_received WHERE sequence = 1"))
    refused(env, exchange_base.first, "较早的第 1 号", "已忽略")


def test_reused_sequence_with_other_content(env: Env, exchange_base: ExchangeBase) -> None:
    assert env.import_to_county(exchange_base.first).result == "applied"
    records = env.records_of(exchange_base.first)
    records["suggestion"][0]["content"] = "另一份第1号数据包"
    # Another first package: the sender started again (a restored backup), never applied
    # without the clerk accepting the resync.
    refused(env, env.sign(records).data, "重新从第 1 号开始编号", "接受重新同步")
    with env.county.unit_of_work() as s:
        package_id = s.scalars(select(ReceivedPackage.package_id)).one()
    same_id = env.sign(records, package_id=package_id)
    refused(env, same_id.data, "内容不同")


def test_gap_is_held_naming_the_missing_package(env: Env, exchange_base: ExchangeBase) -> None:
    second = env.export_up()
    third = env.export_up()
    assert second is not None and third is not None
    before = env.county_dump()
    result = env.import_to_county(third.data)
    assert (result.result, result.ok, result.sequence) == ("held", True, 3)
    assert "缺少第 1 号" in result.message
    after = env.county_dump()
    assert changed_tables(before, after) == {"exchange_held", "exchange_log"}
    with env.county.unit_of_work() as s:
        held = s.scalars(select(HeldPackage)).one()
        assert (held.sequence, held.data, held.package_id) == (
            3,
            third.data,
            third.manifest.package_id,
        )
        log = s.scalars(select(ExchangeLog)).one()
        assert (log.result, log.sequence) == ("held", 3)
    # Held again: nothing more is stored.
    assert env.import_to_county(third.data).result == "held"
    assert env.county_dump() == after
    # A dry run of a gap stores nothing at all.
    assert env.import_to_county(second.data, preview=True).result == "held"
    assert env.county_dump() == after


def test_sequence_far_ahead(env: Env, exchange_base: ExchangeBase) -> None:
    records = env.records_of(exchange_base.first)
    far = env.sign(records, sequence=60, previous="e" * 64)
    refused(env, far.data, "第 60 号数据包超前太多")


def test_newer_format_and_schema(env: Env, exchange_base: ExchangeBase) -> None:
    newer = township_peers(env).tamper(
        exchange_base.first, manifest=lambda d: d.update(format_version=2)
    )
    refused(env, newer, "更新版本的联席程序", "请先升级程序")
    records = env.records_of(exchange_base.first)
    schema = env.sign(records, schema_version=SCHEMA_VERSION + 1)
    refused(env, schema.data, f"数据版本（{SCHEMA_VERSION + 1}）", "请先升级程序")


# ---------------------------------------------------------------------------------------------
# The ZIP container


@pytest.mark.parametrize(
    "name",
    [
        "../manifest.json",
        "data/../../evil.jsonl",
        "/etc/passwd",
        "C:/Windows/evil.dll",
        "C:evil",
        "data\\meeting.jsonl",
        "data//meeting.jsonl",
        "./manifest.json",
        "manifest.json\x00.txt",
    ],
)
def test_unsafe_member_names(env: Env, exchange_base: ExchangeBase, name: str) -> None:
    refused(env, craft_zip([stored(name, b"x")]), "不安全的文件名")
    # Also beside a real package's members: the bad name is found before anything is read.
    entries = [stored(n, c) for n, c in members_of(exchange_base.first).items()]
    refused(env, craft_zip([*entries, stored(name, b"x")]), "不安全的文件名")


def test_duplicate_and_extra_members(env: Env, exchange_base: ExchangeBase) -> None:
    contents = members_of(exchange_base.first)
    entries = [stored(n, c) for n, c in contents.items()]
    refused(env, craft_zip([*entries, stored("manifest.json", b"{}")]), "出现了两次")
    extra = b"not announced"
    name = "attachments/" + hashlib.sha256(extra).hexdigest()
    refused(env, rezip(contents | {name: extra}), "清单上没有的文件")
    refused(env, rezip(contents | {"readme.txt": b"hi"}), "readme.txt")


def test_symlink_member(env: Env) -> None:
    link = stored("manifest.json", b"/etc/passwd", external_attr=0o120777 << 16)
    said = refused(env, craft_zip([link, SIGNATURE]), "不是普通文件").message
    assert "symlink" not in said
    folder = stored("data/", b"")
    refused(env, craft_zip([folder]), "不是普通文件")


@pytest.fixture(scope="module")
def gigabyte_of_zeros() -> bytes:
    return zero_bomb_stream(1024)


def test_zip_bombs(env: Env, gigabyte_of_zeros: bytes) -> None:
    over_total = Entry(b"manifest.json", gigabyte_of_zeros, 2000 * 1024 * 1024, 0, method=8)
    refused(env, craft_zip([over_total, SIGNATURE]), "解压后")
    over_ratio = Entry(b"manifest.json", gigabyte_of_zeros, 1024 * 1024 * 1024, 0, method=8)
    refused(env, craft_zip([over_ratio, SIGNATURE]), "解压后")
    lying = Entry(b"manifest.json", gigabyte_of_zeros, 1000, 0, method=8)
    refused(env, craft_zip([lying, SIGNATURE]), "解压后")


def test_overlapping_entry_bomb(env: Env) -> None:
    inner = stored("manifest.sig", b"A" * 64)
    outer = stored("manifest.json", local_header(inner) + inner.stored)
    data = assemble(local_header(outer) + outer.stored, [(outer, 0), (inner, 30 + 13)])
    refused(env, data, "重叠")


@pytest.mark.parametrize("method", [1, 12, 14, 99])
def test_unsupported_compression(env: Env, method: int) -> None:
    refused(env, craft_zip([stored("manifest.json", b"{}", method=method), SIGNATURE]), "压缩方式")


@pytest.mark.parametrize("flag", [0x1, 0x41])
def test_encrypted_members(env: Env, flag: int) -> None:
    refused(env, craft_zip([stored("manifest.json", b"{}", flags=flag), SIGNATURE]), "密码")


# ---------------------------------------------------------------------------------------------
# Sizes


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    def lower(**bounds: int) -> None:
        monkeypatch.setattr(importer_module, "LIMITS", Limits(**bounds))

    return lower


def test_oversized_file(env: Env, exchange_base: ExchangeBase, limits: Callable[..., None]) -> None:
    size = len(exchange_base.first)
    limits(max_package_bytes=size - 1)
    refused(env, exchange_base.first, "超过数据包的上限", f"{size:,} 字节", f"{size - 1:,} 字节")


def test_oversized_record_count(
    env: Env, exchange_base: ExchangeBase, limits: Callable[..., None]
) -> None:
    limits(max_records=100)  # the package holds 421 item events
    refused(env, exchange_base.first, "记录过多", "上限 100 条")


def test_oversized_line(env: Env, exchange_base: ExchangeBase, limits: Callable[..., None]) -> None:
    limits(max_line_bytes=2000)
    refused(env, exchange_base.first, "过长", "2000")


def test_oversized_field_for_its_column(env: Env, exchange_base: ExchangeBase) -> None:
    records = env.records_of(exchange_base.first)
    unit = records["unit"][0]
    unit["name"] = "滨" * 121
    refused(env, env.sign(records).data, "单位", unit["uuid"], "“name”", "超过 120 个字")


def test_oversized_text_field(env: Env, exchange_base: ExchangeBase) -> None:
    records = env.records_of(exchange_base.first)
    records["suggestion"][0]["content"] = "长" * 200_001
    refused(env, env.sign(records).data, "“content”", "超过 200000 个字")


# ---------------------------------------------------------------------------------------------
# JSON that a trusted sender signed but no reader should accept


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        (b"[" * 40 + b"]" * 40, "嵌套层数过多"),
        (b'{"a":' * 20 + b"1" + b"}" * 20, "嵌套层数过多"),
        (b'{"content": "\xff\xfe"}', "不是有效的 UTF-8"),
        (b'{"content": "\\ud800"}', "孤立代理项"),
        (b'{"content": "a\\u0000b"}', "控制字符"),
        (b'{"content": "a\\u0007b"}', "控制字符"),
        (b'{"percent_done": NaN}', "NaN"),
        (b'{"percent_done": Infinity}', "NaN"),
        (b'{"version": 123456789012345678901234567890}', "整数超出允许范围"),
        (b'{"member_count": 9223372036854775808}', "整数超出允许范围"),  # beyond SQLite
        (b"[1, 2]", "不是一条记录"),
        (b'{"uuid": "a", "uuid": "b"}', "重复出现字段"),
        (b"{'uuid': 1}", "不是有效的数据"),
        (b'"just a string"', "不是一条记录"),
    ],
)
def test_signed_but_bad_json(
    env: Env, exchange_base: ExchangeBase, line: bytes, fragment: str
) -> None:
    original = members_of(exchange_base.first)["data/suggestion.jsonl"]
    member = line + b"\n" + original
    count = original.count(b"\n") + 1
    bad = township_peers(env).tamper(
        exchange_base.first,
        members={"data/suggestion.jsonl": member},
        manifest=lambda d: d["record_counts"].update(suggestion=count),
    )
    refused(env, bad, "data/suggestion.jsonl", "第 1 行", fragment)


# ---------------------------------------------------------------------------------------------
# Records: whole package refused, naming kind, record and field


def _first(records: Records, kind: str) -> dict[str, Any]:
    return records[kind][0]


def _set(kind: str, key: str, value: Any) -> Callable[[Records], dict[str, Any]]:
    def change(records: Records) -> dict[str, Any]:
        record = _first(records, kind)
        record[key] = value
        return record

    return change


def _drop(kind: str, key: str) -> Callable[[Records], dict[str, Any]]:
    def change(records: Records) -> dict[str, Any]:
        record = _first(records, kind)
        del record[key]
        return record

    return change


def _child(kind: str, key: str, field: str, value: Any) -> Callable[[Records], dict[str, Any]]:
    def change(records: Records) -> dict[str, Any]:
        record = next(r for r in records[kind] if r[key])
        record[key][0][field] = value
        return record

    return change


RECORD_CASES: dict[str, tuple[Callable[[Records], dict[str, Any]], str, tuple[str, ...]]] = {
    "missing field": (_drop("meeting", "place"), "会议", ("“place”", "缺失")),
    "missing uuid": (_drop("suggestion", "uuid"), "职工建议", ("第1条", "“uuid”", "缺失")),
    "unknown field": (_set("topic", "secret", 1), "议题", ("“secret”", "不认识的字段")),
    "null where required": (_set("topic", "title", None), "议题", ("“title”", "不能为空")),
    "number for text": (_set("unit", "name", 12), "单位", ("“name”", "应为文字")),
    "text for integer": (_set("meeting", "series_number", "3"), "会议", ("应为整数",)),
    "float for integer": (_set("meeting", "series_number", 3.5), "会议", ("应为整数",)),
    "bool as int": (_set("suggestion", "anonymous", 1), "职工建议", ("“anonymous”", "true/false")),
    "int as bool": (_set("agreed_item", "percent_done", True), "议定事项", ("应为整数",)),
    "text for number": (_set("agreed_item", "target_number", "一千"), "议定事项", ("应为数字",)),
    "unknown enum": (
        _set("suggestion", "channel", "telegram"),
        "职工建议",
        ("“channel”", "“telegram”不在允许的范围内"),
    ),
    "enum by name": (_set("meeting", "status", "HELD"), "会议", ("“status”", "不在允许的范围内")),
    "date year 1": (
        _set("suggestion", "received_on", "0001-01-01"),
        "职工建议",
        ("“received_on”", "0001-01-01", "1949 年至 2100 年"),
    ),
    "date year 9999": (
        _set("meeting", "held_on", "9999-12-31"),
        "会议",
        ("“held_on”", "9999-12-31", "不合常理"),
    ),
    "date 1948": (_set("meeting", "held_on", "1948-12-31"), "会议", ("不合常理",)),
    "impossible date": (_set("meeting", "held_on", "2027-02-30"), "会议", ("不是有效的日期",)),
    "date without dashes": (_set("meeting", "held_on", "20270318"), "会议", ("不是有效的日期",)),
    "date as number": (_set("meeting", "held_on", 20270318), "会议", ("不是有效的日期",)),
    "timestamp without zone": (
        _set("unit", "created_at", "2027-03-18T08:00:00"),
        "单位",
        ("“created_at”", "时区"),
    ),
    "timestamp year 9999": (
        _set("unit", "updated_at", "9999-03-18T08:00:00+00:00"),
        "单位",
        ("不合常理",),
    ),
    "version zero": (_set("unit", "version", 0), "单位", ("“version”", "超出允许范围")),
    "bad uuid": (_set("unit", "uuid", "not-a-uuid"), "单位", ("第1条", "“uuid”", "格式不对")),
    "bad origin": (_set("unit", "origin_office", "八滩镇"), "单位", ("“origin_office”",)),
    "bad reference uuid": (
        _set("meeting", "union_unit_uuid", "x"),
        "会议",
        ("“union_unit_uuid”", "格式不对"),
    ),
    "null required reference": (
        _set("meeting", "union_unit_uuid", None),
        "会议",
        ("“union_unit_uuid”", "不能为空"),
    ),
    "children not a list": (_set("meeting", "participants", {}), "会议", ("应为列表",)),
    "child wrong type": (
        _child("meeting", "participants", "role", "speaker"),
        "会议",
        ("participants[0].role", "不在允许的范围内"),
    ),
    "child missing field": (
        _child("feedback", "figures", "number", None),
        "进展反馈",
        ("figures[0].number", "不能为空"),
    ),
    "links not uuids": (
        _set("agreed_item", "cooperating_unit_uuids", [1]),
        "议定事项",
        ("cooperating_unit_uuids[0]", "格式不对"),
    ),
    "json column not an object": (_set("meeting", "minutes_text", ["x"]), "会议", ("应为文字",)),
}


@pytest.mark.parametrize("case", sorted(RECORD_CASES))
def test_malformed_record_refuses_the_whole_package(
    env: Env, exchange_base: ExchangeBase, case: str
) -> None:
    change, label, fragments = RECORD_CASES[case]
    records = env.records_of(exchange_base.first)
    record = change(records)
    uuid = record.get("uuid")
    expected = (label, *fragments)
    if isinstance(uuid, str) and len(uuid) == 36:
        expected += (uuid,)
    result = refused(env, env.sign(records).data, *expected)
    assert "整个数据包未导入" in result.message
    # The same package without the bad record applies.
    assert env.import_to_county(exchange_base.first).result == "applied"


def test_holiday_records_are_checked_too(env: Env, exchange_base: ExchangeBase) -> None:
    records = env.records_of(exchange_base.first)
    records["holiday"] = [{"day": "2027-10-01", "is_workday": 0, "name": "国庆节"}]
    refused(env, env.sign(records).data, "节假日", "2027-10-01", "“is_workday”")
    records["holiday"] = [{"day": "9999-10-01", "is_workday": False, "name": "国庆节"}]
    refused(env, env.sign(records).data, "节假日", "不合常理")


def test_duplicate_record(env: Env, exchange_base: ExchangeBase) -> None:
    records = env.records_of(exchange_base.first)
    twin = copy.deepcopy(records["unit"][0])
    records["unit"].append(twin)
    refused(env, env.sign(records).data, "单位", twin["uuid"], "不止一次")


def test_reference_to_a_record_that_does_not_exist(env: Env, exchange_base: ExchangeBase) -> None:
    ghost = "00000000-0000-4000-8000-000000000000"
    records = env.records_of(exchange_base.first)
    item = _first(records, "agreed_item")
    item["meeting_uuid"] = ghost
    refused(env, env.sign(records).data, "议定事项", item["uuid"], "meeting_uuid", ghost, "都没有")
    records = env.records_of(exchange_base.first)
    meeting = next(r for r in records["meeting"] if r["participants"])
    meeting["participants"][0]["unit_uuid"] = ghost
    refused(env, env.sign(records).data, "会议", "participants[0].unit_uuid", ghost)
    records = env.records_of(exchange_base.first)
    # Leaving out the units removes every record the others refer to.
    del records["unit"]
    refused(env, env.sign(records).data, "引用了记录")


def test_a_record_referring_to_one_later_in_the_package_applies(
    env: Env, exchange_base: ExchangeBase
) -> None:
    records = env.records_of(exchange_base.first)
    records["unit"].reverse()  # children before their parent units
    assert env.import_to_county(env.sign(records).data).result == "applied"


def test_sql_looking_text_is_stored_verbatim(env: Env, exchange_base: ExchangeBase) -> None:
    sql = "'); DROP TABLE unit; -- \" OR 1=1; SELECT * FROM office WHERE name LIKE '%"
    records = env.records_of(exchange_base.first)
    suggestion = _first(records, "suggestion")
    suggestion["content"] = sql
    suggestion["submitter_name"] = "Robert'); DROP TABLE suggestion;--"[:60]
    before = env.county_dump()
    result = env.import_to_county(env.sign(records).data)
    assert result.result == "applied" and not result.problems
    after = env.county_dump()
    assert set(after) == set(before)  # every table is still there
    with env.county.unit_of_work() as s:
        row = s.scalars(select(Suggestion).where(Suggestion.uuid == suggestion["uuid"])).one()
        assert row.content == sql
        assert row.submitter_name == "Robert'); DROP TABLE suggestion;--"
        assert s.scalar(select(func.count()).select_from(Unit)) == len(records["unit"]) + 1


# ---------------------------------------------------------------------------------------------
# Ownership: refused or queued per record, nothing else of that record written


def test_record_claimed_for_another_office_is_refused_alone(
    env: Env, exchange_base: ExchangeBase
) -> None:
    records = env.records_of(exchange_base.first)
    # A suggestion nothing refers to, claimed for the county.
    used = {r.get("suggestion_uuid") for r in records.get("topic", [])}
    claimed = next(r for r in records["suggestion"] if r["uuid"] not in used)
    claimed["origin_office"] = env.c_keys.uuid
    result = env.import_to_county(env.sign(records).data)
    assert result.result == "applied"
    assert result.counts["suggestion"]["rejected"] == 1
    assert result.counts["suggestion"]["new"] == len(records["suggestion"]) - 1
    assert any(claimed["uuid"] in p and "无权修改" in p for p in result.problems)
    with env.county.unit_of_work() as s:
        assert (
            s.scalars(select(Suggestion).where(Suggestion.uuid == claimed["uuid"])).first() is None
        )


def test_township_changing_a_county_record_goes_to_the_conflict_queue(
    env: Env, exchange_base: ExchangeBase
) -> None:
    assert env.import_to_county(exchange_base.first).result == "applied"
    with env.county.unit_of_work() as s:
        county_unit = Unit(
            name="滨海县人力资源和社会保障局",
            kind="department",
            level="county",
            origin_office=env.c_keys.uuid,
            note="县里的记录",
        )
        s.add(county_unit)
        s.flush()
        unit_uuid = county_unit.uuid
    down = env.export_down()
    assert down is not None
    with env.township.unit_of_work() as s:
        from desktop.sync.importer import import_package

        assert import_package(s, down.data).result == "applied"
    with env.township.unit_of_work() as s:
        unit = s.scalars(select(Unit).where(Unit.uuid == unit_uuid)).one()
        unit.origin_office = env.t_keys.uuid  # the township claims it
        unit.note = "乡镇改的"
        unit.name = "乡镇改的名字"
        unit.version += 1
    package = env.export_up()
    assert package is not None
    with env.county.unit_of_work() as s:
        county_row = s.execute(select(Unit.__table__).where(Unit.uuid == unit_uuid)).one()
    result = env.import_to_county(package.data)
    assert result.result == "applied"
    assert result.counts["unit"]["conflicts"] == 1
    with env.county.unit_of_work() as s:
        assert s.execute(select(Unit.__table__).where(Unit.uuid == unit_uuid)).one() == county_row
        conflict = s.scalars(select(ExchangeConflict)).one()
        assert (conflict.record_uuid, conflict.kind) == (unit_uuid, "unit")
        assert conflict.incoming_value["note"] == "乡镇改的"
        assert conflict.local_value["note"] == "县里的记录"
        assert conflict.local_value["origin_office"] == env.c_keys.uuid


def test_database_constraint_refuses_the_whole_package(
    env: Env, exchange_base: ExchangeBase
) -> None:
    records = env.records_of(exchange_base.first)
    meeting = next(r for r in records["meeting"] if r["agenda"])
    meeting["agenda"].append(dict(meeting["agenda"][0]))  # one topic twice on the agenda
    refused(env, env.sign(records).data, "相抵触", "整个数据包未导入")


def test_dry_run_of_a_bad_package_says_why(env: Env, exchange_base: ExchangeBase) -> None:
    records = env.records_of(exchange_base.first)
    _first(records, "suggestion")["channel"] = "telegram"
    refused(env, env.sign(records).data, "telegram", preview=True)


def test_created_at_is_a_valid_timestamp_in_good_packages(exchange_base: ExchangeBase) -> None:
    # The demo's records really do carry zone-aware timestamps: the checks above are not vacuous.
    members = members_of(exchange_base.first)
    unit = json.loads(members["data/unit.jsonl"].split(b"\n")[0])
    moment = datetime.fromisoformat(unit["created_at"])
    assert moment.tzinfo is not None and moment.astimezone(UTC).year >= 2020
