"""The exchange layer's wording, Chinese first and English second: data for desktop.messages.

desktop.messages.message() and describe() word these codes. rejection_message() only hands a code
to them, for the importer's results, which still carry a finished sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.core.kinds import KINDS

# (zh, en) per code; "{kind_label}" is filled from a `kind` field, missing fields print as "?".
SYNC_MESSAGES: dict[str, tuple[str, str]] = {
    "empty": (
        "数据包文件是空的（0 字节），可能拷贝未完成。请让对方重新导出。",
        "The package file is empty; ask the sender to export it again.",
    ),
    "package_too_large": (
        "所选文件有 {size}，超过数据包的上限 {max}，没有读取。请确认选择的是数据包文件（.lxpkg）。",
        "The file is {size}, over the package limit of {max}; it was not read.",
    ),
    "not_zip": (
        "这不是联席程序的数据包文件（.lxpkg）。请确认选择了正确的文件。",
        "This is not a LianXi package file (.lxpkg).",
    ),
    "truncated": (
        "数据包文件不完整，可能拷贝时U盘被提前拔出。请让对方重新拷贝。",
        "The package file is incomplete (cut short while copying); copy it again.",
    ),
    "malformed_zip": (
        "数据包文件结构已损坏，可能是拷贝时出了错。请让对方重新导出并拷贝。",
        "The package file is damaged ({reason}); ask for a new copy.",
    ),
    "unsupported_zip": (
        "这个文件用了联席程序的数据包从不使用的压缩包格式，不是本程序导出的数据包，已拒绝。",
        "The package uses an unsupported ZIP feature ({reason}).",
    ),
    "unsupported_compression": (
        "数据包中的 {name} 用了本程序不支持的压缩方式，不是本程序导出的数据包，已拒绝。",
        "{name} uses an unsupported compression method ({method}).",
    ),
    "encrypted_member": (
        "数据包中的 {name} 带有压缩包密码，本程序不接受这种文件。",
        "{name} is password-protected, which packages never are.",
    ),
    "unsafe_member_name": (
        "数据包中含有不安全的文件名“{name}”，已拒绝，未写入任何文件。",
        "The package holds an unsafe member name {name!r}.",
    ),
    "not_regular_file": (
        "数据包中的“{name}”不是普通文件（例如是文件夹或快捷方式），已拒绝。",
        "{name} is not a regular file ({type}).",
    ),
    "duplicate_member": (
        "数据包中“{name}”出现了两次，文件已损坏或被改动，已拒绝。",
        "{name} appears twice in the package.",
    ),
    "too_many_members": (
        "数据包中的文件过多（{count} 个，上限 {max} 个）。",
        "The package holds too many members ({count}, limit {max}).",
    ),
    "zip_bomb": (
        "数据包中的 {name} 解压后比清单所说的大或超过上限，文件已损坏或被改动，已拒绝。",
        "The package would expand too far ({name}: {reason}); refused.",
    ),
    "overlapping_members": (
        "数据包中的“{name}”与其他文件重叠，文件已损坏或被改动，已拒绝。",
        "{name} overlaps another member; refused.",
    ),
    "member_crc_mismatch": (
        "数据包中的 {name} 校验失败，文件在拷贝中损坏。请让对方重新拷贝。",
        "{name} fails its CRC check: the file was damaged in copying.",
    ),
    "corrupt_member": (
        "数据包中的 {name} 已损坏，无法解压，可能是拷贝时出了错。请让对方重新拷贝。",
        "{name} is damaged and cannot be decompressed ({reason}).",
    ),
    "missing_member": ("数据包缺少 {name}，文件不完整。", "The package lacks {name}."),
    "unsigned_bytes": (
        "数据包中的 {name} 附带了签名没有覆盖的内容，可能被人改动过，已拒绝。",
        "{name} carries bytes the signature does not cover; refused.",
    ),
    "unexpected_member": (
        "数据包中多出了清单上没有的文件“{name}”，已拒绝。",
        "{name} is in the package but not in its manifest.",
    ),
    "member_size_mismatch": (
        "数据包中 {name} 的大小与清单不符（应为 {expected}，实为 {actual}）。",
        "{name} has {actual} bytes; the manifest says {expected}.",
    ),
    "member_hash_mismatch": (
        "数据包中 {name} 的内容与签名清单不符，文件已损坏或被改动。",
        "{name} does not match the signed manifest.",
    ),
    "bad_manifest": (
        "数据包的清单不符合格式要求，无法导入。请让对方用正式版本的联席程序重新导出。",
        "The package manifest is invalid: {field} ({reason}).",
    ),
    "too_new_format": (
        "数据包由更新版本的联席程序生成（格式 {version}，本程序支持到 {supported}）。请先升级程序。",
        "The package format {version} is newer than supported ({supported}); upgrade.",
    ),
    "too_new_schema": (
        "数据包中的数据版本（{version}）比本程序新（支持到 {supported}）。请先升级程序。",
        "The package data version {version} is newer than supported ({supported}).",
    ),
    "bad_signature": (
        "数据包的签名验证失败：清单在签名后被改动过，或签名已损坏。已拒绝导入。",
        "The package signature does not verify; it was altered or damaged.",
    ),
    "bad_key_announcement": (
        "数据包宣布了对方的新密钥，但新密钥的证明验证失败，已拒绝导入。请与对方联系。",
        "The package announces new keys whose proof does not verify; refused.",
    ),
    "superseded_key": (
        "{office} 已更换密钥：用旧密钥签名且不宣布新密钥的数据包不再接受（指纹 {fingerprint}）。",
        "{office} changed its keys: a package signed with the old key that does not announce "
        "the new one is no longer accepted (fingerprint {fingerprint}).",
    ),
    "unknown_key": (
        "数据包由“{office}”签名，但其密钥（指纹 {fingerprint}）不在本单位的信任名单中。"
        "请导入对方的设置文件，并电话核对指纹。",
        "{office} signed with a key not on the trust list ({fingerprint}).",
    ),
    "revoked_key": (
        "数据包由“{office}”的已作废密钥（指纹 {fingerprint}）签名，已拒绝。",
        "{office} signed with a revoked key ({fingerprint}).",
    ),
    "wrong_recipient": (
        "这个数据包是发给“{recipient}”的，不是发给本单位（{me}）的。",
        "This package is addressed to {recipient}, not to {me}.",
    ),
    "unknown_kind": (
        "数据包含有本程序不认识的数据类别“{kind}”。请先升级程序。",
        "The package holds an unknown record kind {kind}.",
    ),
    "record_count_mismatch": (
        "数据包中{kind_label}的条数与清单不符（应为 {expected}，实为 {actual}）。",
        "{kind} has {actual} records; the manifest says {expected}.",
    ),
    "decryption_failed": (
        "数据包无法解密：它不是用本单位当前的密钥加密的，或已损坏。",
        "The package cannot be decrypted with this office's key.",
    ),
    "bad_json": (
        "{member} 第 {line} 行不是有效的数据，文件已损坏。",
        "{member} line {line} is not valid JSON ({reason}).",
    ),
    "duplicate_key": (
        "{member} 第 {line} 行重复出现字段“{key}”。",
        "{member} line {line} repeats the key {key!r}.",
    ),
    "non_finite_number": (
        "{member} 第 {line} 行含有 NaN 或无穷大。",
        "{member} line {line} holds NaN or Infinity.",
    ),
    "integer_out_of_range": (
        "{member} 第 {line} 行的整数超出允许范围（±2^53）。",
        "{member} line {line} has an integer beyond ±2^53.",
    ),
    "too_deep": (
        "{member} 第 {line} 行嵌套层数过多（上限 {max} 层）。",
        "{member} line {line} nests deeper than {max}.",
    ),
    "invalid_utf8": (
        "{member} 第 {line} 行不是有效的 UTF-8 文本。",
        "{member} line {line} is not valid UTF-8.",
    ),
    "lone_surrogate": (
        "{member} 第 {line} 行含有无效的字符编码（孤立代理项）。",
        "{member} line {line} holds a lone surrogate.",
    ),
    "control_character": (
        "{member} 第 {line} 行含有不可见的控制字符。",
        "{member} line {line} holds a control character.",
    ),
    "line_too_long": (
        "{member} 第 {line} 行过长（上限 {max} 字节）。",
        "{member} line {line} is longer than {max} bytes.",
    ),
    "too_many_records": (
        "{member} 的记录过多（上限 {max} 条）。",
        "{member} holds more than {max} records.",
    ),
    "not_an_object": (
        "{member} 第 {line} 行不是一条记录（应为 JSON 对象）。",
        "{member} line {line} is not a JSON object.",
    ),
    "bad_setup_file": (
        "设置文件无效或已损坏。请向对方重新索取设置文件。",
        "The setup file is invalid ({reason}).",
    ),
    "fingerprint_mismatch": (
        "设置文件的指纹 {actual} 与电话核对的指纹 {expected} 不一致。请勿导入，并与对方联系。",
        "The setup file's fingerprint {actual} differs from the one read out ({expected}).",
    ),
    "export_too_large": (
        "要导出的数据过大（{size}，上限 {max}）。请分批导出。",
        "The export is too large ({size}, limit {max}); export in parts.",
    ),
    "record_not_exportable": (
        "第 {index} 条{kind_label}记录无法导出（{problem}）。请检查该记录的内容。",
        "{kind} record {index} cannot be exported ({problem}).",
    ),
    "signing_key_unavailable": (
        "本单位的签名密钥已加密保存，但这台电脑上没有解开它的密钥（{where}）。"
        "数据库可能是从别的电脑拷来的：请在原来的电脑上操作，或请技术人员把密钥文件一并迁移。",
        "This office's signing key is sealed, and the key that opens it is not on this computer "
        "({where}); the database may come from another computer.",
    ),
    "unreadable_file": (
        "无法读取 {path}。请检查U盘是否已插好，或重新选择文件。",
        "Could not read {path} ({reason}).",
    ),
    "write_failed": (
        "无法写入 {path}。请检查U盘是否已插好、未写保护。",
        "Could not write {path} ({reason}).",
    ),
    "folder_missing": (
        "文件夹不存在：{path}。U盘可能已拔出，请插好U盘后重新选择文件夹。",
        "The folder {path} does not exist; the stick may have been removed.",
    ),
    "disk_full": (
        "U盘空间不足，无法写入 {path}。请清理U盘后重试。",
        "Not enough space to write {path}.",
    ),
    "verify_failed": (
        "写入 {path} 后读回校验不一致，U盘可能有故障。文件已删除，请换一个U盘。",
        "{path} read back differently from what was written; the stick may be faulty.",
    ),
    # record contents (see apply.py): the whole package is refused, naming the first bad record
    "bad_record": (
        "数据包中的{kind_label}（{uuid}）字段“{field}”{problem_text}。整个数据包未导入，"
        "本库没有任何改动。请让对方检查这条记录后重新导出。",
        "{kind_label} {uuid}: field {field} {problem_text}. Nothing was imported.",
    ),
    "duplicate_record": (
        "数据包中的{kind_label}（{uuid}）出现了不止一次。整个数据包未导入，本库没有任何改动。",
        "{kind_label} {uuid} appears more than once. Nothing was imported.",
    ),
    "missing_reference": (
        "数据包中的{kind_label}（{uuid}）的“{field}”引用了记录 {target}，"
        "但本库和数据包中都没有这条记录。整个数据包未导入，本库没有任何改动。",
        "{kind_label} {uuid}: {field} refers to {target}, which is neither here nor in the "
        "package. Nothing was imported.",
    ),
    "constraint": (
        "数据包中的记录与本库已有的记录相抵触（例如编号重复）。整个数据包未导入，本库没有任何改动。",
        "The package's records clash with records here ({reason}). Nothing was imported.",
    ),
    # one record refused, the rest of the package applied (see apply.py and authority.py)
    "not_owner": (
        "{kind_label}（{uuid}）不归发送单位所有，发送单位无权修改，这条记录未导入。",
        "{kind_label} {uuid} belongs to another office; the sender may not write it. Not imported.",
    ),
    "outside_subtree": (
        "{kind_label}（{uuid}）记在了不属于发送单位下辖范围的单位名下，"
        "发送单位无权为其他单位记录，这条记录未导入。",
        "{kind_label} {uuid} counts for a unit outside the sender's own; not imported.",
    ),
    "not_own_record": (
        "{kind_label}（{uuid}）要加到其他单位的{target_label}上，发送单位无权改动别人的记录，"
        "这条记录未导入。",
        "{kind_label} {uuid} would add to another office's {target_label}; not imported.",
    ),
    "not_responsible": (
        "{kind_label}（{uuid}）针对的议定事项既不是发送单位的，也不由它或它下属的单位牵头或配合办理，"
        "这条记录未导入。",
        "{kind_label} {uuid} reports on an item the sender is neither lead nor cooperating "
        "unit of; not imported.",
    ),
    "action_not_allowed": (
        "{kind_label}（{uuid}）要在其他单位的议定事项上记“{action_label}”，"
        "只有事项所属单位才能这样做，这条记录未导入。",
        "{kind_label} {uuid} records '{action_label}' on another office's item; only its "
        "owner may. Not imported.",
    ),
    "depends_on_refused": (
        "{kind_label}（{uuid}）引用的{target_label}没有导入，这条记录也未导入。",
        "{kind_label} {uuid} refers to a {target_label} that was not imported; not imported.",
    ),
    "invalid_value": (
        "{kind_label}（{uuid}）不符合录入规则：{rule_text}这条记录未导入。",
        "{kind_label} {uuid} breaks an entry rule: {rule_text} Not imported.",
    ),
    # sequence verdicts (see sequence.py): not exceptions, but shown to the clerk the same way
    "next": (
        "第 {sequence} 号数据包接续已导入的第 {last_applied} 号，可以导入。",
        "Package no. {sequence} follows no. {last_applied}; it can be applied.",
    ),
    "already_applied": (
        "这个数据包（第 {sequence} 号）已经导入过，无需重复导入。",
        "Package no. {sequence} was already imported; nothing to do.",
    ),
    "held": (
        "已收到第 {sequence} 号数据包，但缺少第 {missing_first} 号。已暂存，待第 {missing_first} 号导入后自动导入。",
        "Package no. {sequence} is held until no. {missing_first} arrives.",
    ),
    "stale": (
        "这是较早的第 {sequence} 号数据包，已导入到第 {last_applied} 号，已忽略。",
        "Package no. {sequence} is older than the last applied ({last_applied}); ignored.",
    ),
    "sequence_reused": (
        "第 {sequence} 号数据包与已导入的同号数据包内容不同。对方可能恢复过旧备份：请对方在"
        "“数据交换”中对本单位点“重新同步…”（或 lianxi package resync），再导出数据包。",
        "A different package no. {sequence} was already applied. The sender may have restored a "
        "backup: ask them to resync with this office (lianxi package resync) and export again.",
    ),
    "restart_unconfirmed": (
        "对方的数据包重新从第 1 号开始编号（已导入到第 {last_applied} 号）：对方恢复过备份并要求"
        "重新同步。请先电话与对方核对，再选择“接受重新同步”导入（lianxi package import "
        "--accept-restart）。接受后双方互相补发对方缺少的记录，不会丢失数据。",
        "The sender's packages start again at no. 1 (no. {last_applied} was applied): it restored "
        "a backup and asks to resync. Confirm with the sender by phone, then import accepting the "
        "resync (--accept-restart); each side then re-sends what the other lacks.",
    ),
    "chain_broken": (
        "第 {sequence} 号数据包与已导入的上一号数据包对不上。对方可能恢复过旧备份，请联系对方。",
        "Package no. {sequence} does not follow the one applied before it.",
    ),
    "too_far_ahead": (
        "第 {sequence} 号数据包超前太多（已导入到第 {last_applied} 号），请按顺序导入。",
        "Package no. {sequence} is too far ahead of no. {last_applied}.",
    ),
}

# Fields counting bytes, shown as "3.0 GB" rather than a ten-digit number.
BYTE_FIELDS: dict[str, tuple[str, ...]] = {
    "package_too_large": ("size", "max"),
    "export_too_large": ("size", "max"),
}

# Kinds that travel in packages without being records of desktop.core.kinds.
PACKAGE_ONLY_KINDS: dict[str, tuple[str, str]] = {
    "receipt": ("回执", "receipt"),
    "item_event": ("事项办理过程", "item timeline entry"),
}
# Every kind a package may hold, by its package name.
KIND_LABELS: dict[str, tuple[str, str]] = {
    k.package_name: (k.label, k.english) for k in KINDS.values()
} | PACKAGE_ONLY_KINDS


# Why one field of a record was refused: the {problem_text} of "bad_record".
FIELD_PROBLEMS: dict[str, tuple[str, str]] = {
    "missing": ("缺失", "is missing"),
    "unknown_field": ("是本程序不认识的字段", "is not a known field"),
    "not_object": ("应为一条记录（JSON 对象）", "should be an object"),
    "required": ("不能为空", "may not be null"),
    "not_text": ("应为文字", "should be text"),
    "too_long": ("超过 {max} 个字", "is longer than {max} characters"),
    "badly_formed": ("格式不对", "is badly formed"),
    "not_integer": ("应为整数", "should be an integer"),
    "not_number": ("应为数字", "should be a number"),
    "out_of_range": ("数值超出允许范围", "is out of range"),
    "not_boolean": ("应为“是”或“否”（true/false）", "should be true or false"),
    "not_date": ("不是有效的日期（应为 年-月-日）", "is not a date (YYYY-MM-DD)"),
    "not_datetime": ("不是带时区的有效时间", "is not a date and time with a time zone"),
    "absurd_date": (
        "的日期 {value} 不合常理（应在 1949 年至 2100 年之间）",
        "has an absurd date {value} (outside 1949-2100)",
    ),
    "bad_enum": ("的取值“{value}”不在允许的范围内", "has a value {value!r} that is not allowed"),
    "not_list": ("应为列表", "should be a list"),
    "too_many": ("条目过多（上限 {max} 条）", "has more than {max} entries"),
    "duplicate": ("中有重复的条目", "lists an entry twice"),
}


# What happened to a package and to its records, for the CLI (the window translates its own).
RESULT_WORDS = {
    "applied": "已导入",
    "already_applied": "以前已导入，无变化",
    "held": "已暂存",
    "rejected": "已拒绝",
}
OUTCOME_WORDS = {
    "new": "新增",
    "updated": "更新",
    "unchanged": "无变化",
    "conflicts": "冲突",
    "rejected": "拒收",
}


def rejection_message(code: str, fields: Mapping[str, Any], lang: str = "zh") -> str:
    """The catalogue's sentence for an exchange code; kept for the importer's results."""
    from desktop.messages import message  # the catalogue imports these tables

    return message(code, fields, lang, exchange=True)
